import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  forumClient,
  postReply,
  postTopic,
  upload,
} from '../../../../tests/support/forum';
import { collectRoutes, type RegisteredRoute } from '../../../../tests/support/routes';

/**
 * Who may call each forum route: nobody, a member, the post's author, another
 * member, a moderator and an administrator. Every forum route the app
 * registers must be called here, or the last test fails.
 */

let t: TestApp;
let registered: RegisteredRoute[];
let call: ReturnType<typeof forumClient>;
let author: Member;
let other: Member;
let moderator: Member;
let admin: Member;
let daily: string;
const exercised = new Set<string>();

const isForumRoute = (url: string) =>
  url.startsWith('/api/forum') || url.startsWith('/api/admin/forum');

beforeAll(async () => {
  const started = await collectRoutes(() => startTestApp());
  t = started.result;
  registered = started.routes.filter((r) => isForumRoute(r.url) && r.method !== 'HEAD');
  const base = forumClient(t);
  // Records which route each call reached, so the coverage test can check all are used.
  call = async (who, method, url, payload) => {
    const response = await base(who, method, url, payload);
    if (who) exercised.add(`${method} ${routeOf(method, url)}`);
    return response;
  };
  [author, other, moderator, admin] = await Promise.all([
    makeMember(t, { displayName: 'Author' }),
    makeMember(t, { displayName: 'Other' }),
    makeMember(t, { displayName: 'Mona' }),
    makeMember(t, { displayName: 'Adam' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  await promote(t, admin.user.id, 'admin');
  daily = await categoryId(t, author, 'daily-life');
});
afterAll(() => t?.close());

/** The registered route a concrete URL reaches, e.g. /api/forum/topics/:id. */
function routeOf(method: string, url: string): string {
  const path = url.split('?')[0]!;
  const parts = path.split('/');
  const match = registered.find((r) => {
    if (r.method !== method) return false;
    const pattern = r.url.split('/');
    return (
      pattern.length === parts.length &&
      pattern.every((p, i) => p.startsWith(':') || p === parts[i])
    );
  });
  return match?.url ?? path;
}

async function newTopic(who = author) {
  return postTopic(t, who, { categoryId: daily, title: 'Getting dressed alone' });
}

describe('nobody signed in', () => {
  const id = randomUUID();
  const anonymous: [string, string, unknown?][] = [
    ['GET', '/api/forum/categories'],
    ['GET', '/api/forum/categories/daily-life/topics'],
    ['POST', '/api/forum/topics', {}],
    ['GET', `/api/forum/topics/${id}`],
    ['PATCH', `/api/forum/topics/${id}`, { title: 'New title' }],
    ['POST', `/api/forum/topics/${id}/replies`, { body: 'x', idempotencyKey: id }],
    ['PATCH', `/api/forum/replies/${id}`, { body: 'x' }],
    ['DELETE', `/api/forum/posts/topic/${id}`],
    ['POST', `/api/forum/posts/topic/${id}/removal`, { reason: 'unkind' }],
    ['POST', `/api/forum/posts/topic/${id}/restore`],
    ['GET', `/api/forum/posts/topic/${id}/revisions`],
    ['PUT', `/api/forum/posts/topic/${id}/reactions/me_too`],
    ['DELETE', `/api/forum/posts/topic/${id}/reactions/me_too`],
    ['PUT', `/api/forum/posts/topic/${id}/helpful`],
    ['DELETE', `/api/forum/posts/topic/${id}/helpful`],
    ['PUT', `/api/forum/topics/${id}/bookmark`],
    ['DELETE', `/api/forum/topics/${id}/bookmark`],
    ['GET', '/api/forum/bookmarks'],
    ['GET', '/api/forum/tips?theme=speech'],
    ['GET', '/api/forum/search?q=hello'],
    ['GET', `/api/forum/drafts/topic-${id}`],
    ['PUT', `/api/forum/drafts/topic-${id}`, { title: '', body: 'x' }],
    ['DELETE', `/api/forum/drafts/topic-${id}`],
    ['POST', '/api/forum/images', {}],
    ['GET', `/api/forum/images/${id}`],
    ['POST', '/api/admin/forum/categories', {}],
    ['PUT', `/api/admin/forum/categories/${id}`, {}],
  ];

  it('names every forum route', () => {
    const inTable = anonymous.map(([m, u]) => `${m} ${routeOf(m, u)}`).sort();
    const inApp = [...new Set(registered.map((r) => `${r.method} ${r.url}`))].sort();
    expect(inApp.length).toBeGreaterThan(20);
    expect(inTable, 'add the new forum route to this table').toEqual(inApp);
  });

  it.each(anonymous)('%s %s → 401', async (method, url, payload) => {
    const response = await call(null, method as 'GET', url, payload);
    expectProblem(response, 401);
  });
});

describe('reading', () => {
  it('members see categories, topic lists, topics, tips and search', async () => {
    const topicId = await newTopic();
    for (const who of [author, other, moderator, admin]) {
      expect((await call(who, 'GET', '/api/forum/categories')).statusCode).toBe(200);
      expect((await call(who, 'GET', '/api/forum/categories/daily-life/topics')).statusCode).toBe(
        200,
      );
      const page = await call(who, 'GET', `/api/forum/topics/${topicId}`);
      expect(page.statusCode).toBe(200);
      // The markdown as written is only for its author, to edit it.
      expect(page.json().topic.post.body === null).toBe(who !== author);
      expect(page.json().topic.post.canEdit).toBe(who === author);
      // "Delete my post" is the author's; staff get "Remove this post" (with a reason) instead.
      expect(page.json().topic.post.canDelete).toBe(who === author);
      expect(page.json().topic.post.canRemove).toBe(who === moderator || who === admin);
      expect((await call(who, 'GET', '/api/forum/tips?theme=daily_living')).statusCode).toBe(200);
      expect((await call(who, 'GET', '/api/forum/search?q=dressed')).statusCode).toBe(200);
    }
  });

  it('an unknown category or topic is 404', async () => {
    expectProblem(await call(other, 'GET', '/api/forum/categories/no-such-place/topics'), 404);
    expectProblem(await call(other, 'GET', `/api/forum/topics/${randomUUID()}`), 404);
  });
});

describe('writing and changing posts', () => {
  it('any member may start a topic and reply', async () => {
    const started = await call(other, 'POST', '/api/forum/topics', {
      categoryId: daily,
      title: 'Tying laces',
      body: 'Any tricks?',
      idempotencyKey: randomUUID(),
    });
    expect(started.statusCode, started.body).toBe(201);
    const topicId = started.json().id;
    for (const who of [author, moderator, admin]) {
      const replied = await call(who, 'POST', `/api/forum/topics/${topicId}/replies`, {
        body: 'Elastic laces.',
        idempotencyKey: randomUUID(),
      });
      expect(replied.statusCode, replied.body).toBe(201);
      expect(replied.json().topicId).toBe(topicId);
    }
    expectProblem(
      await call(other, 'POST', `/api/forum/topics/${randomUUID()}/replies`, {
        body: 'Nowhere.',
        idempotencyKey: randomUUID(),
      }),
      404,
    );
  });

  it('only the author edits a topic; moderators and admins may not edit others', async () => {
    const topicId = await newTopic();
    for (const who of [other, moderator, admin]) {
      expectProblem(
        await call(who, 'PATCH', `/api/forum/topics/${topicId}`, { title: 'Not yours' }),
        403,
      );
    }
    const mine = await call(author, 'PATCH', `/api/forum/topics/${topicId}`, {
      title: 'Getting dressed on my own',
      body: 'Changed words.',
    });
    expect(mine.statusCode, mine.body).toBe(200);
    const page = await call(other, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.json().topic.title).toBe('Getting dressed on my own');
    expect(page.json().topic.post.editedAt).not.toBeNull();
  });

  it('only the author edits a reply', async () => {
    const topicId = await newTopic(other);
    const replyId = await postReply(t, author, topicId, 'My first words.');
    for (const who of [other, moderator, admin]) {
      expectProblem(
        await call(who, 'PATCH', `/api/forum/replies/${replyId}`, { body: 'Not yours' }),
        403,
      );
    }
    expect(
      (await call(author, 'PATCH', `/api/forum/replies/${replyId}`, { body: 'Better words.' }))
        .statusCode,
    ).toBe(200);
    expectProblem(
      await call(author, 'PATCH', `/api/forum/replies/${randomUUID()}`, { body: 'x' }),
      404,
    );
  });

  it('the author deletes their own post; no one else may, not even staff without a reason', async () => {
    const topicId = await newTopic();
    const mine = await postReply(t, author, topicId);
    const forModerator = await postReply(t, author, topicId);
    expectProblem(await call(other, 'DELETE', `/api/forum/posts/reply/${mine}`), 403);
    expectProblem(await call(other, 'DELETE', `/api/forum/posts/topic/${topicId}`), 403);
    for (const staff of [moderator, admin]) {
      expectProblem(await call(staff, 'DELETE', `/api/forum/posts/reply/${forModerator}`), 403);
    }
    expect((await call(author, 'DELETE', `/api/forum/posts/reply/${mine}`)).statusCode).toBe(200);
    // A removed post cannot be edited any more, not even by its author.
    expectProblem(await call(author, 'PATCH', `/api/forum/replies/${mine}`, { body: 'Back' }), 403);
    expect((await call(author, 'DELETE', `/api/forum/posts/topic/${topicId}`)).statusCode).toBe(
      200,
    );
    const page = await call(author, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.json().topic.post).toMatchObject({ deleted: true, bodyHtml: '', body: null });
    expectProblem(await call(author, 'DELETE', `/api/forum/posts/reply/${randomUUID()}`), 404);
  });

  it('staff remove and restore with a reason; members may not', async () => {
    const topicId = await newTopic();
    const replies = [await postReply(t, author, topicId), await postReply(t, author, topicId)];
    const removal = (id: string) => `/api/forum/posts/reply/${id}/removal`;
    const restore = (id: string) => `/api/forum/posts/reply/${id}/restore`;
    for (const who of [author, other]) {
      expectProblem(await call(who, 'POST', removal(replies[0]!), { reason: 'unkind' }), 403);
      expectProblem(await call(who, 'POST', restore(replies[0]!)), 403);
    }
    for (const [i, staff] of [moderator, admin].entries()) {
      const id = replies[i]!;
      expect((await call(staff, 'POST', removal(id), { reason: 'unkind' })).statusCode).toBe(200);
      expect((await call(staff, 'POST', restore(id))).statusCode).toBe(200);
    }
    expectProblem(
      await call(moderator, 'POST', `/api/forum/posts/topic/${randomUUID()}/removal`, {
        reason: 'unkind',
      }),
      404,
    );
  });

  it('revisions are for moderators and admins only', async () => {
    const topicId = await newTopic();
    const replyId = await postReply(t, author, topicId, 'Before.');
    await call(author, 'PATCH', `/api/forum/replies/${replyId}`, { body: 'After.' });
    for (const who of [author, other]) {
      expectProblem(await call(who, 'GET', `/api/forum/posts/reply/${replyId}/revisions`), 403);
    }
    for (const who of [moderator, admin]) {
      const response = await call(who, 'GET', `/api/forum/posts/reply/${replyId}/revisions`);
      expect(response.statusCode).toBe(200);
      expect(response.json().revisions.map((r: { body: string }) => r.body)).toEqual(['Before.']);
    }
    expectProblem(
      await call(moderator, 'GET', `/api/forum/posts/topic/${randomUUID()}/revisions`),
      404,
    );
  });
});

describe('reactions, "this helped me" and bookmarks', () => {
  it('reactions: not on my own post, undoable, counted right', async () => {
    const topicId = await newTopic();
    const url = `/api/forum/posts/topic/${topicId}/reactions`;
    expectProblem(await call(author, 'PUT', `${url}/me_too`), 403);
    expect((await call(other, 'PUT', `${url}/me_too`)).json()).toMatchObject({
      me_too: 1,
      mine: ['me_too'],
    });
    // Twice is still one.
    expect((await call(other, 'PUT', `${url}/me_too`)).json()).toMatchObject({ me_too: 1 });
    const both = await call(moderator, 'PUT', `${url}/me_too`);
    expect(both.json()).toMatchObject({ me_too: 2, thank_you: 0, mine: ['me_too'] });
    expect((await call(admin, 'PUT', `${url}/sending_strength`)).json()).toMatchObject({
      me_too: 2,
      sending_strength: 1,
      mine: ['sending_strength'],
    });
    expect((await call(other, 'DELETE', `${url}/me_too`)).json()).toMatchObject({
      me_too: 1,
      mine: [],
    });
    expectProblem(await call(author, 'DELETE', `${url}/me_too`), 403);
    const page = await call(author, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.json().topic.post.reactions).toEqual({
      me_too: 1,
      thank_you: 0,
      sending_strength: 1,
      mine: [],
    });
    // Replies too.
    const replyId = await postReply(t, other, topicId);
    expectProblem(
      await call(other, 'PUT', `/api/forum/posts/reply/${replyId}/reactions/thank_you`),
      403,
    );
    expect(
      (await call(author, 'PUT', `/api/forum/posts/reply/${replyId}/reactions/thank_you`)).json(),
    ).toMatchObject({ thank_you: 1, mine: ['thank_you'] });
    expectProblem(
      await call(other, 'PUT', `/api/forum/posts/reply/${randomUUID()}/reactions/me_too`),
      404,
    );
  });

  it('"this helped me": not on my own post, undoable, counted once per person', async () => {
    const topicId = await newTopic();
    const url = `/api/forum/posts/topic/${topicId}/helpful`;
    expectProblem(await call(author, 'PUT', url), 403);
    expect((await call(other, 'PUT', url)).json()).toEqual({ helpfulCount: 1 });
    expect((await call(other, 'PUT', url)).json()).toEqual({ helpfulCount: 1 });
    expect((await call(moderator, 'PUT', url)).json()).toEqual({ helpfulCount: 2 });
    expect((await call(other, 'DELETE', url)).json()).toEqual({ helpfulCount: 1 });
    expect((await call(other, 'DELETE', url)).json()).toEqual({ helpfulCount: 1 });
    expectProblem(await call(author, 'DELETE', url), 403);
    const page = await call(moderator, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.json().topic.post).toMatchObject({ helpfulCount: 1, markedHelpful: true });
  });

  it('bookmarks are my own', async () => {
    const topicId = await newTopic();
    expect((await call(other, 'PUT', `/api/forum/topics/${topicId}/bookmark`)).statusCode).toBe(
      200,
    );
    const mine = await call(other, 'GET', '/api/forum/bookmarks');
    expect(mine.json().topics.map((x: { id: string }) => x.id)).toContain(topicId);
    const theirs = await call(author, 'GET', '/api/forum/bookmarks');
    expect(theirs.json().topics.map((x: { id: string }) => x.id)).not.toContain(topicId);
    expect((await call(other, 'GET', `/api/forum/topics/${topicId}`)).json().topic.bookmarked).toBe(
      true,
    );
    expect(
      (await call(author, 'GET', `/api/forum/topics/${topicId}`)).json().topic.bookmarked,
    ).toBe(false);
    expect((await call(other, 'DELETE', `/api/forum/topics/${topicId}/bookmark`)).statusCode).toBe(
      200,
    );
    expect((await call(other, 'GET', '/api/forum/bookmarks')).json().topics).toEqual([]);
    expectProblem(await call(other, 'PUT', `/api/forum/topics/${randomUUID()}/bookmark`), 404);
  });
});

describe('drafts', () => {
  it('are private to their owner: the key names no person, the server scopes by person', async () => {
    const key = `reply-${randomUUID()}`;
    const saved = await call(author, 'PUT', `/api/forum/drafts/${key}`, {
      title: '',
      body: 'My private half-thought',
    });
    expect(saved.statusCode).toBe(200);
    expect((await call(other, 'GET', `/api/forum/drafts/${key}`)).json()).toEqual({ draft: null });
    expect((await call(moderator, 'GET', `/api/forum/drafts/${key}`)).json()).toEqual({
      draft: null,
    });
    // Another person's save and delete under the same key touch only their own.
    await call(other, 'PUT', `/api/forum/drafts/${key}`, { title: '', body: 'Theirs' });
    expect((await call(other, 'DELETE', `/api/forum/drafts/${key}`)).statusCode).toBe(200);
    expect((await call(author, 'GET', `/api/forum/drafts/${key}`)).json().draft.body).toBe(
      'My private half-thought',
    );
    expect((await call(author, 'DELETE', `/api/forum/drafts/${key}`)).statusCode).toBe(200);
    expect((await call(author, 'GET', `/api/forum/drafts/${key}`)).json()).toEqual({
      draft: null,
    });
  });
});

describe('images', () => {
  it('members upload pictures; others see one once a post shows it', async () => {
    const png = await sharp({
      create: { width: 4, height: 3, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    const uploaded = await upload(t, other, png);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    exercised.add('POST /api/forum/images');
    const { id, url } = uploaded.json();
    expect(url).toBe(`/api/forum/images/${id}`);
    // Until a post uses it, a picture is its uploader's alone.
    expect((await call(other, 'GET', url)).statusCode).toBe(200);
    for (const who of [author, moderator, admin]) expectProblem(await call(who, 'GET', url), 404);
    await postTopic(t, other, { categoryId: daily, body: `![a blue square](${url})` });
    for (const who of [author, other, moderator, admin]) {
      const seen = await call(who, 'GET', url);
      expect(seen.statusCode).toBe(200);
      expect(seen.headers['content-type']).toBe('image/webp');
      expect(seen.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
    expect((await upload(t, null, png)).statusCode).toBe(401);
    expectProblem(await call(other, 'GET', `/api/forum/images/${randomUUID()}`), 404);
  });
});

describe('administering categories', () => {
  const input = (slug: string) => ({
    slug,
    name: 'Cooking',
    description: 'Cooking after a stroke.',
    tipTheme: 'daily_living',
    sortOrder: 50,
  });

  it('only administrators add and change categories; a taken slug is 409', async () => {
    for (const who of [author, other, moderator]) {
      expectProblem(await call(who, 'POST', '/api/admin/forum/categories', input('cooking')), 403);
    }
    const added = await call(admin, 'POST', '/api/admin/forum/categories', input('cooking'));
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id;
    expectProblem(await call(admin, 'POST', '/api/admin/forum/categories', input('cooking')), 409);

    for (const who of [author, other, moderator]) {
      expectProblem(
        await call(who, 'PUT', `/api/admin/forum/categories/${id}`, input('cooking-2')),
        403,
      );
    }
    const changed = await call(admin, 'PUT', `/api/admin/forum/categories/${id}`, {
      ...input('cooking-at-home'),
      name: 'Cooking at home',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ slug: 'cooking-at-home', name: 'Cooking at home' });
    // Keeping its own slug is fine; taking another category's is not.
    expect(
      (await call(admin, 'PUT', `/api/admin/forum/categories/${id}`, input('cooking-at-home')))
        .statusCode,
    ).toBe(200);
    const conflict = expectProblem(
      await call(admin, 'PUT', `/api/admin/forum/categories/${id}`, input('daily-life')),
      409,
    );
    expect(conflict.errors?.slug).toBeTruthy();
    expectProblem(
      await call(admin, 'PUT', `/api/admin/forum/categories/${randomUUID()}`, input('elsewhere')),
      404,
    );
    const listed = await call(other, 'GET', '/api/forum/categories');
    expect(listed.json().categories.map((c: { slug: string }) => c.slug)).toContain(
      'cooking-at-home',
    );
  });
});

it('every forum route was called by a signed-in person', () => {
  const inApp = [...new Set(registered.map((r) => `${r.method} ${r.url}`))].sort();
  const missing = inApp.filter((route) => !exercised.has(route));
  expect(missing, 'call these routes as a signed-in person in this file').toEqual([]);
});
