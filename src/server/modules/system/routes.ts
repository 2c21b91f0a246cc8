import { z } from 'zod';
import type { AppContext } from '../../context';
import type { Api } from '../../lib/api';
import { problems } from '../../lib/errors';

export function systemRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/openapi.json',
    { config: { access: 'public', session: false }, schema: { hide: true } },
    async () => api.swagger(),
  );

  api.get(
    '/health',
    {
      config: { access: 'public', session: false },
      schema: {
        tags: ['system'],
        summary: 'The process is up',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  api.get(
    '/ready',
    {
      config: { access: 'public', session: false },
      schema: {
        tags: ['system'],
        summary: 'The database answers and every migration is applied',
        response: {
          200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
    async () => {
      // A database that answers but lacks migrations would fail on the first real request.
      if ((await ctx.database.readiness()) !== 'ready') throw problems.unavailable();
      return { status: 'ready' as const, database: ctx.database.kind };
    },
  );
}
