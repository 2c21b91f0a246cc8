// My list: the people I mute, ignore or block now, newest choice first.
import type { BlocksPage, BlocksQuery } from '../../../contract/blocks';
import type { Actor } from '../../lib/access';
import { decodeCursor, pageOf } from '../../lib/pagination';
import type { BlocksDeps } from './deps';
import { toBlock } from './present';
import { myBlocks } from './queries';

const PER_PAGE = 50;

export async function blockList(
  deps: BlocksDeps,
  actor: Actor,
  query: BlocksQuery,
): Promise<BlocksPage> {
  const from = decodeCursor(query.cursor);
  const rows = await myBlocks(deps.db, actor.userId, deps.now(), from, PER_PAGE, query.userId);
  const page = pageOf(rows, PER_PAGE, (row) => ({ at: row.createdAt, id: row.otherId }));
  const names = await deps.people.authorsByIds(page.items.map((row) => row.otherId));
  return { items: page.items.map((row) => toBlock(row, names)), nextCursor: page.nextCursor };
}
