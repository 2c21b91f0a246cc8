import type { APIResponse, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { expect } from 'vitest';

/** The demo members the development server offers, by name. */
export async function demoAccount(page: Page, baseUrl: string, displayName: string) {
  const res = await page.request.get(`${baseUrl}/api/dev/demo-accounts`);
  const { accounts } = (await res.json()) as {
    accounts: { id: string; displayName: string }[];
  };
  const account = accounts.find((a) => a.displayName === displayName);
  if (!account) throw new Error(`no demo member called ${displayName}`);
  return account;
}

/** Signs a browser context in as a demo member (the cookie lands in the context). */
export async function signInAs(page: Page, baseUrl: string, displayName: string) {
  const account = await demoAccount(page, baseUrl, displayName);
  const res = await page.request.post(`${baseUrl}/api/dev/sign-in-as`, {
    headers: { origin: baseUrl },
    data: { userId: account.id },
  });
  expect(res.status(), 'demo sign-in').toBe(200);
  return account;
}

/** Calls the API as the person signed in to the page's context, as the app's own pages would. */
export async function callApi<T = unknown>(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const res: APIResponse = await page.request.fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { origin: baseUrl },
    ...(data === undefined ? {} : { data }),
  });
  const text = await res.text();
  expect(res.ok(), `${method} ${path}: ${res.status()} ${text}`).toBe(true);
  return (text ? JSON.parse(text) : null) as T;
}

/** A small real PNG picture, made on the spot. */
export async function makePng(width = 80, height = 60): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: 40, g: 90, b: 200 } },
  })
    .png()
    .toBuffer();
}

/** Records what read-aloud sends to the speech engine, instead of speaking (ACCESSIBILITY.md A7). */
export async function recordSpeech(context: BrowserContext, spoken: string[]) {
  await context.exposeFunction('__recordSpeech', (text: string) => spoken.push(text));
  await context.addInitScript(() => {
    window.speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      (window as unknown as { __recordSpeech(t: string): void }).__recordSpeech(utterance.text);
    };
  });
}

/**
 * A topic started through the API by a demo member, in a forum part by its slug, in its own
 * browser context (closed after): setting up, not part of a journey. Answers the topic's id.
 */
export async function topicBy(
  browser: { newPage(): Promise<Page> },
  baseUrl: string,
  displayName: string,
  { slug, title, body }: { slug: string; title: string; body: string },
): Promise<string> {
  const page = await browser.newPage();
  await signInAs(page, baseUrl, displayName);
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const categoryId = categories.find((c) => c.slug === slug)?.id;
  if (!categoryId) throw new Error(`no forum part ${slug}`);
  const created = await callApi<{ topicId: string }>(page, baseUrl, 'POST', '/forum/topics', {
    categoryId,
    title,
    body,
    idempotencyKey: crypto.randomUUID(),
  });
  await page.context().close();
  return created.topicId;
}
