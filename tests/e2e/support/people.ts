import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MemberRole } from '../../../src/contract/accounts';
import { CONDUCT_VERSION } from '../../../src/contract/values';

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
  { role = 'survivor', prefix = 'member' }: { role?: MemberRole; prefix?: string } = {},
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
  return email;
}
