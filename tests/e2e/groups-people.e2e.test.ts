// Groups as people met them (issue 8, items 7, 8, 9, 12, 13 and 14), on a tablet (768 px).

import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { signInAs } from './support/forum';
import { browserPages } from './support/pages';
import { signUpAndSignIn } from './support/people';

const baseUrl = inject('baseUrl');
const { tablet, visited, track } = browserPages('groups-people');
const SHOTS = '/tmp/shots-G';
mkdirSync(SHOTS, { recursive: true });

/** Setting up who is signed in is not part of the journey: it goes through the API. */
const signUp = (page: Page, displayName: string, role: 'survivor' | 'caregiver') =>
  signUpAndSignIn(page, baseUrl, displayName, { role, prefix: 'g' });

/** Three pictures of what a person sees: 1280 px, 768 px, and text at 200% (640 px at 2x). */
async function shoot(page: Page, name: string, show: string) {
  const size = page.viewportSize() ?? { width: 768, height: 1024 };
  for (const [label, width, height, zoom] of [
    ['1280', 1280, 900, 1],
    ['768', 768, 1024, 1],
    ['200pc', 640, 512, 2],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate((z) => {
      document.documentElement.style.zoom = z === 1 ? '' : String(z);
    }, zoom);
    await page
      .locator(show)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png` });
  }
  await page.evaluate(() => {
    document.documentElement.style.zoom = '';
  });
  await page.setViewportSize(size);
}

const main = (page: Page) => page.locator('main').innerText();

it('the directory keeps its filters in the address, through Back and reload, and takes a town typed but not tapped', async () => {
  const page = await tablet();
  await signUp(page, 'Dana Directory', 'survivor');
  await page.goto(`${baseUrl}/groups`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Groups');
  await visited(page);

  // The hint speaks to someone in the UK, and "Find the place" with nothing typed says why.
  const hint = await page.locator('.place-picker .field-help').first().innerText();
  expect(hint).toContain('LS1');
  expect(hint).not.toContain('M5V');
  await page.getByRole('button', { name: 'Find the place' }).click();
  const box = page.locator('input[name="place-search"]');
  await expect.poll(() => box.getAttribute('aria-invalid')).toBe('true');
  expect(await main(page)).toContain('Please type a town or a postcode first.');

  // A UK postcode district works.
  await box.fill('LS1');
  await page.getByRole('button', { name: 'Find the place' }).click();
  await expect.poll(() => main(page)).toContain('LS (Leeds), England, GB');
  await box.fill('');

  // Typed, not tapped, then Search: the one clear match is used, and said.
  await box.fill('Edinburgh');
  await page.locator('select[name="format"]').selectOption('in_person');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/place=.*format=in_person/);
  expect(page.url()).toContain('near=Edinburgh');
  await expect.poll(() => main(page)).toContain('We used Edinburgh');
  // Miles, for someone in the UK.
  const distance = page.locator('select[name="km"]');
  await expect.poll(() => main(page)).toContain('Stronger Together Walks');
  await expect.poll(() => distance.locator('option:checked').innerText()).toBe('Up to 15 miles');
  await expect.poll(() => main(page)).toMatch(/\d(\.\d)? miles? away/);
  expect(await main(page)).not.toContain('Word Finders Online');
  await visited(page);
  const filtered = page.url();

  // Open a group lower down, then come back.
  const card = page.locator('.group-card').last();
  await card.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(200);
  const opened = (await card.locator('.group-card-title').first().innerText()).trim();
  await card.getByRole('link', { name: 'Open this group' }).click();
  await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
  // The page's title comes with its data; until then the directory's title may still be there
  // (the address changes first), or none: wait for the group's own before the page checks run.
  await expect.poll(() => page.locator('main h1').first().textContent()).toBe(opened);
  await visited(page);
  await page.goBack();
  await page.waitForURL(filtered);
  await expect.poll(() => main(page)).toContain('Stronger Together Walks');
  expect(await page.locator('select[name="format"]').inputValue()).toBe('in_person');
  expect(await main(page)).toContain('Near Edinburgh');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 80);
  await visited(page);
  await shoot(page, 'directory-after-back', '#results-title');

  // A reload keeps them too.
  await page.reload();
  await expect.poll(() => main(page)).toContain('Stronger Together Walks');
  expect(await page.locator('select[name="format"]').inputValue()).toBe('in_person');
  expect(await main(page)).not.toContain('Word Finders Online');
  await visited(page);
});

it('fits-me keeps to the distance and the age band, in miles, and asks a carer about the person they care for', async () => {
  const page = await tablet();
  await signUp(page, 'Sam Survivor', 'survivor');
  await page.goto(`${baseUrl}/groups/fits-me?step=1`);
  await expect.poll(() => main(page)).toContain('Question 2 of 9');
  await page.locator('label', { hasText: '55 or over' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect.poll(() => main(page)).toContain('Question 3 of 9');
  expect(await main(page)).toContain('Is it hard to find or say words since your stroke?');
  await page.goto(`${baseUrl}/groups/fits-me?step=4`);
  await expect.poll(() => main(page)).toContain('Question 5 of 9');
  // Typed but not tapped, then Next: the place is taken, not dropped.
  await page.locator('input[name="place-search"]').fill('Edinburgh');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect.poll(() => main(page)).toContain('Question 6 of 9');
  await page.goto(`${baseUrl}/groups/fits-me?step=4`);
  await expect.poll(() => main(page)).toContain('Near Edinburgh');
  expect(await page.locator('select[name="maxKm"] option:checked').innerText()).toBe(
    'Up to 15 miles',
  );
  await visited(page);
  await page.goto(`${baseUrl}/groups/fits-me?step=results`);
  await expect.poll(() => page.locator('.group-card').count()).toBeGreaterThan(2);
  await expect.poll(() => main(page)).toContain('Meets in Cork. You can join online.');
  const cards = await page.locator('.group-card').allInnerTexts();
  const cork = cards.findIndex((c) => c.includes('Cork Stroke Support'));
  const near = cards.findIndex((c) => c.includes('Stronger Together Walks'));
  expect(near).toBeGreaterThanOrEqual(0);
  expect(cork).toBeGreaterThan(near);
  // Every group meeting beyond 15 miles comes after every group within it.
  const firstFar = cards.findIndex((c) => c.includes('You can join online.'));
  expect(cards.slice(firstFar).every((c) => c.includes('You can join online.'))).toBe(true);
  // No under-55 group for someone 55 or over, and no kilometres for someone in the UK.
  expect(cards.join('\n')).not.toContain('Young Stroke Manchester');
  expect(cards.join('\n')).not.toContain('Back to Work Circle');
  expect(cards.join('\n')).not.toMatch(/\d km/);
  expect(cards[near]).toMatch(/\d(\.\d)? miles? away/);
  await visited(page);
  await shoot(page, 'fits-me-results', '.group-card');

  // A carer gets questions about the person they care for.
  const carer = await tablet();
  await signUp(carer, 'Cal Carer', 'caregiver');
  await carer.goto(`${baseUrl}/groups/fits-me?step=2`);
  await expect.poll(() => main(carer)).toContain('Question 3 of 9');
  const asked = await main(carer);
  expect(asked).toContain('Is it hard for the person you care for to find or say words?');
  expect(asked).not.toContain('since your stroke');
  await visited(carer);
});

it('a double tap asks once; the facilitator sees the request at the top; labels are true; names lead somewhere', async () => {
  const asker = await tablet();
  await signUp(asker, 'Tia Taps', 'survivor');
  const groups = await asker.evaluate(() =>
    fetch('/api/groups?q=Talk%20Easy').then((r) => r.json()),
  );
  const group = groups.groups.find((g: { name: string }) => g.name === 'Talk Easy Leeds');
  await asker.goto(`${baseUrl}/groups/${group.id}`);
  await expect.poll(() => asker.locator('h1').textContent()).toBe('Talk Easy Leeds');
  await asker.locator('textarea[name="message"]').fill('Hello. I live in Leeds.');
  const ask = asker.getByRole('button', { name: 'Ask to join' });
  await ask.dblclick();
  await expect.poll(() => main(asker)).toContain('We sent your request.');
  await visited(asker);
  const said = await main(asker);
  expect(said).not.toContain('You already asked to join');
  expect(said).not.toContain('What you typed is kept');
  expect(await asker.locator('[role="alert"]').count()).toBe(0);

  // The facilitator: the request is the first thing after the group's description.
  const helen = await tablet();
  await signInAs(helen, baseUrl, 'Helen (peer supporter)');
  await helen.goto(`${baseUrl}/groups/${group.id}`);
  track(helen);
  await expect.poll(() => main(helen)).toContain('Hello. I live in Leeds.');
  const top = await helen.locator('#requests-title').boundingBox();
  const when = await helen.locator('#when-title').boundingBox();
  expect(top!.y).toBeLessThan(when!.y);
  expect(top!.y).toBeLessThan(1024);
  await visited(helen);
  await shoot(helen, 'group-page-facilitator', 'h1');

  // Required fields say so; none says "(optional)".
  for (const name of ['announcement', 'board-title', 'board-body']) {
    const label = await helen
      .locator(`[name="${name}"]`)
      .evaluate((el) => document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '');
    expect(label, name).not.toContain('(optional)');
  }

  // Every link on the page leads to a page that exists: a member's name opens their profile.
  const member = helen.locator('#members-title ~ ul a').first();
  const name = (await member.innerText()).trim();
  await member.click();
  await helen.waitForURL(/\/members\/[0-9a-f-]{36}$/);
  await expect.poll(() => helen.locator('h1').textContent()).toBe(name);
  expect(await main(helen)).not.toContain('Page not found');
  await visited(helen);
  await helen.goBack();
  const hrefs = await helen
    .locator('main a[href^="/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(3);
  for (const href of new Set(hrefs)) {
    await helen.goto(`${baseUrl}${href}`);
    await expect.poll(() => helen.locator('h1').count()).toBe(1);
    expect(await helen.locator('h1').textContent(), href).not.toBe('Page not found');
  }
});
