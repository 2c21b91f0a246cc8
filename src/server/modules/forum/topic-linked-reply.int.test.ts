import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import { categoryId, expectProblem, forumClient, postTopic } from '../../../../tests/support/forum';
import type { TopicPage } from '../../../contract/forum';
import { forumReplies, forumTopics } from './tables';

/**
 * A link to a reply (`/forum/t/<topic>#post-<reply>`, from a notification) asks for
 * ?reply=<id>: the page that holds it, the same page "Show more replies" reaches, with a way
 * back to the pages before. A reply the person may not see there gives the first page.
 */

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let ann: Member;
let bob: Member;
let moderator: Member;
let topicId: string;
/** The topic's 120 replies, in the order the topic shows them. */
let ordered: string[];

/** Adds replies straight to the table, a second apart; `same` share one moment (ties by id). */
async function addReplies(topic: string, count: number, same: number[] = [], groupId?: string) {
  const base = Date.now() - 3_600_000;
  const rows = await t.app.ctx.database.db
    .insert(forumReplies)
    .values(
      Array.from({ length: count }, (_, i) => ({
        topicId: topic,
        groupId: groupId ?? null,
        authorId: bob.user.id,
        clientKey: randomUUID(),
        body: `Reply number ${i + 1}.`,
        bodyHtml: `<p>Reply number ${i + 1}.</p>`,
        bodyText: `Reply number ${i + 1}.`,
        createdAt: new Date(base + (same.includes(i) ? same[0]! : i) * 1000),
      })),
    )
    .returning({ id: forumReplies.id, createdAt: forumReplies.createdAt });
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((r) => r.id);
}

async function page(who: Member, query = ''): Promise<TopicPage> {
  const response = await call(who, 'GET', `/api/forum/topics/${topicId}${query}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response.json();
}

const ids = (p: TopicPage) => p.replies.map((r) => r.id);

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  [ann, bob, moderator] = await Promise.all([
    makeMember(t, { displayName: 'Ann' }),
    makeMember(t, { displayName: 'Bob' }),
    makeMember(t, { displayName: 'Mona' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  topicId = await postTopic(t, ann, { categoryId: await categoryId(t, ann, 'daily-life') });
  // Replies 99 to 102 came at the same moment, so the edge of the third page is a tie.
  ordered = await addReplies(topicId, 120, [98, 99, 100, 101]);
});
afterAll(() => t?.close());

describe('a link to a reply', () => {
  it('gives the page that holds the 101st reply, as "Show more replies" reaches it', async () => {
    const one = await page(ann);
    const two = await page(ann, `?cursor=${one.nextCursor}`);
    const three = await page(ann, `?cursor=${two.nextCursor}`);
    expect([one.page, two.page, three.page]).toEqual([1, 2, 3]);
    expect([...ids(one), ...ids(two), ...ids(three)]).toEqual(ordered);
    expect(one.previousCursor).toBeNull();
    expect(three.nextCursor).toBeNull();

    const linked = await page(ann, `?reply=${ordered[100]}`);
    expect(ids(linked)).toEqual(ordered.slice(100, 120));
    expect(linked).toMatchObject({ page: 3, nextCursor: null });
    expect(linked.previousCursor).not.toBeNull();
    expect(linked).toEqual(three);

    // The edges of a page: the 50th reply is on the first page, the 51st on the second.
    expect(await page(ann, `?reply=${ordered[49]}`)).toEqual(one);
    expect(await page(ann, `?reply=${ordered[50]}`)).toEqual(two);
    expect(await page(ann, `?reply=${ordered[99]}`)).toEqual(two);
  });

  it('leads back to every earlier page, and on again with the same cursors', async () => {
    const one = await page(ann);
    const linked = await page(ann, `?reply=${ordered[100]}`);
    const two = await page(ann, `?before=${linked.previousCursor}`);
    expect(ids(two)).toEqual(ordered.slice(50, 100));
    expect(two.page).toBe(2);
    const first = await page(ann, `?before=${two.previousCursor}`);
    expect(ids(first)).toEqual(ordered.slice(0, 50));
    expect(first).toMatchObject({ page: 1, previousCursor: null, nextCursor: one.nextCursor });
    // Forward from a page reached backwards is the page it came from.
    expect(ids(await page(ann, `?cursor=${two.nextCursor}`))).toEqual(ids(linked));
  });

  it('gives the first page for a reply of another topic, one on a hidden board, or none', async () => {
    const first = await page(ann);
    const otherTopic = await postTopic(t, ann, {
      categoryId: await categoryId(t, ann, 'daily-life'),
    });
    const [elsewhere] = await addReplies(otherTopic, 1);
    // A group's board Ann cannot read.
    const groupId = randomUUID();
    const [hiddenTopic] = await t.app.ctx.database.db
      .insert(forumTopics)
      .values({
        categoryId: null,
        groupId,
        authorId: bob.user.id,
        clientKey: randomUUID(),
        title: 'A private board topic',
        body: 'Words for the group.',
        bodyHtml: '<p>Words for the group.</p>',
        bodyText: 'Words for the group.',
      })
      .returning({ id: forumTopics.id });
    const [hidden] = await addReplies(hiddenTopic!.id, 1, [], groupId);

    for (const reply of [elsewhere!, hidden!, randomUUID()]) {
      const answer = await call(ann, 'GET', `/api/forum/topics/${topicId}?reply=${reply}`);
      expect(answer.statusCode).toBe(200);
      // The same bytes as no link at all: nothing tells whether that reply exists.
      expect(answer.json()).toEqual(first);
      expect(answer.body).not.toContain(reply);
    }
  });

  it('gives the first page for a removed reply, but staff, who read removed posts, reach it', async () => {
    const target = ordered[110]!;
    const removed = await call(bob, 'DELETE', `/api/forum/posts/reply/${target}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    expect(ids(await page(ann, `?reply=${target}`))).toEqual(ordered.slice(0, 50));
    expect(ids(await page(moderator, `?reply=${target}`))).toEqual(ordered.slice(100, 120));
  });

  it('answers a 400 problem for a link that is not a reply id, or two places at once', async () => {
    for (const query of [
      '?reply=not-a-uuid',
      '?reply=',
      `?reply=${randomUUID()}&cursor=${(await page(ann)).nextCursor}`,
      `?reply=${randomUUID()}&before=${(await page(ann)).nextCursor}`,
      '?before=G',
    ]) {
      const problem = expectProblem(
        await call(ann, 'GET', `/api/forum/topics/${topicId}${query}`),
        400,
      );
      expect(problem.title).not.toBe('');
    }
  });
});
