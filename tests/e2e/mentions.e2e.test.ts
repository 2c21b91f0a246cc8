import { randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { checkPage, tabTo } from './support/browser';
import { callApi, signInAs } from './support/forum';
import { browserPages } from './support/pages';
import { signUpAndSignIn } from './support/people';

/**
 * Naming someone in a reply, by keyboard alone: "@" and a few letters open a list of
 * members under the box, Down and Enter pick one, and the reply links to them. Focus
 * never leaves the box, Escape closes the list, and nothing typed is lost.
 */

const baseUrl = inject('baseUrl');
const { newPage, visited } = browserPages('mentions');

const replyBox = '#write-reply textarea[name="body"]';

/** Where focus is, and the text box's side of the combobox. */
const box = (page: Page) =>
  page.evaluate((selector) => {
    const el = document.querySelector<HTMLTextAreaElement>(selector);
    return {
      focused: document.activeElement === el,
      value: el?.value ?? '',
      caret: el?.selectionStart ?? -1,
      autocomplete: el?.getAttribute('aria-autocomplete') ?? null,
      controls: el?.getAttribute('aria-controls') ?? null,
      activeDescendant: el?.getAttribute('aria-activedescendant') ?? null,
    };
  }, replyBox);

it('names a member in a reply with @, Down and Enter, and the reply links to them', async () => {
  // Someone to name, with a name nobody else has in this run.
  const named = `Ottoline Marchbanks-${randomBytes(2).toString('hex')}`;
  const theirs = await newPage();
  await signUpAndSignIn(theirs, baseUrl, named);
  const { user } = await callApi<{ user: { id: string } }>(theirs, baseUrl, 'GET', '/me');

  const page = await newPage();
  await signInAs(page, baseUrl, 'Siobhan');
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const daily = categories.find((c) => c.slug === 'daily-life')!.id;
  const topic = await callApi<{ id: string }>(page, baseUrl, 'POST', '/forum/topics', {
    categoryId: daily,
    title: 'Who helped you most this week?',
    body: 'I would like to thank someone.',
    idempotencyKey: randomUUID(),
  });
  await page.goto(`${baseUrl}/forum/t/${topic.id}`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Who helped you most this week?');
  await visited(page);

  // To the reply box by keyboard.
  await tabTo(page, (el) => el.text === 'Write a reply' && el.tag === 'a');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await box(page)).focused).toBe(true);
  expect((await box(page)).autocomplete).toBe('list');

  // One letter after "@" is not enough to look.
  await page.keyboard.type('Thank you @O');
  await page.waitForTimeout(600);
  expect(await page.getByRole('listbox').count()).toBe(0);

  // Escape closes the list and keeps every letter; the box keeps focus.
  await page.keyboard.type('tt');
  const list = page.getByRole('listbox', { name: 'Members with this name' });
  await expect.poll(() => list.count()).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => list.count()).toBe(0);
  expect(await box(page)).toMatchObject({ focused: true, value: 'Thank you @Ott' });
  // Typing on in that word leaves it closed.
  await page.keyboard.type('o');
  await page.waitForTimeout(600);
  expect(await list.count()).toBe(0);

  // A new "@" word opens it again.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('@Ottol');
  await expect.poll(() => list.count()).toBe(1);
  const options = list.getByRole('option');
  await expect.poll(() => options.allTextContents()).toEqual([named]);
  expect(await options.first().getAttribute('aria-selected')).toBe('false');
  // A screen reader hears how many, politely; the box says what it controls.
  const status = page.locator('#write-reply [role="status"]', { hasText: 'found' });
  await expect
    .poll(() => status.textContent())
    .toBe('1 member found. Press the Down arrow to choose, then Enter.');
  const listId = await list.getAttribute('id');
  expect(await box(page)).toMatchObject({
    focused: true,
    controls: listId,
    activeDescendant: null,
  });
  // The list is open: every page rule holds, axe-core included.
  await checkPage(page);

  // Down chooses the name (focus stays in the box); Enter puts it in.
  await page.keyboard.press('ArrowDown');
  const optionId = await options.first().getAttribute('id');
  await expect.poll(async () => (await box(page)).activeDescendant).toBe(optionId);
  expect(await options.first().getAttribute('aria-selected')).toBe('true');
  expect((await box(page)).focused).toBe(true);
  await checkPage(page);
  await page.keyboard.press('Enter');
  const mention = `[@${named}](/members/${user.id})`;
  await expect.poll(async () => (await box(page)).value).toBe(`Thank you ${mention} `);
  const after = await box(page);
  expect(after).toMatchObject({ focused: true, controls: null, activeDescendant: null });
  expect(after.caret).toBe(after.value.length);
  expect(await list.count()).toBe(0);
  await page.keyboard.type('for the tip.');
  expect((await box(page)).value).toBe(`Thank you ${mention} for the tip.`);

  // The preview shows the link as the name.
  await tabTo(page, (el) => el.text === 'See how it will look');
  await page.keyboard.press('Enter');
  const previewLink = page.locator('#write-reply .preview a');
  await expect.poll(() => previewLink.textContent()).toBe(`@${named}`);
  expect(await previewLink.getAttribute('href')).toBe(`/members/${user.id}`);

  // Sent by keyboard: the reply links to the member, by name.
  await tabTo(page, (el) => el.text === 'Post my reply');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator('.composer .notice').textContent())
    .toBe('Your reply is posted. Thank you.');
  const link = page.locator('.replies .post-body a', { hasText: `@${named}` });
  await expect.poll(() => link.count()).toBe(1);
  expect(await link.getAttribute('href')).toBe(`/members/${user.id}`);
  expect((await page.locator('.replies .post-body').last().textContent())?.trim()).toBe(
    `Thank you @${named} for the tip.`,
  );
  await visited(page);
});

it('picks a name by a tap too, and the box keeps focus and every other letter', async () => {
  const named = `Ottoline Quayle-${randomBytes(2).toString('hex')}`;
  const theirs = await newPage();
  await signUpAndSignIn(theirs, baseUrl, named);
  const { user } = await callApi<{ user: { id: string } }>(theirs, baseUrl, 'GET', '/me');

  const page = await newPage();
  await signInAs(page, baseUrl, 'Siobhan');
  await page.goto(`${baseUrl}/forum/new?category=daily-life`);
  const body = page.locator('.composer textarea[name="body"]');
  await expect.poll(() => body.count()).toBe(1);
  await body.click();
  await page.keyboard.type('Hello @quay and welcome.');
  // Back into the word: the list follows the caret.
  for (let i = 0; i < ' and welcome.'.length; i++) await page.keyboard.press('ArrowLeft');
  const option = page.getByRole('option', { name: named });
  await expect.poll(() => option.count()).toBe(1);
  await option.click();
  const mention = `[@${named}](/members/${user.id})`;
  await expect.poll(() => body.inputValue()).toBe(`Hello ${mention} and welcome.`);
  expect(await body.evaluate((el) => document.activeElement === el)).toBe(true);
  expect(await body.evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(
    `Hello ${mention} `.length,
  );
});
