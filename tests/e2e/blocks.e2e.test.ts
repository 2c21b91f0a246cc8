import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { checkPage, tabTo } from './support/browser';
import { callApi } from './support/forum';
import { browserPages } from './support/pages';
import { signUpAndSignIn } from './support/people';

/**
 * Block (SAFETY.md, issue 11), by keyboard only for the person acting, as new members would:
 * a member blocks someone who answered them, from that person's page, for good, and finds
 * it on their list; that person's reply is folded away for them, with "Show it"; and the
 * blocked person's next reply is refused in neutral words, with their words kept, and
 * nothing on their page says they are blocked.
 */

const baseUrl = inject('baseUrl');
const { newPage, visited, track } = browserPages('blocks');
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/blocks';

const A_NAME = 'Alice Hart';
const B_NAME = 'Ben Cole';
const B_FIRST = 'Have you tried a short walk after lunch? It helps me most days.';
const B_SECOND = 'Why do you not answer me? I only want to talk to you.';

const reply = '#write-reply';
const bodyBox = `${reply} textarea[name="body"]`;

async function myId(page: Page): Promise<string> {
  const me = await callApi<{ user: { id: string } | null }>(page, baseUrl, 'GET', '/me');
  if (!me.user) throw new Error('not signed in');
  return me.user.id;
}

/** Pictures at a wide screen, and at a tablet with text at 200% (root font 36 px), checked too. */
async function pictures(page: Page, part: Locator, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 1024 });
  await part.screenshot({ path: `${SHOTS}/${name}-1280.png` });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.evaluate(() =>
    document.documentElement.style.setProperty('font-size', '36px', 'important'),
  );
  await part.screenshot({ path: `${SHOTS}/${name}-768-text200.png` });
  await checkPage(page);
  await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
  await page.setViewportSize({ width: 1024, height: 900 });
}

/** What is focused now, in a few words, to follow the keyboard. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      value: el?.value ?? '',
      text: (el?.textContent ?? '').trim(),
    };
  });
}

it('a member blocks someone for good; their reply folds away; their next reply is refused in neutral words', async () => {
  // Setup (not the journey): A starts a topic, B answers it.
  const alice = await newPage();
  await signUpAndSignIn(alice, baseUrl, A_NAME);
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    alice,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const categoryId = categories.find((c) => c.slug === 'introductions')!.id;
  const { topicId } = await callApi<{ topicId: string }>(alice, baseUrl, 'POST', '/forum/topics', {
    categoryId,
    title: `Afternoons ${randomUUID().slice(0, 8)}`,
    body: 'I get so tired in the afternoon. What do you all do?',
    idempotencyKey: randomUUID(),
  });
  const ben = await newPage();
  await signUpAndSignIn(ben, baseUrl, B_NAME);
  const benId = await myId(ben);
  await callApi(ben, baseUrl, 'POST', `/forum/topics/${topicId}/replies`, {
    body: B_FIRST,
    idempotencyKey: randomUUID(),
  });

  // A opens B's page and blocks him for good, by keyboard.
  track(alice);
  await alice.goto(`${baseUrl}/members/${benId}`);
  await alice.getByRole('heading', { level: 1 }).waitFor();
  await tabTo(alice, (el) => el.tag === 'button' && el.text === 'Mute, ignore or block');
  await alice.keyboard.press('Enter');
  const control = alice.locator('section.keep-away');
  const choice = control.locator('form.keep-away-choice');
  await choice.waitFor();
  // The question takes focus, and says the person is not told.
  expect((await focused(alice)).text).toBe(`What do you want to do about ${B_NAME}?`);
  expect(await choice.innerText()).toContain(`${B_NAME} is not told.`);
  // Into "Choose one" (Mute is chosen first, the mildest), then down to Block.
  await alice.keyboard.press('Tab');
  expect(await focused(alice)).toMatchObject({ tag: 'input', value: 'mute' });
  await alice.keyboard.press('ArrowDown');
  await alice.keyboard.press('ArrowDown');
  expect(await focused(alice)).toMatchObject({ tag: 'input', value: 'block' });
  // Into "For how long?" (a week first), then down to For good.
  await alice.keyboard.press('Tab');
  expect(await focused(alice)).toMatchObject({ tag: 'input', value: '7' });
  await alice.keyboard.press('ArrowDown');
  await alice.keyboard.press('ArrowDown');
  expect(await focused(alice)).toMatchObject({ tag: 'input', value: 'forGood' });
  expect(await choice.locator('input[value="block"]').isChecked()).toBe(true);
  expect(await choice.locator('input[value="forGood"]').isChecked()).toBe(true);
  await visited(alice);
  await pictures(alice, control, 'control-open');

  await choice.locator('input[value="forGood"]').focus();
  await tabTo(alice, (el) => el.tag === 'button' && el.text === 'Save');
  await alice.keyboard.press('Enter');
  const said = control.locator('.keep-away-said');
  await said.waitFor({ timeout: 10_000 });
  expect(await said.innerText()).toBe(`Saved. ${B_NAME} is not told.`);
  expect((await focused(alice)).text).toBe(`Saved. ${B_NAME} is not told.`);
  const state = await control.locator('.keep-away-state').innerText();
  expect(state).toContain(`You block ${B_NAME}.`);
  expect(state).toContain('This lasts until you stop it.');
  await visited(alice);
  await pictures(alice, control, 'control-saved');

  // A finds it on the list, from Settings, by keyboard.
  await alice.goto(`${baseUrl}/settings`);
  await alice.getByRole('heading', { level: 1 }).waitFor();
  await tabTo(alice, (el) => el.tag === 'a' && el.text === 'Mute, ignore and block');
  await alice.keyboard.press('Enter');
  await alice.waitForURL(`${baseUrl}/settings/blocks`);
  const item = alice.locator('.blocks-list .blocks-item', { hasText: B_NAME });
  await item.waitFor();
  expect(await item.innerText()).toContain(`${B_NAME}: Blocked. For good.`);
  await visited(alice);

  // A opens the topic: B's reply is folded away, with the reason in words, and "Show it".
  await alice.goto(`${baseUrl}/forum/t/${topicId}`);
  await alice.getByRole('heading', { level: 1 }).waitFor();
  const folded = alice.locator('.replies .post-folded', { hasText: B_NAME });
  await folded.waitFor();
  expect(await folded.innerText()).toContain('Hidden because you ignore this person.');
  expect(await folded.innerText()).not.toContain(B_FIRST);
  await visited(alice);
  await pictures(alice, folded, 'folded-post');
  await tabTo(alice, (el) => el.tag === 'button' && el.text === 'Show it');
  await alice.keyboard.press('Enter');
  const shown = alice.locator('.replies .post', { hasText: B_FIRST });
  await shown.waitFor();
  expect(await alice.locator('.replies .post-folded').count()).toBe(0);
  // Focus goes to the post that took the note's place, so reading goes on there.
  await expect
    .poll(() => alice.evaluate(() => document.activeElement?.tagName.toLowerCase()))
    .toBe('article');
  await visited(alice);

  // B opens A's topic and writes a reply, by keyboard: it is refused in neutral words.
  track(ben);
  await ben.goto(`${baseUrl}/forum/t/${topicId}`);
  await ben.getByRole('heading', { level: 1 }).waitFor();
  await tabTo(ben, (el) => el.tag === 'a' && el.text === 'Write a reply');
  await ben.keyboard.press('Enter');
  await expect
    .poll(() => ben.evaluate(() => document.activeElement?.getAttribute('name')))
    .toBe('body');
  await ben.keyboard.type(B_SECOND);
  await tabTo(ben, (el) => el.tag === 'button' && el.text === 'Post my reply');
  await ben.keyboard.press('Enter');
  const problem = ben.locator(`${reply} .send-problem`);
  await problem.waitFor({ timeout: 10_000 });
  expect(await problem.innerText()).toContain('You cannot reply here.');
  expect(await problem.innerText()).toContain('What you typed is kept.');
  expect(await ben.locator(bodyBox).inputValue()).toBe(B_SECOND);
  // Never told why: no word on the page speaks of blocking.
  expect(await ben.locator('body').innerText()).not.toMatch(/block/i);
  await visited(ben);
  await pictures(ben, ben.locator(reply), 'reply-refused');

  // A looks again: nothing new from B.
  track(alice);
  await alice.reload();
  await alice.getByRole('heading', { level: 1 }).waitFor();
  await alice.waitForLoadState('networkidle');
  expect(await alice.locator('.replies .post, .replies .post-folded').count()).toBe(1);
  expect(await alice.locator('main').innerText()).not.toContain(B_SECOND);
  const { replies } = await callApi<{ replies: { bodyHtml: string }[] }>(
    alice,
    baseUrl,
    'GET',
    `/forum/topics/${topicId}`,
  );
  expect(replies).toHaveLength(1);
  expect(replies.some((r) => r.bodyHtml.includes('only want to talk'))).toBe(false);
});
