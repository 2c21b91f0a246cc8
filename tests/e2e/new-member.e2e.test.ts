import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import { checkPage, helpButtonBox, launchBrowser, tabTo } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
const helpBoxes: {
  url: string;
  textSize: string;
  box: { x: number; y: number; width: number; height: number };
}[] = [];
const spoken: string[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  // A7: record what read-aloud sends to the speech engine.
  await context.exposeFunction('__recordSpeech', (text: string) => spoken.push(text));
  await context.addInitScript(() => {
    const synth = window.speechSynthesis;
    synth.speak = (utterance: SpeechSynthesisUtterance) => {
      (window as unknown as { __recordSpeech(t: string): void }).__recordSpeech(utterance.text);
    };
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
});

afterEach(async (test) => {
  if (test.task.result?.state === 'fail') {
    await page.screenshot({ path: 'test-results/new-member-failure.png', fullPage: true });
  }
});

afterAll(async () => {
  await browser?.close();
});

/** Every page the journey visits gets the full set of page checks and its help-button place. */
async function visited() {
  await page.waitForLoadState('networkidle');
  await checkPage(page);
  const textSize = await page.evaluate(() => document.documentElement.dataset.textSize ?? '');
  helpBoxes.push({ url: page.url(), textSize, box: await helpButtonBox(page) });
}

const press = (key: string) => page.keyboard.press(key);

it('lets a new member join, fill their profile, change reading settings, find help and sign in again, by keyboard alone', async () => {
  const email = `new-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'my long pass phrase 2026';

  // Home, signed out.
  await page.goto(baseUrl);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome to Been There');
  await visited();

  // A7: read aloud sends the instructions to the speech engine.
  await tabTo(page, (el) => el.text === 'Read aloud');
  await press('Enter');
  await expect
    .poll(() => spoken.at(-1) ?? '')
    .toContain('Been There is a place for people after stroke');

  // Join.
  await tabTo(page, (el) => el.text === 'Join Been There');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/sign-up`);
  await visited();

  await tabTo(page, (el) => el.name === 'email');
  await page.keyboard.type(email);
  await tabTo(page, (el) => el.name === 'displayName');
  await page.keyboard.type('Robin');
  await tabTo(page, (el) => el.tag === 'input' && el.name === 'role');
  await press('Space');
  await tabTo(page, (el) => el.name === 'country');
  await page.keyboard.type('United K');
  await expect.poll(() => page.locator('select[name="country"]').inputValue()).toBe('GB');
  await tabTo(page, (el) => el.name === 'isAdult');
  await press('Space');
  await tabTo(page, (el) => el.name === 'acceptConduct');
  await press('Space');
  await tabTo(page, (el) => el.text === 'Join');
  await press('Enter');

  // Check email, then the dev outbox.
  await page.waitForURL(/\/sign-in\/check-email/);
  await expect.poll(() => page.locator('main').textContent()).toContain(email);
  await visited();
  await tabTo(page, (el) => el.text === 'Development: open the outbox');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/dev/outbox`);
  await expect.poll(() => page.locator('.outbox li').first().textContent()).toContain(email);
  await visited();
  // The newest mail is first: follow its link.
  await tabTo(page, (el) => el.text === 'Open the link in this email');
  await press('Enter');

  // Signed in, at home.
  await page.waitForURL(`${baseUrl}/`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Hello, Robin');
  await visited();

  // Profile: a short overview, then one part at a time, each saved as it is typed.
  await tabTo(page, (el) => el.text === 'Me');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/me`);
  await visited();
  await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('About me'));
  await press('Enter');
  await page.waitForURL(`${baseUrl}/me/about`);
  await expect.poll(() => page.locator('textarea[name="about"]').count()).toBe(1);
  await visited();
  await tabTo(page, (el) => el.name === 'about');
  await page.keyboard.type('I like walking my dog. Words are slow for me.');
  await tabTo(page, (el) => el.text === 'Next: My stroke story');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/me/story`);
  await tabTo(page, (el) => el.text === 'Yes, I agree');
  await press('Enter');
  await expect.poll(() => page.locator('select[name="strokeYear"]').count()).toBe(1);
  await visited();
  await tabTo(page, (el) => el.text === 'Next: Life since my stroke');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/me/story/now`);
  await expect.poll(() => page.locator('select[name="aphasia"]').count()).toBe(1);
  await visited();
  await tabTo(page, (el) => el.name === 'aphasia');
  await page.keyboard.type('Yes');
  await tabTo(page, (el) => el.text === 'Next: Who sees what');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/me/who-sees`);
  await tabTo(page, (el) => el.name === 'visibility-aphasia');
  await page.keyboard.type('All');
  await expect
    .poll(() =>
      page.evaluate(() =>
        fetch('/api/me/profile')
          .then((r) => r.json())
          .then((p) => p.visibility),
      ),
    )
    .toMatchObject({ aphasia: 'members' });
  await visited();
  const profile = await page.evaluate(() => fetch('/api/me/profile').then((r) => r.json()));
  expect(profile.about).toBe('I like walking my dog. Words are slow for me.');
  expect(profile.experience.aphasia).toBe('yes');
  expect(profile.visibility.aphasia).toBe('members');
  expect(profile.healthConsent.given).toBe(true);

  // Reading settings: largest text and high contrast, applied at once and kept.
  await page.locator('h1').focus();
  await tabTo(page, (el) => el.text === 'Reading settings');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/settings`);
  await tabTo(page, (el) => el.tag === 'input' && el.name === 'textSize');
  await press('ArrowDown');
  await press('ArrowDown');
  await tabTo(page, (el) => el.name === 'highContrast');
  await press('Space');
  const applied = () =>
    page.evaluate(() => ({
      fontSize: getComputedStyle(document.documentElement)
        .getPropertyValue('--font-size-base')
        .trim(),
      contrast: document.documentElement.dataset.contrast,
      bodyPx: getComputedStyle(document.body).fontSize,
    }));
  await expect.poll(applied).toEqual({ fontSize: '26px', contrast: 'high', bodyPx: '26px' });
  await page.waitForLoadState('networkidle');
  await page.reload();
  await expect.poll(applied).toEqual({ fontSize: '26px', contrast: 'high', bodyPx: '26px' });
  const saved = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
  expect(saved.user.preferences).toMatchObject({ textSize: 'largest', highContrast: true });
  await visited();

  // Need help now, from the same place as on every other page.
  await page.locator('h1').focus();
  await press('Shift+Tab');
  await tabTo(page, (el) => el.text === 'Need help now');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/help`);
  await expect.poll(() => page.locator('.button-call').textContent()).toBe('Call 999');
  await expect.poll(() => page.locator('main').textContent()).toContain('Samaritans');
  await visited();

  // A password, pasted in as a password manager or a person would.
  await tabTo(page, (el) => el.text === 'Me');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/me`);
  await tabTo(page, (el) => el.tag === 'a' && el.text.startsWith('Sign-in and password'));
  await press('Enter');
  await page.waitForURL(`${baseUrl}/me/sign-in`);
  await expect.poll(() => page.locator('input[name="password"]').count()).toBe(1);
  await tabTo(page, (el) => el.name === 'password');
  await page.evaluate((text) => navigator.clipboard.writeText(text), password);
  await press('Control+V');
  await expect.poll(() => page.locator('input[name="password"]').inputValue()).toBe(password);
  await tabTo(page, (el) => el.text === 'Save password');
  await press('Enter');
  await expect.poll(() => page.locator('main').textContent()).toContain('Your password is saved.');

  // Sign out, from the Me overview, where it sits apart from everything else.
  await tabTo(page, (el) => el.text === 'Back to Me');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/me`);
  await tabTo(page, (el) => el.text === 'Sign out');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/sign-in`);
  const afterSignOut = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
  expect(afterSignOut.user).toBeNull();
  await visited();

  // Sign in again with the password.
  await tabTo(page, (el) => el.name === 'passwordEmail');
  await page.keyboard.type(email);
  await tabTo(page, (el) => el.name === 'password');
  await page.keyboard.type(password);
  await tabTo(page, (el) => el.text === 'Sign in with password');
  await press('Enter');
  await page.waitForURL(`${baseUrl}/`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Hello, Robin');
  // The reading settings came back with the person.
  await expect.poll(applied).toEqual({ fontSize: '26px', contrast: 'high', bodyPx: '26px' });
  await visited();

  // Nothing on any page was blocked by the Content-Security-Policy.
  expect(cspViolations).toEqual([]);

  // A12: "Need help now" sat in the same place on every page shown at the same text size.
  expect(new Set(helpBoxes.map((h) => h.textSize))).toEqual(new Set(['standard', 'largest']));
  for (const size of ['standard', 'largest']) {
    const group = helpBoxes.filter((h) => h.textSize === size);
    const first = group[0]!.box;
    for (const { url, box } of group) {
      expect({ url, ...box }).toEqual({ url, ...first });
    }
  }
});
