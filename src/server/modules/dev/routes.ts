import type { IncomingMessage } from 'node:http';
import {
  DemoAccountsResponse,
  DemoSignInBody,
  DevClockBody,
  DevClockResponse,
  MeResponse,
  OutboxResponse,
} from '../../../contract';
import { isLoopbackAddress } from '../../config';
import type { App, AppContext } from '../../context';
import { type Api, problemResponses } from '../../lib/api';
import { requestMeta, setSessionCookie } from '../../lib/auth-hooks';
import { recentOutbox } from '../../lib/mail/mailer';
import { demoAccounts } from '../../seed/demo';

const tags = ['development only'];

/**
 * A route constraint: routes that ask for { caller: 'loopback' } exist only
 * for requests from this machine; anyone else gets the app's plain 404. It
 * trusts the socket's address, never X-Forwarded-For (TRUST_PROXY or not),
 * which anyone can write.
 */
export const callerConstraint = {
  name: 'caller',
  mustMatchWhenDerived: false,
  storage() {
    const handlers = new Map<string, unknown>();
    return {
      get: (value: string) => (handlers.get(value) ?? null) as never,
      set: (value: string, handler: unknown) => {
        handlers.set(value, handler);
      },
    };
  },
  validate(value: unknown) {
    if (value !== 'loopback') throw new Error(`caller constraint must be 'loopback', not ${value}`);
  },
  deriveConstraint: (request: IncomingMessage) =>
    isFromThisMachine(request) ? 'loopback' : 'remote',
};

/**
 * The socket's peer is loopback, and no proxy on this machine says it forwards
 * someone else (a tunnel or reverse proxy in front of a development server).
 * Forwarding headers are only ever used to refuse, so forging them gains nothing.
 */
function isFromThisMachine(request: IncomingMessage): boolean {
  if (!isLoopbackAddress(request.socket?.remoteAddress)) return false;
  const forwarded = [request.headers['x-forwarded-for'], request.headers['x-real-ip']]
    .flat()
    .filter((value): value is string => typeof value === 'string')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  if (request.headers.forwarded) return false;
  return forwarded.every((address) => isLoopbackAddress(address));
}

const fromThisMachine = { caller: 'loopback' };

/**
 * Tools for development: registered only outside production, guarded again by
 * access 'dev', and answered only to loopback callers (the outbox holds sign-in links).
 */
export function devRoutes(api: Api, ctx: AppContext) {
  const { db } = ctx.database;
  const app = api as unknown as App;

  api.get(
    '/dev/outbox',
    {
      config: { access: 'dev' },
      constraints: fromThisMachine,
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
      constraints: fromThisMachine,
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
      constraints: fromThisMachine,
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

  api.post(
    '/dev/clock',
    {
      config: { access: 'dev' },
      constraints: fromThisMachine,
      schema: {
        tags,
        summary: "Move the app's clock ahead (0 puts it back); the periodic tasks then run at once",
        body: DevClockBody,
        response: { 200: DevClockResponse, ...problemResponses },
      },
    },
    async (request) => {
      const clock = ctx.devClock;
      if (!clock) throw new Error('dev clock: missing outside production');
      clock.setAhead(request.body.aheadMinutes * 60_000);
      // Reminders and sweeps due by the new time go now, not at their next turn; twice over, as
      // one sweep's work (a reminder) may make another's (its email, after quiet hours).
      for (let round = 0; round < 2; round++) {
        await ctx.jobs.runPeriodic();
        await ctx.jobs.drain();
      }
      return { now: clock.now().toISOString(), aheadMinutes: request.body.aheadMinutes };
    },
  );
}
