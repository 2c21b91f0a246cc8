import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { tabTo } from './support/browser';
import { callApi } from './support/forum';
import { browserPages } from './support/pages';
import { signUpAndSignIn } from './support/people';

/**
 * Notifications in the app (issue 10 parts 2, 4 and 5), tried as new members would: another
 * member replies, a screen reader hears it, the Home button says so in words, and the
 * notification leads to the reply. Choices are made by keyboard and kept after a reload.
 */

const baseUrl = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/notifications';
mkdirSync(SHOTS, { recursive: true });

const { newPage, tablet, visited, track } = browserPages('notifications');

const press = (page: Page, key: string) => page.keyboard.press(key);
const liveRegion = (page: Page) => page.locator('#new-notifications');
const homeButton = (page: Page) => page.locator('.main-nav a[href="/"]');
const h1 = (page: Page) => page.locator('h1').first().textContent();

/** The person comes back to the window, as after reading something else for a while. */
const comeBack = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));

/** Text at 200%: the root font twice the standard 18 px. */
async function textAt200(page: Page) {
  await page.evaluate(() =>
    document.documentElement.style.setProperty('font-size', '36px', 'important'),
  );
}

/** The whole page at 1280 px and at 768 px, and the first screen at 768 px with 200% text. */
async function photograph(page: Page, name: string) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: `${SHOTS}/${name}-768.png`, fullPage: true });
  await textAt200(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}-768-text200.png` });
  await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
  await page.setViewportSize(size);
}

/** The calm "Saved." line of one part of the settings page. */
const savedLine = (page: Page, heading: string) =>
  page
    .locator('section.settings-section')
    .filter({ has: page.getByRole('heading', { name: heading }) })
    .locator('.save-status')
    .first();

it('a reply is heard, counted on Home in words, and leads to itself; choices made by keyboard are kept; the email link stops emails without signing in', async () => {
  const word = randomBytes(3).toString('hex').replace(/\d/g, 'q');
  const title = `Lids that will not turn ${word}`;

  // Two new members. A's browser is in London; it asks nothing about push on its own.
  const pageA = await newPage('en-GB', { timezoneId: 'Europe/London' });
  await pageA.context().addInitScript(() => {
    const w = window as unknown as { permissionAsked: number };
    w.permissionAsked = 0;
    if ('Notification' in window) {
      Notification.requestPermission = async () => {
        w.permissionAsked += 1;
        return 'denied';
      };
    }
  });
  const emailA = await signUpAndSignIn(pageA, baseUrl, 'Ada Lids', { prefix: 'notify' });
  const pageB = await newPage();
  await signUpAndSignIn(pageB, baseUrl, 'Ben Glove', { prefix: 'notify' });
  track(pageA);

  // A starts a topic, then goes on to another page of the app.
  await pageA.goto(`${baseUrl}/forum/new?category=daily-life`);
  await pageA.getByLabel('Title').fill(title);
  await pageA.getByLabel('Your words').fill('My hand is weak. How do you open jars?');
  await pageA.getByRole('button', { name: 'Post my topic' }).click();
  await pageA.waitForURL(/\/forum\/t\/[0-9a-f-]{36}$/);
  const topicId = pageA.url().split('/').at(-1)!;
  await pageA.getByRole('link', { name: 'Groups', exact: true }).click();
  await pageA.waitForURL(`${baseUrl}/groups`);
  await visited(pageA);
  expect(await liveRegion(pageA).textContent()).toBe('');
  expect(await homeButton(pageA).innerText()).toBe('Home');

  // B replies. When A comes back to the window, a screen reader hears it, politely.
  expect(await liveRegion(pageA).getAttribute('aria-live')).toBe('polite');
  const reply = await callApi<{ id: string }>(
    pageB,
    baseUrl,
    'POST',
    `/forum/topics/${topicId}/replies`,
    {
      body: 'I put on a rubber glove. It helps me grip the lid.',
      idempotencyKey: randomUUID(),
    },
  );
  const replyWords = `Ben Glove replied to your topic “${title}”.`;
  await comeBack(pageA);
  await expect
    .poll(() => liveRegion(pageA).textContent(), { timeout: 10_000 })
    .toBe(`New notification. ${replyWords}`);
  await expect.poll(() => homeButton(pageA).innerText()).toMatch(/^Home\s+1 new$/);

  // The reply sent A one email, with a link that stops such emails.
  let stopLink = '';
  await expect
    .poll(
      async () => {
        const outbox = (await (await pageA.request.get(`${baseUrl}/api/dev/outbox`)).json()) as {
          messages: { to: string; text: string }[];
        };
        const mails = outbox.messages.filter((m) => m.to === emailA && m.text.includes(title));
        stopLink = /\/unsubscribe\/[A-Za-z0-9._-]+/.exec(mails[0]?.text ?? '')?.[0] ?? '';
        return mails.length;
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBe(1);
  expect(stopLink).not.toBe('');

  // By keyboard only: Home, then the notifications, then the reply itself.
  await pageA.locator('h1').focus();
  await tabTo(pageA, (el) => el.text.startsWith('Home'));
  await press(pageA, 'Enter');
  await pageA.waitForURL(`${baseUrl}/`);
  await expect.poll(() => h1(pageA)).toBe('Hello, Ada Lids');
  await visited(pageA);
  await tabTo(pageA, (el) => el.text.startsWith('Your notifications'));
  expect(await pageA.evaluate(() => document.activeElement?.textContent)).toBe(
    'Your notifications 1 new',
  );
  await press(pageA, 'Enter');
  await pageA.waitForURL(`${baseUrl}/notifications`);
  await expect.poll(() => h1(pageA)).toBe('Your notifications');
  const item = pageA.locator('.notification-item').first();
  await expect.poll(() => item.locator('.notification-link').textContent()).toBe(replyWords);
  expect(await item.locator('.notification-new').textContent()).toBe('New');
  await visited(pageA);
  await photograph(pageA, 'notifications');
  await tabTo(pageA, (el) => el.text === replyWords);
  await press(pageA, 'Enter');
  await pageA.waitForURL(`${baseUrl}/forum/t/${topicId}#post-${reply.id}`);
  await expect
    .poll(() => pageA.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
    .toBe(`post-${reply.id}`);
  const inView = await pageA.locator(`#post-${reply.id}`).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
  });
  expect(inView, 'the reply is on the screen').toBe(true);
  // Following it marked it read.
  await expect.poll(() => homeButton(pageA).innerText()).toBe('Home');
  await visited(pageA);

  // A reload is a first load: nothing old is announced again.
  await pageA.reload();
  await pageA.waitForLoadState('networkidle');
  expect(await liveRegion(pageA).textContent()).toBe('');

  // B sends strength; A hears it on the topic page and marks it read from the list, by keyboard.
  await callApi(pageB, baseUrl, 'PUT', `/forum/posts/topic/${topicId}/reactions/sending_strength`);
  const strength = `Ben Glove sent you strength in “${title}”.`;
  await comeBack(pageA);
  await expect
    .poll(() => liveRegion(pageA).textContent(), { timeout: 10_000 })
    .toBe(`New notification. ${strength}`);
  await expect.poll(() => homeButton(pageA).innerText()).toMatch(/^Home\s+1 new$/);
  // Calm mode (low stimulus) shows no count at all.
  await callApi(pageA, baseUrl, 'PATCH', '/me/preferences', { lowStimulus: true });
  await pageA.reload();
  await pageA.waitForLoadState('networkidle');
  expect(await homeButton(pageA).innerText()).toBe('Home');
  expect(await pageA.locator('.nav-count').count()).toBe(0);
  await callApi(pageA, baseUrl, 'PATCH', '/me/preferences', { lowStimulus: false });
  await pageA.goto(`${baseUrl}/notifications`);
  await expect.poll(() => pageA.locator('.notification-item').count()).toBe(2);
  const strengthItem = pageA.locator('.notification-item').first();
  expect(await strengthItem.locator('.notification-link').textContent()).toBe(strength);
  expect(
    await pageA.locator('.notification-item').nth(1).locator('.notification-new').count(),
  ).toBe(0);
  await pageA.locator('h1').focus();
  await tabTo(pageA, (el) => el.text === 'Mark as read');
  await press(pageA, 'Enter');
  await expect.poll(() => strengthItem.locator('.notification-new').count()).toBe(0);
  // Focus stays with the item that was marked.
  expect(await pageA.evaluate(() => document.activeElement?.textContent)).toBe(strength);
  await expect.poll(() => homeButton(pageA).innerText()).toBe('Home');
  await visited(pageA);

  // Choices, by keyboard only: from Reading settings to the notification settings.
  await pageA.goto(`${baseUrl}/settings`);
  await pageA.locator('h1').focus();
  await tabTo(pageA, (el) => el.text === 'Notification settings');
  await press(pageA, 'Enter');
  await pageA.waitForURL(`${baseUrl}/settings/notifications`);
  await expect.poll(() => h1(pageA)).toBe('Notification settings');
  await visited(pageA);
  expect(
    await pageA.evaluate(() => (window as never as { permissionAsked: number }).permissionAsked),
  ).toBe(0);

  // A tick: kind reactions, by email.
  const reactionEmail = pageA.locator('input[name="reaction-email"]');
  expect(await reactionEmail.isChecked()).toBe(false);
  await tabTo(pageA, (el) => el.name === 'reaction-email');
  await press(pageA, 'Space');
  await expect.poll(() => savedLine(pageA, 'What you hear about').textContent()).toBe('Saved.');
  // Emails once a day.
  await tabTo(pageA, (el) => el.tag === 'input' && el.name === 'emailMode');
  await press(pageA, 'ArrowDown');
  await expect.poll(() => savedLine(pageA, 'Emails').textContent()).toBe('Saved.');
  // Quiet hours from 22:00 until 07:00.
  await tabTo(pageA, (el) => el.name === 'quietOn');
  await press(pageA, 'Space');
  await expect.poll(() => pageA.locator('input[name="quietFrom"]').count()).toBe(1);
  // They start at 21:00 until 08:00; one arrow on the hour moves each, whether the browser
  // shows the time as 21:00 or as 9:00 PM.
  expect(await pageA.locator('input[name="quietFrom"]').inputValue()).toBe('21:00');
  await tabTo(pageA, (el) => el.name === 'quietFrom');
  await press(pageA, 'ArrowUp');
  await tabTo(pageA, (el) => el.name === 'quietUntil');
  await press(pageA, 'ArrowDown');
  await tabTo(pageA, (el) => el.name === 'timeZone');
  await expect
    .poll(() =>
      callApi<{ quietHours: unknown; emailMode: string; timeZone: string }>(
        pageA,
        baseUrl,
        'GET',
        '/notifications/settings',
      ),
    )
    .toMatchObject({
      quietHours: { from: '22:00', until: '07:00' },
      emailMode: 'daily',
      timeZone: 'Europe/London',
    });
  await expect.poll(() => savedLine(pageA, 'Quiet hours').textContent()).toBe('Saved.');
  // A week's pause, in one press, and its end.
  await tabTo(pageA, (el) => el.text === 'Pause everything for a week');
  await press(pageA, 'Enter');
  await expect
    .poll(() =>
      pageA.locator('section.settings-section', { hasText: 'Take a break' }).textContent(),
    )
    .toContain('Everything is paused until');
  expect(await pageA.evaluate(() => document.activeElement?.textContent)).toBe('End the pause');
  await press(pageA, 'Enter');
  await expect
    .poll(() => pageA.evaluate(() => document.activeElement?.textContent))
    .toBe('Pause everything for a week');

  // Push is asked for only on the press of its button; a browser that says no is told in words.
  await tabTo(pageA, (el) => el.text === 'Turn on push on this device');
  await press(pageA, 'Enter');
  await expect
    .poll(() =>
      pageA.locator('section.settings-section', { hasText: 'Push on this device' }).textContent(),
    )
    .toContain('Push is still off. Your browser did not allow it.');
  expect(
    await pageA.evaluate(() => (window as never as { permissionAsked: number }).permissionAsked),
  ).toBe(1);
  await visited(pageA);
  await photograph(pageA, 'notification-settings');

  // With "Tell my screen reader" off, a new one is counted but not announced.
  await pageA.locator('h1').focus();
  await tabTo(pageA, (el) => el.name === 'announce');
  await press(pageA, 'Space');
  await expect.poll(() => savedLine(pageA, 'Screen readers').textContent()).toBe('Saved.');
  await callApi(pageB, baseUrl, 'PUT', `/forum/posts/topic/${topicId}/reactions/thank_you`);
  await comeBack(pageA);
  await expect
    .poll(() => homeButton(pageA).innerText(), { timeout: 10_000 })
    .toMatch(/^Home\s+1 new$/);
  expect(await liveRegion(pageA).textContent()).toBe('');

  // After a reload, every choice is still there.
  await pageA.reload();
  await expect.poll(() => pageA.locator('input[name="reaction-email"]').count()).toBe(1);
  expect(await pageA.locator('input[name="reaction-email"]').isChecked()).toBe(true);
  expect(await pageA.locator('input[name="emailMode"][value="daily"]').isChecked()).toBe(true);
  expect(await pageA.locator('input[name="quietOn"]').isChecked()).toBe(true);
  expect(await pageA.locator('input[name="quietFrom"]').inputValue()).toBe('22:00');
  expect(await pageA.locator('input[name="quietUntil"]').inputValue()).toBe('07:00');
  expect(await pageA.locator('select[name="timeZone"]').inputValue()).toBe('Europe/London');
  expect(await pageA.locator('input[name="reply-email"]').isChecked()).toBe(true);
  expect(await pageA.locator('input[name="announce"]').isChecked()).toBe(false);

  // The email's link, opened on a tablet where nobody is signed in, stops reply emails.
  const stranger = await tablet();
  await stranger.goto(`${baseUrl}${stopLink}`);
  await expect.poll(() => h1(stranger)).toBe('Stop emails');
  await expect
    .poll(() => stranger.locator('main').textContent())
    .toContain('Emails about replies to you');
  await visited(stranger);
  await stranger.getByRole('button', { name: 'Stop these emails' }).click();
  await expect
    .poll(() => stranger.locator('main').textContent())
    .toContain('Done. We will not send you these any more:');
  await expect
    .poll(() => stranger.getByRole('link', { name: 'Sign in to change your choices' }).count())
    .toBe(1);
  await visited(stranger);
  // A link we never made says so in plain words.
  await stranger.goto(`${baseUrl}/unsubscribe/not-a-link-we-made`);
  await expect
    .poll(() => stranger.locator('main').textContent())
    .toContain('This link does not work.');
  await visited(stranger);

  await pageA.reload();
  await expect.poll(() => pageA.locator('input[name="reply-email"]').count()).toBe(1);
  expect(await pageA.locator('input[name="reply-email"]').isChecked()).toBe(false);
});

it('a notification about the 60th reply leads to it on the second page, with the earlier replies a button away', async () => {
  const word = randomBytes(3).toString('hex').replace(/\d/g, 'q');
  const title = `Long talk about stairs ${word}`;
  const pageA = await newPage();
  await signUpAndSignIn(pageA, baseUrl, 'Ada Stairs', { prefix: 'deeplink' });
  const pageB = await newPage();
  await signUpAndSignIn(pageB, baseUrl, 'Ben Rail', { prefix: 'deeplink' });
  track(pageA);

  // A's topic holds 59 replies of her own (nobody is told of those), then B writes the 60th.
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    pageA,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const daily = categories.find((c) => c.slug === 'daily-life')!;
  const { id: topicId } = await callApi<{ id: string }>(pageA, baseUrl, 'POST', '/forum/topics', {
    categoryId: daily.id,
    title,
    body: 'Our stairs have no rail. What helps you?',
    idempotencyKey: randomUUID(),
  });
  const own: string[] = [];
  for (let n = 1; n < 60; n++) {
    const note = await callApi<{ id: string }>(
      pageA,
      baseUrl,
      'POST',
      `/forum/topics/${topicId}/replies`,
      { body: `Note number ${n} about the stairs.`, idempotencyKey: randomUUID() },
    );
    own.push(note.id);
  }
  const reply = await callApi<{ id: string }>(
    pageB,
    baseUrl,
    'POST',
    `/forum/topics/${topicId}/replies`,
    { body: 'We had a second rail put in. It helps a lot.', idempotencyKey: randomUUID() },
  );

  await pageA.goto(`${baseUrl}/notifications`);
  const replyWords = `Ben Rail replied to your topic “${title}”.`;
  const link = pageA.locator('.notification-link', { hasText: replyWords });
  await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
  await link.click();
  await pageA.waitForURL(`${baseUrl}/forum/t/${topicId}#post-${reply.id}`);

  // The page that holds it came in place of the first one, and the reply has focus, on screen.
  await expect
    .poll(() => pageA.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
    .toBe(`post-${reply.id}`);
  const inView = await pageA.locator(`#post-${reply.id}`).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
  });
  expect(inView, 'the reply is on the screen').toBe(true);
  expect(await pageA.locator('.replies > li').count()).toBe(10);
  expect(await pageA.locator('.replies').getAttribute('start')).toBe('51');
  await visited(pageA);

  // The earlier replies are one button away; focus goes to the first of them.
  const earlier = pageA.getByRole('button', { name: 'Show earlier replies (page 1)' });
  await earlier.click();
  await expect.poll(() => pageA.locator('.replies > li').count()).toBe(60);
  expect(await earlier.count()).toBe(0);
  await expect.poll(() => pageA.evaluate(() => document.activeElement?.id)).toBe(`post-${own[0]}`);
  await visited(pageA);
});
