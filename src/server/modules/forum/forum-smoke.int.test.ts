import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeMember, ORIGIN, startTestApp, type TestApp } from '../../../../tests/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('runs a whole conversation: topic, reply, reaction, helpful, tips, search, bookmark, draft', async () => {
  const ann = await makeMember(t, { displayName: 'Ann' });
  const bob = await makeMember(t, { displayName: 'Bob' });
  const as = (m: typeof ann) => ({ cookie: m.cookie, origin: ORIGIN });
  const cats = await t.app.inject({ url: '/api/forum/categories', headers: as(ann) });
  expect(cats.statusCode).toBe(200);
  const daily = cats.json().categories.find((c: { slug: string }) => c.slug === 'daily-life');
  expect(daily.tipTheme).toBe('daily_living');

  const key = randomUUID();
  const post = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/forum/topics',
      headers: as(ann),
      payload: {
        categoryId: daily.id,
        title: 'Buttons with one hand',
        body: 'A **button hook** helps me dress.',
        idempotencyKey: key,
      },
    });
  const first = await post();
  expect(first.statusCode).toBe(201);
  const again = await post();
  expect(again.json().id).toBe(first.json().id);
  const topicId = first.json().id;

  const list = await t.app.inject({
    url: '/api/forum/categories/daily-life/topics',
    headers: as(bob),
  });
  expect(list.json().topics).toHaveLength(1);
  expect(list.json().topics[0]).toMatchObject({ title: 'Buttons with one hand', unread: true });

  const reply = await t.app.inject({
    method: 'POST',
    url: `/api/forum/topics/${topicId}/replies`,
    headers: as(bob),
    payload: { body: 'Velcro shoes changed my mornings.', idempotencyKey: randomUUID() },
  });
  expect(reply.statusCode).toBe(201);
  const react = await t.app.inject({
    method: 'PUT',
    url: `/api/forum/posts/topic/${topicId}/reactions/me_too`,
    headers: as(bob),
  });
  expect(react.json()).toMatchObject({ me_too: 1, mine: ['me_too'] });
  const own = await t.app.inject({
    method: 'PUT',
    url: `/api/forum/posts/topic/${topicId}/helpful`,
    headers: as(ann),
  });
  expect(own.statusCode).toBe(403);
  const helpful = await t.app.inject({
    method: 'PUT',
    url: `/api/forum/posts/topic/${topicId}/helpful`,
    headers: as(bob),
  });
  expect(helpful.json()).toEqual({ helpfulCount: 1 });

  const tips = await t.app.inject({ url: '/api/forum/tips?theme=daily_living', headers: as(bob) });
  expect(tips.json().tips[0]).toMatchObject({ topicId, helpfulCount: 1 });

  const search = await t.app.inject({
    url: '/api/forum/search?q=button%20hooks',
    headers: as(bob),
  });
  expect(search.statusCode).toBe(200);
  expect(search.json().results[0]).toMatchObject({ topicId, kind: 'topic' });
  expect(search.json().results[0].snippet).toContain('\uE000');

  const page = await t.app.inject({ url: `/api/forum/topics/${topicId}`, headers: as(bob) });
  expect(page.statusCode).toBe(200);
  expect(page.json().topic.post.bodyHtml).toContain('<strong>button hook</strong>');
  expect(page.json().replies).toHaveLength(1);

  const draft = await t.app.inject({
    method: 'PUT',
    url: `/api/forum/drafts/reply-${topicId}`,
    headers: as(ann),
    payload: { title: '', body: 'Half a thought' },
  });
  expect(draft.statusCode).toBe(200);
  const back = await t.app.inject({ url: `/api/forum/drafts/reply-${topicId}`, headers: as(ann) });
  expect(back.json().draft.body).toBe('Half a thought');
});
