import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { tabTo } from './support/browser';
import { signInAs } from './support/forum';
import { browserPages } from './support/pages';

/**
 * The screening lists page (issue 11 part 1), by keyboard alone: an administrator tries a
 * sentence, adds an entry, sees it count, changes its tier, and removes it after being asked.
 * A member is told the page is for administrators.
 */

const baseUrl = inject('baseUrl');
const { newPage, visited } = browserPages('safety-phrases');
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/safety-phrases';
mkdirSync(SHOTS, { recursive: true });

const press = (page: Page, key: string) => page.keyboard.press(key);
const mainText = (page: Page) => page.locator('main').textContent();
const focusedText = (page: Page) =>
  page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

/** Presses Shift+Tab until the focused control says `text`: going back up the page. */
async function backTo(page: Page, text: string, max = 30) {
  for (let i = 0; i < max; i++) {
    await press(page, 'Shift+Tab');
    if ((await focusedText(page)) === text) return;
  }
  throw new Error(`Shift+Tab never reached "${text}"`);
}

it('an administrator tries words, adds an entry, changes it and removes it, by keyboard alone', async () => {
  const page = await newPage();
  await signInAs(page, baseUrl, 'Alex (admin)');
  await page.goto(`${baseUrl}/admin/safety/phrases`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Words we watch for');
  await expect.poll(() => mainText(page)).toContain('want to die');
  await visited(page);

  // Try a sentence against the list as it stands.
  await tabTo(page, (el) => el.label.startsWith('Words to check'));
  await page.keyboard.type('I have saved my pills and will take them tonight.');
  await tabTo(page, (el) => el.text === 'Check these words');
  await press(page, 'Enter');
  const result = page.locator('.try-result');
  await expect.poll(() => result.textContent()).toContain('High: a plan, a time or a place');
  await expect.poll(() => result.textContent()).toContain('“save my pills”, counted as High');
  await page.screenshot({ path: `${SHOTS}/tried-1024.png` });

  // Add an entry: "these words in this order" and "medium" are already chosen.
  await tabTo(page, (el) => el.label.startsWith('The words'));
  await page.keyboard.type('feel wobbly and done');
  await tabTo(page, (el) => el.label.startsWith('Note'));
  await page.keyboard.type('A test of the page.');
  await tabTo(page, (el) => el.text === 'Add to the list');
  await press(page, 'Enter');
  await expect
    .poll(() => page.locator('.notice').textContent())
    .toBe('Added “feel wobbly and done” to the list.');
  const medium = page.locator('section').filter({
    has: page.getByRole('heading', { name: /^Medium/ }),
  });
  await expect.poll(() => medium.textContent()).toContain('“feel wobbly and done”');
  await visited(page);

  // It counts at once.
  // Back up to the box of words, and write new ones over the old.
  await backTo(page, 'Check these words');
  await press(page, 'Shift+Tab');
  await press(page, 'Control+A');
  await page.keyboard.type('I feel so wobbly and done with it all.');
  await tabTo(page, (el) => el.text === 'Check these words');
  await press(page, 'Enter');
  await expect.poll(() => result.textContent()).toContain('Medium: thoughts that go on');

  // Change its tier to high: the form opens in its place, and focus goes to it.
  await tabTo(page, (el) => el.label === 'Change “feel wobbly and done”', 400);
  await press(page, 'Enter');
  await expect.poll(() => focusedText(page)).toBe('Change this entry');
  await tabTo(page, (el) => el.tag === 'input' && el.label.startsWith('Medium'));
  await press(page, 'ArrowDown');
  await tabTo(page, (el) => el.text === 'Save the change');
  await press(page, 'Enter');
  await expect
    .poll(() => page.locator('.notice').textContent())
    .toBe('Saved “feel wobbly and done”.');
  const high = page.locator('section').filter({
    has: page.getByRole('heading', { name: /^High/ }),
  });
  await expect.poll(() => high.textContent()).toContain('“feel wobbly and done”');
  // Focus came back to the entry's own Change button.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
    .toBe('Change “feel wobbly and done”');
  await visited(page);

  // Remove it: the page asks first, with "No, keep it" focused.
  await tabTo(page, (el) => el.label === 'Remove “feel wobbly and done”');
  await press(page, 'Enter');
  await expect.poll(() => focusedText(page)).toBe('No, keep it');
  await page.screenshot({ path: `${SHOTS}/asking-1024.png` });
  await expect
    .poll(() => page.locator('legend').textContent())
    .toBe('Remove “feel wobbly and done” from the list?');
  await visited(page);
  await press(page, 'Shift+Tab');
  expect(await focusedText(page)).toBe('Yes, remove it');
  await press(page, 'Enter');
  await expect
    .poll(() => page.locator('.notice').textContent())
    .toBe('Removed “feel wobbly and done”.');
  await expect.poll(() => high.textContent()).not.toContain('“feel wobbly and done”');
  await expect.poll(() => focusedText(page)).toMatch(/^High/);
});

it('tells a member the lists are for administrators', async () => {
  const page = await newPage();
  await signInAs(page, baseUrl, 'Ivy (moderator)');
  await page.goto(`${baseUrl}/admin/safety/phrases`);
  await expect.poll(() => mainText(page)).toContain('Only administrators can change these lists.');
  await visited(page);
});
