import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { tabTo } from './support/browser';
import { callApi, recordSpeech, signInAs } from './support/forum';
import { browserPages } from './support/pages';

/**
 * The moderator's journey (issue 11 part 10), by keyboard alone: a reply with a plan is held,
 * so another member does not see it; a moderator finds it first in the queue, opens it,
 * claims it and lets it be seen with a reason; the other member now sees it; an administrator
 * finds the action and the look in the audit log. A second moderator who pressed "Claim" too
 * late hears so in words.
 */

const baseUrl = inject('baseUrl');
const { newPage, visited, track } = browserPages('moderation');
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/moderation';
mkdirSync(SHOTS, { recursive: true });

const SENTENCE = 'I have saved up my pills and I am going to take them all tonight';
const press = (page: Page, key: string) => page.keyboard.press(key);
const mainText = (page: Page) => page.locator('main').textContent();
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { text: (el?.textContent ?? '').trim(), className: el?.className ?? '' };
  });

/** Presses Tab until the focused link goes to `href`. */
async function tabToLink(page: Page, href: string, max = 60) {
  for (let i = 0; i < max; i++) {
    await press(page, 'Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    if (at === href) return;
  }
  throw new Error(`Tab never reached a link to ${href}`);
}

/** Three pictures of what a moderator sees: 1280 px, 768 px, and text at 200% (640 px at 2x). */
async function shoot(page: Page, name: string) {
  const size = page.viewportSize() ?? { width: 1024, height: 900 };
  for (const [label, width, height, zoom] of [
    ['1280', 1280, 900, 1],
    ['768', 768, 1024, 1],
    ['200pc', 640, 512, 2],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate((z) => {
      document.documentElement.style.zoom = z === 1 ? '' : String(z);
    }, zoom);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
  await page.evaluate(() => {
    document.documentElement.style.zoom = '';
  });
  await page.setViewportSize(size);
}

type Queue = { items: { id: string; priority: string; subject: { kind: string } }[] };

it('a held reply is found first, claimed and let be seen; the audit log shows it', async () => {
  const writer = await newPage();
  const reader = await newPage();
  const moderator = await newPage();
  const second = await newPage();
  await signInAs(writer, baseUrl, 'Rosa M');
  await signInAs(reader, baseUrl, 'Declan');
  await signInAs(moderator, baseUrl, 'Ivy (moderator)');
  const spoken: string[] = [];
  await recordSpeech(moderator.context(), spoken);
  await signInAs(second, baseUrl, 'Alex (admin)');

  // Setting up: a topic to reply to, and the crisis cases already waiting (earlier, so first).
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    writer,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const categoryId = categories.find((c) => c.slug === 'daily-life')!.id;
  const { topicId } = await callApi<{ topicId: string }>(writer, baseUrl, 'POST', '/forum/topics', {
    categoryId,
    title: 'Evenings are the hardest part',
    body: 'The days are fine. The evenings are long.',
    idempotencyKey: crypto.randomUUID(),
  });
  const before = await callApi<Queue>(moderator, baseUrl, 'GET', '/moderation/queue');
  const earlierCrisis = before.items.filter((i) => i.priority === 'crisis').length;

  // The member replies by keyboard with words that hold a plan and a time.
  track(writer);
  await writer.goto(`${baseUrl}/forum/t/${topicId}`);
  await expect.poll(() => writer.locator('h1').textContent()).toBe('Evenings are the hardest part');
  await tabTo(writer, (el) => el.label.startsWith('Your reply'));
  await writer.keyboard.type(SENTENCE);
  await tabTo(writer, (el) => el.text === 'Post my reply');
  await press(writer, 'Enter');
  await expect.poll(() => mainText(writer)).toContain(SENTENCE);

  // The other member does not see it.
  track(reader);
  await reader.goto(`${baseUrl}/forum/t/${topicId}`);
  await expect.poll(() => reader.locator('h1').textContent()).toBe('Evenings are the hardest part');
  await reader.waitForLoadState('networkidle');
  expect(await mainText(reader)).not.toContain(SENTENCE);

  // Its case: the one crisis case that was not there before.
  let caseId = '';
  await expect
    .poll(async () => {
      const now = await callApi<Queue>(moderator, baseUrl, 'GET', '/moderation/queue');
      const known = new Set(before.items.map((i) => i.id));
      caseId = now.items.find((i) => !known.has(i.id) && i.priority === 'crisis')?.id ?? '';
      return caseId;
    })
    .not.toBe('');

  // The moderator goes from the Me page to the queue, by keyboard.
  track(moderator);
  await moderator.goto(`${baseUrl}/me`);
  await expect.poll(() => moderator.locator('h1').textContent()).toBe('Me');
  await tabTo(moderator, (el) => el.text === 'Cases for moderators');
  await press(moderator, 'Enter');
  await expect.poll(() => moderator.locator('h1').textContent()).toBe('Cases to look at');
  const rows = moderator.locator('.case-item');
  await expect.poll(() => rows.count()).toBeGreaterThan(earlierCrisis);
  // Crisis first, oldest first: after only the crisis cases that waited longer.
  expect(await rows.nth(earlierCrisis).getAttribute('data-case')).toBe(caseId);
  const row = await rows.nth(earlierCrisis).textContent();
  expect(row).toContain('Look now');
  expect(row).toContain('Worrying words: a plan, a time or a place');
  expect(row).toContain('About a reply');
  expect(row).toMatch(/Waiting for (under a minute|\d+ minutes?)/);
  expect(row).toContain('No one has claimed it yet');
  await visited(moderator);
  await shoot(moderator, 'queue');

  // A second moderator opens it first, but has not claimed it yet.
  await second.goto(`${baseUrl}/moderation/cases/${caseId}`);
  await expect.poll(() => second.locator('h1').textContent()).toContain('A case:');

  // The moderator opens the case: the words, the thread and the person.
  await tabToLink(moderator, `/moderation/cases/${caseId}`);
  await press(moderator, 'Enter');
  await expect
    .poll(() => moderator.locator('h1').textContent())
    .toBe('A case: Worrying words: a plan, a time or a place');
  expect((await focused(moderator)).text).toBe('A case: Worrying words: a plan, a time or a place');
  const text = await mainText(moderator);
  expect(text).toContain(SENTENCE);
  expect(text).toContain('Held: only the writer and moderators can see this post.');
  expect(text).toContain('The topic it is in: Evenings are the hardest part');
  expect(text).toContain('About Rosa M');
  await visited(moderator);
  await shoot(moderator, 'case');
  // The words can be read aloud (ACCESSIBILITY.md A7).
  await tabTo(moderator, (el) => el.label === 'Read aloud: the post');
  await press(moderator, 'Enter');
  await expect.poll(() => spoken.join(' ')).toContain(SENTENCE);

  // Claim it: focus goes to the words that say so.
  await tabTo(moderator, (el) => el.text === 'Claim this case');
  await press(moderator, 'Enter');
  await expect
    .poll(async () => (await focused(moderator)).text)
    .toBe('You claimed this case. No one else can act on it now.');

  // The second moderator presses "Claim" too late and is told, in words, who has it.
  track(second);
  await second.getByRole('button', { name: 'Claim this case' }).focus();
  await press(second, 'Enter');
  const problem = second.locator('.send-problem');
  await expect
    .poll(() => problem.textContent())
    .toBe('Another moderator is looking at this case now. Please choose another one.');
  expect((await focused(second)).className).toContain('send-problem');
  await expect.poll(() => mainText(second)).toContain('Claimed by Ivy (moderator)');
  expect(await second.getByRole('button', { name: 'Claim this case' }).count()).toBe(0);
  await visited(second);

  // Choose "Let it be seen": the form opens and takes focus; a reason is needed.
  track(moderator);
  await tabTo(moderator, (el) => el.text.startsWith('Let it be seen'));
  await press(moderator, 'Enter');
  await expect.poll(async () => (await focused(moderator)).text).toBe('You chose: Let it be seen');
  await tabTo(moderator, (el) => el.text === 'Do this');
  await press(moderator, 'Enter');
  await expect.poll(() => mainText(moderator)).toContain('Please choose why.');
  await visited(moderator);
  await shoot(moderator, 'case-act');
  // Focus went to the first reason; Space picks it.
  await press(moderator, 'Space');
  await tabTo(moderator, (el) => el.text === 'Do this');
  await press(moderator, 'Enter');
  await expect
    .poll(async () => (await focused(moderator)).text)
    .toContain('Done: Let it be seen. Why: nothing against our rules. The case is closed.');
  expect(await mainText(moderator)).not.toContain('Held: only the writer');
  await visited(moderator);
  await shoot(moderator, 'case-done');

  // The other member now sees the reply.
  track(reader);
  await reader.reload();
  await expect.poll(() => mainText(reader)).toContain(SENTENCE);

  // The queue no longer holds it.
  const after = await callApi<Queue>(moderator, baseUrl, 'GET', '/moderation/queue');
  expect(after.items.map((i) => i.id)).not.toContain(caseId);

  // The administrator goes from the Me page to the audit log: the action, then the look.
  track(second);
  await second.goto(`${baseUrl}/me`);
  await expect.poll(() => second.locator('h1').textContent()).toBe('Me');
  await tabTo(second, (el) => el.text === 'The audit log');
  await press(second, 'Enter');
  await expect.poll(() => second.locator('h1').textContent()).toBe('The audit log');
  const entries = second.locator('.audit-item');
  await expect.poll(() => entries.count()).toBeGreaterThan(2);
  const log = (await entries.allTextContents()).slice(0, 10);
  const acted = log.findIndex((e) => e.includes('Ivy (moderator) acted on a case about a reply.'));
  const looked = log.findIndex((e) =>
    e.includes('Ivy (moderator) looked at a case about a reply.'),
  );
  const claimed = log.findIndex((e) => e.includes('Ivy (moderator) claimed a case about a reply.'));
  expect(acted, log.join('\n')).toBe(0);
  expect(log[acted]).toContain('What was done: Let it be seen.');
  expect(log[acted]).toContain('Why: nothing against our rules');
  // Newest first: the look came before the claim, which came before the action.
  expect(claimed).toBeGreaterThan(acted);
  expect(looked).toBeGreaterThan(claimed);
  await visited(second);
  await second.screenshot({ path: `${SHOTS}/audit-1024.png`, fullPage: true });
});

it('a member who opens the queue is told it is for moderators', async () => {
  const page = await newPage();
  await signInAs(page, baseUrl, 'Declan');
  await page.goto(`${baseUrl}/moderation`);
  await expect.poll(() => mainText(page)).toContain('This page is for moderators.');
  await visited(page);
  await page.goto(`${baseUrl}/admin/audit`);
  await expect.poll(() => mainText(page)).toContain('This page is for administrators.');
  await visited(page);
});
