import { randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type LimitName, limitRules } from '../../src/server/lib/rate-limit';
import { type Member, ORIGIN, type TestApp } from './app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls the API as a member (or as nobody), from our own pages. */
export function forumClient(t: TestApp) {
  return (who: Member | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { origin: ORIGIN, ...(who ? { cookie: who.cookie } : {}) },
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
}

/** The id of a seeded category, by its slug. */
export async function categoryId(t: TestApp, who: Member, slug: string): Promise<string> {
  const response = await forumClient(t)(who, 'GET', '/api/forum/categories');
  const found = (response.json().categories as { id: string; slug: string }[]).find(
    (c) => c.slug === slug,
  );
  if (!found) throw new Error(`no category ${slug}`);
  return found.id;
}

/** Starts a topic and answers its id; fails the test when the server refuses. */
export async function postTopic(
  t: TestApp,
  who: Member,
  fields: { categoryId: string; title?: string; body?: string; tipTheme?: string | null },
): Promise<string> {
  const response = await forumClient(t)(who, 'POST', '/api/forum/topics', {
    title: 'A topic to talk about',
    body: 'Some words to start with.',
    idempotencyKey: randomUUID(),
    ...fields,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

export async function postReply(
  t: TestApp,
  who: Member,
  topicId: string,
  body = 'A reply with some words.',
): Promise<string> {
  const response = await forumClient(t)(who, 'POST', `/api/forum/topics/${topicId}/replies`, {
    body,
    idempotencyKey: randomUUID(),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** A multipart/form-data body with one file in the field "image". */
export function multipart(
  data: Buffer,
  contentType = 'image/png',
  filename = 'picture.png',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----bt${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(
  t: TestApp,
  who: Member | null,
  data: Buffer,
  contentType?: string,
  filename?: string,
): Promise<LightMyRequestResponse> {
  const body = multipart(data, contentType, filename);
  return t.app.inject({
    method: 'POST',
    url: '/api/forum/images',
    headers: { origin: ORIGIN, ...(who ? { cookie: who.cookie } : {}), ...body.headers },
    payload: body.payload,
  });
}

/** Expects an application/problem+json answer with this status. */
export function expectProblem(response: LightMyRequestResponse, status: number) {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  return response.json() as { title: string; errors?: Record<string, string> };
}

const forumWriteLimits = (Object.keys(limitRules) as LimitName[]).filter(
  (name) => name.startsWith('forum') || name === 'mentionsPerUser',
);

/**
 * Gives these people a fresh hour of forum writing, so one test's posts do not use up
 * another's limit (the limits have their own tests in forum-hardening.int.test.ts).
 */
export async function forgetWriteLimits(t: TestApp, people: Member[]): Promise<void> {
  for (const name of forumWriteLimits) {
    for (const person of people) await t.app.ctx.limits.reset(name, person.user.id);
  }
}
