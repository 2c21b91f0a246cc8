import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { checkPage, launchBrowser } from './support/browser';
import { callApi, signInAs } from './support/forum';

/**
 * On a tablet (768 px): a moderator removes someone's post with a reason, sees why it was
 * removed, and puts it back; the writer sees only the plain placeholder meanwhile. Search
 * offers "Did you mean" for a misspelling, and the link runs that search.
 */

const baseUrl = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-I';
let browser: Browser;
let staffContext: BrowserContext;
let writerContext: BrowserContext;
let staff: Page;
let writer: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const tablet = { viewport: { width: 768, height: 1024 }, locale: 'en-GB' };
  staffContext = await browser.newContext(tablet);
  writerContext = await browser.newContext(tablet);
  staff = await staffContext.newPage();
  writer = await writerContext.newPage();
});

afterEach(async (test) => {
  if (test.task.result?.state === 'fail') {
    await staff.screenshot({ path: 'test-results/forum-moderation-failure.png', fullPage: true });
  }
});

afterAll(async () => {
  await browser?.close();
});

async function visited(page: Page) {
  await page.waitForLoadState('networkidle');
  await checkPage(page);
}

/** Three pictures of what a person sees: 1280 px, 768 px, and text at 200% (640 px at 2x). */
async function shoot(page: Page, name: string, show: string) {
  const size = page.viewportSize() ?? { width: 768, height: 1024 };
  for (const [label, width, height, zoom] of [
    ['1280', 1280, 900, 1],
    ['768', 768, 1024, 1],
    ['200pc', 640, 512, 2],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate((z) => {
      document.documentElement.style.zoom = z === 1 ? '' : String(z);
    }, zoom);
    await page
      .locator(show)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png` });
  }
  await page.evaluate(() => {
    document.documentElement.style.zoom = '';
  });
  await page.setViewportSize(size);
}

it('a moderator removes a post with a reason, sees why, and puts it back; the writer sees the placeholder', async () => {
  await signInAs(writer, baseUrl, 'Maggie R');
  await signInAs(staff, baseUrl, 'Ivy (moderator)');
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    writer,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const categoryId = categories.find((c) => c.slug === 'daily-life')!.id;
  const { topicId } = await callApi<{ topicId: string }>(writer, baseUrl, 'POST', '/forum/topics', {
    categoryId,
    title: 'Jar openers that work',
    body: 'A rubber mat under the jar helps me.',
    idempotencyKey: crypto.randomUUID(),
  });
  const { id: replyId } = await callApi<{ id: string }>(
    writer,
    baseUrl,
    'POST',
    `/forum/topics/${topicId}/replies`,
    { body: 'Buy my jar gadget now, only 9.99 at my shop.', idempotencyKey: crypto.randomUUID() },
  );

  await staff.goto(`${baseUrl}/forum/t/${topicId}`);
  const reply = staff.locator(`#post-${replyId}`);
  await expect.poll(() => reply.getByRole('button', { name: 'Remove this post' }).count()).toBe(1);
  // Staff never see "Delete my post" on someone else's post.
  expect(await staff.getByRole('button', { name: 'Delete my post' }).count()).toBe(0);
  await visited(staff);

  await reply.getByRole('button', { name: 'Remove this post' }).click();
  const form = reply.getByRole('form', { name: 'Why are you removing this post?' });
  await expect.poll(() => form.count()).toBe(1);
  expect(await form.innerText()).toContain('The writer is not told yet');
  // No reason: refused beside the choice, with focus on it.
  await form.getByRole('button', { name: 'Remove this post' }).click();
  await expect.poll(() => form.innerText()).toContain('Please choose a reason.');
  expect(await staff.evaluate(() => (document.activeElement as HTMLInputElement)?.type)).toBe(
    'radio',
  );
  // "Another reason" needs words.
  await form.getByText('Another reason', { exact: true }).click();
  await form.getByRole('button', { name: 'Remove this post' }).click();
  await expect.poll(() => form.innerText()).toContain('Please say in a few words why');
  await visited(staff);
  await form.getByText('It is selling or advertising').click();
  await form.getByLabel(/In your own words/).fill('An advert for a shop.');
  await form.getByRole('button', { name: 'Remove this post' }).click();

  await expect
    .poll(() => reply.innerText())
    .toContain('Removed by a moderator: It is selling or advertising');
  expect(await reply.innerText()).toContain('The moderator wrote: An advert for a shop.');
  expect(await reply.innerText()).toContain('Removed by Ivy (moderator).');
  await reply.getByText('Show the words that were removed').click();
  await expect.poll(() => reply.innerText()).toContain('Buy my jar gadget now');
  await visited(staff);
  await shoot(staff, 'topic-removed-post-staff', `#post-${replyId}`);

  // The writer sees the plain placeholder, not the reason nor the words.
  await writer.goto(`${baseUrl}/forum/t/${topicId}`);
  const seen = writer.locator(`#post-${replyId}`);
  await expect.poll(() => seen.innerText()).toContain('This post was removed.');
  expect(await seen.innerText()).not.toContain('selling');
  expect(await seen.innerText()).not.toContain('jar gadget');
  await visited(writer);

  // Staff put it back, and everyone sees it again.
  await reply.getByRole('button', { name: 'Put this post back' }).click();
  await expect.poll(() => reply.innerText()).not.toContain('Removed by a moderator');
  expect(await reply.innerText()).toContain('Buy my jar gadget now');
  expect(await reply.getByRole('button', { name: 'Remove this post' }).count()).toBe(1);
  await writer.reload();
  await expect.poll(() => seen.innerText()).toContain('Buy my jar gadget now');
});

it('search offers "Did you mean speech?" for "speach", and the link runs that search', async () => {
  await signInAs(writer, baseUrl, 'Maggie R');
  await writer.goto(`${baseUrl}/forum/search`);
  await writer.getByLabel('Words to find').fill('speach');
  await writer.getByRole('button', { name: 'Search' }).click();
  const suggestion = writer.getByRole('link', { name: 'Did you mean speech?' });
  await expect.poll(() => suggestion.count()).toBe(1);
  expect(await writer.locator('main').innerText()).toContain('We found nothing');
  await visited(writer);
  await shoot(writer, 'search-did-you-mean', '.did-you-mean');

  await suggestion.click();
  await writer.waitForURL(/q=speech/);
  await expect.poll(() => writer.locator('.result-list li').count()).toBeGreaterThan(0);
  expect(await writer.getByLabel('Words to find').inputValue()).toBe('speech');
  expect(await writer.getByRole('link', { name: /Did you mean/ }).count()).toBe(0);
  await visited(writer);

  // The hint's own example finds something: "tired" matches the start of "Tiredness".
  await writer.getByLabel('Words to find').fill('tired after walking');
  await writer.getByRole('button', { name: 'Search' }).click();
  await expect.poll(() => writer.locator('.result-list li').count()).toBeGreaterThan(0);
});

it("a non-member reading a public group's board is told why they cannot reply, and bookmarks show the group", async () => {
  // Kwame helps run the public group "Young Stroke Manchester"; Maggie is not in it.
  await signInAs(staff, baseUrl, 'Kwame');
  const { groups } = await callApi<{ groups: { id: string; name: string }[] }>(
    staff,
    baseUrl,
    'GET',
    `/groups?q=${encodeURIComponent('Young Stroke Manchester')}`,
  );
  const group = groups.find((g) => g.name === 'Young Stroke Manchester')!;
  const { topicId } = await callApi<{ topicId: string }>(
    staff,
    baseUrl,
    'POST',
    `/groups/${group.id}/board`,
    {
      title: 'Back to work after a stroke',
      body: 'How did your first week go?',
      idempotencyKey: crypto.randomUUID(),
    },
  );

  await signInAs(writer, baseUrl, 'Maggie R');
  await callApi(writer, baseUrl, 'PUT', `/forum/topics/${topicId}/bookmark`);
  await writer.goto(`${baseUrl}/forum/t/${topicId}`);
  await expect
    .poll(() => writer.locator('main').innerText())
    .toContain('Only members of this group can reply here.');
  expect(await writer.getByLabel('Your reply').count()).toBe(0);
  expect(await writer.getByRole('link', { name: 'Write a reply' }).count()).toBe(0);
  const join = writer.getByRole('link', { name: "Go to the group's page to ask to join" });
  expect(await join.getAttribute('href')).toBe(`/groups/${group.id}`);
  await visited(writer);

  await writer.goto(`${baseUrl}/forum/bookmarks`);
  const onBoard = writer.getByRole('link', { name: 'On the board of Young Stroke Manchester' });
  await expect.poll(() => onBoard.count()).toBe(1);
  expect(await onBoard.getAttribute('href')).toBe(`/groups/${group.id}`);
  await visited(writer);
  await shoot(writer, 'bookmarks-board-topic', '.topic-list');
});
