import type { Browser, BrowserContext, Page } from 'playwright-core';
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

  return {
    /** The page to photograph if the test fails. */
    track(page: Page) {
      current = page;
    },
    async newPage(): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width: 1024, height: 900 },
        locale: 'en-GB',
      });
      contexts.push(context);
      const page = await context.newPage();
      current = page;
      return page;
    },
    async visited(page: Page) {
      current = page;
      await page.waitForLoadState('networkidle');
      await checkPage(page);
    },
  };
}
