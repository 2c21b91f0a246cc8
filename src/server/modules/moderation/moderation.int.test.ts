import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  latestTokenFor,
  type Member,
  makeMember,
  promote,
  requestEmailLink,
  startTestApp,
  type TestApp,
  verifyEmailLink,
} from '../../../../tests/support/app';
import {
  expectProblem,
  forgetWriteLimits,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';
import { callAs } from '../../../../tests/support/groups';
import { buildWorld, setTrust, type World } from '../../../../tests/support/world';
import type { CaseDetail, QueueItem, QueuePage } from '../../../contract/moderation';
import type { OpenCaseInput } from './face';

let t: TestApp;
let w: World;
let author: Member;
let other: Member;
let secondModerator: Member;
let reporters: Member[];

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  [author, other, secondModerator, ...reporters] = await Promise.all([
    makeMember(t, { displayName: 'Alex Author' }),
    makeMember(t, { displayName: 'Olive Other' }),
    makeMember(t, { displayName: 'Sam Second' }),
    makeMember(t, { displayName: 'Rae One' }),
    makeMember(t, { displayName: 'Rae Two' }),
    makeMember(t, { displayName: 'Rae Three' }),
  ]);
  // Members whose posts appear at once (a new member's first post waits for review).
  for (const who of [author, other, ...reporters]) await setTrust(t, who.user.id, 'member');
  await promote(t, secondModerator.user.id, 'moderator');
});
afterAll(() => t?.close());
beforeEach(() => (t ? forgetWriteLimits(t, [author, other, ...reporters]) : undefined));

const as = (who: Member | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  callAs(t, who, method, url, payload);
const mod = () => w.people.moderator;

/** Opens a case through the face, in a transaction of its own, as another module would. */
function openCase(input: OpenCaseInput) {
  return t.app.ctx.jobs.transaction((tx, enqueue) =>
    t.app.ctx.moderation.openCase(tx, enqueue, input),
  );
}

async function freshTopic(who = author) {
  return postTopic(t, who, { categoryId: w.categoryId, title: 'Learning to write again' });
}

async function queueOf(who: Member, cursor?: string): Promise<QueuePage> {
  const res = await as(who, 'GET', `/api/moderation/queue${cursor ? `?cursor=${cursor}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Every case in the queue, page after page. */
async function wholeQueue(who: Member): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await queueOf(who, cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

async function closeEveryCase() {
  await t.app.ctx.database.db.execute(
    sql`update moderation_cases set status = 'closed', closed_at = now() where status <> 'closed'`,
  );
}

async function claimAndAct(who: Member, caseId: string, body: Record<string, unknown>) {
  const claimed = await as(who, 'POST', `/api/moderation/cases/${caseId}/claim`);
  expect(claimed.statusCode, claimed.body).toBe(200);
  return as(who, 'POST', `/api/moderation/cases/${caseId}/actions`, body);
}

async function reportCase(subjectId: string, kind = 'topic'): Promise<string> {
  const res = await as(reporters[0]!, 'POST', '/api/reports', {
    subject: { kind, id: subjectId },
    reason: 'unkind',
  });
  expect(res.statusCode, res.body).toBe(200);
  const found = (await wholeQueue(mod())).find((c) => c.subject.id === subjectId);
  if (!found) throw new Error('the report opened no case');
  return found.id;
}

async function notificationsOf(who: Member) {
  await t.app.ctx.jobs.drain();
  const res = await as(who, 'GET', '/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { kind: string; text: string; link: string }[];
}

describe('the queue', () => {
  it('puts crisis first, then safety, then the rest, oldest first within each, in pages', async () => {
    await closeEveryCase();
    const subject = () => ({ kind: 'topic' as const, id: randomUUID() });
    const opened: Record<string, string> = {};
    const open = async (name: string, input: Omit<OpenCaseInput, 'subject' | 'subjectUserId'>) => {
      opened[name] = (
        await openCase({ ...input, subject: subject(), subjectUserId: author.user.id })
      ).caseId;
      t.advanceClock(60_000);
    };
    await open('other-old', { reason: 'report', reportReason: 'spam' });
    await open('safety-old', { reason: 'screening', tier: 'medium' });
    await open('crisis-old', { reason: 'screening', tier: 'high' });
    await open('other-new', { reason: 'review' });
    await open('safety-new', { reason: 'report', reportReason: 'unsafe' });
    await open('crisis-new', { reason: 'concern', tier: 'high' });
    // Enough cases for a second page.
    for (let i = 0; i < 24; i++) {
      await openCase({ reason: 'review', subject: subject(), subjectUserId: author.user.id });
    }

    const first = await queueOf(mod());
    expect(first.items).toHaveLength(25);
    expect(first.nextCursor).not.toBeNull();
    const all = await wholeQueue(mod());
    expect(all).toHaveLength(30);
    expect(new Set(all.map((c) => c.id)).size).toBe(30);
    expect(all.slice(0, 6).map((c) => c.id)).toEqual([
      opened['crisis-old'],
      opened['crisis-new'],
      opened['safety-old'],
      opened['safety-new'],
      opened['other-old'],
      opened['other-new'],
    ]);
    expect(all.map((c) => c.priority).slice(0, 5)).toEqual([
      'crisis',
      'crisis',
      'safety',
      'safety',
      'other',
    ]);
    // How long each has waited, in minutes and in words; no words anyone wrote.
    expect(all[4]).toMatchObject({ waitedMinutes: 6, waited: '6 minutes', status: 'open' });
    expect(JSON.stringify(all[0])).not.toMatch(/bodyHtml|title/);
    await closeEveryCase();
  });

  it('adds a second opening to the case already open, and raises its priority', async () => {
    const id = randomUUID();
    const input = { reason: 'screening' as const, subject: { kind: 'reply' as const, id } };
    const first = await openCase({ ...input, tier: 'medium', subjectUserId: author.user.id });
    const second = await openCase({ ...input, tier: 'high', subjectUserId: author.user.id });
    expect(second).toEqual({ caseId: first.caseId, created: false, priority: 'crisis' });
    const item = (await wholeQueue(mod())).find((c) => c.id === first.caseId);
    expect(item).toMatchObject({ openings: 2, priority: 'crisis', tier: 'high' });
    await closeEveryCase();
  });

  it('tells moderators: a crisis at once, and never the person it is about', async () => {
    const { caseId } = await openCase({
      reason: 'screening',
      tier: 'high',
      subject: { kind: 'topic', id: randomUUID() },
      subjectUserId: secondModerator.user.id,
    });
    const told = await notificationsOf(mod());
    expect(told.find((n) => n.link === `/moderation/cases/${caseId}`)).toMatchObject({
      kind: 'case_urgent',
      text: expect.stringMatching(/^Urgent: someone may need help now\./),
    });
    expect((await notificationsOf(secondModerator)).some((n) => n.link.includes(caseId))).toBe(
      false,
    );
    // A case about a moderator is not in their own queue.
    expect((await wholeQueue(secondModerator)).some((c) => c.id === caseId)).toBe(false);
    await closeEveryCase();
  });

  it('is for staff; a facilitator sees only reports on their own group’s board', async () => {
    expectProblem(await as(other, 'GET', '/api/moderation/queue'), 403);
    expectProblem(await as(null, 'GET', '/api/moderation/queue'), 401);
    const onBoard = await as(w.people.newMember, 'POST', '/api/reports', {
      subject: { kind: 'topic', id: w.boardTopicId },
      reason: 'unkind',
    });
    // The new member cannot see the private board: as if it were not there.
    expectProblem(onBoard, 404);
    const reported = await as(w.people.facilitator, 'POST', '/api/reports', {
      subject: { kind: 'topic', id: w.boardTopicId },
      reason: 'unkind',
    });
    expect(reported.statusCode, reported.body).toBe(200);
    await openCase({
      reason: 'screening',
      tier: 'medium',
      subject: { kind: 'topic', id: w.boardTopicId },
      subjectUserId: w.people.member.user.id,
      groupId: w.groupId,
    });
    const elsewhere = await reportCase(await freshTopic());
    const facilitatorSees = await wholeQueue(w.people.orgAdmin);
    expect(facilitatorSees.map((c) => [c.reason, c.groupName])).toEqual([
      ['report', 'Matrix Private Group'],
    ]);
    const staffSees = await wholeQueue(mod());
    expect(staffSees.map((c) => c.id)).toContain(elsewhere);
    expect(staffSees.filter((c) => c.groupId === w.groupId)).toHaveLength(2);
    // A facilitator may not open another case, nor mute anyone.
    expectProblem(await as(w.people.orgAdmin, 'GET', `/api/moderation/cases/${elsewhere}`), 404);
    const boardCase = facilitatorSees[0]!.id;
    const claimed = await as(w.people.orgAdmin, 'POST', `/api/moderation/cases/${boardCase}/claim`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expectProblem(
      await as(w.people.orgAdmin, 'POST', `/api/moderation/cases/${boardCase}/actions`, {
        action: 'mute',
        reason: 'unkind',
        days: 1,
      }),
      403,
    );
    const dismissed = await as(
      w.people.orgAdmin,
      'POST',
      `/api/moderation/cases/${boardCase}/actions`,
      { action: 'dismiss', reason: 'nothing_wrong' },
    );
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    await closeEveryCase();
  });
});

describe('claiming', () => {
  it('two moderators claiming at once: exactly one wins, the other hears why', async () => {
    const caseId = await reportCase(await freshTopic());
    const url = `/api/moderation/cases/${caseId}/claim`;
    const answers = await Promise.all([as(mod(), 'POST', url), as(secondModerator, 'POST', url)]);
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    const lost = answers.find((a) => a.statusCode === 409)!;
    expect(lost.json().title).toBe(
      'Another moderator is looking at this case now. Please choose another one.',
    );
    const winner = answers[0]!.statusCode === 200 ? mod() : secondModerator;
    const loser = winner === mod() ? secondModerator : mod();
    // Only the claimer acts; the other may not, and claiming again is still refused.
    expectProblem(
      await as(loser, 'POST', `/api/moderation/cases/${caseId}/actions`, {
        action: 'dismiss',
        reason: 'nothing_wrong',
      }),
      409,
    );
    // Claiming twice is the same as once; a claim older than 30 minutes may be taken over.
    expect((await as(winner, 'POST', url)).statusCode).toBe(200);
    t.advanceClock(31 * 60_000);
    const taken = await as(loser, 'POST', url);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ status: 'claimed', claimedBy: { id: loser.user.id } });
    // Released, it is open again; a closed case cannot be claimed.
    const released = await as(loser, 'POST', `/api/moderation/cases/${caseId}/release`);
    expect(released.json()).toMatchObject({ status: 'open', claimedBy: null });
    const act = await claimAndAct(winner, caseId, { action: 'dismiss', reason: 'nothing_wrong' });
    expect(act.statusCode, act.body).toBe(200);
    expectProblem(await as(loser, 'POST', url), 409);
  });

  it('acting needs a claim first', async () => {
    const caseId = await reportCase(await freshTopic());
    const res = await as(mod(), 'POST', `/api/moderation/cases/${caseId}/actions`, {
      action: 'warn',
      reason: 'unkind',
    });
    expect(expectProblem(res, 409).title).toMatch(/^Please claim this case first/);
    await closeEveryCase();
  });
});

describe('a case', () => {
  it('shows the words even when held, the thread, the history, and is written to the audit log', async () => {
    const topicId = await freshTopic();
    await postReply(t, other, topicId, 'Before it.');
    const replyId = await postReply(t, author, topicId, 'The words in question.');
    await postReply(t, other, topicId, 'After it.');
    const { caseId } = await openCase({
      reason: 'screening',
      tier: 'high',
      subject: { kind: 'reply', id: replyId },
      subjectUserId: author.user.id,
    });
    const res = await as(mod(), 'GET', `/api/moderation/cases/${caseId}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail: CaseDetail = res.json();
    expect(detail.content).toMatchObject({ id: replyId, isSubject: true });
    expect(detail.content?.bodyHtml).toContain('The words in question.');
    expect(detail.thread?.posts.map((p) => p.isSubject)).toEqual([false, false, true, false]);
    expect(detail.person).toMatchObject({ id: author.user.id, trustLevel: 'member' });
    expect(detail.canClaim).toBe(true);
    expect(detail.canAct).toBe(false);
    expect(detail.actions).toEqual(
      expect.arrayContaining(['dismiss', 'hide', 'warn', 'mute', 'suspend', 'ban']),
    );
    const audit = await as(w.people.admin, 'GET', `/api/admin/audit?subjectId=${replyId}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const entry = audit.json().items[0];
    expect(entry).toMatchObject({
      action: 'case.view',
      actor: { id: mod().user.id },
      subject: { kind: 'reply', id: replyId },
      detail: { caseId },
    });
    expect(JSON.stringify(audit.json())).not.toContain('The words in question');
    // Others cannot even learn that the case exists.
    expectProblem(await as(other, 'GET', `/api/moderation/cases/${caseId}`), 404);
    expectProblem(await as(mod(), 'GET', `/api/moderation/cases/${randomUUID()}`), 404);
    await closeEveryCase();
  });
});

describe('actions', () => {
  it('hide takes the post from view, tells its author kindly, and is audited', async () => {
    const topicId = await freshTopic();
    const caseId = await reportCase(topicId);
    const res = await claimAndAct(mod(), caseId, {
      action: 'hide',
      reason: 'unkind',
      note: 'Name-calling.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ action: { action: 'hide' }, case: { status: 'closed' } });
    const seen = await as(other, 'GET', `/api/forum/topics/${topicId}`);
    expect(seen.json().topic.post).toMatchObject({ deleted: true, bodyHtml: '' });
    const told = await notificationsOf(author);
    const outcome = told.find((n) => n.kind === 'moderation_outcome')!;
    expect(outcome.text).toBe(
      'A moderator took down one of your posts. The reason: unkind words. You can ask for another look.',
    );
    expect(outcome.link).toBe(`/moderation/decisions/${res.json().action.id}`);
    const audit = await as(w.people.admin, 'GET', `/api/admin/audit?actorId=${mod().user.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['case.action', 'case.claim']),
    );
    // A second action on a closed case is refused.
    expectProblem(
      await as(mod(), 'POST', `/api/moderation/cases/${caseId}/actions`, {
        action: 'restore',
        reason: 'nothing_wrong',
      }),
      409,
    );
  });

  it('mute stops posting until it ends; drafts and reading go on', async () => {
    const topicId = await freshTopic(other);
    const caseId = await reportCase(topicId);
    const res = await claimAndAct(mod(), caseId, { action: 'mute', reason: 'unkind', days: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const refused = await as(other, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: 'Still here.',
      idempotencyKey: randomUUID(),
    });
    expect(expectProblem(refused, 403).title).toMatch(/^A moderator paused your posting until /);
    expect((await as(other, 'GET', `/api/forum/topics/${topicId}`)).statusCode).toBe(200);
    const draft = await as(other, 'PUT', `/api/forum/drafts/reply-${topicId}`, {
      title: '',
      body: 'Words for later.',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    t.advanceClock(25 * 60 * 60_000);
    const later = await as(other, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: 'Back again.',
      idempotencyKey: randomUUID(),
    });
    expect(later.statusCode, later.body).toBe(201);
  });

  it('suspend ends every session and refuses sign-in, in plain words', async () => {
    const target = await makeMember(t, { displayName: 'Sue Spended' });
    await setTrust(t, target.user.id, 'member');
    const { caseId } = await openCase({
      reason: 'report',
      reportReason: 'spam',
      subject: { kind: 'profile', id: target.user.id },
      subjectUserId: target.user.id,
    });
    expectProblem(await claimAndAct(mod(), caseId, { action: 'suspend', reason: 'spam' }), 422);
    const res = await as(mod(), 'POST', `/api/moderation/cases/${caseId}/actions`, {
      action: 'suspend',
      reason: 'spam',
      days: 7,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await as(target, 'GET', '/api/me')).json().user).toBeNull();
    await requestEmailLink(t.app, target.email);
    const signIn = await verifyEmailLink(t.app, await latestTokenFor(t.app, target.email));
    expect(expectProblem(signIn, 403).title).toMatch(/^Your account is paused until /);
  });

  it('restore puts back a post taken down; ban closes the account for good', async () => {
    const target = await makeMember(t, { displayName: 'Ben Banned' });
    await setTrust(t, target.user.id, 'member');
    const topicId = await postTopic(t, target, { categoryId: w.categoryId });
    const hidden = await claimAndAct(mod(), await reportCase(topicId), {
      action: 'hide',
      reason: 'spam',
    });
    expect(hidden.statusCode, hidden.body).toBe(200);
    const { caseId } = await openCase({
      reason: 'review',
      subject: { kind: 'topic', id: topicId },
      subjectUserId: target.user.id,
    });
    const restored = await claimAndAct(secondModerator, caseId, {
      action: 'restore',
      reason: 'nothing_wrong',
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(
      (await as(other, 'GET', `/api/forum/topics/${topicId}`)).json().topic.post,
    ).toMatchObject({ deleted: false });
    const banCase = await openCase({
      reason: 'report',
      reportReason: 'spam',
      subject: { kind: 'profile', id: target.user.id },
      subjectUserId: target.user.id,
    });
    const banned = await claimAndAct(mod(), banCase.caseId, { action: 'ban', reason: 'spam' });
    expect(banned.statusCode, banned.body).toBe(200);
    expect(banned.json().action).toMatchObject({ action: 'ban', until: null });
    expect((await as(target, 'GET', '/api/me')).json().user).toBeNull();
    await requestEmailLink(t.app, target.email);
    const signIn = await verifyEmailLink(t.app, await latestTokenFor(t.app, target.email));
    expect(expectProblem(signIn, 403).title).toBe(
      'Your account is closed. Please write to us if you think this is wrong.',
    );
  });

  it('rejects an action that does not fit, and days where none belong', async () => {
    const { caseId } = await openCase({
      reason: 'report',
      reportReason: 'other',
      subject: { kind: 'profile', id: other.user.id },
      subjectUserId: other.user.id,
    });
    expect((await as(mod(), 'POST', `/api/moderation/cases/${caseId}/claim`)).statusCode).toBe(200);
    const url = `/api/moderation/cases/${caseId}/actions`;
    expectProblem(await as(mod(), 'POST', url, { action: 'hide', reason: 'unkind' }), 422);
    expectProblem(await as(mod(), 'POST', url, { action: 'warn', reason: 'unkind', days: 7 }), 422);
    expectProblem(await as(mod(), 'POST', url, { action: 'uphold', reason: 'unkind' }), 422);
    expectProblem(await as(mod(), 'POST', url, { action: 'warn', reason: 'other' }), 422);
    const warned = await as(mod(), 'POST', url, { action: 'warn', reason: 'unkind' });
    expect(warned.statusCode, warned.body).toBe(200);
  });
});

describe('appeals', () => {
  it('go once, from the person acted on, to a moderator other than the one who acted', async () => {
    const target = await makeMember(t, { displayName: 'Pat Appeal' });
    await setTrust(t, target.user.id, 'member');
    const { caseId } = await openCase({
      reason: 'report',
      reportReason: 'unkind',
      subject: { kind: 'profile', id: target.user.id },
      subjectUserId: target.user.id,
    });
    const acted = await claimAndAct(mod(), caseId, { action: 'mute', reason: 'unkind' });
    expect(acted.statusCode, acted.body).toBe(200);
    const actionId = acted.json().action.id;
    const mine = await as(target, 'GET', `/api/moderation/actions/${actionId}`);
    expect(mine.json()).toMatchObject({ action: 'mute', until: null, canAppeal: true });
    expectProblem(await as(other, 'GET', `/api/moderation/actions/${actionId}`), 404);

    const url = `/api/moderation/actions/${actionId}/appeal`;
    expectProblem(await as(other, 'POST', url, { words: 'Not me.' }), 404);
    const appealed = await as(target, 'POST', url, { words: 'I was upset. I am sorry.' });
    expect(appealed.statusCode, appealed.body).toBe(201);
    expectProblem(await as(target, 'POST', url, { words: 'Again.' }), 409);
    const appealCase = appealed.json().caseId;

    // The moderator who acted may not decide the appeal.
    expectProblem(await as(mod(), 'POST', `/api/moderation/cases/${appealCase}/claim`), 403);
    const detail = await as(secondModerator, 'GET', `/api/moderation/cases/${appealCase}`);
    expect(detail.json()).toMatchObject({
      case: { reason: 'appeal' },
      appeal: { words: 'I was upset. I am sorry.', action: { id: actionId } },
      actions: ['uphold', 'overturn'],
    });
    const overturned = await claimAndAct(secondModerator, appealCase, {
      action: 'overturn',
      reason: 'nothing_wrong',
    });
    expect(overturned.statusCode, overturned.body).toBe(200);
    const topicId = await postTopic(t, target, { categoryId: w.categoryId });
    expect(topicId).toBeTruthy();
    const after = await as(target, 'GET', `/api/moderation/actions/${actionId}`);
    expect(after.json()).toMatchObject({ overturned: true, canAppeal: false });
    const told = await notificationsOf(target);
    expect(told.map((n) => n.text)).toContain(
      'A second moderator looked again and undid the first decision. We are sorry.',
    );
  });
});

describe('reports', () => {
  it('weighted reports hold a post past the threshold; the reporters hear the outcome', async () => {
    const topicId = await freshTopic();
    const report = (who: Member) =>
      as(who, 'POST', '/api/reports', {
        subject: { kind: 'topic', id: topicId },
        reason: 'unkind',
      });
    // Weight 1 each (trust "member"): three reach the default threshold of 3.
    for (const who of reporters.slice(0, 2)) {
      const res = await report(who);
      expect(res.json()).toMatchObject({ counted: true });
    }
    // One per person: a second tap counts once.
    expect((await report(reporters[0]!)).json()).toMatchObject({ counted: false });
    expect((await as(other, 'GET', `/api/forum/topics/${topicId}`)).statusCode).toBe(200);
    expect((await report(reporters[2]!)).json()).toMatchObject({ counted: true });

    expectProblem(await as(other, 'GET', `/api/forum/topics/${topicId}`), 404);
    expect((await as(author, 'GET', `/api/forum/topics/${topicId}`)).statusCode).toBe(200);
    const item = (await wholeQueue(mod())).find((c) => c.subject.id === topicId)!;
    expect(item).toMatchObject({ reason: 'report', openings: 3 });
    const detail: CaseDetail = (await as(mod(), 'GET', `/api/moderation/cases/${item.id}`)).json();
    expect(detail.reports.map((r) => r.by.id).sort()).toEqual(
      reporters.map((r) => r.user.id).sort(),
    );
    expect(detail.content?.held).toBe(true);
    // The author is never told who reported them.
    expect(JSON.stringify(await notificationsOf(author))).not.toMatch(/Rae/);

    const dismissed = await claimAndAct(mod(), item.id, {
      action: 'dismiss',
      reason: 'nothing_wrong',
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect((await as(other, 'GET', `/api/forum/topics/${topicId}`)).statusCode).toBe(200);
    for (const who of reporters) {
      const told = (await notificationsOf(who)).find(
        (n) => n.kind === 'report_outcome' && n.link === `/forum/t/${topicId}`,
      );
      expect(told).toMatchObject({
        text: 'Thank you for your report. A moderator looked and found it keeps to our rules.',
        link: `/forum/t/${topicId}`,
      });
    }
  });

  it('refuses my own post and what I cannot see', async () => {
    const topicId = await freshTopic();
    const own = await as(author, 'POST', '/api/reports', {
      subject: { kind: 'topic', id: topicId },
      reason: 'spam',
    });
    expectProblem(own, 403);
    const missing = await as(author, 'POST', '/api/reports', {
      subject: { kind: 'reply', id: randomUUID() },
      reason: 'spam',
    });
    expectProblem(missing, 404);
    const reasons = await as(author, 'GET', '/api/reports/reasons');
    expect(reasons.json().reasons.map((r: { reason: string }) => r.reason)).toEqual([
      'unkind',
      'unsafe',
      'private_details',
      'selling',
      'spam',
      'other',
    ]);
    await closeEveryCase();
  });
});

describe('moderation hours', () => {
  it('are told honestly, from the site settings', async () => {
    const res = await as(null, 'GET', '/api/moderation/hours');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sentence).toBe(
      'A moderator usually looks within 2 hours, 8 am to 10 pm UK time.',
    );
    const set = await as(w.people.admin, 'PUT', '/api/admin/settings/moderation.hours', {
      value: { days: [1, 2, 3, 4, 5], from: '09:30', until: '17:00', timeZone: 'Europe/London' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await as(null, 'GET', '/api/moderation/hours')).json().sentence).toBe(
      'A moderator usually looks within 2 hours, Monday to Friday, 9:30 am to 5 pm UK time.',
    );
  });
});

describe('the audit log', () => {
  it('is for admins, and the app’s own connection cannot change or delete a row', async () => {
    expectProblem(await as(mod(), 'GET', '/api/admin/audit'), 403);
    const page = await as(w.people.admin, 'GET', '/api/admin/audit');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items.length).toBeGreaterThan(0);
    const { db } = t.app.ctx.database;
    // Drizzle wraps the database's error: the trigger's own words are its cause.
    const refusal = (query: ReturnType<typeof sql>) =>
      db.execute(query).then(
        () => 'changed',
        (error: { cause?: { message?: string }; message: string }) =>
          error.cause?.message ?? error.message,
      );
    expect(await refusal(sql`update audit_log set action = 'changed'`)).toMatch(
      /audit_log is append-only: UPDATE/,
    );
    expect(await refusal(sql`delete from audit_log`)).toMatch(/append-only: DELETE/);
    expect(await refusal(sql`truncate audit_log`)).toMatch(/append-only: TRUNCATE/);
    const again = await as(w.people.admin, 'GET', '/api/admin/audit');
    expect(again.json().items.length).toBe(page.json().items.length);
  });
});
