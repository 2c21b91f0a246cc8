import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  latestTokenFor,
  type Member,
  makeMember,
  ORIGIN,
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
  upload,
} from '../../../../tests/support/forum';
import { forumReplies, forumTopics } from './tables';

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let ann: Member;
let bob: Member;
let cat: Member;
let dan: Member;
let moderator: Member;
let admin: Member;

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  [ann, bob, cat, dan, moderator, admin] = await Promise.all([
    makeMember(t, { displayName: 'Ann' }),
    makeMember(t, { displayName: 'Bob' }),
    makeMember(t, { displayName: 'Cat' }),
    makeMember(t, { displayName: 'Dan' }),
    makeMember(t, { displayName: 'Mona' }),
    makeMember(t, { displayName: 'Adam' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  await promote(t, admin.user.id, 'admin');
});
afterAll(() => t?.close());
beforeEach(() => forgetWriteLimits(t, [ann, bob, cat, dan, moderator, admin]));

/** A category of its own, so one test's topics do not appear in another's lists. */
async function freshCategory(tipTheme: string | null = null) {
  const slug = `test-${randomUUID().slice(0, 8)}`;
  const response = await call(admin, 'POST', '/api/admin/forum/categories', {
    slug,
    name: `Category ${slug}`,
    description: 'For one test.',
    tipTheme,
    sortOrder: 500,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json().id as string, slug };
}

async function topicCountOf(slug: string): Promise<number> {
  const response = await call(ann, 'GET', '/api/forum/categories');
  return response.json().categories.find((c: { slug: string }) => c.slug === slug).topicCount;
}

type Summary = { id: string; lastActivityAt: string; unread: boolean; isNew: boolean };

async function listOf(who: Member, slug: string, cursor?: string) {
  const response = await call(
    who,
    'GET',
    `/api/forum/categories/${slug}/topics${cursor ? `?cursor=${cursor}` : ''}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { topics: Summary[]; nextCursor: string | null };
}

describe('idempotency: a double tap posts once', () => {
  it('the same key twice makes one topic', async () => {
    const category = await freshCategory();
    const payload = {
      categoryId: category.id,
      title: 'Posted twice',
      body: 'Tap tap.',
      idempotencyKey: randomUUID(),
    };
    const first = await call(ann, 'POST', '/api/forum/topics', payload);
    const second = await call(ann, 'POST', '/api/forum/topics', payload);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect((await listOf(ann, category.slug)).topics).toHaveLength(1);
    expect(await topicCountOf(category.slug)).toBe(1);
    // The key belongs to its sender: someone else's same key is their own topic.
    const other = await call(bob, 'POST', '/api/forum/topics', payload);
    expect(other.json().id).not.toBe(first.json().id);
  });

  it('two requests at once with the same key make one topic and one reply', async () => {
    const category = await freshCategory();
    const payload = {
      categoryId: category.id,
      title: 'Posted at once',
      body: 'Tap tap.',
      idempotencyKey: randomUUID(),
    };
    const topics = await Promise.all([
      call(ann, 'POST', '/api/forum/topics', payload),
      call(ann, 'POST', '/api/forum/topics', payload),
      call(ann, 'POST', '/api/forum/topics', payload),
    ]);
    expect(topics.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(topics.map((r) => r.json().id)).size).toBe(1);
    expect(await topicCountOf(category.slug)).toBe(1);
    const topicId = topics[0]!.json().id;

    const reply = { body: 'Once only.', idempotencyKey: randomUUID() };
    const replies = await Promise.all([
      call(bob, 'POST', `/api/forum/topics/${topicId}/replies`, reply),
      call(bob, 'POST', `/api/forum/topics/${topicId}/replies`, reply),
      call(bob, 'POST', `/api/forum/topics/${topicId}/replies`, reply),
    ]);
    expect(replies.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(replies.map((r) => r.json().id)).size).toBe(1);
    const page = await call(ann, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.json().replies).toHaveLength(1);
    expect(page.json().topic.replyCount).toBe(1);
  });
});

describe('topic lists', () => {
  it('pages through more than 20 topics by latest activity, with no gaps or repeats', async () => {
    const category = await freshCategory();
    const made: string[] = [];
    for (let i = 0; i < 45; i++) {
      // One person posting 45 topics at once is what the write limit stops (it has its own test).
      await t.app.ctx.limits.reset('forumTopicPerUser', ann.user.id);
      made.push(await postTopic(t, ann, { categoryId: category.id, title: `Topic number ${i}` }));
      if (i % 2 === 0) t.advanceClock(1000); // some topics share a moment, some do not
    }
    const seen: Summary[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOf(bob, category.slug, cursor);
      sizes.push(page.topics.length);
      seen.push(...page.topics);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([20, 20, 5]);
    const ids = seen.map((s) => s.id);
    expect(new Set(ids).size).toBe(45);
    expect([...ids].sort()).toEqual([...made].sort());
    const times = seen.map((s) => Date.parse(s.lastActivityAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The newest first: the last one made is at the top.
    expect(ids[0]).toBe(made.at(-1));

    // A reply moves a topic to the top.
    t.advanceClock(1000);
    await postReply(t, bob, made[0]!);
    expect((await listOf(bob, category.slug)).topics[0]!.id).toBe(made[0]);
  });

  it('a cursor that is not ours is a 400 problem', async () => {
    for (const cursor of [
      'abc',
      Buffer.from('["not a date","x"]').toString('base64url'),
      Buffer.from(`["2020-01-01T00:00:00Z","${'g'.repeat(36)}"]`).toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      const lists = await call(
        ann,
        'GET',
        `/api/forum/categories/feelings/topics?cursor=${cursor}`,
      );
      expect(expectProblem(lists, 400).errors?.cursor).toBeTruthy();
      const tips = await call(ann, 'GET', `/api/forum/tips?theme=speech&cursor=${cursor}`);
      expectProblem(tips, 400);
    }
    const topicId = await postTopic(t, ann, { categoryId: (await freshCategory()).id });
    expectProblem(await call(ann, 'GET', `/api/forum/topics/${topicId}?cursor=abc`), 400);
    expectProblem(await call(ann, 'GET', '/api/forum/categories/feelings/topics?cursor=a!b'), 400);
  });

  it('pages through more than 50 replies in the order they were written', async () => {
    const category = await freshCategory();
    const topicId = await postTopic(t, ann, { categoryId: category.id });
    const made: string[] = [];
    for (let i = 0; i < 60; i++) {
      t.advanceClock(1);
      made.push(await postReply(t, i % 2 ? bob : cat, topicId, `Reply number ${i}`));
    }
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const response = await call(
        ann,
        'GET',
        `/api/forum/topics/${topicId}${cursor ? `?cursor=${cursor}` : ''}`,
      );
      const page = response.json();
      sizes.push(page.replies.length);
      seen.push(...page.replies.map((r: { id: string }) => r.id));
      expect(page.topic.replyCount).toBe(60);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([50, 10]);
    expect(seen).toEqual(made);
  });
});

describe('unread and new', () => {
  it('a topic is unread until I open it, and again after a new reply', async () => {
    const category = await freshCategory();
    const topicId = await postTopic(t, ann, { categoryId: category.id });
    const unread = async (who: Member) =>
      (await listOf(who, category.slug)).topics.find((x) => x.id === topicId)!.unread;
    expect(await unread(bob)).toBe(true);
    // My own topic is read.
    expect(await unread(ann)).toBe(false);
    await call(bob, 'GET', `/api/forum/topics/${topicId}`);
    expect(await unread(bob)).toBe(false);
    t.advanceClock(1000);
    await postReply(t, cat, topicId);
    expect(await unread(bob)).toBe(true);
    expect(await unread(ann)).toBe(true);
    // Writing a reply counts as reading.
    expect(await unread(cat)).toBe(false);
    await call(bob, 'GET', `/api/forum/topics/${topicId}`);
    expect(await unread(bob)).toBe(false);
  });

  it('"new since your last visit" follows visits 30 minutes apart', async () => {
    const category = await freshCategory();
    const before = await postTopic(t, ann, { categoryId: category.id, title: 'Before my visit' });
    const isNew = async (id: string) =>
      (await listOf(bob, category.slug)).topics.find((x) => x.id === id)!.isNew;
    // A first visit has nothing to compare with.
    expect(await isNew(before)).toBe(false);

    t.advanceClock(60_000);
    const during = await postTopic(t, ann, { categoryId: category.id, title: 'During my visit' });
    const mine = await postTopic(t, bob, { categoryId: category.id, title: 'My own topic' });
    const newCount = async () =>
      (await call(bob, 'GET', '/api/forum/categories'))
        .json()
        .categories.find((c: { id: string }) => c.id === category.id).newCount;
    expect(await newCount()).toBe(2);
    // Still the same visit: what came during it is not "new since last visit" yet.
    expect(await isNew(during)).toBe(false);

    // A new visit, over 30 minutes later: what came since the last one is new.
    t.advanceClock(31 * 60_000);
    expect(await isNew(during)).toBe(true);
    expect(await isNew(before)).toBe(false);
    expect(await isNew(mine)).toBe(false);
    expect(await newCount()).toBe(0);
    // Looking again within the visit keeps the same markers.
    t.advanceClock(5 * 60_000);
    expect(await isNew(during)).toBe(true);
    // The visit after that has seen it.
    t.advanceClock(31 * 60_000);
    expect(await isNew(during)).toBe(false);
  });
});

describe('removing and editing', () => {
  it('the author removes a topic: shown removed, out of the list, counted down, closed', async () => {
    const category = await freshCategory();
    const keep = await postTopic(t, ann, { categoryId: category.id, title: 'Staying' });
    const topicId = await postTopic(t, ann, { categoryId: category.id, title: 'Going away' });
    const replyId = await postReply(t, bob, topicId, 'A reply that stays.');
    expect(await topicCountOf(category.slug)).toBe(2);
    expect((await call(ann, 'DELETE', `/api/forum/posts/topic/${topicId}`)).statusCode).toBe(200);
    // Twice changes nothing: the same answer, and the count goes down once.
    expect((await call(ann, 'DELETE', `/api/forum/posts/topic/${topicId}`)).statusCode).toBe(200);
    expect(await topicCountOf(category.slug)).toBe(1);
    expect((await listOf(bob, category.slug)).topics.map((x) => x.id)).toEqual([keep]);

    const page = await call(bob, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().topic.title).toBe('This topic was removed');
    expect(page.json().topic.post).toMatchObject({ deleted: true, bodyHtml: '', body: null });
    // What others replied stays.
    expect(page.json().replies[0]).toMatchObject({ id: replyId, deleted: false });

    const refused = await call(cat, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: 'Too late.',
      idempotencyKey: randomUUID(),
    });
    expectProblem(refused, 409);
    expectProblem(
      await call(bob, 'PUT', `/api/forum/posts/topic/${topicId}/reactions/me_too`),
      403,
    );
  });

  it('the author removes a reply: shown removed, the topic stays', async () => {
    const topicId = await postTopic(t, ann, { categoryId: (await freshCategory()).id });
    const replyId = await postReply(t, bob, topicId, 'Regret this.');
    expect((await call(bob, 'DELETE', `/api/forum/posts/reply/${replyId}`)).statusCode).toBe(200);
    const page = await call(ann, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.json().replies[0]).toMatchObject({ id: replyId, deleted: true, bodyHtml: '' });
    expect(page.json().topic.post.deleted).toBe(false);
  });

  it('edits keep the earlier words for moderators, newest first', async () => {
    const topicId = await postTopic(t, ann, {
      categoryId: (await freshCategory()).id,
      title: 'First title',
      body: 'First words.',
    });
    const edit = (payload: Record<string, string>) =>
      call(ann, 'PATCH', `/api/forum/topics/${topicId}`, payload);
    expect((await edit({ body: 'Second words.' })).statusCode).toBe(200);
    expect((await edit({ title: 'Third title' })).statusCode).toBe(200);
    expect((await edit({ title: 'Fourth title', body: 'Fourth words.' })).statusCode).toBe(200);
    const response = await call(moderator, 'GET', `/api/forum/posts/topic/${topicId}/revisions`);
    expect(response.statusCode).toBe(200);
    const revisions = response.json().revisions as {
      title: string;
      body: string;
      editedAt: string;
      editor: { id: string };
    }[];
    expect(revisions.map((r) => [r.title, r.body])).toEqual([
      ['Third title', 'Second words.'],
      ['First title', 'Second words.'],
      ['First title', 'First words.'],
    ]);
    expect(revisions.every((r) => r.editor.id === ann.user.id)).toBe(true);
    const page = await call(bob, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.json().topic.title).toBe('Fourth title');
    expect(page.json().topic.post.bodyHtml).toBe('<p>Fourth words.</p>\n');
  });
});

describe('the tips library', () => {
  it('shows the most helpful topics and replies of a theme first', async () => {
    // "moving" is used by no other test in this file.
    const moving = await categoryId(t, ann, 'moving');
    const mostly = await postTopic(t, ann, { categoryId: moving, title: 'Stairs one at a time' });
    const reply = await postReply(t, ann, mostly, 'Hold the rail with your good hand.');
    const least = await postTopic(t, bob, { categoryId: moving, title: 'Walking poles' });
    const none = await postTopic(t, bob, { categoryId: moving, title: 'Nobody marked this' });
    const elsewhere = await postTopic(t, bob, {
      categoryId: moving,
      title: 'About feelings really',
      tipTheme: 'emotions',
    });
    const mark = (who: Member, kind: string, id: string, on = true) =>
      call(who, on ? 'PUT' : 'DELETE', `/api/forum/posts/${kind}/${id}/helpful`);
    for (const who of [bob, cat, dan]) await mark(who, 'topic', mostly);
    for (const who of [bob, cat]) await mark(who, 'reply', reply);
    await mark(ann, 'topic', least);
    await mark(ann, 'topic', elsewhere);

    const tips = async () => {
      const response = await call(dan, 'GET', '/api/forum/tips?theme=moving');
      expect(response.statusCode).toBe(200);
      return response.json().tips as {
        id: string;
        kind: string;
        helpfulCount: number;
        topicId: string;
      }[];
    };
    expect((await tips()).map((x) => [x.kind, x.id, x.helpfulCount])).toEqual([
      ['topic', mostly, 3],
      ['reply', reply, 2],
      ['topic', least, 1],
    ]);
    expect((await tips()).map((x) => x.id)).not.toContain(none);
    const emotions = await call(dan, 'GET', '/api/forum/tips?theme=emotions');
    expect(emotions.json().tips.map((x: { id: string }) => x.id)).toContain(elsewhere);

    // Taking "this helped me" back lowers the count.
    expect((await mark(bob, 'topic', mostly, false)).json()).toEqual({ helpfulCount: 2 });
    expect((await mark(cat, 'topic', mostly, false)).json()).toEqual({ helpfulCount: 1 });
    expect((await tips()).find((x) => x.id === mostly)!.helpfulCount).toBe(1);
    expect((await tips())[0]!.id).toBe(reply);

    // Removed posts leave the library.
    await call(ann, 'DELETE', `/api/forum/posts/reply/${reply}`);
    expect((await tips()).map((x) => x.id)).not.toContain(reply);
    await call(bob, 'DELETE', `/api/forum/posts/topic/${least}`);
    expect((await tips()).map((x) => x.id)).toEqual([mostly]);
  });
});

describe('search', () => {
  it('finds, ranks, marks, filters and pages', async () => {
    const speech = await categoryId(t, ann, 'speech-aphasia');
    const feelings = await categoryId(t, ann, 'feelings');
    const inTitle = await postTopic(t, ann, {
      categoryId: speech,
      title: 'Melodic intonation therapy',
      body: 'Singing words helped me talk again.',
    });
    const inBody = await postTopic(t, bob, {
      categoryId: feelings,
      title: 'A good week',
      body: 'My therapist tried melodic intonation with me once.',
    });
    const replyId = await postReply(t, cat, inTitle, 'Melodic intonation worked for my husband.');

    const search = async (query: string) => {
      const response = await call(dan, 'GET', `/api/forum/search?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as {
        results: { id: string; kind: string; snippet: string; categoryName: string }[];
        hasMore: boolean;
        page: number;
      };
    };
    const found = await search('q=melodic%20intonation');
    expect(found.results.map((r) => r.id).sort()).toEqual([inTitle, inBody, replyId].sort());
    // A title match weighs more than words in the body.
    expect(found.results[0]!.id).toBe(inTitle);
    // The snippet is from the words of the post: a match in the title alone marks nothing there.
    for (const result of found.results.filter((r) => r.id !== inTitle)) {
      expect(result.snippet).toMatch(/\uE000[Mm]elodic\uE001 \uE000intonation\uE001/);
    }
    expect(found.results.every((r) => !/<\/?b>/.test(r.snippet))).toBe(true);
    const filtered = await search(`q=melodic%20intonation&category=${speech}`);
    expect(filtered.results.map((r) => r.id).sort()).toEqual([inTitle, replyId].sort());
    expect(filtered.results.every((r) => r.categoryName === 'Speech and aphasia')).toBe(true);
    expect((await search('q=xylophoneqwerty')).results).toEqual([]);

    // Removed posts are not found.
    await call(bob, 'DELETE', `/api/forum/posts/topic/${inBody}`);
    expect((await search('q=melodic%20intonation')).results.map((r) => r.id)).not.toContain(inBody);
    await call(cat, 'DELETE', `/api/forum/posts/reply/${replyId}`);
    expect((await search('q=melodic%20intonation')).results.map((r) => r.id)).toEqual([inTitle]);
  });

  it('pages through many results', async () => {
    const topicId = await postTopic(t, ann, {
      categoryId: (await freshCategory()).id,
      title: 'Hummingbird',
      body: 'Hummingbird feeders.',
    });
    for (let i = 0; i < 24; i++) await postReply(t, bob, topicId, `Hummingbird sighting ${i}.`);
    const page = async (n: number) =>
      (await call(dan, 'GET', `/api/forum/search?q=hummingbird&page=${n}`)).json();
    const one = await page(1);
    const two = await page(2);
    expect([one.results.length, one.hasMore, one.page]).toEqual([20, true, 1]);
    expect([two.results.length, two.hasMore, two.page]).toEqual([5, false, 2]);
    const ids = [...one.results, ...two.results].map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(25);
    expect((await page(3)).results).toEqual([]);
  });
});

describe('private boards', () => {
  it('a topic on a group board is invisible to everyone outside the group', async () => {
    const { db } = t.app.ctx.database;
    const groupId = randomUUID();
    const daily = await categoryId(t, ann, 'daily-life');
    // One on the board alone, one that also names a category (neither may leak).
    const rows = await db
      .insert(forumTopics)
      .values(
        [null, daily].map((category) => ({
          categoryId: category,
          groupId,
          authorId: ann.user.id,
          clientKey: randomUUID(),
          title: 'Secret porcupine board',
          body: 'Porcupine secrets of the group.',
          bodyHtml: '<p>Porcupine secrets of the group.</p>',
          bodyText: 'Porcupine secrets of the group.',
          tipTheme: 'daily_living' as const,
          helpfulCount: 99,
        })),
      )
      .returning({ id: forumTopics.id });
    const [reply] = await db
      .insert(forumReplies)
      .values({
        topicId: rows[0]!.id,
        groupId,
        authorId: bob.user.id,
        clientKey: randomUUID(),
        body: 'Porcupine reply.',
        bodyHtml: '<p>Porcupine reply.</p>',
        bodyText: 'Porcupine reply.',
        tipTheme: 'daily_living',
        helpfulCount: 99,
      })
      .returning({ id: forumReplies.id });
    const hidden = [...rows.map((r) => r.id), reply!.id];

    for (const who of [ann, bob, moderator, admin]) {
      for (const row of rows) {
        expectProblem(await call(who, 'GET', `/api/forum/topics/${row.id}`), 404);
        expectProblem(await call(who, 'PUT', `/api/forum/topics/${row.id}/bookmark`), 404);
        expectProblem(
          await call(who, 'POST', `/api/forum/topics/${row.id}/replies`, {
            body: 'In.',
            idempotencyKey: randomUUID(),
          }),
          404,
        );
      }
      expectProblem(
        await call(who, 'PUT', `/api/forum/posts/reply/${reply!.id}/reactions/me_too`),
        404,
      );
      const list = await call(who, 'GET', '/api/forum/categories/daily-life/topics');
      const search = await call(who, 'GET', '/api/forum/search?q=porcupine');
      const tips = await call(who, 'GET', '/api/forum/tips?theme=daily_living');
      const bookmarks = await call(who, 'GET', '/api/forum/bookmarks');
      for (const response of [list, search, tips, bookmarks]) {
        expect(response.statusCode).toBe(200);
        for (const id of hidden) expect(response.body).not.toContain(id);
      }
      expect(search.json().results).toEqual([]);
    }
  });
});

describe('drafts', () => {
  it('are saved, read, overwritten and kept across a new sign-in', async () => {
    const me = await makeMember(t, { displayName: 'Drafter' });
    const key = `topic-${await categoryId(t, me, 'introductions')}`;
    const save = (who: Member, body: string) =>
      call(who, 'PUT', `/api/forum/drafts/${key}`, { title: 'Hello', body });
    const first = await save(me, 'I had my stroke');
    expect(first.statusCode).toBe(200);
    expect(first.json().draft).toMatchObject({ key, title: 'Hello', body: 'I had my stroke' });
    t.advanceClock(5000);
    const second = await save(me, 'I had my stroke in May');
    expect(Date.parse(second.json().draft.updatedAt)).toBeGreaterThan(
      Date.parse(first.json().draft.updatedAt),
    );
    expect((await call(me, 'GET', `/api/forum/drafts/${key}`)).json().draft.body).toBe(
      'I had my stroke in May',
    );

    // Sign out, sign in again: the draft is still there.
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { origin: ORIGIN, cookie: me.cookie },
    });
    expect(out.statusCode).toBeLessThan(300);
    expectProblem(await call(me, 'GET', `/api/forum/drafts/${key}`), 401);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/email-link',
      remoteAddress: me.ip,
      headers: { origin: ORIGIN },
      payload: { email: me.email },
    });
    expect(asked.statusCode).toBeLessThan(300);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/email-link/verify',
      remoteAddress: me.ip,
      headers: { origin: ORIGIN },
      payload: { token: await latestTokenFor(t.app, me.email) },
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const again = { ...me, cookie: cookieFrom(verified)! };
    expect(again.cookie).not.toBe(me.cookie);
    expect((await call(again, 'GET', `/api/forum/drafts/${key}`)).json().draft).toMatchObject({
      title: 'Hello',
      body: 'I had my stroke in May',
    });
  });

  it('go away when the topic or reply they belong to is posted', async () => {
    const daily = await categoryId(t, ann, 'daily-life');
    const topicKey = `topic-${daily}`;
    await call(cat, 'PUT', `/api/forum/drafts/${topicKey}`, { title: 'Soon', body: 'Almost' });
    // Someone else's draft under the same key is theirs and stays.
    await call(dan, 'PUT', `/api/forum/drafts/${topicKey}`, { title: 'Mine', body: 'Mine' });
    const topicId = await postTopic(t, cat, { categoryId: daily });
    expect((await call(cat, 'GET', `/api/forum/drafts/${topicKey}`)).json()).toEqual({
      draft: null,
    });
    expect((await call(dan, 'GET', `/api/forum/drafts/${topicKey}`)).json().draft.body).toBe(
      'Mine',
    );

    const replyKey = `reply-${topicId}`;
    await call(dan, 'PUT', `/api/forum/drafts/${replyKey}`, { title: '', body: 'My reply' });
    await postReply(t, dan, topicId, 'My reply');
    expect((await call(dan, 'GET', `/api/forum/drafts/${replyKey}`)).json()).toEqual({
      draft: null,
    });
  });
});

describe('images', () => {
  const picture = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#884422' } });

  /** The stored picture, as its uploader gets it (no post shows it yet). */
  async function stored(url: string) {
    const response = await call(ann, 'GET', url);
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  }

  it('takes a PNG and a JPEG, shrinks them to 1600 px at most and answers their size', async () => {
    const png = await picture(3200, 1000).png().toBuffer();
    const uploaded = await upload(t, ann, png, 'image/png', 'wide.png');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ width: 1600, height: 500 });
    const meta = await sharp(await stored(uploaded.json().url)).metadata();
    expect([meta.width, meta.height]).toEqual([1600, 500]);

    const jpeg = await picture(800, 2400).jpeg().toBuffer();
    const tall = await upload(t, ann, jpeg, 'image/jpeg', 'tall.jpg');
    expect(tall.statusCode, tall.body).toBe(201);
    expect(tall.json()).toMatchObject({ width: 533, height: 1600 });

    const small = await upload(t, ann, await picture(40, 30).jpeg().toBuffer(), 'image/jpeg');
    expect(small.json()).toMatchObject({ width: 40, height: 30 });
  });

  it('strips EXIF and GPS metadata', async () => {
    const jpeg = await picture(200, 100)
      .jpeg()
      .withExif({
        IFD0: { Copyright: 'Secret Owner', Artist: 'Secret Artist' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' },
      })
      .toBuffer();
    const before = await sharp(jpeg).metadata();
    expect(before.exif).toBeDefined();
    expect(jpeg.includes('Secret Owner')).toBe(true);

    const uploaded = await upload(t, ann, jpeg, 'image/jpeg', 'located.jpg');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const data = await stored(uploaded.json().url);
    const after = await sharp(data).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(data.includes('Secret Owner')).toBe(false);
    expect(data.includes('Secret Artist')).toBe(false);
  });

  it('refuses what is not a picture, whatever it says it is', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
    );
    const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    const truncated = (await picture(100, 100).png().toBuffer()).subarray(0, 60);
    for (const data of [svg, html, pdf, truncated, Buffer.alloc(0)]) {
      const response = await upload(t, ann, data, 'image/png', 'fake.png');
      expect(expectProblem(response, 422).errors?.image).toBeTruthy();
    }
  });

  it('refuses a file over 8 MB with 413', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024 + 1024, 0);
    (await picture(10, 10).png().toBuffer()).copy(big);
    expectProblem(await upload(t, ann, big, 'image/png', 'big.png'), 413);
  });

  it('refuses a body that is not multipart with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/forum/images',
      headers: { origin: ORIGIN, cookie: ann.cookie, 'content-type': 'application/json' },
      payload: { image: 'not a file' },
    });
    expectProblem(response, 415);
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/forum/images',
      headers: { origin: ORIGIN, cookie: ann.cookie, 'content-type': 'image/png' },
      payload: await picture(10, 10).png().toBuffer(),
    });
    expectProblem(raw, 415);
  });

  it('a post may show an uploaded picture, but not one that was never uploaded', async () => {
    const daily = await categoryId(t, ann, 'daily-life');
    const uploaded = await upload(t, ann, await picture(50, 50).png().toBuffer());
    const url = uploaded.json().url;
    const topicId = await postTopic(t, ann, {
      categoryId: daily,
      body: `My new kitchen:\n\n![a kitchen with a low counter](${url})`,
    });
    const page = await call(bob, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.json().topic.post.bodyHtml).toContain(
      `<img src="${url}" alt="a kitchen with a low counter" loading="lazy" />`,
    );

    const never = `/api/forum/images/${randomUUID()}`;
    const refused = await call(ann, 'POST', '/api/forum/topics', {
      categoryId: daily,
      title: 'A missing picture',
      body: `![a picture that is not there](${never})`,
      idempotencyKey: randomUUID(),
    });
    expect(expectProblem(refused, 422).errors?.body).toBe(
      'Pictures must be added with the Add a picture button.',
    );
    const reply = await call(bob, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: `![a picture that is not there](${never})`,
      idempotencyKey: randomUUID(),
    });
    expectProblem(reply, 422);
  });
});
