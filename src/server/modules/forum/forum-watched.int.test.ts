import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import { categoryId, forumClient, postTopic } from '../../../../tests/support/forum';
import type { QueuePage } from '../../../contract/moderation';

/** Watched words (site data) as the forum carries them out: block, hold, flag, hide. */

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let writer: Member;
let reader: Member;
let moderator: Member;
let admin: Member;
let daily: string;

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  [writer, reader, moderator, admin] = await Promise.all([
    makeMember(t, { displayName: 'Wren Writer' }),
    makeMember(t, { displayName: 'Rae Reader' }),
    makeMember(t, { displayName: 'Mona Reed' }),
    makeMember(t, { displayName: 'Ada Stone' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  await promote(t, admin.user.id, 'admin');
  daily = await categoryId(t, writer, 'daily-life');
  for (const [words, action] of [
    ['cheap pills', 'block'],
    ['buy now', 'hold'],
    ['miracle cure', 'flag'],
    ['rubbish*', 'hide'],
  ] as const) {
    const made = await call(admin, 'POST', '/api/admin/safety/watched-words', { words, action });
    expect(made.statusCode, made.body).toBe(201);
  }
});
afterAll(() => t?.close());

const topic = (body: string, title = 'A week of ups and downs') =>
  call(writer, 'POST', '/api/forum/topics', {
    categoryId: daily,
    title,
    body,
    idempotencyKey: randomUUID(),
  });
const reply = (topicId: string, body: string) =>
  call(writer, 'POST', `/api/forum/topics/${topicId}/replies`, {
    body,
    idempotencyKey: randomUUID(),
  });
const queue = async () =>
  ((await call(moderator, 'GET', '/api/moderation/queue')).json() as QueuePage).items;
const page = async (who: Member, topicId: string) =>
  call(who, 'GET', `/api/forum/topics/${topicId}`);

describe('watched words', () => {
  it('block: the post is refused, naming the word; nothing is stored; a draft is never refused', async () => {
    const sent = await topic('Where can I get CHEAP   pills without a doctor?');
    expect(sent.statusCode, sent.body).toBe(422);
    expect(sent.json().errors.body).toBe(
      'This community does not allow the word "cheap pills". Please take it out. Your words are kept.',
    );
    const open = await postTopic(t, reader, { categoryId: daily, title: 'Tea time' });
    expect((await reply(open, 'cheap pills here')).statusCode).toBe(422);
    const draft = await call(writer, 'PUT', `/api/forum/drafts/reply-${open}`, {
      title: '',
      body: 'cheap pills here',
    });
    expect(draft.statusCode, draft.body).toBeLessThan(300);
    // An edit meets them too: clean words first, then the blocked ones.
    const replyId = (await reply(open, 'A clean reply.')).json().id as string;
    const edit = await call(writer, 'PATCH', `/api/forum/replies/${replyId}`, {
      body: 'Now with cheap pills',
    });
    expect(edit.statusCode, edit.body).toBe(422);
  });

  it('hold: the post waits for a moderator, who has a case for it', async () => {
    const sent = await topic('Lovely shoes, buy now before they go!');
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ held: true });
    expect((await page(reader, sent.json().id)).statusCode).toBe(404);
    expect(
      (await queue()).some((c) => c.subject.id === sent.json().id && c.reason === 'review'),
    ).toBe(true);
  });

  it('flag: the post is seen by all, and a moderator is asked to look', async () => {
    const sent = await topic('Has anyone tried this miracle cure for fatigue?');
    expect(sent.json()).toMatchObject({ held: false });
    expect((await page(reader, sent.json().id)).statusCode).toBe(200);
    expect(
      (await queue()).some((c) => c.subject.id === sent.json().id && c.reason === 'review'),
    ).toBe(true);
  });

  it('hide: readers see ■■■ in its place; the words as written stay for the writer to edit', async () => {
    const sent = await topic(
      'The bus was rubbish and the rubbishy rain too. Still a good day.',
      'A day out',
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const seen = (await page(reader, sent.json().id)).json();
    expect(seen.topic.post.bodyHtml).toContain('The bus was ■■■ and the ■■■ rain too.');
    expect(seen.topic.post.bodyHtml).not.toMatch(/rubbish/i);
    const found = await call(reader, 'GET', '/api/forum/search?q=rubbish');
    expect(JSON.stringify(found.json())).not.toContain(sent.json().id);
    // The moderator is shown the words as written in the case thread, not here: readers only.
    expect((await page(writer, sent.json().id)).json().topic.post.bodyHtml).not.toMatch(/rubbish/i);
  });

  it('a word to hide in a title is refused, so the title is kept as written', async () => {
    const sent = await topic('A fine day.', 'Rubbish day out');
    expect(sent.statusCode, sent.body).toBe(422);
    expect(sent.json().errors.title).toMatch(/Please change the title/);
  });

  it('cannot be got round: by markup, by a link address, by another language, or by an edit', async () => {
    // Written across markup, the hidden word would show: the post waits for a moderator.
    const split = await topic('That was rub**bish** honestly.');
    expect(split.json()).toMatchObject({ held: true });
    // In a link's address.
    const link = await topic('Try [this shop](https://cheap-pills.example/now)');
    expect(link.statusCode, link.body).toBe(422);
    // Another language's list still meets English's.
    const frenchHeaders = await t.app.inject({
      method: 'POST',
      url: '/api/forum/topics',
      headers: { origin: 'http://localhost:3000', cookie: writer.cookie, 'accept-language': 'fr' },
      payload: {
        categoryId: daily,
        title: 'Bonjour',
        body: 'cheap pills ici',
        idempotencyKey: randomUUID(),
      },
    });
    expect(frenchHeaders.statusCode).toBe(422);
    // Clean words first, then a word to hold edited in: a moderator is asked to look.
    const clean = await topic('A clean start.');
    const id = clean.json().id as string;
    const edit = await call(writer, 'PATCH', `/api/forum/topics/${id}`, {
      body: 'Shoes for sale, buy now!',
    });
    expect(edit.statusCode, edit.body).toBeLessThan(300);
    expect((await queue()).some((c) => c.subject.id === id && c.reason === 'review')).toBe(true);
  });
});
