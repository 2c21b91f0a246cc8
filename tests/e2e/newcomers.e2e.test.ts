import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { checkPage, tabTo } from './support/browser';
import { callApi, signInAs, topicBy } from './support/forum';
import { browserPages } from './support/pages';
import { signUpAndSignIn } from './support/people';

/**
 * What a brand-new member may not do yet (SAFETY.md, issue 11), by keyboard only: a link in
 * their first reply is refused in plain words that say why and when that changes, with their
 * words kept in the box; without the link the reply is sent, and waits for a moderator, who
 * is the only other person who sees it until they let it through.
 */

const baseUrl = inject('baseUrl');
const { newPage, visited } = browserPages('newcomers');
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/newcomers';

const reply = '#write-reply';
const bodyBox = `${reply} textarea[name="body"]`;
const WORDS = 'Hello everyone. I found a page about fatigue that helped me';
const LINK = ' https://example.com/fatigue-tips';

const topicToAnswer = () =>
  topicBy({ newPage }, baseUrl, 'Frank from Leeds', {
    slug: 'introductions',
    title: `Tiredness ${randomUUID().slice(0, 8)}`,
    body: 'How do you all manage the tiredness in the afternoon?',
  });

async function startReply(page: Page, topicId: string) {
  await page.goto(`${baseUrl}/forum/t/${topicId}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await tabTo(page, (el) => el.tag === 'a' && el.text === 'Write a reply');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
    .toBe('body');
}

async function send(page: Page) {
  await page.locator(bodyBox).focus();
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Post my reply');
  await page.keyboard.press('Enter');
}

it("refuses a new member's link in plain words, keeps their words, and holds their first post for a moderator", async () => {
  const topicId = await topicToAnswer();
  const page = await newPage();
  await signUpAndSignIn(page, baseUrl, 'Jo Newcomer', { trust: 'new' });
  await startReply(page, topicId);
  await page.keyboard.type(WORDS + LINK);
  await send(page);

  // The refusal is beside the words, says why and when that changes, and nothing is lost.
  const error = page.locator(`${reply} .field-error`);
  await error.waitFor({ timeout: 10_000 });
  const said = await error.innerText();
  expect(said).toContain('New members cannot add links yet');
  expect(said).toContain('After your first 2 days here and some reading, you can.');
  expect(said).toContain('Your words are kept.');
  expect(await page.locator(bodyBox).inputValue()).toBe(WORDS + LINK);
  await visited(page);
  mkdirSync(SHOTS, { recursive: true });
  await page.locator(reply).screenshot({ path: `${SHOTS}/link-refused-1280.png` });

  // Without the link it goes, and waits for a moderator: the writer is told so, kindly.
  await page.locator(bodyBox).focus();
  for (let i = 0; i < LINK.length; i += 1) await page.keyboard.press('Backspace');
  expect(await page.locator(bodyBox).inputValue()).toBe(WORDS);
  await send(page);
  await expect
    .poll(() => page.locator(`${reply} .notice`).first().innerText(), { timeout: 10_000 })
    .toContain('the first posts of every new member');
  const mine = page.locator('.replies .post', { hasText: WORDS });
  await mine.waitFor();
  expect(await mine.locator('.held-note').innerText()).toContain(
    'Only you and the moderators can see this for now.',
  );
  await visited(page);
  await page.locator(reply).screenshot({ path: `${SHOTS}/first-post-waits-1280.png` });
  await page.evaluate(() =>
    document.documentElement.style.setProperty('font-size', '36px', 'important'),
  );
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.locator(reply).screenshot({ path: `${SHOTS}/first-post-waits-768-text200.png` });
  await checkPage(page);

  // Another member does not see it.
  const other = await newPage();
  await signInAs(other, baseUrl, 'Kwame');
  await other.goto(`${baseUrl}/forum/t/${topicId}`);
  await other.getByRole('heading', { level: 1 }).waitFor();
  await other.waitForLoadState('networkidle');
  expect(await other.locator('main').innerText()).not.toContain(WORDS);

  // A moderator finds it as a first-post review in the queue, and lets it through.
  const moderator = await newPage();
  await signInAs(moderator, baseUrl, 'Ivy (moderator)');
  const queue = await callApi<{ items: { id: string; reason: string; subject: { id: string } }[] }>(
    moderator,
    baseUrl,
    'GET',
    '/moderation/queue',
  );
  const { replies } = await callApi<{ replies: { id: string; body?: string; bodyHtml: string }[] }>(
    moderator,
    baseUrl,
    'GET',
    `/forum/topics/${topicId}`,
  );
  const held = replies.find((r) => r.bodyHtml.includes('I found a page about fatigue'));
  expect(held, 'the moderator sees the held reply').toBeDefined();
  const found = queue.items.find((c) => c.subject.id === held!.id);
  expect(found?.reason).toBe('review');
  await moderator.goto(`${baseUrl}/moderation/cases/${found!.id}`);
  await moderator.getByRole('heading', { level: 1 }).waitFor();
  await tabTo(moderator, (el) => el.tag === 'button' && el.text.startsWith('Claim'));
  await moderator.keyboard.press('Enter');
  await visited(moderator);
  await callApi(moderator, baseUrl, 'POST', `/moderation/cases/${found!.id}/actions`, {
    action: 'dismiss',
    reason: 'nothing_wrong',
  });
  await other.reload();
  await other.locator('.replies .post', { hasText: WORDS }).waitFor();
});
