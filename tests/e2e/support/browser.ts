import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless; Playwright gives each launch a fresh, empty profile. Each
 * browser context is a different person on a different address (X-Forwarded-For, which the
 * test server trusts), so the per-address limits on signing up count each person apart, as
 * they would for real people, instead of every test sharing 127.0.0.1's hour.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) =>
    newContext({
      ...options,
      extraHTTPHeaders: { 'x-forwarded-for': randomAddress(), ...options.extraHTTPHeaders },
    });
  return browser;
}

/** Still this machine (127.0.0.0/8), so the development tools keep answering. */
function randomAddress(): string {
  const part = () => Math.floor(Math.random() * 250) + 1;
  return `127.${part()}.${part()}.${part()}`;
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** axe with the rules of ACCESSIBILITY.md: WCAG 2.2 AA plus enhanced contrast and target size. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .options({
      rules: {
        'color-contrast-enhanced': { enabled: true },
        'target-size': { enabled: true },
        'meta-refresh-no-exceptions': { enabled: true },
      },
    })
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** A1: every visible control is at least 44 by 44 CSS pixels (a hidden input counts as its label). */
export async function expectBigTargets(page: Page) {
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, [role="button"]',
    )) {
      let target: HTMLElement = el;
      const style = getComputedStyle(el);
      if (el.closest('[hidden]') || style.display === 'none' || style.visibility === 'hidden')
        continue;
      // React Aria hides the real radio and checkbox inside their big label.
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) {
        target = el.closest('label') ?? el;
      }
      if (el.classList.contains('skip-link')) continue;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < 44 || box.height < 44) {
        out.push(
          `${target.tagName.toLowerCase()} "${(target.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}x${Math.round(box.height)}`,
        );
      }
    }
    return out;
  });
  expect(small, `controls under 44x44 on ${page.url()}`).toEqual([]);
}

/** A2: body text at least 18 px with line height at least 1.5, left aligned; nothing under 16 px. */
export async function expectReadableText(page: Page) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('script, style, noscript, svg')) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || style.visibility === 'hidden') continue;
      const size = Number.parseFloat(style.fontSize);
      const lineHeight = Number.parseFloat(style.lineHeight) / size;
      const isBody =
        el.closest('p, li, label, dd') !== null && !el.closest('h1, h2, h3, button, a');
      if (size < 16) out.push(`"${text.slice(0, 30)}" is ${size}px`);
      if (isBody && size < 18) out.push(`body text "${text.slice(0, 30)}" is ${size}px`);
      if (isBody && lineHeight < 1.5)
        out.push(`"${text.slice(0, 30)}" line height ${lineHeight.toFixed(2)}`);
      if (isBody && (style.textAlign === 'justify' || style.textAlign === 'center')) {
        out.push(`"${text.slice(0, 30)}" is ${style.textAlign}`);
      }
    }
    return out;
  });
  expect(problems, `text on ${page.url()}`).toEqual([]);
}

/** A3: at 320 px wide the page reflows with no sideways scroll. */
export async function expectReflowAt320(page: Page) {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  if (original) await page.setViewportSize(original);
  expect(overflow, `sideways scroll at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** A12: where "Need help now" sits, to compare across pages. */
export async function helpButtonBox(page: Page) {
  expect(await page.locator('#need-help').count(), 'the Need help now button is on the page').toBe(
    1,
  );
  // Page coordinates, so that scrolling does not count as moving.
  return page.locator('#need-help').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
  });
}

/** Every page check of ACCESSIBILITY.md that applies to any page. */
export async function checkPage(page: Page) {
  await expectNoAxeViolations(page);
  await expectBigTargets(page);
  await expectReadableText(page);
  await expectReflowAt320(page);
}

/** Presses Tab until the focused element matches, as a keyboard-only person would. */
export async function tabTo(
  page: Page,
  matches: (el: { text: string; name: string; tag: string; label: string }) => boolean,
  max = 60,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { text: '', name: '', tag: '', label: '' };
      const label =
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.getAttribute('aria-label') ??
        (el.getAttribute('aria-labelledby')
          ? document.getElementById(el.getAttribute('aria-labelledby')!.split(' ')[0]!)?.textContent
          : '') ??
        '';
      return {
        text: (el.textContent ?? '').trim(),
        name: el.getAttribute('name') ?? '',
        tag: el.tagName.toLowerCase(),
        label: (label ?? '').trim(),
      };
    });
    if (matches(focused)) return focused;
  }
  throw new Error(`Tab never reached the element on ${page.url()}`);
}
