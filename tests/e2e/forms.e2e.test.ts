import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { checkPage, launchBrowser } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

it('shows each problem in words beside its field and keeps what was typed, even after a reload', async () => {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel('Your email address').fill('not-an-email');
  await page.getByLabel('The name others see').fill('R');
  await page.getByRole('button', { name: 'Join' }).press('Enter');

  // A14: aria-invalid, with aria-describedby pointing at a message in words.
  const email = page.getByLabel('Your email address');
  await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
  const described = (await email.getAttribute('aria-describedby')) ?? '';
  const messages = await Promise.all(
    described.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  expect(messages.join(' ')).toContain('It needs an @ sign');
  await expect
    .poll(() => page.locator('[role="alert"]').textContent())
    .toContain('Some answers need a look.');
  expect(await page.locator('main').textContent()).toContain('Been There is for people 18 or over');
  // Focus went to the first field that needs a look.
  await expect
    .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
    .toBe('email');
  await checkPage(page);

  // Nothing typed is lost: not on error, not on reload.
  await page.reload();
  await expect.poll(() => page.getByLabel('Your email address').inputValue()).toBe('not-an-email');
  expect(await page.getByLabel('The name others see').inputValue()).toBe('R');
});

it('keeps reading settings on the device before sign-in and applies them at once', async () => {
  await page.goto(`${baseUrl}/settings`);
  await page.getByText('Large', { exact: true }).click();
  await page.getByText('Calm mode: no numbers or badges').click();
  const state = () =>
    page.evaluate(() => ({
      fontSize: getComputedStyle(document.documentElement)
        .getPropertyValue('--font-size-base')
        .trim(),
      lowStimulus: document.documentElement.dataset.lowStimulus,
      motion: document.documentElement.dataset.motion,
    }));
  await expect.poll(state).toEqual({ fontSize: '22px', lowStimulus: 'true', motion: 'reduced' });
  await page.reload();
  await expect.poll(state).toEqual({ fontSize: '22px', lowStimulus: 'true', motion: 'reduced' });
  await checkPage(page);
});

it('answers an unknown page with a plain page, and an unknown API path with a problem', async () => {
  await page.goto(`${baseUrl}/no-such-page`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
  await checkPage(page);
  const res = await page.request.get(`${baseUrl}/api/no-such-thing`);
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toContain('application/problem+json');
});
