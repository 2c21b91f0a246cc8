import { and, eq, ne } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import {
  expectProblem,
  forgetWriteLimits,
  postReply,
  postTopic,
  upload,
} from '../../../../tests/support/forum';
import { callAs } from '../../../../tests/support/groups';
import { buildWorld, setTrust, type World } from '../../../../tests/support/world';
import type { CaseDetail } from '../../../contract/moderation';
import { forumReplies } from '../forum/tables';
import { moderationCases } from './tables';

// Issue 11 part 5: "edit with a reason (the earlier version is kept)". A moderator changes a
// post's words; the post says so; the author is told why and may appeal; a second moderator
// who overturns it puts the author's words back. Every step is in the audit log, with no words.

let t: TestApp;
let w: World;
let author: Member;
let reporter: Member;
let second: Member;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  [author, reporter, second] = await Promise.all([
    makeMember(t, { displayName: 'Ari Author' }),
    makeMember(t, { displayName: 'Rui Reporter' }),
    makeMember(t, { displayName: 'Sage Second' }),
  ]);
  for (const who of [author, reporter]) await setTrust(t, who.user.id, 'member');
  await promote(t, second.user.id, 'moderator');
});
afterAll(() => t?.close());
beforeEach(() => (t ? forgetWriteLimits(t, [author, reporter, w.people.member]) : undefined));

const as = (
  who: Member | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) => callAs(t, who, method, url, payload);
const mod = () => w.people.moderator;

/** A report on a post opens a case; answers its id. */
async function reported(kind: 'topic' | 'reply', id: string, by = reporter): Promise<string> {
  const res = await as(by, 'POST', '/api/reports', {
    subject: { kind, id },
    reason: 'private_details',
  });
  expect(res.statusCode, res.body).toBe(200);
  const [row] = await t.app.ctx.database.db
    .select({ id: moderationCases.id })
    .from(moderationCases)
    .where(
      and(
        eq(moderationCases.subjectId, id),
        eq(moderationCases.reason, 'report'),
        ne(moderationCases.status, 'closed'),
      ),
    );
  if (!row) throw new Error('the report opened no case');
  return row.id;
}

async function claimAndAct(who: Member, caseId: string, body: Record<string, unknown>) {
  const claimed = await as(who, 'POST', `/api/moderation/cases/${caseId}/claim`);
  expect(claimed.statusCode, claimed.body).toBe(200);
  return as(who, 'POST', `/api/moderation/cases/${caseId}/actions`, body);
}

async function topicPage(who: Member, topicId: string) {
  const res = await as(who, 'GET', `/api/forum/topics/${topicId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('a moderator edits the words, with a reason', () => {
  it('keeps the earlier words, marks the post, tells the author why, and is audited', async () => {
    const topicId = await postTopic(t, author, { categoryId: w.categoryId, title: 'Our street' });
    const replyId = await postReply(t, author, topicId, 'Call me on 07700 900123 any time.');
    const caseId = await reported('reply', replyId);

    const detail: CaseDetail = (await as(mod(), 'GET', `/api/moderation/cases/${caseId}`)).json();
    expect(detail.actions).toContain('edit');
    // The form starts from the words as written.
    expect(detail.currentWords).toEqual({ title: null, body: 'Call me on 07700 900123 any time.' });

    const res = await claimAndAct(mod(), caseId, {
      action: 'edit',
      reason: 'private_details',
      body: 'Call me on [number taken out by a moderator] any time.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const actionId = res.json().action.id;
    expect(res.json()).toMatchObject({ action: { action: 'edit' }, case: { status: 'closed' } });

    // Everyone reads the new words, with "changed by a moderator"; the old ones are gone.
    const page = await topicPage(w.people.member, topicId);
    const reply = page.replies.find((r: { id: string }) => r.id === replyId);
    expect(reply.bodyHtml).toContain('[number taken out by a moderator]');
    expect(reply.bodyHtml).not.toContain('07700');
    expect(reply).toMatchObject({ editedByModerator: true, deleted: false });
    expect(reply.editedAt).not.toBeNull();
    expect(page.topic.post.editedByModerator).toBe(false);

    // The earlier words are kept, for moderators.
    const revisions = await as(mod(), 'GET', `/api/forum/posts/reply/${replyId}/revisions`);
    expect(revisions.json().revisions[0]).toMatchObject({
      body: 'Call me on 07700 900123 any time.',
      editor: { id: mod().user.id },
    });

    // The author is told what and why, and may appeal.
    await t.app.ctx.jobs.drain();
    const told = (await as(author, 'GET', '/api/notifications')).json().items as {
      kind: string;
      text: string;
      link: string;
    }[];
    expect(told.find((n) => n.kind === 'moderation_outcome')).toMatchObject({
      text: 'A moderator changed the words of one of your posts. The reason: it shared private details. You can ask for another look.',
      link: `/moderation/decisions/${actionId}`,
    });
    const mine = await as(author, 'GET', `/api/moderation/actions/${actionId}`);
    expect(mine.json()).toMatchObject({ action: 'edit', canAppeal: true });

    // The audit log has the action, and no words from either version.
    const audit = await as(w.people.admin, 'GET', `/api/admin/audit?subjectId=${replyId}`);
    const entry = audit.json().items.find((e: { action: string }) => e.action === 'case.action');
    expect(entry).toMatchObject({
      actor: { id: mod().user.id },
      detail: { action: 'edit', reason: 'private_details', caseId, actionId },
    });
    expect(JSON.stringify(audit.json())).not.toMatch(/07700|taken out/);

    // The reporter hears that a moderator acted.
    const reporterTold = (await as(reporter, 'GET', '/api/notifications')).json().items;
    expect(reporterTold.map((n: { text: string }) => n.text)).toContain(
      'Thank you for your report. A moderator looked and took action.',
    );
  });

  it('an appeal to another moderator can put the author’s words back', async () => {
    const topicId = await postTopic(t, author, {
      categoryId: w.categoryId,
      title: 'My old title',
      body: 'My own words, as I wrote them.',
    });
    const caseId = await reported('topic', topicId);
    const edited = await claimAndAct(mod(), caseId, {
      action: 'edit',
      reason: 'unkind',
      title: 'A kinder title',
      body: 'Kinder words.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const page = await topicPage(reporter, topicId);
    expect(page.topic).toMatchObject({
      title: 'A kinder title',
      post: { editedByModerator: true },
    });

    const actionId = edited.json().action.id;
    const appealed = await as(author, 'POST', `/api/moderation/actions/${actionId}/appeal`, {
      words: 'Those were my own words and they were kind.',
    });
    expect(appealed.statusCode, appealed.body).toBe(201);
    const appealCase = appealed.json().caseId;
    // The moderator who edited may not decide the appeal.
    expectProblem(await as(mod(), 'POST', `/api/moderation/cases/${appealCase}/claim`), 403);
    const overturned = await claimAndAct(second, appealCase, {
      action: 'overturn',
      reason: 'nothing_wrong',
    });
    expect(overturned.statusCode, overturned.body).toBe(200);

    const after = await topicPage(reporter, topicId);
    expect(after.topic.title).toBe('My old title');
    expect(after.topic.post.bodyHtml).toContain('My own words, as I wrote them.');
    expect(after.topic.post.editedByModerator).toBe(false);
    // Both versions are kept.
    const revisions = (await as(mod(), 'GET', `/api/forum/posts/topic/${topicId}/revisions`)).json()
      .revisions as { title: string; body: string }[];
    expect(revisions.map((r) => r.body)).toEqual([
      'Kinder words.',
      'My own words, as I wrote them.',
    ]);
  });

  it('the author’s own later words stay theirs, and an overturn leaves them be', async () => {
    const topicId = await postTopic(t, author, { categoryId: w.categoryId });
    const replyId = await postReply(t, author, topicId, 'Words a moderator will change.');
    const edited = await claimAndAct(mod(), await reported('reply', replyId), {
      action: 'edit',
      reason: 'unkind',
      body: 'Words a moderator changed.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const mine = await as(author, 'PATCH', `/api/forum/replies/${replyId}`, {
      body: 'Words I chose again myself.',
    });
    expect(mine.statusCode, mine.body).toBe(200);
    const page = await topicPage(reporter, topicId);
    const reply = page.replies.find((r: { id: string }) => r.id === replyId);
    expect(reply).toMatchObject({ editedByModerator: false });

    const appealed = await as(
      author,
      'POST',
      `/api/moderation/actions/${edited.json().action.id}/appeal`,
      {
        words: 'Please look again.',
      },
    );
    const overturned = await claimAndAct(second, appealed.json().caseId, {
      action: 'overturn',
      reason: 'nothing_wrong',
    });
    expect(overturned.statusCode, overturned.body).toBe(200);
    const after = (await topicPage(reporter, topicId)).replies.find(
      (r: { id: string }) => r.id === replyId,
    );
    expect(after.bodyHtml).toContain('Words I chose again myself.');
  });

  it('a held post is let through with the new words', async () => {
    const topicId = await postTopic(t, author, { categoryId: w.categoryId });
    const replyId = await postReply(t, author, topicId, 'Words held for a moderator.');
    const { db } = t.app.ctx.database;
    await db
      .update(forumReplies)
      .set({ heldAt: new Date(), heldReason: 'screening' })
      .where(eq(forumReplies.id, replyId));
    const { caseId } = await t.app.ctx.jobs.transaction((tx, enqueue) =>
      t.app.ctx.moderation.openCase(tx, enqueue, {
        reason: 'screening',
        tier: 'medium',
        subject: { kind: 'reply', id: replyId },
        subjectUserId: author.user.id,
      }),
    );
    const edited = await claimAndAct(mod(), caseId, {
      action: 'edit',
      reason: 'needs_support',
      body: 'Words a moderator made safe.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const reply = (await topicPage(reporter, topicId)).replies.find(
      (r: { id: string }) => r.id === replyId,
    );
    expect(reply).toMatchObject({ held: false, editedByModerator: true });
    expect(reply.bodyHtml).toContain('Words a moderator made safe.');
  });

  it('a facilitator edits on their own group’s board', async () => {
    const replyId = await postReply(t, w.people.member, w.boardTopicId, 'A board reply to change.');
    const caseId = await reported('reply', replyId, w.people.facilitator);
    const res = await claimAndAct(w.people.orgAdmin, caseId, {
      action: 'edit',
      reason: 'unkind',
      body: 'A board reply, changed.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = await topicPage(w.people.member, w.boardTopicId);
    const reply = page.replies.find((r: { id: string }) => r.id === replyId);
    expect(reply).toMatchObject({ editedByModerator: true });
  });

  it('refuses edits that do not fit, in plain words', async () => {
    const topicId = await postTopic(t, author, { categoryId: w.categoryId });
    const replyId = await postReply(t, author, topicId, 'Some words.');
    const caseId = await reported('reply', replyId);
    const claimed = await as(mod(), 'POST', `/api/moderation/cases/${caseId}/claim`);
    expect(claimed.statusCode).toBe(200);
    const url = `/api/moderation/cases/${caseId}/actions`;
    const noWords = expectProblem(
      await as(mod(), 'POST', url, { action: 'edit', reason: 'unkind' }),
      422,
    );
    expect(noWords.errors?.body).toBe('Please write the new words.');
    const wordsOnWarn = expectProblem(
      await as(mod(), 'POST', url, { action: 'warn', reason: 'unkind', body: 'New words.' }),
      422,
    );
    expect(wordsOnWarn.errors?.body).toBe('New words are only for changing a post.');
    const titleOnReply = expectProblem(
      await as(mod(), 'POST', url, {
        action: 'edit',
        reason: 'unkind',
        body: 'New.',
        title: 'A title',
      }),
      422,
    );
    expect(titleOnReply.errors?.title).toBe('Only a topic has a title. A reply has none.');
    // A picture the post never showed may not be put in by a moderator.
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: { r: 0, g: 0, b: 255 } },
    })
      .png()
      .toBuffer();
    const uploaded = await upload(t, mod(), png);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const picture = expectProblem(
      await as(mod(), 'POST', url, {
        action: 'edit',
        reason: 'unkind',
        body: `Some words. ![a blue square](/api/forum/images/${uploaded.json().id})`,
      }),
      422,
    );
    expect(picture.errors?.body).toMatch(/pictures/);
    // Nothing changed, and the case is still mine to decide.
    const page = await topicPage(reporter, topicId);
    expect(page.replies[0]).toMatchObject({ editedByModerator: false });
    // A post its author deleted has no words to change.
    const gone = await as(author, 'DELETE', `/api/forum/posts/reply/${replyId}`);
    expect([200, 204]).toContain(gone.statusCode);
    expectProblem(
      await as(mod(), 'POST', url, { action: 'edit', reason: 'unkind', body: 'New words.' }),
      409,
    );
    // A case about a person has no words to edit.
    const { caseId: profileCase } = await t.app.ctx.jobs.transaction((tx, enqueue) =>
      t.app.ctx.moderation.openCase(tx, enqueue, {
        reason: 'report',
        reportReason: 'other',
        subject: { kind: 'profile', id: author.user.id },
        subjectUserId: author.user.id,
      }),
    );
    expectProblem(
      await claimAndAct(mod(), profileCase, { action: 'edit', reason: 'unkind', body: 'New.' }),
      422,
    );
  });
});
