import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Member, makeMember, startTestApp, type TestApp } from '../../../../tests/support/app';
import {
  categoryId,
  expectProblem,
  forgetWriteLimits,
  forumClient,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';
import { hostileCorpus, inertnessProblems, refusedCorpus } from '../../../../tests/support/hostile';

/**
 * Hostile words go in through the real routes and come back out of
 * GET /api/forum/topics/:id inert. What cannot be stored is refused with 422
 * and a plain message on errors.body, never a 500.
 */

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let writer: Member;
let reader: Member;
let feelings: string;

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  [writer, reader] = await Promise.all([
    makeMember(t, { displayName: 'Writer' }),
    makeMember(t, { displayName: 'Reader' }),
  ]);
  feelings = await categoryId(t, writer, 'feelings');
});
afterAll(() => t?.close());
beforeEach(() => forgetWriteLimits(t, [writer, reader]));

async function shownHtml(topicId: string) {
  const page = await call(reader, 'GET', `/api/forum/topics/${topicId}`);
  expect(page.statusCode).toBe(200);
  return page.json() as {
    topic: { title: string; post: { bodyHtml: string } };
    replies: { bodyHtml: string }[];
  };
}

/** The checks the forum promises for any stored post. */
function expectInert(html: string, label: string) {
  expect(html, label).not.toMatch(/<script/i);
  expect(html, label).not.toMatch(/<(svg|math|iframe|style|object|embed)/i);
  // Words someone typed may say "onclick=" or "javascript:" as text: only tags matter.
  const tags = (html.match(/<[^>]*>/g) ?? []).join(' ');
  expect(tags, label).not.toMatch(/\son\w+\s*=/i);
  expect(tags.toLowerCase(), label).not.toContain('javascript:');
  for (const anchor of html.match(/<a\b[^>]*>/g) ?? []) {
    expect(anchor, label).toContain('rel="nofollow ugc noopener"');
  }
  expect(inertnessProblems(html), label).toEqual([]);
}

describe('hostile words are stored and shown inert', () => {
  // Deeper than the markdown parser's nesting limit, nothing readable is left: "write something".
  const mayBeRefused = new Set(['quotes 200 deep']);

  it.each(Object.entries(hostileCorpus))('%s (as a topic and as a reply)', async (name, body) => {
    const started = await call(writer, 'POST', '/api/forum/topics', {
      categoryId: feelings,
      title: `Topic: ${name}`.slice(0, 150),
      body,
      idempotencyKey: randomUUID(),
    });
    if (mayBeRefused.has(name) && started.statusCode === 422) {
      expect(expectProblem(started, 422).errors?.body).toMatch(/^[A-Z][^{}<>]*[.?!]$/);
      return;
    }
    expect(started.statusCode, started.body).toBe(201);
    const topicId = started.json().id;
    await postReply(t, writer, topicId, body);
    const shown = await shownHtml(topicId);
    expectInert(shown.topic.post.bodyHtml, `${name} (topic)`);
    expectInert(shown.replies[0]!.bodyHtml, `${name} (reply)`);
  });

  it('a hostile title is kept as plain text, exactly as typed', async () => {
    const title = '<script>alert(1)</script> <img src=x onerror=alert(1)>';
    const topicId = await postTopic(t, writer, { categoryId: feelings, title, body: 'Hello.' });
    expect((await shownHtml(topicId)).topic.title).toBe(title);
    const list = await call(reader, 'GET', '/api/forum/categories/feelings/topics');
    expect(list.json().topics.find((x: { id: string }) => x.id === topicId).title).toBe(title);
  });

  it('script typed as words is still readable as words', async () => {
    const topicId = await postTopic(t, writer, {
      categoryId: feelings,
      body: '<script>alert(1)</script>',
    });
    expect((await shownHtml(topicId)).topic.post.bodyHtml).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
  });

  it('an edit is checked the same way', async () => {
    const topicId = await postTopic(t, writer, { categoryId: feelings });
    const replyId = await postReply(t, writer, topicId);
    for (const body of [
      '<svg onload=alert(1)>',
      '[x](JaVaScRiPt:alert(1))',
      '<iframe src=https://evil.example>',
    ]) {
      const edited = await call(writer, 'PATCH', `/api/forum/replies/${replyId}`, { body });
      expect(edited.statusCode).toBe(200);
      const topic = await call(writer, 'PATCH', `/api/forum/topics/${topicId}`, { body });
      expect(topic.statusCode).toBe(200);
      const shown = await shownHtml(topicId);
      expectInert(shown.replies[0]!.bodyHtml, body);
      expectInert(shown.topic.post.bodyHtml, body);
    }
  });

  it('keeps unusual Unicode as typed', async () => {
    const body = [
      hostileCorpus['rtl override'],
      hostileCorpus['zero-width joiners'],
      hostileCorpus['combining marks'],
      hostileCorpus.emoji,
      hostileCorpus['astral plane'],
    ].join('\n\n');
    const topicId = await postTopic(t, writer, { categoryId: feelings, body });
    const page = await call(writer, 'GET', `/api/forum/topics/${topicId}`);
    expect(page.json().topic.post.body).toBe(body);
    const html = page.json().topic.post.bodyHtml as string;
    for (const part of ['\u202Egnp.exe', 'fam\u200Dily', '👨‍👩‍👧', '𝕳𝖊𝖑𝖑𝖔 𠜎𠜱𠝹 𓀀']) {
      expect(html).toContain(part);
    }
  });

  it('takes a post right up to the 20,000 letter limit', async () => {
    for (const body of ['a'.repeat(20_000), '<'.repeat(20_000), '😀'.repeat(10_000)]) {
      const topicId = await postTopic(t, writer, { categoryId: feelings, body });
      const shown = await shownHtml(topicId);
      expectInert(shown.topic.post.bodyHtml, body.slice(0, 10));
    }
  });
});

describe('what cannot be stored is refused with 422, never 500', () => {
  const messages: Record<string, string> = {
    'remote image': 'Pictures must be added with the Add a picture button.',
    'data image': 'Pictures must be added with the Add a picture button.',
    'image with empty alt': 'Every picture needs a few words that say what it shows.',
    'image with a 1-letter alt': 'Every picture needs a few words that say what it shows.',
    'image with a blank alt': 'Every picture needs a few words that say what it shows.',
    'over the length limit': 'This is too long to post. Please split it into two posts.',
  };

  it.each(Object.entries(refusedCorpus))('%s', async (name, body) => {
    const topicId = await postTopic(t, writer, { categoryId: feelings });
    const replyId = await postReply(t, writer, topicId);
    const attempts = [
      call(writer, 'POST', '/api/forum/topics', {
        categoryId: feelings,
        title: 'A title',
        body,
        idempotencyKey: randomUUID(),
      }),
      call(writer, 'POST', `/api/forum/topics/${topicId}/replies`, {
        body,
        idempotencyKey: randomUUID(),
      }),
      call(writer, 'PATCH', `/api/forum/topics/${topicId}`, { body }),
      call(writer, 'PATCH', `/api/forum/replies/${replyId}`, { body }),
    ];
    for (const response of await Promise.all(attempts)) {
      const problem = expectProblem(response, 422);
      expect(problem.errors?.body, name).toMatch(/^[A-Z][^{}<>]*[.?!]$/);
      if (messages[name]) expect(problem.errors?.body, name).toBe(messages[name]);
    }
    // Nothing was stored or changed.
    const shown = await shownHtml(topicId);
    expect(shown.replies).toHaveLength(1);
    expect(shown.topic.post.bodyHtml).toBe('<p>Some words to start with.</p>\n');
  });

  it('control characters in a title are refused too', async () => {
    for (const title of ['bad\u0000title', 'bad\u0008title', 'bad\u001btitle']) {
      const response = await call(writer, 'POST', '/api/forum/topics', {
        categoryId: feelings,
        title,
        body: 'Words.',
        idempotencyKey: randomUUID(),
      });
      expect(expectProblem(response, 422).errors?.title).toBeTruthy();
    }
  });

  it('a lone surrogate never makes a 500', async () => {
    for (const body of ['broken \uD800 half', 'broken \uDC00 half']) {
      const response = await call(writer, 'POST', '/api/forum/topics', {
        categoryId: feelings,
        title: 'Surrogates',
        body,
        idempotencyKey: randomUUID(),
      });
      expect([201, 422], response.body).toContain(response.statusCode);
    }
  });

  it('a draft with NUL or control characters is refused with 422, not a 500', async () => {
    for (const draft of [
      { title: '', body: 'half\u0000way' },
      { title: 'half\u0000way', body: '' },
      { title: '', body: 'bell\u0007' },
    ]) {
      const response = await call(writer, 'PUT', `/api/forum/drafts/topic-${feelings}`, draft);
      const problem = expectProblem(response, 422);
      expect(Object.keys(problem.errors ?? {})).toEqual([draft.title ? 'title' : 'body']);
    }
    // Words as typed, spaces and line breaks included, are kept exactly.
    const kept = { title: '  Draft ', body: '\tIndented\r\nand <b>raw</b>  ' };
    await call(writer, 'PUT', `/api/forum/drafts/topic-${feelings}`, kept);
    const back = await call(writer, 'GET', `/api/forum/drafts/topic-${feelings}`);
    expect(back.json().draft).toMatchObject(kept);
  });
});
