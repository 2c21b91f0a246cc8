import {
  DemoAccountsResponse,
  DemoSignInBody,
  MeResponse,
  OutboxResponse,
} from '../../../contract';
import type { App, AppContext } from '../../app';
import { type Api, problemResponses } from '../../lib/api';
import { requestMeta, setSessionCookie } from '../../lib/auth-hooks';
import { recentOutbox } from '../../lib/mail/mailer';
import { demoAccounts } from '../../seed/demo';

const tags = ['development only'];

/** Tools for development: registered only outside production, and guarded again by access 'dev'. */
export function devRoutes(api: Api, ctx: AppContext) {
  const { db } = ctx.database;
  const app = api as unknown as App;

  api.get(
    '/dev/outbox',
    {
      config: { access: 'dev' },
      schema: { tags, summary: 'Mail the app would have sent', response: { 200: OutboxResponse } },
    },
    async () => ({
      messages: (await recentOutbox(db)).map((m) => ({
        ...m,
        createdAt: m.createdAt.toISOString(),
      })),
    }),
  );

  api.get(
    '/dev/demo-accounts',
    {
      config: { access: 'dev' },
      schema: {
        tags,
        summary: 'Demo members to sign in as',
        response: { 200: DemoAccountsResponse },
      },
    },
    async () => ({ accounts: await demoAccounts(db) }),
  );

  api.post(
    '/dev/sign-in-as',
    {
      config: { access: 'dev' },
      schema: {
        tags,
        summary: 'Sign in as a demo member',
        body: DemoSignInBody,
        response: { 200: MeResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const session = await ctx.accounts.demoSignIn(request.body.userId, requestMeta(request));
      setSessionCookie(app, reply, session.token, session.expiresAt);
      return { user: session.user };
    },
  );
}
