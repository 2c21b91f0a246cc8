import { HomeQuery, HomeResponse } from '../../../contract/home';
import type { AppContext } from '../../context';
import { type Api, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['home'];

export function homeRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/home',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "My Home: my groups' next meetings, new replies, requests to answer, first steps",
        querystring: HomeQuery,
        response: { 200: HomeResponse, ...problemResponses },
      },
    },
    async (request) => ctx.home.homeFor(requireActor(request), request.query),
  );
}
