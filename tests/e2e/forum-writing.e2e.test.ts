import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { checkPage, tabTo } from './support/browser';
import { callApi, makePng, signInAs } from './support/forum';
import { browserPages } from './support/pages';

/**
 * Writing in the forum on a tablet (768 px): nothing typed is cut, words go
 * with the topic to another part, a failed send is said beside its button,
 * "Write a reply" leads straight to the box, and right-to-left words read so.
 */

const baseUrl = inject('baseUrl');
const { tablet, visited } = browserPages('forum-writing');

async function tabletAs(displayName: string) {
  const page = await tablet();
  const account = await signInAs(page, baseUrl, displayName);
  return { context: page.context(), page, account };
}

/** The words of every element a field's aria-describedby points at. */
async function description(page: Page, selector: string) {
  const ids = ((await page.locator(selector).getAttribute('aria-describedby')) ?? '')
    .split(' ')
    .filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: el?.getAttribute('name') ?? '',
      className: el?.className ?? '',
      text: (el?.textContent ?? '').trim(),
      inReplyBox: Boolean(el?.closest('#write-reply')),
    };
  });

async function categoryId(page: Page, slug: string) {
  const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/forum/categories',
  );
  const found = categories.find((c) => c.slug === slug);
  if (!found) throw new Error(`no category ${slug}`);
  return found.id;
}

const draftOf = async (page: Page, key: string) =>
  (
    await callApi<{ draft: { title: string; body: string } | null }>(
      page,
      baseUrl,
      'GET',
      `/forum/drafts/${key}`,
    )
  ).draft;

const titleBox = '.composer input[name="title"]';
const bodyBox = '.composer textarea[name="body"]';

it('never cuts a long title or body: it says how much room is left, then what is too long, and refuses to post', async () => {
  const { page } = await tabletAs('Aoife');
  await page.goto(`${baseUrl}/forum/new?category=moving`);
  await expect.poll(() => page.locator(titleBox).count()).toBe(1);
  await visited(page);

  // A pasted title of 224 letters stays 224 letters.
  const longTitle =
    `${'Walking again after my stroke, one small step at a time. '.repeat(4)}`.slice(0, 224);
  expect(longTitle).toHaveLength(224);
  await page.locator(titleBox).focus();
  await page.keyboard.insertText(longTitle);
  expect(await page.locator(titleBox).inputValue()).toBe(longTitle);
  await expect.poll(() => page.locator(titleBox).getAttribute('aria-invalid')).toBe('true');
  expect(await description(page, titleBox)).toContain(
    'This is 74 letters too long. The most is 150.',
  );

  // A body of 26,400 letters stays whole too.
  const longBody = 'I walked to the shop today. '.repeat(943).slice(0, 26_400);
  await page.locator(bodyBox).fill(longBody);
  expect(await page.locator(bodyBox).inputValue()).toHaveLength(26_400);
  await expect.poll(() => page.locator(bodyBox).getAttribute('aria-invalid')).toBe('true');
  expect(await description(page, bodyBox)).toContain('This is 6400 letters too long.');
  // Too long for the server to keep as a draft: kept on this device, and it says so.
  await expect
    .poll(() => page.locator('.composer .draft-status').textContent(), { timeout: 10_000 })
    .toBe('Not saved on the server yet: it is too long. Your words are kept on this device.');
  await checkPage(page);

  // Posting past the limit is refused here, with the same words, and focus goes to the title.
  const url = page.url();
  await page.getByRole('button', { name: 'Post my topic' }).click();
  await expect.poll(async () => (await focused(page)).name).toBe('title');
  expect(page.url()).toBe(url);
  expect(await page.locator(titleBox).inputValue()).toBe(longTitle);
  expect(await page.locator(bodyBox).inputValue()).toHaveLength(26_400);

  // Near the limit: the room left, in words, beside the field.
  const nearTitle = longTitle.slice(0, 130).trimEnd().padEnd(130, 'x');
  await page.locator(titleBox).fill(nearTitle);
  await expect.poll(() => page.locator(titleBox).getAttribute('aria-invalid')).toBeNull();
  expect(await description(page, titleBox)).toContain('20 letters left.');
  const titleField = page.locator('.composer .field', {
    has: page.locator('input[name="title"]'),
  });
  // Screen readers hear it when a step is crossed, not at every key.
  expect(await titleField.locator('.visually-hidden[role="status"]').textContent()).toBe(
    '20 letters left.',
  );
  await page.locator(titleBox).press('End');
  await page.keyboard.type('ab');
  await expect.poll(() => titleField.locator('.room-left').textContent()).toBe('18 letters left.');
  expect(await titleField.locator('.visually-hidden[role="status"]').textContent()).toBe(
    '20 letters left.',
  );
  await checkPage(page);

  // A stale "at least 3 letters" goes as soon as the title is long enough.
  await page.locator(titleBox).fill('ab');
  await page.locator(bodyBox).fill('I walked to the shop today.');
  await page.getByRole('button', { name: 'Post my topic' }).click();
  await expect.poll(() => page.locator(titleBox).getAttribute('aria-invalid')).toBe('true');
  expect(await description(page, titleBox)).toContain('at least 3 letters');
  await expect.poll(async () => (await focused(page)).name).toBe('title');
  await page.keyboard.type('c');
  await expect.poll(() => page.locator(titleBox).getAttribute('aria-invalid')).toBeNull();
  expect(await page.locator('.composer').textContent()).not.toContain('at least 3 letters');

  // The server's 422 on a field lands on that same field.
  await page.locator(titleBox).fill('My first walk to the shop');
  await page
    .locator(bodyBox)
    .fill('Look at this: ![a shop](/api/forum/images/00000000-0000-4000-8000-000000000000)');
  await page.getByRole('button', { name: 'Post my topic' }).click();
  await expect.poll(() => page.locator(bodyBox).getAttribute('aria-invalid')).toBe('true');
  expect(await description(page, bodyBox)).toContain('Add a picture button');
  await expect.poll(async () => (await focused(page)).name).toBe('body');
  await checkPage(page);
});

it('carries the words, and the picture with its words, to another part of the forum', async () => {
  const { page, account } = await tabletAs('Frank from Leeds');
  const moving = await categoryId(page, 'moving');
  const daily = await categoryId(page, 'daily-life');
  await page.goto(`${baseUrl}/forum/new?category=moving`);
  await expect.poll(() => page.locator(titleBox).count()).toBe(1);

  const title = 'Getting up the stairs with a stick';
  await page.locator(titleBox).fill(title);
  await page.locator(bodyBox).fill('I go up with my good leg first.');
  await page.getByLabel('Choose a picture').setInputFiles({
    name: 'stairs.png',
    mimeType: 'image/png',
    buffer: await makePng(),
  });
  await page.getByLabel('Describe the picture').fill('My stairs at home with a rail');
  await page.getByRole('button', { name: 'Put the picture in my post' }).click();
  const body = await page.locator(bodyBox).inputValue();
  expect(body).toMatch(/!\[My stairs at home with a rail\]\(\/api\/forum\/images\/[0-9a-f-]{36}\)/);
  await expect
    .poll(() => page.locator('.composer .draft-status').textContent(), { timeout: 10_000 })
    .toBe('Saved.');

  // Choose another part: the list says the words go along.
  await page.getByRole('link', { name: 'Choose another part' }).click();
  await page.waitForURL(`${baseUrl}/forum/new?from=${moving}`);
  await expect.poll(() => page.locator('main').textContent()).toContain('go with you');
  await visited(page);
  await page.locator('a[href^="/forum/new?category=daily-life"]').click();
  await page.waitForURL(`${baseUrl}/forum/new?category=daily-life`);
  await expect.poll(() => page.locator(titleBox).inputValue()).toBe(title);
  expect(await page.locator(bodyBox).inputValue()).toBe(body);
  await visited(page);

  // Under the new part on the server and on this device; gone from the old one.
  expect(await draftOf(page, `topic-${daily}`)).toMatchObject({ title, body });
  expect(await draftOf(page, `topic-${moving}`)).toBeNull();
  const local = await page.evaluate(
    ({ owner, from, to }) => ({
      from: localStorage.getItem(`bt.forum.draft.${owner}.topic-${from}`),
      to: localStorage.getItem(`bt.forum.draft.${owner}.topic-${to}`),
    }),
    { owner: account.id, from: moving, to: daily },
  );
  expect(local.from).toBeNull();
  expect(JSON.parse(local.to ?? '{}')).toMatchObject({ title, body });

  // A reload keeps them where they are now, and the old part opens empty.
  await page.reload();
  await expect.poll(() => page.locator(titleBox).inputValue()).toBe(title);
  expect(await page.locator(bodyBox).inputValue()).toBe(body);
  await page.goto(`${baseUrl}/forum/new?category=moving`);
  await expect
    .poll(() => page.locator('.composer .draft-status').textContent())
    .toBe('Your words are saved as you write.');
  expect(await page.locator(titleBox).inputValue()).toBe('');

  // Posting from the new part works, picture and all.
  await page.goto(`${baseUrl}/forum/new?category=daily-life`);
  await expect.poll(() => page.locator(titleBox).inputValue()).toBe(title);
  await page.getByRole('button', { name: 'Post my topic' }).click();
  await page.waitForURL(/\/forum\/t\/[0-9a-f-]{36}$/);
  await expect
    .poll(() =>
      page
        .locator('.post-body img[alt="My stairs at home with a rail"]')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(80);
  expect(await draftOf(page, `topic-${daily}`)).toBeNull();
});

it('shows a failed send beside its button and moves focus to it, on every forum form', async () => {
  const { context, page } = await tabletAs('Rosa M');
  const daily = await categoryId(page, 'daily-life');
  const topic = await callApi<{ topicId: string }>(page, baseUrl, 'POST', '/forum/topics', {
    categoryId: daily,
    title: 'Which kettle is easy with one hand?',
    body: 'Mine is too heavy now.',
    idempotencyKey: randomUUID(),
  });

  /** The problem has focus, and sits right under the button that sent it. */
  async function expectProblemBeside(button: string) {
    // A send that fails offline can take a few seconds under load: wait for it, not for 1 s.
    await expect
      .poll(async () => (await focused(page)).className, { timeout: 10_000 })
      .toContain('send-problem');
    const gap = await page.evaluate((name) => {
      const buttons = [...document.querySelectorAll('button')];
      const sender = buttons.find((b) => b.textContent?.trim() === name);
      const problem = document.activeElement;
      if (!sender || !problem) return Number.POSITIVE_INFINITY;
      return problem.getBoundingClientRect().top - sender.getBoundingClientRect().bottom;
    }, button);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(80);
    expect((await focused(page)).text).toContain('Nothing you typed is lost.');
  }

  // A reply, offline.
  await page.goto(`${baseUrl}/forum/t/${topic.topicId}`);
  await expect.poll(() => page.locator(bodyBox).count()).toBe(1);
  await page.locator(bodyBox).fill('I use a small travel kettle.');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Post my reply' }).click();
  await expectProblemBeside('Post my reply');
  expect(await page.locator(bodyBox).inputValue()).toBe('I use a small travel kettle.');
  await context.setOffline(false);
  await visited(page);

  // Changing my post, offline.
  await page.getByRole('button', { name: 'Change my post' }).click();
  await page.getByLabel('Title').fill('Which kettle is easiest with one hand?');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Save the change' }).click();
  await expectProblemBeside('Save the change');
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Stop changing' }).click();

  // A new topic, offline.
  await page.goto(`${baseUrl}/forum/new?category=daily-life`);
  await expect.poll(() => page.locator(titleBox).count()).toBe(1);
  await page.locator(titleBox).fill('Cutting bread with one hand');
  await page.locator(bodyBox).fill('A spiked board holds the loaf.');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Post my topic' }).click();
  await expectProblemBeside('Post my topic');
  await context.setOffline(false);
  await visited(page);

  // A search, offline.
  await page.goto(`${baseUrl}/forum/search`);
  await page.getByLabel('Words to find').fill('kettle');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  // (A lost connection is tried again twice first.)
  await expect
    .poll(async () => (await focused(page)).className, { timeout: 15_000 })
    .toContain('send-problem');
  expect((await focused(page)).text).toContain('We cannot reach Been There just now.');
  await context.setOffline(false);
  await visited(page);
});

it('has a "Write a reply" link at the top of a topic that puts focus in the reply box', async () => {
  const { page } = await tabletAs('Kwame');
  const daily = await categoryId(page, 'daily-life');
  const topic = await callApi<{ topicId: string }>(page, baseUrl, 'POST', '/forum/topics', {
    categoryId: daily,
    title: 'Buttons or zips with one hand?',
    body: 'I find zips hard now. What do you use?',
    idempotencyKey: randomUUID(),
  });
  for (const words of ['Big buttons help me.', 'I use a zip puller.', 'Velcro is easiest.']) {
    await callApi(page, baseUrl, 'POST', `/forum/topics/${topic.topicId}/replies`, {
      body: words,
      idempotencyKey: randomUUID(),
    });
  }

  // Straight from the address bar: a few Tabs reach the link, Enter puts focus in the box.
  await page.goto(`${baseUrl}/forum/t/${topic.topicId}`);
  await expect.poll(() => page.locator('.replies .post').count()).toBe(3);
  await visited(page);
  let tabs = 0;
  await tabTo(page, (el) => {
    tabs++;
    return el.text === 'Write a reply' && el.tag === 'a';
  });
  expect(tabs).toBeLessThanOrEqual(12);
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'textarea', inReplyBox: true });
  await page.keyboard.type('Thank you all.');
  expect(await page.getByLabel('Your reply').inputValue()).toBe('Thank you all.');

  // Coming from the list, focus is on the title: one Tab and Enter.
  await page.goto(`${baseUrl}/forum/c/daily-life`);
  await page.getByRole('link', { name: 'Buttons or zips with one hand?' }).click();
  await page.waitForURL(`${baseUrl}/forum/t/${topic.topicId}`);
  await expect.poll(async () => (await focused(page)).tag).toBe('h1');
  await page.keyboard.press('Tab');
  expect((await focused(page)).text).toBe('Write a reply');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'textarea', inReplyBox: true });
});

it('shows Arabic titles and words right to left, where they are typed and where they are read', async () => {
  const { page } = await tabletAs('Ahmed K');
  const title = 'التعافي بعد السكتة الدماغية';
  const words = 'أمشي كل يوم قليلا. هذا يساعدني كثيرا.';
  await page.goto(`${baseUrl}/forum/new?category=daily-life`);
  await expect.poll(() => page.locator(titleBox).count()).toBe(1);
  await page.locator(titleBox).fill(title);
  await page.locator(bodyBox).fill(words);
  const direction = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).direction);
  expect(await direction(titleBox)).toBe('rtl');
  expect(await direction(bodyBox)).toBe('rtl');
  await page.getByRole('button', { name: 'See how it will look' }).click();
  expect(await direction('.preview .preview-title')).toBe('rtl');
  expect(await direction('.preview .post-body')).toBe('rtl');
  await visited(page);

  await page.getByRole('button', { name: 'Post my topic' }).click();
  await page.waitForURL(/\/forum\/t\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.locator('h1').textContent()).toBe(title);
  expect(await direction('h1')).toBe('rtl');
  expect(await direction('.post .post-body')).toBe('rtl');
  // English words around them still read left to right.
  expect(await direction('.post .post-by')).toBe('ltr');
  await visited(page);

  await page.goto(`${baseUrl}/forum/c/daily-life`);
  const item = page.locator('.topic-item .topic-title', { hasText: title });
  await expect.poll(() => item.count()).toBe(1);
  expect(await item.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await visited(page);

  // Search: typed right to left, and found right to left.
  await page.goto(`${baseUrl}/forum/search`);
  await page.getByLabel('Words to find').fill('التعافي');
  expect(await direction('#forum-search-words')).toBe('rtl');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const result = page.locator('.result-item', { hasText: title });
  await expect.poll(() => result.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(
    await result
      .first()
      .locator('.result-title')
      .evaluate((el) => getComputedStyle(el).direction),
  ).toBe('rtl');
  expect(
    await result
      .first()
      .locator('.snippet')
      .evaluate((el) => getComputedStyle(el).direction),
  ).toBe('rtl');
  await visited(page);
});
