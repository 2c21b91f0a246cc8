import type { z } from 'zod';
import type { Block, BlockBody, BlocksPage, BlocksQuery } from '../../contract/blocks';
import type { Ok } from '../../contract/common';
import { call, route } from './route';

/** Mute, ignore and block: my own list, typed from `src/contract/blocks.ts`. */
export const blocksRoutes = {
  list: route<BlocksPage, never, z.input<typeof BlocksQuery>>()('GET', '/me/blocks'),
  set: route<Block, BlockBody>()('PUT', '/me/blocks/:userId'),
  stop: route<Ok>()('DELETE', '/me/blocks/:userId'),
} as const;

/** The people I mute, ignore or block now, newest first, a page at a time. */
export const getBlocks = (cursor: string | null) =>
  call(blocksRoutes.list, { query: { cursor: cursor ?? undefined } });
/** My choice about one person, or null when I have made none (or it ran out). */
export const getBlockFor = async (userId: string): Promise<Block | null> =>
  (await call(blocksRoutes.list, { query: { userId } })).items[0] ?? null;
export const setBlock = (userId: string, body: BlockBody) =>
  call(blocksRoutes.set, { params: { userId }, body });
export const stopBlock = (userId: string) => call(blocksRoutes.stop, { params: { userId } });
