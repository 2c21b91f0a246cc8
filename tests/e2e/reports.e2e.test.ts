import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { checkPage, tabTo } from './support/browser';
import { callApi, demoAccount, signInAs } from './support/forum';
import { browserPages } from './support/pages';

/**
 * "Report" and "I am worried about this person" (issue 11), by keyboard only: three members
 * report a reply with one tap each, and past the threshold (weight 3; the demo members are
 * trust level "basic", weight 1 each) it is held, so a fourth member no longer sees it. A
 * moderator hides it, and the reporters are told on /notifications. A member worried about
 * someone sends kind words from their profile, and that person sees them.
 */

const baseUrl = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/reports';
const { newPage, visited } = browserPages('reports');

const REPLY = 'Nobody wants to hear from people like you. Stop posting here.';
const THANKS = 'Thank you. A moderator will look at this. The person will not know it was you.';
const focusedText = (page: Page) =>
  page.evaluate(() => (document.activeElement?.textContent ?? '').trim());

/** A topic by one demo member with a reply by another, made through the API. */
async function topicWithReply(): Promise<{ topicId: string; replyId: string }> {
  const page = await newPage();
  await signInAs(page, baseUrl, 'Declan');
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const categoryId = categories.find((c) => c.slug === 'daily-life')!.id;
  const { topicId } = await callApi<{ topicId: string }>(page, baseUrl, 'POST', '/forum/topics', {
    categoryId,
    title: `Getting out of the house ${randomUUID().slice(0, 8)}`,
    body: 'What helps you get out of the house on a grey day?',
    idempotencyKey: randomUUID(),
  });
  const writer = await newPage();
  await signInAs(writer, baseUrl, 'Pat O');
  const { id: replyId } = await callApi<{ id: string }>(
    writer,
    baseUrl,
    'POST',
    `/forum/topics/${topicId}/replies`,
    { body: REPLY, idempotencyKey: randomUUID() },
  );
  await page.context().close();
  await writer.context().close();
  return { topicId, replyId };
}

/** Three pictures of what a person sees: 1280 px, 768 px, and text at 200% (640 px at 2x). */
async function shoot(page: Page, name: string, show: string) {
  mkdirSync(SHOTS, { recursive: true });
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
    await page.locator(show).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png` });
  }
  await page.evaluate(() => {
    document.documentElement.style.zoom = '';
  });
  await page.setViewportSize(size);
}

/** Opens the topic at the reply (the app puts focus on it) and tabs to its "Report". */
async function reportByKeyboard(
  page: Page,
  topicId: string,
  replyId: string,
  { first = false, said = THANKS }: { first?: boolean; said?: string } = {},
) {
  await page.goto(`${baseUrl}/forum/t/${topicId}#post-${replyId}`);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
    .toBe(`post-${replyId}`);
  await tabTo(page, (el) => el.tag === 'button' && el.text === 'Report');
  expect(
    await page.evaluate(() => document.activeElement?.closest('article')?.id),
    'the reply’s own Report button',
  ).toBe(`post-${replyId}`);
  await page.keyboard.press('Enter');
  const choice = page.locator(`#post-${replyId} .safety-choice`);
  await choice.waitFor();
  // The reasons come as pictures and words; the first takes focus, so one Enter sends it.
  await expect.poll(() => focusedText(page)).toMatch(/^Unkind/);
  const reasons = choice.locator('.safety-reason');
  expect(await reasons.count()).toBe(6);
  expect(await reasons.locator('svg.icon').count()).toBe(6);
  expect(await choice.innerText()).toContain('The person will not know it was you.');
  if (first) {
    await visited(page);
    await shoot(page, 'report-choice', `#post-${replyId} .safety-actions`);
    // Escape closes it and gives focus back to "Report"; Enter opens it again.
    await page.keyboard.press('Escape');
    expect(await choice.count()).toBe(0);
    expect(await focusedText(page)).toBe('Report');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toMatch(/^Unkind/);
  }
  await page.keyboard.press('Enter');
  // The server's words take focus, so the person knows it was sent.
  await expect.poll(() => focusedText(page)).toBe(said);
  expect(await choice.count()).toBe(0);
}

/** Every case in the moderator's queue, page by page. */
async function findCase(page: Page, subjectId: string): Promise<string> {
  let cursor: string | null = null;
  for (;;) {
    const path: string = cursor ? `/moderation/queue?cursor=${cursor}` : '/moderation/queue';
    const queue: {
      items: { id: string; reason: string; subject: { id: string } }[];
      nextCursor: string | null;
    } = await callApi(page, baseUrl, 'GET', path);
    const found = queue.items.find((c) => c.subject.id === subjectId && c.reason === 'report');
    if (found) return found.id;
    if (!queue.nextCursor) throw new Error(`no report case for ${subjectId}`);
    cursor = queue.nextCursor;
  }
}

it('three reports hold a reply; a moderator hides it; the reporters are told', async () => {
  const { topicId, replyId } = await topicWithReply();

  const reporters: Page[] = [];
  for (const [i, name] of ['Ruth', 'Marcus'].entries()) {
    const page = await newPage();
    await signInAs(page, baseUrl, name);
    await reportByKeyboard(page, topicId, replyId, { first: i === 0 });
    reporters.push(page);
  }
  // A second report by the same person counts once, and says so.
  await reportByKeyboard(reporters[0]!, topicId, replyId, {
    said: 'Thank you. You told us about this already. A moderator will look at it.',
  });
  const third = await newPage();
  await signInAs(third, baseUrl, 'Nora');
  await reportByKeyboard(third, topicId, replyId);
  reporters.push(third);

  // Past the threshold the reply is held: a fourth member no longer sees it.
  const fourth = await newPage();
  await signInAs(fourth, baseUrl, 'June');
  await fourth.goto(`${baseUrl}/forum/t/${topicId}`);
  await fourth.getByRole('heading', { level: 1 }).waitFor();
  await fourth.waitForLoadState('networkidle');
  expect(await fourth.locator('main').innerText()).toContain('grey day');
  expect(await fourth.locator('main').innerText()).not.toContain(REPLY);
  expect(await fourth.locator(`#post-${replyId}`).count()).toBe(0);
  await visited(fourth);

  // A moderator claims the case and hides the reply, through the API.
  const moderator = await newPage();
  await signInAs(moderator, baseUrl, 'Ivy (moderator)');
  const caseId = await findCase(moderator, replyId);
  await callApi(moderator, baseUrl, 'POST', `/moderation/cases/${caseId}/claim`);
  await callApi(moderator, baseUrl, 'POST', `/moderation/cases/${caseId}/actions`, {
    action: 'hide',
    reason: 'unkind',
  });
  await fourth.reload();
  await fourth.getByRole('heading', { level: 1 }).waitFor();
  await fourth.waitForLoadState('networkidle');
  expect(await fourth.locator('main').innerText()).not.toContain(REPLY);

  // Each reporter hears what happened, in words, never who else reported.
  for (const page of reporters) {
    await page.goto(`${baseUrl}/notifications`);
    await expect
      .poll(() => page.locator('.notification-list').innerText(), { timeout: 15_000 })
      .toContain('Thank you for your report. A moderator looked and took action.');
  }
  await visited(reporters[0]!);
});

it('"I am worried about this person" on a profile asks once, and the person gets kind words', async () => {
  const worried = await newPage();
  await signInAs(worried, baseUrl, 'Mei L');
  const person = await demoAccount(worried, baseUrl, 'George');
  await worried.goto(`${baseUrl}/members/${person.id}`);
  await worried.getByRole('heading', { level: 1, name: 'George' }).waitFor();
  await visited(worried);

  await tabTo(worried, (el) => el.tag === 'button' && el.text === 'I am worried about this person');
  await worried.keyboard.press('Enter');
  // It asks once, in plain words, with "Yes" ready.
  const ask = worried.locator('.safety-choice');
  await ask.waitFor();
  expect(await ask.innerText()).toContain(
    'We will send them kind words and where to find help. We will not say it was you.',
  );
  expect(await focusedText(worried)).toBe('Yes, send kind words');
  await visited(worried);
  await worried.keyboard.press('Enter');
  await expect
    .poll(() => focusedText(worried))
    .toBe(
      'Thank you for caring. We have sent them kind words and where to find help, and a moderator will look. We did not say it was you.',
    );
  await visited(worried);

  // George sees the kind words, and no name.
  const george = await newPage();
  await signInAs(george, baseUrl, 'George');
  await george.goto(`${baseUrl}/notifications`);
  const list = george.locator('.notification-list');
  await expect
    .poll(() => list.innerText(), { timeout: 15_000 })
    .toContain('Someone here is thinking of you.');
  expect(await list.innerText()).not.toContain('Mei');
  await visited(george);
  // No such buttons on one's own profile.
  await george.goto(`${baseUrl}/members/${person.id}`);
  await george.getByRole('heading', { level: 1, name: 'George' }).waitFor();
  expect(await george.getByRole('button', { name: 'Report' }).count()).toBe(0);
  await checkPage(george);
});
