import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import {
  categoryId,
  expectProblem,
  forgetWriteLimits,
  forumClient,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';
import { forumRemovals } from './tables';

/**
 * Staff remove someone else's post with a reason; the post and the reason (who, when, why)
 * are kept, staff see them, everyone else sees the plain removed placeholder, and staff can
 * put the post back. "Delete my post" stays the author's own.
 */

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let ann: Member;
let bob: Member;
let moderator: Member;
let admin: Member;
let daily: string;

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  [ann, bob, moderator, admin] = await Promise.all([
    makeMember(t, { displayName: 'Ann' }),
    makeMember(t, { displayName: 'Bob' }),
    makeMember(t, { displayName: 'Mona' }),
    makeMember(t, { displayName: 'Adam' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  await promote(t, admin.user.id, 'admin');
  daily = await categoryId(t, ann, 'daily-life');
});
afterAll(() => t?.close());
beforeEach(() => forgetWriteLimits(t, [ann, bob, moderator, admin]));

type PostJson = {
  id: string;
  deleted: boolean;
  bodyHtml: string;
  canDelete: boolean;
  canRemove: boolean;
  canRestore: boolean;
  removal: null | {
    reason: string;
    note: string | null;
    by: { id: string | null; displayName: string };
    at: string;
    bodyHtml: string;
  };
};

async function topicPage(who: Member, topicId: string) {
  const response = await call(who, 'GET', `/api/forum/topics/${topicId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { topic: { title: string; post: PostJson }; replies: PostJson[] };
}

const remove = (who: Member, kind: string, id: string, payload: Record<string, unknown>) =>
  call(who, 'POST', `/api/forum/posts/${kind}/${id}/removal`, payload);
const restore = (who: Member, kind: string, id: string) =>
  call(who, 'POST', `/api/forum/posts/${kind}/${id}/restore`);

describe('what each person is offered', () => {
  it('the author gets "Delete my post"; staff get "Remove this post" on others\' posts only', async () => {
    const topicId = await postTopic(t, ann, { categoryId: daily });
    await postReply(t, moderator, topicId, 'A word from staff.');
    const asAnn = await topicPage(ann, topicId);
    expect(asAnn.topic.post).toMatchObject({ canDelete: true, canRemove: false });
    expect(asAnn.replies[0]).toMatchObject({ canDelete: false, canRemove: false });
    const asBob = await topicPage(bob, topicId);
    expect(asBob.topic.post).toMatchObject({ canDelete: false, canRemove: false });
    const asModerator = await topicPage(moderator, topicId);
    expect(asModerator.topic.post).toMatchObject({ canDelete: false, canRemove: true });
    expect(asModerator.replies[0]).toMatchObject({ canDelete: true, canRemove: false });
    expect((await topicPage(admin, topicId)).topic.post).toMatchObject({ canRemove: true });
  });

  it('staff cannot use "Delete my post" on someone else\'s post: a reason is needed', async () => {
    const topicId = await postTopic(t, ann, { categoryId: daily });
    const refused = expectProblem(
      await call(moderator, 'DELETE', `/api/forum/posts/topic/${topicId}`),
      403,
    );
    expect(refused.title).toMatch(/Remove this post/);
    expect((await topicPage(bob, topicId)).topic.post.deleted).toBe(false);
  });
});

describe('removing with a reason', () => {
  it('a reason is required, and "Another reason" needs words', async () => {
    const replyId = await postReply(t, bob, await postTopic(t, ann, { categoryId: daily }));
    for (const payload of [
      {},
      { reason: 'because' },
      { reason: 'other' },
      { reason: 'other', note: '  ' },
      { reason: 'unkind', note: 'x'.repeat(501) },
      { reason: 'unkind', extra: true },
    ]) {
      const problem = expectProblem(await remove(moderator, 'reply', replyId, payload), 422);
      expect(problem.title, JSON.stringify(payload)).toBeTruthy();
    }
    const needsWords = expectProblem(
      await remove(moderator, 'reply', replyId, { reason: 'other' }),
      422,
    );
    expect(needsWords.errors?.note).toBe(
      'Please say in a few words why you are removing this post.',
    );
  });

  it('only staff may remove, and not their own post (they delete it)', async () => {
    const topicId = await postTopic(t, ann, { categoryId: daily });
    const staffReply = await postReply(t, moderator, topicId, 'Mine.');
    for (const who of [ann, bob]) {
      expectProblem(await remove(who, 'topic', topicId, { reason: 'unkind' }), 403);
    }
    const own = expectProblem(
      await remove(moderator, 'reply', staffReply, { reason: 'unkind' }),
      403,
    );
    expect(own.title).toMatch(/Delete my post/);
    expect((await topicPage(bob, topicId)).topic.post.deleted).toBe(false);
  });

  it('keeps the post and who, when and why; staff see it, others see the placeholder', async () => {
    const topicId = await postTopic(t, ann, { categoryId: daily, title: 'Stays open' });
    const replyId = await postReply(t, bob, topicId, 'Buy my miracle pills at example.com');
    const removed = await remove(moderator, 'reply', replyId, {
      reason: 'selling',
      note: 'Advert for pills.',
    });
    expect(removed.statusCode, removed.body).toBe(200);
    // A double tap answers like the first, and records one removal.
    expect((await remove(moderator, 'reply', replyId, { reason: 'unkind' })).statusCode).toBe(200);
    const kept = await t.app.ctx.database.db.select().from(forumRemovals);
    const mine = kept.filter((r) => r.postId === replyId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      postKind: 'reply',
      removedBy: moderator.user.id,
      reason: 'selling',
      note: 'Advert for pills.',
      restoredAt: null,
    });

    for (const who of [ann, bob]) {
      const reply = (await topicPage(who, topicId)).replies[0]!;
      expect(reply).toMatchObject({
        deleted: true,
        bodyHtml: '',
        removal: null,
        canRestore: false,
      });
      expect(JSON.stringify(reply)).not.toContain('pills');
    }
    for (const who of [moderator, admin]) {
      const reply = (await topicPage(who, topicId)).replies[0]!;
      expect(reply).toMatchObject({ deleted: true, bodyHtml: '', canRestore: true });
      expect(reply.removal).toMatchObject({
        reason: 'selling',
        note: 'Advert for pills.',
        by: { id: moderator.user.id, displayName: 'Mona' },
      });
      expect(reply.removal!.bodyHtml).toContain('miracle pills');
      expect(Date.parse(reply.removal!.at)).not.toBeNaN();
    }
    // The topic itself is untouched, and the removed words are not found by search.
    expect((await topicPage(bob, topicId)).topic.post.deleted).toBe(false);
    const found = await call(bob, 'GET', '/api/forum/search?q=miracle%20pills');
    expect(found.json().results).toEqual([]);
  });

  it('removing a first post removes the topic; restoring brings it back to its list', async () => {
    const category = await call(admin, 'POST', '/api/admin/forum/categories', {
      slug: `removal-${Date.now()}`,
      name: 'Removal test',
      description: 'For one test.',
      tipTheme: null,
      sortOrder: 500,
    });
    const { id, slug } = category.json() as { id: string; slug: string };
    const topicId = await postTopic(t, ann, { categoryId: id, title: 'Private details here' });
    const count = async () =>
      (await call(bob, 'GET', '/api/forum/categories'))
        .json()
        .categories.find((c: { slug: string }) => c.slug === slug).topicCount as number;
    const listed = async () =>
      (await call(bob, 'GET', `/api/forum/categories/${slug}/topics`))
        .json()
        .topics.map((x: { id: string }) => x.id) as string[];
    expect(await count()).toBe(1);

    expect(
      (await remove(moderator, 'topic', topicId, { reason: 'private_details' })).statusCode,
    ).toBe(200);
    expect(await count()).toBe(0);
    expect(await listed()).toEqual([]);
    const asBob = await topicPage(bob, topicId);
    expect(asBob.topic.title).toBe('This topic was removed');
    expect(asBob.topic.post).toMatchObject({ deleted: true, removal: null });
    expect((await topicPage(admin, topicId)).topic.post.removal).toMatchObject({
      reason: 'private_details',
      note: null,
    });

    // Only staff restore.
    for (const who of [ann, bob]) expectProblem(await restore(who, 'topic', topicId), 403);
    expect((await restore(admin, 'topic', topicId)).statusCode).toBe(200);
    // Twice answers like once.
    expect((await restore(admin, 'topic', topicId)).statusCode).toBe(200);
    expect(await count()).toBe(1);
    expect(await listed()).toEqual([topicId]);
    const back = await topicPage(bob, topicId);
    expect(back.topic.title).toBe('Private details here');
    expect(back.topic.post).toMatchObject({ deleted: false, removal: null });
    expect((await topicPage(moderator, topicId)).topic.post).toMatchObject({
      removal: null,
      canRestore: false,
      canRemove: true,
    });
    // The removal stays on record, marked undone by whom.
    const [record] = (await t.app.ctx.database.db.select().from(forumRemovals)).filter(
      (r) => r.postId === topicId,
    );
    expect(record).toMatchObject({ restoredBy: admin.user.id });
    expect(record!.restoredAt).not.toBeNull();
  });

  it('a post its author deleted cannot be "restored" by staff', async () => {
    const topicId = await postTopic(t, ann, { categoryId: daily });
    const replyId = await postReply(t, bob, topicId, 'I take this back.');
    expect((await call(bob, 'DELETE', `/api/forum/posts/reply/${replyId}`)).statusCode).toBe(200);
    // The author's own delete twice answers like once.
    expect((await call(bob, 'DELETE', `/api/forum/posts/reply/${replyId}`)).statusCode).toBe(200);
    expect((await topicPage(moderator, topicId)).replies[0]).toMatchObject({
      deleted: true,
      removal: null,
      canRestore: false,
    });
    const refused = expectProblem(await restore(moderator, 'reply', replyId), 409);
    expect(refused.title).toMatch(/writer deleted/);
    expect((await topicPage(bob, topicId)).replies[0]!.deleted).toBe(true);
  });

  it('unknown posts are 404 for staff, and a restored reply shows again to everyone', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    expectProblem(await remove(moderator, 'reply', unknown, { reason: 'unkind' }), 404);
    expectProblem(await restore(moderator, 'topic', unknown), 404);
    const topicId = await postTopic(t, ann, { categoryId: daily });
    const replyId = await postReply(t, bob, topicId, 'Words that come back.');
    await remove(moderator, 'reply', replyId, { reason: 'other', note: 'Checking.' });
    expect((await restore(moderator, 'reply', replyId)).statusCode).toBe(200);
    const reply = (await topicPage(ann, topicId)).replies[0]!;
    expect(reply).toMatchObject({ deleted: false, removal: null });
    expect(reply.bodyHtml).toContain('Words that come back.');
  });
});
