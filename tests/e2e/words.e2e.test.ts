// Words people meet (issue 8, item 17): one word for carers per locale, plain words
// for the roles of a group, and nothing in members' sight that is only for developers.

import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { signInAs } from './support/forum';
import { browserPages } from './support/pages';

const baseUrl = inject('baseUrl');
const { tablet, visited } = browserPages('words');

const tabletIn = (locale: string) => tablet({ locale });

/** Opens Sam's topic in the carers' part of the forum, the way a member would. */
async function openCarersTopic(page: Page, partName: string) {
  await page.goto(`${baseUrl}/forum`);
  await page.getByRole('link', { name: partName }).first().click();
  await page.getByRole('link', { name: 'Looking after Mum and working full time' }).click();
  await page.getByRole('heading', { level: 1, name: /Looking after Mum/ }).waitFor();
  await visited(page);
}

it('says "carer" in UK English and "caregiver" in US English, and nothing else', async () => {
  const uk = await tabletIn('en-GB');
  await signInAs(uk, baseUrl, 'Helen (peer supporter)');
  await openCarersTopic(uk, "Carers' corner");
  await expect.poll(() => uk.locator('main').innerText()).toContain('Carer or family');
  expect(await uk.locator('main').innerText()).not.toMatch(/caregiver/i);

  const us = await tabletIn('en-US');
  await signInAs(us, baseUrl, 'Helen (peer supporter)');
  // The part's name is the community's own data, kept in one language.
  await openCarersTopic(us, "Carers' corner");
  await expect
    .poll(() => us.locator('article').first().innerText())
    .toContain('Caregiver or family');
});

it('explains who runs a group in plain words, and keeps developer pages out of sight', async () => {
  const page = await tabletIn('en-GB');
  await signInAs(page, baseUrl, 'Maggie R');
  const directory = await page.request.get(`${baseUrl}/api/groups`);
  const { groups } = (await directory.json()) as { groups: { id: string; privacy: string }[] };
  const open = groups.find((g) => g.privacy === 'public');
  expect(open, 'a public group in the demo directory').toBeTruthy();
  await page.goto(`${baseUrl}/groups/${open?.id}`);
  await page.getByRole('heading', { name: 'Who runs it' }).waitFor();
  await visited(page);
  await expect
    .poll(() => page.locator('main').innerText())
    .toContain('A facilitator runs the group. A co-facilitator helps them.');
  expect(await page.locator('main').innerText()).not.toMatch(/\bwaitlist\b/i);
  expect(await page.locator('footer a[href="/api/docs"]').count()).toBe(0);
  expect(await page.locator('footer').innerText()).not.toMatch(/developers/i);
});
