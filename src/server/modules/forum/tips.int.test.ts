import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, makeMember, startTestApp, type TestApp } from '../../../../tests/support/app';
import {
  categoryId,
  forgetWriteLimits,
  forumClient,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';
import { forumReplies, forumTopics } from './tables';

// Issue 9, item 4: the tips library pages by the one keyset cursor (helpful count, id).

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let writers: Member[];

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  writers = await Promise.all([1, 2, 3].map((n) => makeMember(t, { displayName: `Writer ${n}` })));
});
afterAll(() => t?.close());

describe('paging the tips library', () => {
  it('pages through every tip once, with no repeats and no gaps, while counts are equal', async () => {
    // "moving" gives its posts the theme of the same name.
    const moving = await categoryId(t, writers[0]!, 'moving');
    const topics: string[] = [];
    const replies: string[] = [];
    for (let i = 0; i < 30; i++) {
      if (i % 8 === 0) await forgetWriteLimits(t, writers);
      const who = writers[i % writers.length]!;
      const topic = await postTopic(t, who, { categoryId: moving, title: `Tip number ${i}` });
      topics.push(topic);
      if (i % 2 === 0) replies.push(await postReply(t, who, topic, `Reply tip ${i}.`));
    }
    // Most are equally helpful, so only the id keeps their order; a few are more helpful.
    const db = t.app.ctx.database.db;
    await db.update(forumTopics).set({ helpfulCount: 1 }).where(inArray(forumTopics.id, topics));
    await db.update(forumReplies).set({ helpfulCount: 1 }).where(inArray(forumReplies.id, replies));
    await db
      .update(forumTopics)
      .set({ helpfulCount: 3 })
      .where(inArray(forumTopics.id, topics.slice(0, 2)));
    await db
      .update(forumReplies)
      .set({ helpfulCount: 2 })
      .where(inArray(forumReplies.id, replies.slice(0, 2)));

    const seen: { id: string; helpfulCount: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const response = await call(writers[0]!, 'GET', `/api/forum/tips?theme=moving${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as {
        tips: { id: string; helpfulCount: number }[];
        nextCursor: string | null;
      };
      seen.push(...page.tips);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);

    const all = [...topics, ...replies];
    expect(pages).toBe(3);
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set(all));
    // Most helpful first, and within a count the same order on every page.
    const counts = seen.map((s) => s.helpfulCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.slice(0, 4)).toEqual([3, 3, 2, 2]);
    const ones = seen.filter((s) => s.helpfulCount === 1).map((s) => s.id);
    expect(ones).toEqual([...ones].sort().reverse());
  }, 60_000);
});
