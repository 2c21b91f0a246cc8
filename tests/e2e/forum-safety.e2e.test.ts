import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { checkPage, launchBrowser } from './support/browser';
import { callApi, signInAs } from './support/forum';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB' });
  // Every payload below, if it ever ran, would set this flag or open a dialog.
  await context.addInitScript(() => {
    (window as unknown as { __pwned: boolean }).__pwned = false;
  });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterEach(async (test) => {
  if (test.task.result?.state === 'fail') {
    await page.screenshot({ path: 'test-results/forum-safety-failure.png', fullPage: true });
  }
});

afterAll(async () => {
  await browser?.close();
});

const pwned = () => page.evaluate(() => (window as unknown as { __pwned: boolean }).__pwned);

const hostile = [
  '<script>window.__pwned = true; alert("script")</script>',
  '<img src=x onerror="window.__pwned=true;alert(1)">',
  '<svg onload="window.__pwned=true"><circle r="10"/></svg>',
  '<iframe src="javascript:window.__pwned=true"></iframe>',
  '[press me](javascript:window.__pwned=true)',
  '[data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD10cnVlPC9zY3JpcHQ+)',
  '<a href="javascript:alert(1)" onclick="window.__pwned=true">html link</a>',
  '<div style="background:url(javascript:alert(1))" onmouseover="window.__pwned=true">hover</div>',
  '**unclosed bold *and [half link]( and `code',
  '> > > nested quote <b onmouseover=alert(1)>x</b>',
  '- list\n  - <details open ontoggle="window.__pwned=true">',
  'Right-to-left: \u202Etxt.exe\u202C and עברית and العربية',
  'Joined: 👩‍👩‍👧‍👦 🏳️‍🌈 zero\u200Bwidth\u200Djoin\uFEFF',
  'Combining: Z\u0336\u0322\u031Ba\u0338l\u0337g\u0336o\u0335 e\u0301\u0301\u0301\u0301',
  `Long word: ${'a'.repeat(3000)}`,
].join('\n\n');

/** Pictures from elsewhere are refused with a problem beside the field, never stored. */
const foreignPictures = [
  '![x](javascript:window.__pwned=true)',
  '![tracker](https://example.com/pixel.png)',
].join('\n\n');

it('shows hostile posts inert: nothing runs, no dialog opens, the words are shown as text', async () => {
  await signInAs(page, baseUrl, 'Kwame');
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const categoryId = categories.find((c) => c.slug === 'introductions')!.id;
  const created = await callApi<{ topicId: string }>(page, baseUrl, 'POST', '/forum/topics', {
    categoryId,
    title: '<img src=x onerror="window.__pwned=true"> \u202Etitle\u202C 👩‍👩‍👧',
    body: hostile,
    idempotencyKey: crypto.randomUUID(),
  });
  await callApi(page, baseUrl, 'POST', `/forum/topics/${created.topicId}/replies`, {
    body: hostile,
    idempotencyKey: crypto.randomUUID(),
  });

  await page.goto(`${baseUrl}/forum/t/${created.topicId}`);
  await expect.poll(() => page.locator('.replies .post').count()).toBe(1);
  await page.waitForLoadState('networkidle');
  // The title is shown as the words typed.
  expect(await page.locator('h1').textContent()).toContain('<img src=x onerror=');
  // Hover and press everything a person might touch in the posts.
  for (const el of await page.locator('.post-body *').all()) {
    await el.hover({ force: true, timeout: 1000 }).catch(() => undefined);
  }
  const found = await page.evaluate(() => {
    const bodies = [...document.querySelectorAll('.post-body')];
    const all = bodies.flatMap((b) => [...b.querySelectorAll('*')]);
    return {
      tags: [...new Set(all.map((el) => el.tagName.toLowerCase()))].sort(),
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
      ),
      styles: all.filter((el) => el.hasAttribute('style')).length,
      hrefs: bodies.flatMap((b) => [...b.querySelectorAll('a')].map((a) => a.getAttribute('href'))),
      images: bodies.flatMap((b) =>
        [...b.querySelectorAll('img')].map((i) => i.getAttribute('src')),
      ),
      text: bodies.map((b) => b.textContent ?? '').join('\n'),
    };
  });
  for (const tag of found.tags) {
    expect(['a', 'blockquote', 'br', 'em', 'li', 'ol', 'p', 'strong', 'ul']).toContain(tag);
  }
  expect(found.handlers).toEqual([]);
  expect(found.styles).toBe(0);
  expect(found.images).toEqual([]);
  for (const href of found.hrefs) expect(href ?? '').not.toMatch(/^\s*(javascript|data):/i);
  // The hostile words are there, as plain text.
  expect(found.text).toContain('<script>window.__pwned = true; alert("script")</script>');
  expect(found.text).toContain('<svg onload="window.__pwned=true">');
  expect(found.text).toContain('👩‍👩‍👧‍👦');
  expect(found.text).toContain('עברית');
  // Press the links that are left: none may run anything.
  for (const link of await page.locator('.post-body a').all()) {
    await link.click({ modifiers: ['Shift'], timeout: 2000 }).catch(() => undefined);
  }
  expect(await pwned()).toBe(false);
  expect(dialogs).toEqual([]);
  // Long and unusual text still reflows at 320 px, and the page passes every check.
  await checkPage(page);

  // The composer's preview draws what is typed as text too.
  const reply = page.getByLabel('Your reply');
  await reply.fill(hostile);
  await page.getByRole('button', { name: 'See how it will look' }).click();
  await expect.poll(() => page.locator('.preview .post-body p').count()).toBeGreaterThan(3);
  const preview = await page.evaluate(() => {
    const box = document.querySelector('.preview .post-body');
    const all = [...(box?.querySelectorAll('*') ?? [])];
    return {
      tags: [...new Set(all.map((el) => el.tagName.toLowerCase()))].sort(),
      hrefs: [...(box?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href')),
      text: box?.textContent ?? '',
    };
  });
  for (const tag of preview.tags) {
    expect(['a', 'blockquote', 'br', 'em', 'li', 'ol', 'p', 'strong', 'ul']).toContain(tag);
  }
  for (const href of preview.hrefs) expect(href ?? '').toMatch(/^https?:|^mailto:/);
  expect(preview.text).toContain('<img src=x onerror=');
  expect(await pwned()).toBe(false);
  expect(dialogs).toEqual([]);

  // A picture from elsewhere: the server says no, in words beside the box, and the words stay.
  const typed = `${hostile}\n\n${foreignPictures}`;
  await reply.fill(typed);
  await page.getByRole('button', { name: 'Post my reply' }).click();
  await expect.poll(() => reply.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await reply.getAttribute('aria-describedby')) ?? '';
  const messages = await Promise.all(
    describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  expect(messages.join(' ')).toContain('Pictures must be added with the Add a picture button.');
  expect(await reply.inputValue()).toBe(typed);
  expect(await pwned()).toBe(false);
  expect(dialogs).toEqual([]);
  await checkPage(page);
  await reply.fill('');
});

it('hides reaction counts and badges in calm (low-stimulus) mode', async () => {
  await signInAs(page, baseUrl, 'June');
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const categoryId = categories.find((c) => c.slug === 'milestones')!.id;
  const created = await callApi<{ topicId: string }>(page, baseUrl, 'POST', '/forum/topics', {
    categoryId,
    title: 'I walked to the shop today',
    body: 'It took a long time. But I did it.',
    idempotencyKey: crypto.randomUUID(),
  });
  // Someone else reacts; then June looks with calm mode off and on.
  await signInAs(page, baseUrl, 'Tomasz');
  await callApi(page, baseUrl, 'PUT', `/forum/posts/topic/${created.topicId}/reactions/me_too`);
  await callApi(page, baseUrl, 'PATCH', '/me/preferences', { lowStimulus: false });

  const visibleCounts = () =>
    page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('.count, .badge')].filter(
          (el) => el.getClientRects().length > 0,
        ).length,
    );
  await page.goto(`${baseUrl}/forum/t/${created.topicId}`);
  const meToo = page.getByRole('button', { name: /^Me too/ });
  await expect.poll(() => meToo.getAttribute('aria-pressed')).toBe('true');
  expect(await meToo.locator('.count').isVisible()).toBe(true);
  expect(await visibleCounts()).toBeGreaterThan(0);

  await callApi(page, baseUrl, 'PATCH', '/me/preferences', { lowStimulus: true });
  await page.reload();
  await expect.poll(() => meToo.getAttribute('aria-pressed')).toBe('true');
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dataset.lowStimulus))
    .toBe('true');
  expect(await visibleCounts()).toBe(0);
  // The state is still in words.
  expect(await meToo.textContent()).toContain('(chosen)');
  await checkPage(page);

  await page.goto(`${baseUrl}/forum`);
  await expect.poll(() => page.locator('.category-list li').count()).toBe(10);
  expect(
    await page.locator('.category-list .badge, .category-list .count').count(),
  ).toBeGreaterThan(0);
  expect(await visibleCounts()).toBe(0);
  await checkPage(page);
  await callApi(page, baseUrl, 'PATCH', '/me/preferences', { lowStimulus: false });
});
