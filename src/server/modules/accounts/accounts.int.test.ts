import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  latestTokenFor,
  makeMember,
  ORIGIN,
  randomIp,
  requestEmailLink,
  startTestApp,
  type TestApp,
  uniqueEmail,
  verifyEmailLink,
} from '../../../../tests/support/app';
import { EMAIL_LINK_TTL_MS, SESSION_IDLE_TTL_MS } from './service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sign up and email link', () => {
  it('signs a new member up, mails a link that works once, and starts a session', async () => {
    const member = await makeMember(t, { displayName: 'Maggie', role: 'caregiver' });
    expect(member.user).toMatchObject({
      displayName: 'Maggie',
      role: 'caregiver',
      siteRole: 'member',
    });
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: member.cookie } });
    expect(me.json().user.email).toBe(member.email);
    expect(me.json().user.conductCurrent).toBe(true);
  });

  it('refuses a used link with a 410 in plain words', async () => {
    const email = uniqueEmail();
    const ip = randomIp();
    const m = await makeMember(t, { email });
    const ask = await requestEmailLink(t.app, m.email, ip);
    expect(ask.statusCode).toBe(202);
    const token = await latestTokenFor(t.app, email);
    const first = await verifyEmailLink(t.app, token, ip);
    expect(first.statusCode).toBe(200);
    const second = await verifyEmailLink(t.app, token, ip);
    expect(second.statusCode).toBe(410);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().title).toMatch(/ask for a new one/);
  });

  it('refuses a link older than 15 minutes', async () => {
    const m = await makeMember(t);
    await requestEmailLink(t.app, m.email, m.ip);
    const token = await latestTokenFor(t.app, m.email);
    t.advanceClock(EMAIL_LINK_TTL_MS + 1000);
    const late = await verifyEmailLink(t.app, token, m.ip);
    expect(late.statusCode).toBe(410);
  });
});

describe('sessions', () => {
  it('slides the session forward while used and ends it after a month idle', async () => {
    const m = await makeMember(t);
    t.advanceClock(SESSION_IDLE_TTL_MS - 60_000);
    const stillIn = await t.app.inject({ url: '/api/me', headers: { cookie: m.cookie } });
    expect(stillIn.json().user?.id).toBe(m.user.id);
    t.advanceClock(SESSION_IDLE_TTL_MS - 60_000);
    const slid = await t.app.inject({ url: '/api/me', headers: { cookie: m.cookie } });
    expect(slid.json().user?.id).toBe(m.user.id);
    t.advanceClock(SESSION_IDLE_TTL_MS + 60_000);
    const out = await t.app.inject({ url: '/api/me', headers: { cookie: m.cookie } });
    expect(out.json().user).toBeNull();
  });

  it('signs out everywhere', async () => {
    const m = await makeMember(t);
    await requestEmailLink(t.app, m.email, m.ip);
    const token = await latestTokenFor(t.app, m.email);
    const second = await verifyEmailLink(t.app, token, m.ip);
    const secondCookie = cookieFrom(second)!;
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: { origin: ORIGIN, cookie: m.cookie },
    });
    expect(out.statusCode).toBe(200);
    for (const cookie of [m.cookie, secondCookie]) {
      const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
      expect(me.json().user).toBeNull();
    }
  });

  it('refuses a state change from another site', async () => {
    const m = await makeMember(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: { origin: 'https://evil.example', cookie: m.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().type).toMatch(/cross-site/);
  });
});

describe('passwords', () => {
  it('sets a password stored as argon2id and signs in with it', async () => {
    const m = await makeMember(t);
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/me/password',
      headers: { origin: ORIGIN, cookie: m.cookie },
      payload: { password: 'a long pass phrase' },
    });
    expect(set.statusCode).toBe(200);
    const { users } = await import('./tables');
    const { eq } = await import('drizzle-orm');
    const [row] = await t.app.ctx.database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, m.user.id));
    expect(row?.hash).toMatch(/^\$argon2id\$/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      remoteAddress: randomIp(),
      headers: { origin: ORIGIN },
      payload: { email: m.email, password: 'not it at all' },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      remoteAddress: randomIp(),
      headers: { origin: ORIGIN },
      payload: { email: m.email.toUpperCase(), password: 'a long pass phrase' },
    });
    expect(right.statusCode).toBe(200);
    expect(cookieFrom(right)).toBeDefined();
  });
});

describe('rate limits', () => {
  it('answers too many email-link requests for one email with a 429 in plain words', async () => {
    const email = uniqueEmail('limited');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await requestEmailLink(t.app, email, randomIp());
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().title).toMatch(/Too many tries/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 5).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
  });
});
