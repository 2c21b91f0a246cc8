import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  latestTokenFor,
  type Member,
  makeMember,
  ORIGIN,
  outboxFor,
  promote,
  randomIp,
  requestEmailLink,
  requestSignUp,
  startTestApp,
  type TestApp,
  verifyEmailLink,
} from '../../../../tests/support/app';
import { t as translate } from '../../lib/i18n';
import { RECENT_PROOF_MS } from './permissions';
import { SESSION_ABSOLUTE_TTL_MS, SESSION_IDLE_TTL_MS } from './service';
import { sessions, users } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const DAY_MS = 24 * 60 * 60 * 1000;

function setPassword(cookie: string, payload: Record<string, unknown>) {
  return t.app.inject({
    method: 'PUT',
    url: '/api/me/password',
    headers: { origin: ORIGIN, cookie },
    payload,
  });
}

const askLink = (m: Member) => requestEmailLink(t.app, m.email, m.ip);

const verify = (token: string) => verifyEmailLink(t.app, token);

function passwordSignIn(email: string, password: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    remoteAddress: randomIp(),
    headers: { origin: ORIGIN },
    payload: { email, password },
  });
}

async function mailsTo(email: string): Promise<{ subject: string; text: string }[]> {
  return outboxFor(t.app, email);
}

async function whoIs(cookie: string) {
  return (await t.app.inject({ url: '/api/me', headers: { cookie } })).json().user;
}

describe('setting or changing a password needs recent proof', () => {
  it('lets a fresh email sign-in set a password, and mails the owner that it happened', async () => {
    const m = await makeMember(t);
    const res = await setPassword(m.cookie, { password: 'a long pass phrase' });
    expect(res.statusCode).toBe(200);
    const [latest] = await mailsTo(m.email);
    expect(latest?.subject).toBe(translate('mail.passwordSet.subject'));
    expect(latest?.text).toContain(translate('mail.passwordNotYouNext'));
  });

  it('refuses a session whose email sign-in is older than 10 minutes, without the password', async () => {
    const m = await makeMember(t);
    t.advanceClock(RECENT_PROOF_MS + 60_000);
    const res = await setPassword(m.cookie, { password: 'a long pass phrase' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().type).toMatch(/proof-needed/);
    expect(res.json().title).toBe(translate('problems.proofNeededNoPassword'));
    expect((await whoIs(m.cookie)).hasPassword).toBe(false);

    // A new email link proves it again, for ten minutes.
    await askLink(m);
    const again = await verify(await latestTokenFor(t.app, m.email));
    const fresh = cookieFrom(again)!;
    expect((await setPassword(fresh, { password: 'a long pass phrase' })).statusCode).toBe(200);
  });

  it('changes a password with the current one, and refuses a wrong one', async () => {
    const m = await makeMember(t);
    expect((await setPassword(m.cookie, { password: 'the first pass phrase' })).statusCode).toBe(
      200,
    );
    t.advanceClock(RECENT_PROOF_MS + 60_000);

    const without = await setPassword(m.cookie, { password: 'someone else chose this' });
    expect(without.statusCode).toBe(403);
    expect(without.json().title).toBe(translate('problems.proofNeeded'));
    expect(without.json().errors).toEqual({
      currentPassword: translate('fields.currentPassword.required'),
    });

    const wrong = await setPassword(m.cookie, {
      password: 'someone else chose this',
      currentPassword: 'a guess that is wrong',
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().errors).toEqual({
      currentPassword: translate('fields.currentPassword.wrong'),
    });
    expect((await passwordSignIn(m.email, 'someone else chose this')).statusCode).toBe(401);

    const right = await setPassword(m.cookie, {
      password: 'the second pass phrase',
      currentPassword: 'the first pass phrase',
    });
    expect(right.statusCode).toBe(200);
    expect((await passwordSignIn(m.email, 'the second pass phrase')).statusCode).toBe(200);
    const [latest] = await mailsTo(m.email);
    expect(latest?.subject).toBe(translate('mail.passwordChanged.subject'));
  });

  it('does not count a password sign-in as email proof', async () => {
    const m = await makeMember(t);
    await setPassword(m.cookie, { password: 'the first pass phrase' });
    const byPassword = cookieFrom(await passwordSignIn(m.email, 'the first pass phrase'))!;
    const res = await setPassword(byPassword, { password: 'a thief would choose this' });
    expect(res.statusCode).toBe(403);
  });

  it('limits guesses of the current password', async () => {
    const m = await makeMember(t);
    await setPassword(m.cookie, { password: 'the first pass phrase' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await setPassword(m.cookie, {
        password: 'a thief would choose this',
        currentPassword: `guess number ${i}`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 403)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('sign-in links', () => {
  it('voids the older unused link when a new one is asked for', async () => {
    const m = await makeMember(t);
    await askLink(m);
    const older = await latestTokenFor(t.app, m.email);
    await askLink(m);
    const newer = await latestTokenFor(t.app, m.email);
    expect(newer).not.toBe(older);
    const late = await verify(older);
    expect(late.statusCode).toBe(410);
    expect(late.json().title).toBe(translate('problems.linkUsedOrOld'));
    expect((await verify(newer)).statusCode).toBe(200);
  });

  it('voids every unused link on "sign out everywhere"', async () => {
    const m = await makeMember(t);
    await askLink(m);
    const unused = await latestTokenFor(t.app, m.email);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: { origin: ORIGIN, cookie: m.cookie },
    });
    expect(out.statusCode).toBe(200);
    expect((await verify(unused)).statusCode).toBe(410);
  });
});

describe('sessions', () => {
  it('end 90 days after sign-in, however often they are used', async () => {
    const m = await makeMember(t);
    const [session] = await t.app.ctx.database.db
      .select({ createdAt: sessions.createdAt })
      .from(sessions)
      .where(eq(sessions.userId, m.user.id));
    const absoluteEnd = session!.createdAt.getTime() + SESSION_ABSOLUTE_TTL_MS;
    let used = 0;
    // Used every 25 days, the idle limit (30 days) is never reached.
    while (used + 25 * DAY_MS < SESSION_ABSOLUTE_TTL_MS) {
      t.advanceClock(25 * DAY_MS);
      used += 25 * DAY_MS;
      const res = await t.app.inject({ url: '/api/me', headers: { cookie: m.cookie } });
      expect(res.json().user?.id).toBe(m.user.id);
      const cookie = res.cookies.find((c) => c.name === 'bt_session');
      // The cookie never promises more than the absolute end.
      expect(cookie?.expires?.getTime()).toBeLessThanOrEqual(absoluteEnd);
    }
    expect(SESSION_ABSOLUTE_TTL_MS - used).toBeLessThan(SESSION_IDLE_TTL_MS);
    t.advanceClock(SESSION_ABSOLUTE_TTL_MS - used + 60_000);
    expect(await whoIs(m.cookie)).toBeNull();
  });
});

describe('display names', () => {
  const signUp = (displayName: string) =>
    requestSignUp(t.app, {
      email: `name-${Math.random().toString(16).slice(2)}@example.test`,
      displayName,
    });

  it('refuses staff-like names at sign-up with a plain field message, hidden characters or not', async () => {
    for (const name of [
      'Ivy (moderator)',
      'Admin',
      'Moderator Team',
      'Been There staff',
      'Mod\u200Berator',
      'A\u202Edmin',
    ]) {
      const res = await signUp(name);
      expect(res.statusCode, name).toBe(422);
      expect(res.json().errors, name).toEqual({
        displayName: translate('fields.displayName.staffLike'),
      });
    }
  });

  it('takes invisible and direction-changing characters out of names', async () => {
    const m = await makeMember(t, { displayName: '\u202EIv\u200By\u2066\u2069\uFEFF' });
    expect(m.user.displayName).toBe('Ivy');
    const edit = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: { origin: ORIGIN, cookie: m.cookie },
      payload: { displayName: 'Ro\u00ADsa\u200F M' },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().displayName).toBe('Rosa M');
    const [row] = await t.app.ctx.database.db
      .select({ name: users.displayName })
      .from(users)
      .where(eq(users.id, m.user.id));
    expect(row?.name).toBe('Rosa M');
  });

  it('refuses a staff-like name on a profile edit, but lets staff use one', async () => {
    const m = await makeMember(t);
    const edit = (who: Member, displayName: string) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/me/profile',
        headers: { origin: ORIGIN, cookie: who.cookie },
        payload: { displayName },
      });
    const refused = await edit(m, 'Ivy (moderator)');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual({
      displayName: translate('fields.displayName.staffLike'),
    });
    expect((await whoIs(m.cookie)).displayName).toBe('Test Member');

    const staff = await makeMember(t);
    await promote(t, staff.user.id, 'moderator');
    expect((await edit(staff, 'Ivy (moderator)')).statusCode).toBe(200);
  });

  it('shows names stored before these rules without their hidden characters', async () => {
    const owner = await makeMember(t);
    const viewer = await makeMember(t);
    await t.app.ctx.database.db
      .update(users)
      .set({ displayName: 'Old\u200B \u202ENa\u2067me' })
      .where(eq(users.id, owner.user.id));
    expect((await whoIs(owner.cookie)).displayName).toBe('Old Name');
    const seen = await t.app.inject({
      url: `/api/members/${owner.user.id}`,
      headers: { cookie: viewer.cookie },
    });
    expect(seen.json().displayName).toBe('Old Name');
    const authors = await t.app.ctx.accounts.authorsByIds([owner.user.id]);
    expect(authors.get(owner.user.id)?.displayName).toBe('Old Name');
  });
});
