import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MemberRole } from '../../../src/contract/accounts';
import type { TrustLevel } from '../../../src/contract/trust';
import { CONDUCT_VERSION } from '../../../src/contract/values';
import { signInAs } from './forum';

/** A new address for each run, so that sign-ups never meet an earlier one. */
export function newEmail(prefix = 'member'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.test`;
}

/** Signs up through the API (the cookie context of the page): an adult in the UK who accepts the conduct. */
export async function requestSignUp(
  page: Page,
  baseUrl: string,
  person: { email: string; displayName: string; role?: MemberRole },
) {
  const res = await page.request.post(`${baseUrl}/api/auth/sign-up`, {
    headers: { origin: baseUrl },
    data: {
      role: 'survivor',
      isAdult: true,
      acceptConduct: true,
      conductVersion: CONDUCT_VERSION,
      country: 'GB',
      ...person,
    },
  });
  expect(res.ok(), `sign-up: ${res.status()} ${await res.text()}`).toBe(true);
}

/**
 * A new member, signed up through the API and signed in with the link from the dev outbox.
 * Setting up who is signed in is not part of a journey. The page is left on Home.
 */
export async function signUpAndSignIn(
  page: Page,
  baseUrl: string,
  displayName: string,
  {
    role = 'survivor',
    prefix = 'member',
    trust = 'basic',
  }: { role?: MemberRole; prefix?: string; trust?: TrustLevel } = {},
): Promise<string> {
  const email = newEmail(prefix);
  await page.goto(`${baseUrl}/`);
  await requestSignUp(page, baseUrl, { email, displayName, role });
  // The mail goes by job, a moment after the answer: wait for it briefly.
  let token: string | undefined;
  await expect
    .poll(
      async () => {
        const outbox = (await (await page.request.get(`${baseUrl}/api/dev/outbox`)).json()) as {
          messages: { to: string; text: string }[];
        };
        const mail = outbox.messages.find((m) => m.to === email);
        token = /#token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
        return token;
      },
      { timeout: 5_000, interval: 50 },
    )
    .toBeTruthy();
  expect(token, `a sign-in link mailed to ${email}`).toBeTruthy();
  const verify = await page.request.post(`${baseUrl}/api/auth/email-link/verify`, {
    headers: { origin: baseUrl },
    data: { token },
  });
  expect(verify.ok(), `sign-in link: ${verify.status()} ${await verify.text()}`).toBe(true);
  // Most journeys are about members who have been here a while: a demo moderator sets the
  // level by hand (as a moderator would), unless the journey is about someone brand new.
  if (trust !== 'new') {
    const userId = ((await verify.json()) as { user: { id: string } }).user.id;
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const staff = await browser.newContext();
    try {
      const staffPage = await staff.newPage();
      await signInAs(staffPage, baseUrl, 'Ivy (moderator)');
      const set = await staffPage.request.put(`${baseUrl}/api/moderation/people/${userId}/trust`, {
        headers: { origin: baseUrl },
        data: { level: trust, locked: false },
      });
      expect(set.ok(), `trust level: ${set.status()} ${await set.text()}`).toBe(true);
    } finally {
      await staff.close();
    }
  }
  return email;
}
