import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { MemberRole, SessionUser, SignUpBody } from '../../src/contract';
import { CONDUCT_VERSION } from '../../src/contract';
import { storedTrustLevel, type TrustLevel } from '../../src/contract/trust';
import { type App, buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { users } from '../../src/server/modules/accounts/tables';
import { openTestDatabase } from './db';

export const ORIGIN = 'http://localhost:3000';

export interface TestApp {
  app: App;
  /** Moves the app's clock on by this many milliseconds. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/** The configuration tests run the app with, its data in a fresh folder named from `dirPrefix`. */
export function testConfig(env: Record<string, string> = {}, dirPrefix = 'bt-test-') {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), dirPrefix)),
    PUBLIC_URL: ORIGIN,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    SEED_DEMO: 'never',
    ...env,
  });
}

/** The real app on a database of its own, with a clock the test can move. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(env);
  const database = await openTestDatabase();
  let offset = 0;
  const app = await buildApp(config, { database, now: () => new Date(Date.now() + offset) });
  await app.ready();
  return {
    app,
    advanceClock: (ms) => {
      offset += ms;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A fresh address per caller keeps the per-IP limits of one test out of another's way. */
export function randomIp(): string {
  return `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
}

export function uniqueEmail(label = 'member'): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.test`;
}

export function cookieFrom(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === 'bt_session');
  return cookie?.value ? `bt_session=${cookie.value}` : undefined;
}

/** Pulls the sign-in token out of a mail's text. */
export function tokenFromMail(text: string): string {
  const match = /#token=([A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error(`No sign-in link in mail:\n${text}`);
  return match[1];
}

export interface Member {
  user: SessionUser;
  cookie: string;
  email: string;
  ip: string;
}

/** POST /api/auth/sign-up from our own pages: an adult survivor who accepts the conduct. */
export function requestSignUp(
  app: App,
  body: Partial<SignUpBody> & { email: string },
  ip = randomIp(),
) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    remoteAddress: ip,
    headers: { origin: ORIGIN },
    payload: {
      displayName: 'Test Member',
      role: 'survivor',
      isAdult: true,
      acceptConduct: true,
      conductVersion: CONDUCT_VERSION,
      ...body,
    },
  });
}

/** POST /api/auth/email-link: asks for a sign-in link by mail. */
export function requestEmailLink(app: App, email: string, ip = randomIp()) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/email-link',
    remoteAddress: ip,
    headers: { origin: ORIGIN },
    payload: { email },
  });
}

/** POST /api/auth/email-link/verify: signs in with a mailed token. */
export function verifyEmailLink(app: App, token: string, ip = randomIp()) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/email-link/verify',
    remoteAddress: ip,
    headers: { origin: ORIGIN },
    payload: { token },
  });
}

/** Signs a new member up through the real routes and the dev outbox, and signs them in. */
export async function makeMember(
  { app }: TestApp,
  overrides: Partial<SignUpBody> & { role?: MemberRole; trust?: TrustLevel } = {},
): Promise<Member> {
  const ip = randomIp();
  const email = overrides.email ?? uniqueEmail(overrides.role ?? 'member');
  const { trust, ...body } = overrides;
  const signUp = await requestSignUp(app, { ...body, email }, ip);
  if (signUp.statusCode !== 202) throw new Error(`sign-up failed: ${signUp.body}`);
  const token = await latestTokenFor(app, email);
  const verify = await verifyEmailLink(app, token, ip);
  if (verify.statusCode !== 200) throw new Error(`verify failed: ${verify.body}`);
  // Most tests are about members who have been here a while: "basic" unless asked. A test
  // of what new members may not do yet asks for `trust: 'new'`.
  const user = verify.json().user as SessionUser;
  await giveTrust(app, user.id, trust ?? 'basic');
  return { user, cookie: cookieFrom(verify)!, email, ip };
}

/** Sets a person's trust level straight in the database (the recount is not under test). */
export async function giveTrust(app: App, userId: string, level: TrustLevel = 'basic') {
  await app.ctx.database.db
    .update(users)
    .set({ trustLevel: storedTrustLevel(level) })
    .where(eq(users.id, userId));
}

/**
 * The dev outbox, newest first, once the mail jobs due now have run (mail goes by job,
 * after the request that asked for it has been answered). Polls briefly, never sleeps long.
 */
export async function outboxFor(
  app: App,
  email: string,
  { deadlineMs = 2_000 } = {},
): Promise<{ to: string; subject: string; text: string }[]> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    await app.ctx.jobs.drain();
    const outbox = await app.inject({ method: 'GET', url: '/api/dev/outbox' });
    const mails = (
      outbox.json().messages as { to: string; subject: string; text: string }[]
    ).filter((m) => m.to === email);
    if (mails.length > 0 || Date.now() > until) return mails;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The newest sign-in token mailed to this address, read from the dev outbox. */
export async function latestTokenFor(app: App, email: string): Promise<string> {
  const [mail] = await outboxFor(app, email);
  if (!mail) throw new Error(`No mail to ${email}`);
  return tokenFromMail(mail.text);
}

/** PATCH /api/me/profile as this member, from our own pages. */
export function patchProfile(t: TestApp, who: Member, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'PATCH',
    url: '/api/me/profile',
    headers: { cookie: who.cookie, origin: ORIGIN },
    payload,
  });
}

/** Makes a member a moderator or admin (no route does this yet: it is a database fact). */
export async function promote(t: TestApp, userId: string, siteRole: 'moderator' | 'admin') {
  const { users } = await import('../../src/server/modules/accounts/tables');
  const { eq } = await import('drizzle-orm');
  await t.app.ctx.database.db.update(users).set({ siteRole }).where(eq(users.id, userId));
}
