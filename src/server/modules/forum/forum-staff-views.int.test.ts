import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  patchProfile,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import {
  expectProblem,
  forgetWriteLimits,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';
import { callAs } from '../../../../tests/support/groups';
import { buildWorld, setTrust, type World } from '../../../../tests/support/world';
import type { AuditEntry } from '../../../contract/moderation';
import { forumReplies, forumTopics } from './tables';

// Issue 11 part 6: "every time staff view private content" is written to the audit log:
// held posts on a topic page, a private board's posts, and profile fields beyond their
// visibility. One row per view; the same look again within 10 minutes is written once.

let t: TestApp;
let w: World;
let author: Member;
let reader: Member;

beforeAll(async () => {
  t = await startTestApp();
  w = await buildWorld(t);
  [author, reader] = await Promise.all([
    makeMember(t, { displayName: 'Hal Held' }),
    makeMember(t, { displayName: 'Rita Reader' }),
  ]);
  for (const who of [author, reader]) await setTrust(t, who.user.id, 'member');
});
afterAll(() => t?.close());
beforeEach(() => (t ? forgetWriteLimits(t, [author, reader]) : undefined));

const as = (who: Member, url: string) => callAs(t, who, 'GET', url);

/** The audit log's private views of one subject, newest first, as an admin reads it. */
async function viewsOf(subjectId: string): Promise<AuditEntry[]> {
  const res = await as(w.people.admin, `/api/admin/audit?subjectId=${subjectId}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as AuditEntry[]).filter((e) => e.action === 'private.view');
}

/** A topic with a reply held for a moderator (screening held it), by the author. */
async function topicWithHeldReply(words = 'Words only moderators may see yet.') {
  const topicId = await postTopic(t, author, { categoryId: w.categoryId, title: 'Bad nights' });
  const replyId = await postReply(t, author, topicId, words);
  await t.app.ctx.database.db
    .update(forumReplies)
    .set({ heldAt: new Date(), heldReason: 'screening' })
    .where(eq(forumReplies.id, replyId));
  return { topicId, replyId };
}

describe('staff shown held posts on a topic page', () => {
  it('writes one row per look, with what kind and how many, and no words', async () => {
    const { topicId, replyId } = await topicWithHeldReply();
    const page = await as(w.people.moderator, `/api/forum/topics/${topicId}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().replies.map((r: { id: string; held: boolean }) => [r.id, r.held])).toEqual([
      [replyId, true],
    ]);
    const views = await viewsOf(topicId);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      actor: { id: w.people.moderator.user.id },
      subject: { kind: 'topic', id: topicId },
      detail: { what: 'held_posts', heldPosts: 1, groupBoard: false },
    });
    expect(JSON.stringify(views)).not.toContain('only moderators may see');

    // The same look again soon is written once; after 10 minutes it is a new look.
    await as(w.people.moderator, `/api/forum/topics/${topicId}`);
    expect(await viewsOf(topicId)).toHaveLength(1);
    // Another member of staff is their own look.
    await as(w.people.admin, `/api/forum/topics/${topicId}`);
    expect((await viewsOf(topicId)).map((v) => v.actor?.id)).toEqual([
      w.people.admin.user.id,
      w.people.moderator.user.id,
    ]);
    t.advanceClock(11 * 60_000);
    await as(w.people.moderator, `/api/forum/topics/${topicId}`);
    expect(await viewsOf(topicId)).toHaveLength(3);
  });

  it('writes nothing for the author, for members, or for staff when nothing is held', async () => {
    const { topicId } = await topicWithHeldReply();
    // The author sees their own held reply; another member is not shown it at all.
    const own = await as(author, `/api/forum/topics/${topicId}`);
    expect(own.json().replies).toHaveLength(1);
    const other = await as(reader, `/api/forum/topics/${topicId}`);
    expect(other.json().replies).toHaveLength(0);
    expect(await viewsOf(topicId)).toEqual([]);

    const plain = await postTopic(t, author, { categoryId: w.categoryId });
    await postReply(t, reader, plain, 'Nothing held here.');
    expect((await as(w.people.moderator, `/api/forum/topics/${plain}`)).statusCode).toBe(200);
    expect(await viewsOf(plain)).toEqual([]);
  });

  it('counts a held topic itself', async () => {
    const topicId = await postTopic(t, author, { categoryId: w.categoryId });
    await t.app.ctx.database.db
      .update(forumTopics)
      .set({ heldAt: new Date(), heldReason: 'reports' })
      .where(eq(forumTopics.id, topicId));
    expect((await as(w.people.moderator, `/api/forum/topics/${topicId}`)).statusCode).toBe(200);
    expect((await viewsOf(topicId))[0]).toMatchObject({ detail: { heldPosts: 1 } });
  });
});

describe('a private group’s board', () => {
  it('stays closed to staff who are not in the group, so there is no look to write', async () => {
    // The board's topic is not even confirmed to site staff (as the access matrix says).
    expectProblem(await as(w.people.moderator, `/api/forum/topics/${w.boardTopicId}`), 404);
    expectProblem(await as(w.people.admin, `/api/forum/topics/${w.boardTopicId}`), 404);
    // Those who run the group read it as they always may: not a staff view.
    expect((await as(w.people.orgAdmin, `/api/forum/topics/${w.boardTopicId}`)).statusCode).toBe(
      200,
    );
    expect(await viewsOf(w.boardTopicId)).toEqual([]);
  });
});

describe('a profile', () => {
  it('shows staff only what its visibility shows a member, so no look is written', async () => {
    const owner = await makeMember(t, { displayName: 'Priya Private' });
    const set = await patchProfile(t, owner, {
      about: 'Only I should read this.',
      visibility: { about: 'only_me' },
    });
    expect(set.statusCode, set.body).toBe(200);
    for (const staff of [w.people.moderator, w.people.admin]) {
      const seen = await as(staff, `/api/members/${owner.user.id}`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json().about).toBeNull();
    }
    expect(await viewsOf(owner.user.id)).toEqual([]);
  });
});
