import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { tabTo } from './support/browser';
import { browserPages } from './support/pages';
import { newEmail, requestSignUp } from './support/people';

const baseUrl = inject('baseUrl');
const pages = browserPages('me-page');
// Set SHOTS_DIR to keep pictures of every part at 1280 px, 768 px and 200% zoom (640 px).
const shotsDir = process.env.SHOTS_DIR;

const press = (page: Page, key: string) => page.keyboard.press(key);
// Saves wait for a pause in typing, and the machine may be busy.
const slow = { timeout: 15_000 };

/** Links already followed: each works once, and the next one may take a moment to come. */
const followed = new Set<string>();

/** The newest sign-in link the dev outbox holds for this email, not followed before. */
async function mailLink(page: Page, email: string) {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const res = await page.request.get(`${baseUrl}/api/dev/outbox`);
      const { messages } = (await res.json()) as {
        messages: { to: string; text: string; createdAt: string }[];
      };
      const newest = messages
        .filter((m) => m.to === email)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      link = newest?.text.match(/https?:\/\/\S+/)?.[0];
      return link && !followed.has(link) ? link : '';
    }, slow)
    .toContain('/sign-in/link');
  followed.add(link as string);
  return link as string;
}

async function signInByEmail(page: Page, email: string) {
  await page.goto(await mailLink(page, email));
  await page.waitForURL(`${baseUrl}/`);
}

const profileNow = (page: Page) =>
  page.evaluate(() =>
    fetch('/api/me/profile').then(
      (r) =>
        r.json() as Promise<{
          about: string;
          experience: Record<string, unknown>;
          visibility: Record<string, string>;
          healthConsent: { given: boolean };
        }>,
    ),
  );

const aboutBox = (page: Page) => page.locator('textarea[name="about"]');
const aboutStatus = (page: Page) =>
  page.locator('div:has(> .field textarea[name="about"]) > .save-state');

async function shoot(page: Page, name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  const original = page.viewportSize();
  for (const [label, width, height] of [
    ['1280', 1280, 900],
    ['768', 768, 1024],
    ['zoom200', 640, 450],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(shotsDir, `${name}-${label}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

/** The story's drop-downs stand in one column: same left edge, each below the one before. */
async function expectOneColumn(page: Page, count: number) {
  const boxes = await page
    .locator('.me-questions select')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBe(count);
  for (const [i, box] of boxes.entries()) {
    expect(box.x, `drop-down ${i} starts where the first does`).toBe(boxes[0]?.x);
    if (i > 0) expect(box.y).toBeGreaterThan((boxes[i - 1]?.y ?? 0) + (boxes[i - 1]?.height ?? 0));
  }
}

/** Goes to a part of Me by keyboard: Tab to its link, then Enter. */
async function openByKeyboard(page: Page, linkText: RegExp, path: string) {
  await tabTo(page, (el) => el.tag === 'a' && linkText.test(el.text), 80);
  await press(page, 'Enter');
  await page.waitForURL(`${baseUrl}${path}`);
}

it('keeps every word typed in "about me" through leaving, reload, a failed save and signing in again, by keyboard at 768 px', async () => {
  const page = await pages.tablet();
  const email = newEmail('me');
  await requestSignUp(page, baseUrl, { email, displayName: 'Morgan' });
  await signInByEmail(page, email);

  // The overview: short, with a link to each part.
  await openByKeyboard(page, /^Me$/, '/me');
  await expect.poll(() => page.locator('.me-section-link').count(), slow).toBe(4);
  await pages.visited(page);
  await shoot(page, 'me-overview');

  await openByKeyboard(page, /^About me/, '/me/about');
  await expect.poll(() => aboutBox(page).count(), slow).toBe(1);
  await pages.visited(page);

  // 1. Type, then leave at once for another part: the words are saved, and Back shows them.
  const first = 'I like walking my dog.';
  await tabTo(page, (el) => el.name === 'about');
  await page.keyboard.type(first);
  await openByKeyboard(page, /^Next: My stroke story/, '/me/story');
  await page.goBack();
  await page.waitForURL(`${baseUrl}/me/about`);
  await expect.poll(() => aboutBox(page).inputValue(), slow).toBe(first);
  await expect.poll(async () => (await profileNow(page)).about, slow).toBe(first);

  // 2. Type, then reload at once: the words are still there, and reach the server.
  const second = `${first} Words are slow for me.`;
  await tabTo(page, (el) => el.name === 'about');
  await press(page, 'End');
  await page.keyboard.type(' Words are slow for me.');
  await page.reload();
  await expect.poll(() => aboutBox(page).inputValue(), slow).toBe(second);
  await expect.poll(async () => (await profileNow(page)).about, slow).toBe(second);

  // 3. A save that fails: the words stay, in the box and through a reload, and say so.
  await page.context().route(`${baseUrl}/api/me/profile`, (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Been There is busy.', status: 503 }),
        })
      : route.continue(),
  );
  const third = `${second} I use a stick.`;
  await tabTo(page, (el) => el.name === 'about');
  await press(page, 'End');
  await page.keyboard.type(' I use a stick.');
  await expect.poll(() => aboutStatus(page).textContent(), slow).toContain('Not saved yet.');
  await expect.poll(() => aboutStatus(page).textContent(), slow).toContain('kept on this device');
  expect(await aboutBox(page).inputValue()).toBe(third);
  // To another part and back: the words come from this device, still marked as not saved.
  await openByKeyboard(page, /^Next: My stroke story/, '/me/story');
  await page.goBack();
  await page.waitForURL(`${baseUrl}/me/about`);
  await expect.poll(() => aboutBox(page).inputValue(), slow).toBe(third);
  await expect.poll(() => aboutStatus(page).textContent(), slow).toContain('Not saved yet.');
  expect((await profileNow(page)).about).toBe(second);
  await pages.visited(page);
  // A reload while saves still fail keeps them too.
  await page.reload();
  await expect.poll(() => aboutBox(page).inputValue(), slow).toBe(third);
  // The connection is back: leaving the part sends what waited.
  await page.context().unroute(`${baseUrl}/api/me/profile`);
  await openByKeyboard(page, /^Back to Me$/, '/me');
  await expect.poll(async () => (await profileNow(page)).about, slow).toBe(third);

  // 4. The session ends while typing: the words wait on the device until the person is back.
  await openByKeyboard(page, /^About me/, '/me/about');
  await expect.poll(() => aboutBox(page).inputValue(), slow).toBe(third);
  await page.context().clearCookies();
  const fourth = `${third} Tea helps.`;
  await tabTo(page, (el) => el.name === 'about');
  await press(page, 'End');
  await page.keyboard.type(' Tea helps.');
  await expect.poll(() => aboutStatus(page).textContent(), slow).toContain('You are signed out.');
  await expect
    .poll(() => aboutStatus(page).locator('a').textContent(), slow)
    .toBe('Sign in again to save them');
  const link = await page.request.post(`${baseUrl}/api/auth/email-link`, {
    headers: { origin: baseUrl },
    data: { email },
  });
  expect(link.ok(), await link.text()).toBe(true);
  await signInByEmail(page, email);
  await openByKeyboard(page, /^Me$/, '/me');
  await openByKeyboard(page, /^About me/, '/me/about');
  await expect.poll(() => aboutBox(page).inputValue(), slow).toBe(fourth);
  await expect.poll(async () => (await profileNow(page)).about, slow).toBe(fourth);
  // Sent as soon as the person was back on a Me page: nothing says it is waiting any more.
  await expect.poll(() => aboutStatus(page).textContent(), slow).not.toContain('Not saved');
  await shoot(page, 'me-about');

  // The stroke story: consent first, then one drop-down per question, all in one column.
  await openByKeyboard(page, /^Next: My stroke story/, '/me/story');
  await pages.visited(page);
  await shoot(page, 'me-story-consent');
  await tabTo(page, (el) => el.text === 'Yes, I agree');
  await press(page, 'Enter');
  await expect.poll(() => page.locator('select[name="strokeYear"]').count(), slow).toBe(1);
  await expectOneColumn(page, 3);
  await pages.visited(page);
  await shoot(page, 'me-story');
  await openByKeyboard(page, /^Next: Life since my stroke/, '/me/story/now');
  await expect.poll(() => page.locator('select[name="aphasia"]').count(), slow).toBe(1);
  await expectOneColumn(page, 6);
  await tabTo(page, (el) => el.name === 'aphasia');
  await page.keyboard.type('Yes');
  await expect.poll(async () => (await profileNow(page)).experience.aphasia, slow).toBe('yes');
  await pages.visited(page);
  await shoot(page, 'me-story-now');

  // Who sees what: each choice saves at once, and the story says it in words.
  await tabTo(page, (el) => el.text === 'Choose who can see each answer');
  await press(page, 'Enter');
  await page.waitForURL(`${baseUrl}/me/who-sees`);
  await tabTo(page, (el) => el.name === 'visibility-aphasia');
  await page.keyboard.type('All');
  await expect.poll(async () => (await profileNow(page)).visibility.aphasia, slow).toBe('members');
  await pages.visited(page);
  await shoot(page, 'me-who-sees');
  await page.goBack();
  await page.waitForURL(`${baseUrl}/me/story/now`);
  await expect
    .poll(() => page.locator('#field-aphasia-help').textContent(), slow)
    .toBe('Who can see this: All members.');

  // Withdrawing consent still asks whether "about me" stays visible.
  await tabTo(page, (el) => el.text === 'Remove my health details');
  await press(page, 'Enter');
  await tabTo(page, (el) => el.text === 'No, only I can see them');
  await press(page, 'Enter');
  await expect
    .poll(() => page.locator('main').textContent(), slow)
    .toContain('Your health details are removed.');
  const withdrawn = await profileNow(page);
  expect(withdrawn.healthConsent.given).toBe(false);
  expect(withdrawn.experience.aphasia).toBeNull();
  expect(withdrawn.visibility.about).toBe('only_me');
  expect(withdrawn.about).toBe(fourth);

  // Sign-in and password: Save is the strong button; signing out is quiet and apart.
  await page.locator('h1').focus();
  await openByKeyboard(page, /^Back to Me$/, '/me');
  await openByKeyboard(page, /^Sign-in and password/, '/me/sign-in');
  await pages.visited(page);
  await shoot(page, 'me-sign-in');
  const look = (name: string) =>
    page.getByRole('button', { name, exact: true }).evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, weight: s.fontWeight };
    });
  const save = await look('Save password');
  const everywhere = await look('Sign out on all my devices');
  expect(everywhere.background).not.toBe(save.background);
  expect(everywhere.weight).not.toBe(save.weight);

  // Sign out, from the overview, in its own quiet place.
  await openByKeyboard(page, /^Back to Me$/, '/me');
  expect(
    await page.getByRole('button', { name: 'Sign out', exact: true }).getAttribute('class'),
  ).toContain('button-quiet');
  await tabTo(page, (el) => el.text === 'Sign out');
  await press(page, 'Enter');
  await page.waitForURL(`${baseUrl}/sign-in`);
  const after = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
  expect(after.user).toBeNull();
});
