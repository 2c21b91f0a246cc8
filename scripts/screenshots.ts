// Takes desktop and 768 px screenshots of pages, to look at what people see.
// Usage: tsx scripts/screenshots.ts http://127.0.0.1:3000 out-dir /path1 /path2 ...
// A path prefixed with "@" is taken after signing in as the first demo member.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/support/browser';

const [base = 'http://127.0.0.1:3000', out = 'test-results/screens', ...paths] =
  process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
for (const [label, width] of [
  ['desktop', 1280],
  ['tablet', 768],
] as const) {
  const context = await browser.newContext({ viewport: { width, height: 1000 } });
  const page = await context.newPage();
  let signedIn = false;
  for (const raw of paths) {
    const needsSignIn = raw.startsWith('@');
    const path = needsSignIn ? raw.slice(1) : raw;
    if (needsSignIn && !signedIn) {
      await page.goto(`${base}/sign-in`);
      await page
        .getByRole('button', { name: /Sign in as/ })
        .first()
        .click();
      await page.waitForURL(`${base}/`);
      signedIn = true;
    }
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    const name = `${label}${path.replaceAll('/', '_') || '_home'}.png`;
    await page.screenshot({ path: join(out, name), fullPage: true });
    console.log(join(out, name));
  }
  await context.close();
}
await browser.close();
