import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { tabTo } from './support/browser';
import { callApi, signInAs } from './support/forum';
import { browserPages } from './support/pages';
import { signUpAndSignIn } from './support/people';

/**
 * Issue 11 part 5, by keyboard alone: a moderator edits a post's words with a reason (the
 * form starts from the words as written) and the topic page says "Changed by a moderator";
 * a suspended person, who cannot sign in, appeals from the link in their mail.
 */

const baseUrl = inject('baseUrl');
const { newPage, visited, track } = browserPages('moderation-edit');
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/moderation-edit';
mkdirSync(SHOTS, { recursive: true });

const press = (page: Page, key: string) => page.keyboard.press(key);
const mainText = (page: Page) => page.locator('main').textContent();
const focusedText = (page: Page) =>
  page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

/** What a moderator and a person see: at 1280 px, and with text at 200% (640 px at 2x). */
async function shoot(page: Page, name: string) {
  const size = page.viewportSize() ?? { width: 1024, height: 900 };
  for (const [label, width, height, zoom] of [
    ['1280', 1280, 900, 1],
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

type Queue = { items: { id: string; subject: { id: string } }[] };

/** The open case about this subject, once the report reached the queue. */
async function caseAbout(moderator: Page, subjectId: string): Promise<string> {
  let caseId = '';
  await expect
    .poll(async () => {
      const queue = await callApi<Queue>(moderator, baseUrl, 'GET', '/moderation/queue');
      caseId = queue.items.find((i) => i.subject.id === subjectId)?.id ?? '';
      return caseId;
    })
    .not.toBe('');
  return caseId;
}

it('a moderator edits the words with a reason; the topic page says a moderator changed it', async () => {
  const writer = await newPage();
  const reporter = await newPage();
  const moderator = await newPage();
  await signUpAndSignIn(writer, baseUrl, 'Wyn Writer');
  await signInAs(reporter, baseUrl, 'Declan');
  await signInAs(moderator, baseUrl, 'Ivy (moderator)');

  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    writer,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const categoryId = categories.find((c) => c.slug === 'daily-life')!.id;
  const { topicId } = await callApi<{ topicId: string }>(writer, baseUrl, 'POST', '/forum/topics', {
    categoryId,
    title: 'Lifts to the Tuesday group',
    body: 'Does anyone drive past the library?',
    idempotencyKey: crypto.randomUUID(),
  });
  const words = 'I can give a lift. Ring me on 07700 900123 after six.';
  const { id: replyId } = await callApi<{ id: string }>(
    writer,
    baseUrl,
    'POST',
    `/forum/topics/${topicId}/replies`,
    { body: words, idempotencyKey: crypto.randomUUID() },
  );
  await callApi(reporter, baseUrl, 'POST', '/reports', {
    subject: { kind: 'reply', id: replyId },
    reason: 'private_details',
  });
  const caseId = await caseAbout(moderator, replyId);

  track(moderator);
  await moderator.goto(`${baseUrl}/moderation/cases/${caseId}`);
  await expect.poll(() => moderator.locator('h1').textContent()).toContain('A case:');
  await tabTo(moderator, (el) => el.text === 'Claim this case');
  await press(moderator, 'Enter');
  await expect
    .poll(() => focusedText(moderator))
    .toBe('You claimed this case. No one else can act on it now.');

  // "Edit the words": the form opens on its title, with the words as written.
  await tabTo(moderator, (el) => el.text.startsWith('Edit the words'));
  await press(moderator, 'Enter');
  await expect.poll(() => focusedText(moderator)).toBe('You chose: Edit the words');
  await tabTo(moderator, (el) => el.label.startsWith('The new words'));
  expect(
    await moderator.evaluate(() => (document.activeElement as HTMLTextAreaElement).value),
  ).toBe(words);
  await press(moderator, 'Control+A');
  await moderator.keyboard.type('I can give a lift. Please send me a private message.');
  // Without a reason, it says so, and focus goes to the first reason.
  await tabTo(moderator, (el) => el.text === 'Do this');
  await press(moderator, 'Enter');
  await expect.poll(() => mainText(moderator)).toContain('Please choose why.');
  await visited(moderator);
  await shoot(moderator, 'case-edit');
  // The fifth reason: "It shared private details".
  for (let i = 0; i < 4; i++) await press(moderator, 'ArrowDown');
  await tabTo(moderator, (el) => el.text === 'Do this');
  await press(moderator, 'Enter');
  await expect
    .poll(() => focusedText(moderator))
    .toContain('Done: Edit the words. Why: it shared private details. The case is closed.');
  expect(await mainText(moderator)).toContain('Please send me a private message.');
  await visited(moderator);
  await shoot(moderator, 'case-edited');

  // Everyone reads the new words, and that a moderator changed them.
  track(reporter);
  await reporter.goto(`${baseUrl}/forum/t/${topicId}`);
  await expect.poll(() => reporter.locator('h1').textContent()).toBe('Lifts to the Tuesday group');
  await expect.poll(() => mainText(reporter)).toContain('Please send me a private message.');
  const page = await mainText(reporter);
  expect(page).toContain('Changed by a moderator');
  expect(page).not.toContain('07700');
  await visited(reporter);
  await shoot(reporter, 'topic-changed');

  // The writer is told why, and the notice leads to the decision, where they may appeal.
  track(writer);
  let link = '';
  await expect
    .poll(async () => {
      const { items } = await callApi<{ items: { kind: string; link: string }[] }>(
        writer,
        baseUrl,
        'GET',
        '/notifications',
      );
      link = items.find((n) => n.kind === 'moderation_outcome')?.link ?? '';
      return link;
    })
    .toMatch(/^\/moderation\/decisions\//);
  await writer.goto(`${baseUrl}${link}`);
  await expect
    .poll(() => mainText(writer))
    .toContain('A moderator changed the words of one of your posts.');
  expect(await mainText(writer)).toContain('The reason: it shared private details.');
  await tabTo(writer, (el) => el.label.startsWith('Your words'));
  await writer.keyboard.type('It was my own number and I wanted to share it.');
  await tabTo(writer, (el) => el.text === 'Send');
  await press(writer, 'Enter');
  await expect
    .poll(() => focusedText(writer))
    .toBe('Thank you. We have your words. A different moderator will look at it again.');
  await visited(writer);
});

it('a suspended person appeals from the mailed link, without signing in', async () => {
  const person = await newPage();
  const reporter = await newPage();
  const moderator = await newPage();
  const email = await signUpAndSignIn(person, baseUrl, 'Sunny Paused');
  const { user } = await callApi<{ user: { id: string } }>(person, baseUrl, 'GET', '/me');
  await signInAs(reporter, baseUrl, 'Declan');
  await signInAs(moderator, baseUrl, 'Ivy (moderator)');
  await callApi(reporter, baseUrl, 'POST', '/reports', {
    subject: { kind: 'profile', id: user.id },
    reason: 'spam',
  });
  const caseId = await caseAbout(moderator, user.id);
  await callApi(moderator, baseUrl, 'POST', `/moderation/cases/${caseId}/claim`);
  await callApi(moderator, baseUrl, 'POST', `/moderation/cases/${caseId}/actions`, {
    action: 'suspend',
    reason: 'spam',
    days: 7,
  });

  // The mail: what, why, and the link.
  let link = '';
  await expect
    .poll(
      async () => {
        const outbox = (await (await person.request.get(`${baseUrl}/api/dev/outbox`)).json()) as {
          messages: { to: string; text: string }[];
        };
        const mail = outbox.messages.find((m) => m.to === email && m.text.includes('/appeal#'));
        link = /(http\S+\/appeal#token=[A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1] ?? '';
        return link;
      },
      { timeout: 5_000, interval: 50 },
    )
    .not.toBe('');

  // Opened in a browser nobody is signed in to: the decision, and the appeal.
  const fresh = await newPage();
  track(fresh);
  await fresh.goto(link);
  await expect.poll(() => fresh.locator('h1').textContent()).toBe('Ask for another look');
  await expect.poll(() => mainText(fresh)).toContain('A moderator paused your account.');
  expect(await mainText(fresh)).toContain('The reason: spam.');
  // The token leaves the address bar at once.
  expect(fresh.url()).toBe(`${baseUrl}/appeal`);
  await tabTo(fresh, (el) => el.text === 'Send');
  await press(fresh, 'Enter');
  await expect.poll(() => mainText(fresh)).toContain('Please write a few words.');
  await visited(fresh);
  await shoot(fresh, 'appeal');
  await fresh.keyboard.type('I was not selling anything. I shared where I buy my grab rails.');
  await tabTo(fresh, (el) => el.text === 'Send');
  await press(fresh, 'Enter');
  await expect
    .poll(() => focusedText(fresh))
    .toBe('Thank you. We have your words. A different moderator will look at it again.');
  await visited(fresh);
  await shoot(fresh, 'appeal-sent');

  // A reload of the tab shows the decision, already appealed.
  await fresh.reload();
  await expect
    .poll(() => mainText(fresh))
    .toContain('You asked for another look already. A different moderator will look at it.');
});
