import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { checkPage, launchBrowser } from './browser';

/**
 * One browser for a test file, a fresh context per person, a screenshot of the
 * last page when a test fails, and the page checks for every page visited.
 */
export function browserPages(name: string) {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let current: Page | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async (test) => {
    if (test.task.result?.state === 'fail' && current) {
      await current.screenshot({ path: `test-results/${name}-failure.png`, fullPage: true });
    }
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  /** A page in a fresh context; `locale` is the browser's language (en-GB unless told). */
  async function newPage(locale = 'en-GB', options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 900 },
      locale,
      ...options,
    });
    contexts.push(context);
    const page = await context.newPage();
    current = page;
    return page;
  }

  return {
    /** The page to photograph if the test fails. */
    track(page: Page) {
      current = page;
    },
    newPage,
    /** A tablet held upright (768 by 1024) in a fresh context, in en-GB unless `options` say. */
    tablet(options: BrowserContextOptions = {}): Promise<Page> {
      return newPage(options.locale, { viewport: { width: 768, height: 1024 }, ...options });
    },
    async visited(page: Page) {
      current = page;
      await page.waitForLoadState('networkidle');
      // A page whose data came late may still be showing its loading words: every page has a
      // title, so the checks wait for it (on a busy machine the group page could be caught between).
      await page.locator('main h1').first().waitFor();
      await checkPage(page);
    },
  };
}
