import { IdParams } from '../../../contract/common';
import { TrustStanding, TrustUpdate } from '../../../contract/trust';
import type { AppContext } from '../../context';
import { type Api, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['moderation'];

export function trustRoutes(api: Api, ctx: AppContext) {
  const { trust } = ctx;

  api.get(
    '/moderation/people/:id/trust',
    {
      config: { access: 'moderator' },
      schema: {
        tags,
        summary: 'A person’s trust level: what they have done, and what the next level needs',
        params: IdParams,
        response: { 200: TrustStanding, ...problemResponses },
      },
    },
    async (request) => trust.standing(requireActor(request), request.params.id),
  );

  api.put(
    '/moderation/people/:id/trust',
    {
      config: { access: 'moderator' },
      schema: {
        tags,
        summary: 'Set a person’s trust level by hand, and lock it so the recount keeps it',
        params: IdParams,
        body: TrustUpdate,
        response: { 200: TrustStanding, ...problemResponses },
      },
    },
    async (request) => trust.set(requireActor(request), request.params.id, request.body),
  );
}
