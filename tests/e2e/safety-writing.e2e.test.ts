import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { checkPage, tabTo } from './support/browser';
import { signInAs, topicBy } from './support/forum';
import { browserPages } from './support/pages';
import { signUpAndSignIn } from './support/people';

/**
 * The writer's side of screening (SAFETY.md), by keyboard only, as a new member would:
 * worrying words bring a gentle support panel with tap-to-call lines while writing, a post
 * with a plan is held so only its writer and moderators see it, and a phone number in the
 * words is pointed out beside the send button. Nothing is ever blocked.
 */

const baseUrl = inject('baseUrl');
const { newPage, visited, track } = browserPages('safety-writing');

const HIGH = 'I have saved up my pills and I am going to take them all tonight';
const PHONE = 'Thank you all. You can ring me on 07700 900123 in the evening.';
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/safety-writing';

const reply = '#write-reply';
const bodyBox = `${reply} textarea[name="body"]`;
const panel = `${reply} .care-panel[data-open="true"]`;

/** A new topic by a long-standing member, for the new member to answer. */
const topicToAnswer = () =>
  topicBy({ newPage }, baseUrl, 'Frank from Leeds', {
    slug: 'introductions',
    title: `Hard days ${randomUUID().slice(0, 8)}`,
    body: 'Some days are harder than others. How are you all doing this week?',
  });

/** Opens the topic and goes to the reply box the way a keyboard user does. */
async function startReply(page: Page, topicId: string) {
  await page.goto(`${baseUrl}/forum/t/${topicId}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await tabTo(page, (el) => el.tag === 'a' && el.text === 'Write a reply');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
    .toBe('body');
}

it('shows a support panel with tap-to-call lines while writing, holds the post, and warns of a phone number', async () => {
  const topicId = await topicToAnswer();
  const page = await newPage();
  await signUpAndSignIn(page, baseUrl, 'Robin new');
  await startReply(page, topicId);

  // Nothing shows before the words worry the screening.
  expect(await page.locator(panel).count()).toBe(0);
  await page.keyboard.type(HIGH);

  // The panel comes with the draft's save (about 2 s after typing stops), without taking focus.
  await page.locator(panel).waitFor({ timeout: 15_000 });
  const status = page.locator(`${reply} .care-panel [role="status"]`);
  expect(await status.innerText()).toContain('You are not alone');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('body');
  // Tap-to-call lines for the member's country (the UK), and a text line too.
  await page.locator(`${panel} a[href="tel:116123"]`).waitFor();
  expect(await page.locator(`${panel} a[href^="sms:85258"]`).count()).toBe(1);
  expect(await page.locator(`${panel} a[href="/help"]`).innerText()).toContain('Need help now');
  expect(await page.locator(panel).innerText()).toContain('moderator will also read');
  // Calm: nothing in it moves.
  const motion = await page
    .locator(panel)
    .evaluate((el) =>
      [el, ...el.querySelectorAll('*')].map((e) => getComputedStyle(e).animationName),
    );
  expect(motion.every((name) => name === 'none')).toBe(true);
  // Writing goes on: the box still takes words, and the panel stays put.
  await page.keyboard.type(' ');
  expect(await page.locator(panel).count()).toBe(1);
  await visited(page);

  // Pictures of the composer with the panel: a wide screen, a tablet, and the tablet with text
  // at 200% (the root font twice the standard 18 px), where every page check passes too.
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 1024 });
    await page.locator(reply).screenshot({ path: `${SHOTS}/composer-support-${width}.png` });
  }
  await page.evaluate(() =>
    document.documentElement.style.setProperty('font-size', '36px', 'important'),
  );
  await page.locator(reply).screenshot({ path: `${SHOTS}/composer-support-768-text200.png` });
  await checkPage(page);
  await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
  await page.setViewportSize({ width: 1024, height: 900 });

  // Sending is never blocked. The post is held: the writer is told in plain words.
  await page.locator(bodyBox).focus();
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Post my reply');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator(`${reply} .notice`).innerText(), { timeout: 10_000 })
    .toContain('only you and the moderators');
  expect(await page.locator(panel).count()).toBe(1);
  const mine = page.locator('.replies .post', { hasText: HIGH });
  await mine.waitFor();
  expect(await mine.locator('.held-note').innerText()).toContain(
    'Only you and the moderators can see this for now.',
  );
  await visited(page);

  // Another member opening the topic does not see the reply.
  const other = await newPage();
  await signInAs(other, baseUrl, 'Kwame');
  await other.goto(`${baseUrl}/forum/t/${topicId}`);
  await other.getByRole('heading', { level: 1 }).waitFor();
  await other.waitForLoadState('networkidle');
  expect(await other.locator('main').innerText()).not.toContain(HIGH);
  expect(await other.locator('.replies .post').count()).toBe(0);

  // A moderator sees it, with a calm note that it waits for them.
  const moderator = await newPage();
  await signInAs(moderator, baseUrl, 'Ivy (moderator)');
  await moderator.goto(`${baseUrl}/forum/t/${topicId}`);
  const held = moderator.locator('.replies .post', { hasText: HIGH });
  await held.waitFor();
  expect(await held.locator('.held-note').innerText()).toContain('Held for a moderator');

  // A phone number in the words: a warning beside the send button, which still works.
  track(page);
  await page.reload();
  await startReply(page, topicId);
  await page.keyboard.type(PHONE);
  const details = page.locator(`${reply} .care-details`);
  await expect
    .poll(() => details.innerText(), { timeout: 15_000 })
    .toContain('Your words have a phone number.');
  expect(await details.innerText()).toContain('Everyone who can read this post will see it.');
  const send = page.getByRole('button', { name: 'Post my reply' });
  expect(await send.getAttribute('aria-describedby')).toBe(await details.getAttribute('id'));
  expect(await send.isDisabled()).toBe(false);
  await visited(page);
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Post my reply');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator(`${reply} .notice`).innerText(), { timeout: 10_000 })
    .toContain('Your reply is posted');
  expect(await details.innerText()).toBe('');
});
