import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  latestTokenFor,
  type Member,
  makeMember,
  ORIGIN,
  outboxFor,
  promote,
  randomIp,
  requestEmailLink,
  startTestApp,
  type TestApp,
  tokenFromMail,
  verifyEmailLink,
} from '../../../../tests/support/app';
import { expectProblem } from '../../../../tests/support/forum';
import { callAs } from '../../../../tests/support/groups';
import { setTrust } from '../../../../tests/support/world';
import { t as translate } from '../../lib/i18n';
import { moderationAppealLinks } from './tables';

// Issue 11 part 5: every action is open to appeal. A suspended or banned person cannot sign
// in, so the mail that tells them carries a link, good for 30 days, that opens the appeal of
// that one decision without signing in. The appeal goes to a different moderator.

let t: TestApp;
let moderator: Member;
let second: Member;
let admin: Member;

beforeAll(async () => {
  t = await startTestApp();
  [moderator, second, admin] = await Promise.all([
    makeMember(t, { displayName: 'Mel Acting' }),
    makeMember(t, { displayName: 'Nell Second' }),
    makeMember(t, { displayName: 'Ada Keeper' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  await promote(t, second.user.id, 'moderator');
  await promote(t, admin.user.id, 'admin');
});
afterAll(() => t?.close());

const as = (who: Member | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  callAs(t, who, method, url, payload);

/** Calls a link route as nobody, from one address (the limit is per address). */
const byLink = (path: 'decision' | 'appeal', payload: unknown, ip = randomIp()) =>
  t.app.inject({
    method: 'POST',
    url: `/api/moderation/appeal-link/${path}`,
    remoteAddress: ip,
    headers: { origin: ORIGIN },
    payload: payload as object,
  });

/** A person a moderator suspended (or banned), with the action and the mail they got. */
async function restricted(action: 'suspend' | 'ban', name: string) {
  const person = await makeMember(t, { displayName: name });
  await setTrust(t, person.user.id, 'member');
  const { caseId } = await t.app.ctx.jobs.transaction((tx, enqueue) =>
    t.app.ctx.moderation.openCase(tx, enqueue, {
      reason: 'report',
      reportReason: 'spam',
      subject: { kind: 'profile', id: person.user.id },
      subjectUserId: person.user.id,
    }),
  );
  expect((await as(moderator, 'POST', `/api/moderation/cases/${caseId}/claim`)).statusCode).toBe(
    200,
  );
  const acted = await as(moderator, 'POST', `/api/moderation/cases/${caseId}/actions`, {
    action,
    reason: 'spam',
    ...(action === 'suspend' ? { days: 7 } : {}),
  });
  expect(acted.statusCode, acted.body).toBe(200);
  const mails = await outboxFor(t.app, person.email);
  const mail = mails.find((m) => m.text.includes('/appeal#token='));
  if (!mail) throw new Error('no appeal link was mailed');
  return {
    person,
    actionId: acted.json().action.id as string,
    mail,
    token: tokenFromMail(mail.text),
  };
}

describe('appealing by the mailed link, without signing in', () => {
  it('mails what, why and a link; the link opens that decision and sends one appeal', async () => {
    const { person, actionId, mail, token } = await restricted('suspend', 'Sue Paused');
    expect(mail.subject).toBe('Your Been There account is paused');
    expect(mail.text).toMatch(/A moderator paused your account until \w+day \d+ \w+\./);
    expect(mail.text).toContain('The reason: spam.');
    expect(mail.text).toContain(`${ORIGIN}/appeal#token=${token}`);
    // One mail about it: the app's own notice would ask them to sign in, which they cannot.
    const aboutIt = (await outboxFor(t.app, person.email)).filter((m) =>
      /paused|decision/i.test(m.subject),
    );
    expect(aboutIt).toHaveLength(1);

    // The token is kept only as a hash.
    const [stored] = await t.app.ctx.database.db
      .select()
      .from(moderationAppealLinks)
      .where(eq(moderationAppealLinks.actionId, actionId));
    expect(stored?.tokenHash).toBeTruthy();
    expect(stored?.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const decision = await byLink('decision', { token });
    expect(decision.statusCode, decision.body).toBe(200);
    expect(decision.json()).toMatchObject({
      action: 'suspend',
      reason: 'spam',
      canAppeal: true,
      appealedAt: null,
      overturned: false,
    });
    expect(decision.json().id).toBeUndefined();

    const sent = await byLink('appeal', { token, words: 'It was not spam. Please look again.' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().message).toBe(translate('moderation.appealLink.sent'));
    expectProblem(await byLink('appeal', { token, words: 'And again.' }), 409);
    expect((await byLink('decision', { token })).json()).toMatchObject({ canAppeal: false });

    // The appeal waits for a moderator other than the one who acted.
    const queue = (await as(second, 'GET', '/api/moderation/queue')).json().items as {
      id: string;
      reason: string;
      subject: { id: string };
    }[];
    const appealCase = queue.find((c) => c.reason === 'appeal' && c.subject.id === person.user.id);
    expect(appealCase).toBeDefined();
    expectProblem(
      await as(moderator, 'POST', `/api/moderation/cases/${appealCase!.id}/claim`),
      403,
    );
    const detail = (await as(second, 'GET', `/api/moderation/cases/${appealCase!.id}`)).json();
    expect(detail.appeal).toMatchObject({
      words: 'It was not spam. Please look again.',
      action: { id: actionId },
    });
    const audit = (await as(admin, 'GET', `/api/admin/audit?actorId=${person.user.id}`)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'appeal.open',
      detail: { actionId, via: 'link' },
    });

    // Overturned: the suspension is lifted and they can sign in again.
    expect(
      (await as(second, 'POST', `/api/moderation/cases/${appealCase!.id}/claim`)).statusCode,
    ).toBe(200);
    const overturned = await as(second, 'POST', `/api/moderation/cases/${appealCase!.id}/actions`, {
      action: 'overturn',
      reason: 'nothing_wrong',
    });
    expect(overturned.statusCode, overturned.body).toBe(200);
    await requestEmailLink(t.app, person.email);
    const signIn = await verifyEmailLink(t.app, await latestTokenFor(t.app, person.email));
    expect(signIn.statusCode, signIn.body).toBe(200);
  });

  it('works for a ban too, and only for that one decision', async () => {
    const first = await restricted('ban', 'Bo Closed');
    expect(first.mail.subject).toBe('Your Been There account is closed');
    expect(first.mail.text).toContain('A moderator closed your account.');
    const other = await restricted('suspend', 'Oli Other');
    const sent = await byLink('appeal', { token: first.token, words: 'Please look again.' });
    expect(sent.statusCode, sent.body).toBe(201);
    // The other person's decision is untouched: their own link still may appeal it.
    expect((await byLink('decision', { token: other.token })).json()).toMatchObject({
      action: 'suspend',
      canAppeal: true,
    });
    // The body names no decision: an action id sent along is refused, not followed.
    expectProblem(
      await byLink('appeal', { token: other.token, words: 'Hi.', actionId: first.actionId }),
      422,
    );
  });

  it('refuses a link we never made, a spoiled one, and one past 30 days, in plain words', async () => {
    const unknown = expectProblem(await byLink('decision', { token: 'A'.repeat(43) }), 410);
    expect(unknown.title).toBe(translate('moderation.problems.appealLinkOld'));
    const spoiled = expectProblem(await byLink('decision', { token: 'not a token' }), 422);
    expect(spoiled.errors?.token).toBe(translate('moderation.fields.appealToken.invalid'));
    const { token } = await restricted('suspend', 'Tia Late');
    t.advanceClock(31 * 24 * 60 * 60 * 1000);
    expectProblem(await byLink('decision', { token }), 410);
    expectProblem(await byLink('appeal', { token, words: 'Too late?' }), 410);
  });

  it('is limited per address, so tokens cannot be guessed', async () => {
    const ip = randomIp();
    const answers: number[] = [];
    for (let i = 0; i < 31; i++) {
      answers.push((await byLink('decision', { token: 'B'.repeat(43) }, ip)).statusCode);
    }
    expect(answers.slice(0, 30).every((s) => s === 410)).toBe(true);
    expect(answers[30]).toBe(429);
  });
});
