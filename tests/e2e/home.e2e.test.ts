import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, helpButtonBox } from './support/browser';
import { callApi, signInAs } from './support/forum';
import { browserPages } from './support/pages';
import { signUpAndSignIn } from './support/people';

/**
 * Home is the person's own page (issue 8 items 5 and 12), and at large text the header
 * and menu leave room for the page itself (item 6). On a tablet, 768 px wide.
 */

const baseUrl = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/home';
mkdirSync(SHOTS, { recursive: true });

const { tablet: tabletPage, visited } = browserPages('home');

/** A tablet held upright, in the UK, for one person. */
const tablet = (options: { width?: number; height?: number; scale?: number } = {}) =>
  tabletPage({
    viewport: { width: options.width ?? 768, height: options.height ?? 1024 },
    deviceScaleFactor: options.scale ?? 1,
    timezoneId: 'Europe/London',
  });

/** Text at 200%: the root font twice the standard 18 px (CSSOM, which the page's CSP allows). */
async function textAt200(page: Page) {
  await page.evaluate(() =>
    document.documentElement.style.setProperty('font-size', '36px', 'important'),
  );
}

/** The first screen at 1280 px, the whole page at 768 px, and the first screen at 200% text. */
async function photograph(page: Page, name: string) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: `${SHOTS}/${name}-768.png`, fullPage: true });
  await textAt200(page);
  await page.screenshot({ path: `${SHOTS}/${name}-768-text200.png` });
  await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
  await page.setViewportSize(size);
}

async function goHome(page: Page) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
  await page.locator('.home-blocks').waitFor();
  await visited(page);
}

const block = (page: Page, title: string | RegExp) =>
  page.locator('section.home-block').filter({ has: page.getByRole('heading', { name: title }) });

/** Follows a link as a person would, and checks it led to a real page. */
async function follow(page: Page, link: Locator, heading: string | RegExp) {
  await link.click();
  await expect
    .poll(() => page.locator('h1').first().textContent(), { timeout: 10_000 })
    .toMatch(heading);
  expect(await page.locator('h1').first().textContent()).not.toBe('Page not found');
  await visited(page);
}

const signUpNew = (page: Page, displayName: string) =>
  signUpAndSignIn(page, baseUrl, displayName, { prefix: 'new' });

describe('Home, at 768 px', () => {
  it('a new member gets three first steps, each leading to a real page, and empty blocks say so', async () => {
    const page = await tablet();
    await signUpNew(page, 'Nell New');
    await goHome(page);
    const steps = block(page, 'First steps');
    await expect.poll(() => steps.getByRole('link').count()).toBe(3);
    expect(await block(page, 'Your next meetings').textContent()).toContain(
      'You are not in a group yet.',
    );
    expect(await block(page, 'New replies to your posts').textContent()).toContain(
      'No new replies.',
    );
    expect(await block(page, 'People asking to join your groups').count()).toBe(0);
    expect(await block(page, 'For carers').count()).toBe(0);
    await photograph(page, 'home-new-member');

    await follow(page, steps.getByRole('link', { name: 'Find a group that fits you' }), /group/i);
    await goHome(page);
    await follow(page, steps.getByRole('link', { name: /^Say hello in / }), 'Introductions');
    await goHome(page);
    await follow(page, steps.getByRole('link', { name: 'Read tips from other members' }), /tip/i);
  });

  it('a long-time member sees their next meeting and a new reply to their post, which goes once read', async () => {
    const maggie = await tablet();
    await signInAs(maggie, baseUrl, 'Maggie R');
    // Someone answers a topic Maggie starts: the answer is what Home must bring her.
    const { categories } = await callApi<{ categories: { id: string; slug: string }[] }>(
      maggie,
      baseUrl,
      'GET',
      '/forum/categories',
    );
    const feelings = categories.find((c) => c.slug === 'feelings')!;
    const title = `Good days and bad days ${randomBytes(2).toString('hex')}`;
    const topic = await callApi<{ id: string }>(maggie, baseUrl, 'POST', '/forum/topics', {
      categoryId: feelings.id,
      title,
      body: 'Some days the words come. Some days they do not.',
      idempotencyKey: randomUUID(),
    });
    const tomasz = await tablet();
    await signInAs(tomasz, baseUrl, 'Tomasz');
    await callApi(tomasz, baseUrl, 'POST', `/forum/topics/${topic.id}/replies`, {
      body: 'Same for me. Slow days are fine.',
      idempotencyKey: randomUUID(),
    });

    await goHome(maggie);
    const meetings = block(maggie, 'Your next meetings');
    const wordFinders = meetings.getByRole('link', { name: 'Word Finders Online' });
    expect(await wordFinders.count()).toBe(1);
    expect(await meetings.locator('li').first().textContent()).toMatch(
      /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ \w+ at .+\(UK time\)/,
    );
    const replies = block(maggie, 'New replies to your posts');
    const item = replies.locator('li').filter({ hasText: title });
    expect(await item.textContent()).toContain('1 new reply in Feelings and emotions.');
    await photograph(maggie, 'home-long-time-member');

    await follow(maggie, item.getByRole('link', { name: title }), title);
    await goHome(maggie);
    expect(await block(maggie, 'New replies to your posts').textContent()).not.toContain(title);
    await follow(maggie, wordFinders, 'Word Finders Online');
  });

  it("a carer sees the carers' spaces first: the carers' forum part and carers' groups", async () => {
    const page = await tablet();
    await signInAs(page, baseUrl, 'Sam');
    await goHome(page);
    const first = page.locator('section.home-block').first();
    expect(await first.getByRole('heading', { level: 2 }).textContent()).toBe('For carers');
    const carersPart = first.locator('a[href^="/forum/c/"]');
    expect(await carersPart.count()).toBe(1);
    // Sam is in a carers' group: among the meetings it comes first.
    const meetings = block(page, 'Your next meetings');
    expect(await meetings.getByRole('link').first().textContent()).toBe("Carers' Cuppa Bristol");
    await photograph(page, 'home-carer');
    const partName = (await carersPart.textContent()) ?? '';
    await follow(page, carersPart, partName);
  });

  it('a facilitator sees the request waiting, with a link to the group where it is', async () => {
    const page = await tablet();
    await signInAs(page, baseUrl, 'Helen (peer supporter)');
    await goHome(page);
    const requests = block(page, 'People asking to join your groups');
    const item = requests.locator('li').filter({ hasText: 'Back to Work Circle' });
    expect(await item.textContent()).toContain('1 person is waiting for your answer.');
    await photograph(page, 'home-facilitator');
    await follow(
      page,
      item.getByRole('link', { name: 'Back to Work Circle' }),
      'Back to Work Circle',
    );
    // The group page has the request to answer.
    await page.getByText('Dev P').first().waitFor();
  });
});

describe('large text and zoom (issue 8 item 6)', () => {
  /** Where the page's own title begins, and whether the menu is there with its words. */
  async function firstScreen(page: Page) {
    return page.evaluate(() => {
      const h1 = document.querySelector('h1')!.getBoundingClientRect();
      const nav = [...document.querySelectorAll<HTMLElement>('.main-nav a')].map((a) => {
        const r = a.getBoundingClientRect();
        return { text: a.innerText.trim(), visible: r.width >= 44 && r.height >= 44 };
      });
      return { h1Top: h1.top, h1Bottom: h1.bottom, fold: window.innerHeight, nav };
    });
  }

  async function expectContentOnFirstScreen(page: Page, where: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    const seen = await firstScreen(page);
    // The whole title is on the first screen, with room below it for the page to begin.
    expect(seen.h1Bottom, `the title on ${where} ends above the fold`).toBeLessThan(
      seen.fold * 0.75,
    );
    // Home may say how many notifications are new ("Home 3 new"): the words come first.
    expect(seen.nav.map((n) => n.text.replace(/\s*\d+ new$/, ''))).toEqual([
      'Home',
      'Groups',
      'Forum',
      'Events',
      'Me',
    ]);
    expect(seen.nav.every((n) => n.visible)).toBe(true);
  }

  async function pagesToVisit(page: Page) {
    const { groups } = await callApi<{ groups: { group: { id: string; name: string } }[] }>(
      page,
      baseUrl,
      'GET',
      '/groups/mine',
    );
    const { topics } = await callApi<{ topics: { id: string }[] }>(
      page,
      baseUrl,
      'GET',
      '/forum/categories/feelings/topics',
    );
    return [
      { where: 'Home', path: '/' },
      { where: 'a forum topic', path: `/forum/t/${topics[0]!.id}` },
      { where: 'a group page', path: `/groups/${groups[0]!.group.id}` },
    ];
  }

  it('at 768 px with text at 200%, Home, a topic and a group page each begin on the first screen', async () => {
    const page = await tablet();
    await signInAs(page, baseUrl, 'Maggie R');
    const boxes = [];
    for (const { where, path } of await pagesToVisit(page)) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await textAt200(page);
      await expectContentOnFirstScreen(page, where);
      await expectNoAxeViolations(page);
      boxes.push(await helpButtonBox(page));
      if (where === 'a forum topic') {
        await page.screenshot({ path: `${SHOTS}/topic-768-text200.png` });
      }
    }
    // "Need help now" stays in the same place on every page (A12).
    expect(new Set(boxes.map((b) => JSON.stringify(b))).size).toBe(1);
  });

  it('at 200% browser zoom on the same tablet, the pages still begin on the first screen', async () => {
    // 200% zoom on a 768 by 1024 screen lays pages out in 384 by 512 CSS pixels.
    const page = await tablet({ width: 384, height: 512, scale: 2 });
    await signInAs(page, baseUrl, 'Frank from Leeds'); // standard text: the zoom alone
    for (const { where, path } of await pagesToVisit(page)) {
      await page.goto(`${baseUrl}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectContentOnFirstScreen(page, where);
      await expectNoAxeViolations(page);
      if (where === 'a forum topic') {
        await page.screenshot({ path: `${SHOTS}/topic-zoom200.png` });
      }
    }
  });
});
