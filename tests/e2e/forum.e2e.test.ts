import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { checkPage, launchBrowser } from './support/browser';
import { callApi, makePng, recordSpeech, signInAs } from './support/forum';

const baseUrl = inject('baseUrl');
let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
let pageA: Page;
let pageB: Page;
const spoken: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  contextA = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB' });
  contextB = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'en-GB' });
  await recordSpeech(contextA, spoken);
  await recordSpeech(contextB, spoken);
  pageA = await contextA.newPage();
  pageB = await contextB.newPage();
});

afterEach(async (test) => {
  if (test.task.result?.state === 'fail') {
    await pageA.screenshot({ path: 'test-results/forum-a-failure.png', fullPage: true });
    await pageB.screenshot({ path: 'test-results/forum-b-failure.png', fullPage: true });
  }
});

afterAll(async () => {
  await browser?.close();
});

/** Every page the journey visits gets axe and the page checks of ACCESSIBILITY.md. */
async function visited(page: Page) {
  await page.waitForLoadState('networkidle');
  await checkPage(page);
}

const draftStatus = (page: Page) => page.locator('.composer .draft-status').textContent();

it('lets one member post a topic with a picture, and another reply, react and find it as a tip and in search; a half-written reply is never lost', async () => {
  const word = `marmalade${randomBytes(3).toString('hex').replace(/\d/g, 'x')}`;
  const title = `Opening jars with one hand ${word}`;
  const alt = 'A blue kitchen cloth under a jar';

  // Member A: from the forum home to a new topic in "Practical tips for daily life".
  await signInAs(pageA, baseUrl, 'Maggie R');
  await pageA.goto(`${baseUrl}/forum`);
  await expect.poll(() => pageA.locator('h1').textContent()).toBe('Forum');
  await expect.poll(() => pageA.locator('.category-list li').count()).toBe(10);
  await visited(pageA);
  await pageA.getByRole('link', { name: 'Start a topic' }).click();
  await pageA.waitForURL(`${baseUrl}/forum/new`);
  await expect.poll(() => pageA.locator('.category-choice li').count()).toBe(10);
  await visited(pageA);
  await pageA.getByRole('link', { name: 'Practical tips for daily life' }).click();
  await pageA.waitForURL(/\/forum\/new\?category=daily-life$/);
  await visited(pageA);

  await pageA.getByLabel('Title').fill(title);
  const body = pageA.getByLabel('Your words');
  await body.click();
  await pageA.getByRole('button', { name: 'Something that helps me is…' }).click();
  await pageA.keyboard.type(`a wet cloth under the jar. It stops the ${word} jar from moving.`);
  await expect
    .poll(() => body.inputValue())
    .toBe(
      `Something that helps me is a wet cloth under the jar. It stops the ${word} jar from moving.`,
    );
  await expect.poll(() => draftStatus(pageA), { timeout: 10_000 }).toBe('Saved.');

  // A picture: the words that describe it are needed before it goes in.
  await pageA.getByLabel('Choose a picture').setInputFiles({
    name: 'jar.png',
    mimeType: 'image/png',
    buffer: await makePng(),
  });
  const altField = pageA.getByLabel('Describe the picture');
  await expect.poll(() => altField.count()).toBe(1);
  await pageA.getByRole('button', { name: 'Put the picture in my post' }).click();
  await expect.poll(() => altField.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await altField.getAttribute('aria-describedby')) ?? '';
  const messages = await Promise.all(
    describedBy.split(' ').map((id) => pageA.locator(`[id="${id}"]`).textContent()),
  );
  expect(messages.join(' ')).toContain('Please write a few words that say what the picture shows.');
  await checkPage(pageA);
  await altField.fill(alt);
  await pageA.getByRole('button', { name: 'Put the picture in my post' }).click();
  await expect
    .poll(() => body.inputValue())
    .toMatch(new RegExp(`\\n\\n!\\[${alt}\\]\\(/api/forum/images/[0-9a-f-]{36}\\)\\n$`));

  // The preview shows the picture with its words, and reads the post aloud.
  await pageA.getByRole('button', { name: 'See how it will look' }).click();
  await expect.poll(() => pageA.locator(`.preview img[alt="${alt}"]`).count()).toBe(1);
  await pageA
    .locator('.preview')
    .getByRole('button', { name: /Read aloud/ })
    .click();
  await expect.poll(() => spoken.at(-1) ?? '').toContain(`${title}. Something that helps me is`);
  expect(spoken.at(-1)).toContain(alt);
  await visited(pageA);

  // A double tap posts once.
  await pageA.getByRole('button', { name: 'Post my topic' }).dblclick();
  await pageA.waitForURL(/\/forum\/t\/[0-9a-f-]{36}$/);
  const topicUrl = pageA.url();
  const topicId = topicUrl.split('/').at(-1)!;
  await expect.poll(() => pageA.locator('h1').textContent()).toBe(title);
  const picture = pageA.locator(`.post-body img[alt="${alt}"]`);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(80);
  await visited(pageA);
  const list = await callApi<{ topics: { title: string }[] }>(
    pageA,
    baseUrl,
    'GET',
    '/forum/categories/daily-life/topics',
  );
  expect(list.topics.filter((t) => t.title === title)).toHaveLength(1);
  // The draft went when the topic was posted.
  const categoryId = (
    await callApi<{ categories: { id: string; slug: string }[] }>(
      pageA,
      baseUrl,
      'GET',
      '/forum/categories',
    )
  ).categories.find((c) => c.slug === 'daily-life')!.id;
  expect(
    (await callApi<{ draft: unknown }>(pageA, baseUrl, 'GET', `/forum/drafts/topic-${categoryId}`))
      .draft,
  ).toBeNull();

  // Member B finds it through the category, with "New" in words.
  await signInAs(pageB, baseUrl, 'Dev P');
  await pageB.goto(`${baseUrl}/forum/c/daily-life`);
  const item = pageB.locator('.topic-item', { hasText: title });
  await expect.poll(() => item.locator('.marker').textContent()).toMatch(/^(New|Unread)$/);
  await visited(pageB);
  await item.getByRole('link', { name: title }).click();
  await pageB.waitForURL(topicUrl);
  await expect.poll(() => pageB.locator('h1').textContent()).toBe(title);
  await visited(pageB);

  // Read aloud gives the post's words, the picture by its words.
  const firstPost = pageB.locator(`#post-${topicId}`);
  await firstPost.getByRole('button', { name: /Read aloud/ }).click();
  await expect.poll(() => spoken.at(-1) ?? '').toContain('a wet cloth under the jar');
  expect(spoken.at(-1)).toContain(alt);

  // One tap each: Me too and This helped me, with aria-pressed; a second tap takes it back.
  const meToo = firstPost.getByRole('button', { name: /^Me too/ });
  expect(await meToo.getAttribute('aria-pressed')).toBe('false');
  await meToo.click();
  await expect.poll(() => meToo.getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => meToo.locator('.count').textContent()).toBe('1');
  const thanks = firstPost.getByRole('button', { name: /^Thank you/ });
  await thanks.click();
  await expect.poll(() => thanks.getAttribute('aria-pressed')).toBe('true');
  await thanks.click();
  await expect.poll(() => thanks.getAttribute('aria-pressed')).toBe('false');
  const helped = firstPost.getByRole('button', { name: /^This helped me/ });
  await helped.click();
  await expect.poll(() => helped.getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => helped.locator('.count').textContent()).toBe('1');
  const bookmark = pageB.getByRole('button', { name: /^Bookmark this topic/ });
  await bookmark.click();
  await expect.poll(() => bookmark.getAttribute('aria-pressed')).toBe('true');
  await checkPage(pageB);

  // B replies, with a sentence starter, by keyboard.
  const reply = pageB.getByLabel('Your reply');
  await pageB.getByRole('button', { name: 'Today I…' }).press('Enter');
  await expect.poll(() => reply.inputValue()).toBe('Today I ');
  await pageB.keyboard.type('tried the cloth. It works!');
  await pageB.getByRole('button', { name: 'Post my reply' }).press('Enter');
  await expect
    .poll(() => pageB.locator('.composer .notice').textContent())
    .toBe('Your reply is posted. Thank you.');
  await expect.poll(() => reply.inputValue()).toBe('');
  await expect
    .poll(async () => (await pageB.locator('.replies .post-body').last().textContent())?.trim())
    .toBe('Today I tried the cloth. It works!');
  await visited(pageB);

  // A sees B's reply, the reaction counts, and A's own tools.
  await pageA.reload();
  await expect.poll(() => pageA.locator('.replies .post').count()).toBe(1);
  expect(await pageA.locator(`#post-${topicId} .post-feedback`).textContent()).toContain(
    'Me too: 1',
  );
  await expect.poll(() => pageA.getByRole('button', { name: 'Change my post' }).count()).toBe(1);

  // The tip is in the Tips library under Daily living.
  await pageB.goto(`${baseUrl}/forum`);
  await pageB.getByRole('link', { name: 'Tips library' }).click();
  await pageB.waitForURL(`${baseUrl}/forum/tips`);
  await visited(pageB);
  await pageB.getByRole('link', { name: 'Daily living' }).click();
  await pageB.waitForURL(`${baseUrl}/forum/tips?theme=daily_living`);
  const tip = pageB.locator('.tip-item', { hasText: title });
  await expect.poll(() => tip.count()).toBe(1);
  expect(await tip.locator('.count').textContent()).toBe('1 person says this helped');
  await visited(pageB);

  // Search finds it, with the matching word marked.
  await pageB.getByRole('link', { name: 'Search the forum' }).click();
  await pageB.waitForURL(`${baseUrl}/forum/search`);
  await visited(pageB);
  await pageB.getByLabel('Words to find').fill(word);
  await pageB.getByLabel('Where to look').selectOption({ label: 'Practical tips for daily life' });
  await pageB.getByRole('button', { name: 'Search' }).click();
  const result = pageB.locator('.result-item', { hasText: title });
  await expect.poll(() => result.count()).toBeGreaterThan(0);
  expect(
    (await result.first().locator('mark').allTextContents()).map((t) => t.toLowerCase()),
  ).toContain(word);
  await visited(pageB);
  // Too short: the problem is in words beside the field.
  await pageB.getByLabel('Words to find').fill('m');
  await pageB.getByRole('button', { name: 'Search' }).click();
  const searchBox = pageB.getByLabel('Words to find');
  await expect.poll(() => searchBox.getAttribute('aria-invalid')).toBe('true');
  expect(await pageB.locator('#forum-search-error').textContent()).toContain('at least 2 letters');

  // Bookmarks keep the topic.
  await pageB.goto(`${baseUrl}/forum/bookmarks`);
  await expect.poll(() => pageB.locator('.topic-item', { hasText: title }).count()).toBe(1);
  await visited(pageB);

  // A half-written reply survives a reload ...
  await pageB.goto(topicUrl);
  const half = 'I also use a rubber glove. It gives a good';
  await pageB.getByLabel('Your reply').fill(half);
  await expect.poll(() => draftStatus(pageB), { timeout: 10_000 }).toBe('Saved.');
  await pageB.reload();
  await expect.poll(() => pageB.getByLabel('Your reply').inputValue()).toBe(half);

  // ... a lost connection (kept on the device, sent when back) ...
  await contextB.setOffline(true);
  await pageB.getByLabel('Your reply').press('End');
  await pageB.keyboard.type(' grip');
  await pageB.getByLabel('Your reply').blur();
  await expect
    .poll(() => draftStatus(pageB), { timeout: 10_000 })
    .toBe('Not saved on the server yet: no connection. Your words are kept on this device.');
  await contextB.setOffline(false);
  await pageB.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(() => draftStatus(pageB), { timeout: 10_000 }).toBe('Saved.');
  const draftKey = `reply-${topicId}`;
  expect(
    (await callApi<{ draft: { body: string } }>(pageB, baseUrl, 'GET', `/forum/drafts/${draftKey}`))
      .draft.body,
  ).toBe(`${half} grip`);

  // ... a session that ended while writing (kept here, sent after signing in again) ...
  await contextB.clearCookies();
  await pageB.getByLabel('Your reply').press('End');
  await pageB.keyboard.type(' on the lid');
  await pageB.getByLabel('Your reply').blur();
  await expect
    .poll(() => draftStatus(pageB), { timeout: 10_000 })
    .toBe('Not saved on the server yet: please sign in again. Your words are kept on this device.');
  await signInAs(pageB, baseUrl, 'Dev P');
  await pageB.reload();
  await expect
    .poll(() => pageB.getByLabel('Your reply').inputValue())
    .toBe(`${half} grip on the lid`);
  await expect.poll(() => draftStatus(pageB), { timeout: 10_000 }).toBe('Saved.');

  // ... and signing out, then in again on a device that forgot everything.
  await pageB.goto(`${baseUrl}/me`);
  await pageB.getByRole('button', { name: 'Sign out', exact: true }).click();
  await pageB.waitForURL(`${baseUrl}/sign-in`);
  await pageB.evaluate(() => localStorage.clear());
  await pageB.goto(topicUrl);
  await expect.poll(() => pageB.locator('h1').textContent()).toBe('Forum');
  await visited(pageB);
  await pageB.goto(`${baseUrl}/sign-in`);
  await pageB.getByRole('button', { name: /Sign in as Dev P/ }).click();
  await pageB.waitForURL(`${baseUrl}/`);
  await pageB.goto(topicUrl);
  await expect
    .poll(() => pageB.getByLabel('Your reply').inputValue())
    .toBe(`${half} grip on the lid`);
  await visited(pageB);
});
