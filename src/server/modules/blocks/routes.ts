import {
  BlockBody,
  BlockParams,
  Block as BlockSchema,
  BlocksPage,
  BlocksQuery,
} from '../../../contract/blocks';
import { Ok } from '../../../contract/common';
import type { AppContext } from '../../context';
import { type Api, noBody, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['blocks'];

/** My own choices about other people: only ever mine, so every route is for members. */
export function blocksRoutes(api: Api, ctx: AppContext) {
  const { blocks } = ctx;

  api.get(
    '/me/blocks',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'The people I mute, ignore or block now, with their names and until when',
        querystring: BlocksQuery,
        response: { 200: BlocksPage, ...problemResponses },
      },
    },
    async (request) => blocks.list(requireActor(request), request.query),
  );

  api.put(
    '/me/blocks/:userId',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Mute, ignore or block one person for a day, a week, a month or for good',
        params: BlockParams,
        body: BlockBody,
        response: { 200: BlockSchema, ...problemResponses },
      },
    },
    async (request) => blocks.set(requireActor(request), request.params.userId, request.body),
  );

  api.delete(
    '/me/blocks/:userId',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Stop muting, ignoring or blocking one person',
        params: BlockParams,
        body: noBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await blocks.stop(requireActor(request), request.params.userId);
      return { ok: true as const };
    },
  );
}
