import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { tabTo } from './support/browser';
import { signInAs } from './support/forum';
import { browserPages } from './support/pages';
import { signUpAndSignIn } from './support/people';

const baseUrl = inject('baseUrl');
const { newPage, visited, track } = browserPages('groups');

/** Setting up who is signed in is not part of the journey: it goes through the API. */
async function signUpWithAphasia(page: Page, displayName: string) {
  await signUpAndSignIn(page, baseUrl, displayName, { prefix: 'robin' });
  const profile = await page.request.patch(`${baseUrl}/api/me/profile`, {
    headers: { origin: baseUrl },
    data: { experience: { aphasia: 'yes', strokeYear: 2025 }, healthConsent: true },
  });
  expect(profile.ok(), await profile.text()).toBe(true);
}

const press = (page: Page, key: string) => page.keyboard.press(key);

it('a survivor with aphasia finds a group that fits, asks to join, is approved, and then sees the board and meeting link; others cannot', async () => {
  // A new survivor with aphasia (their profile says so), by keyboard alone from here.
  const robin = await newPage();
  await signUpWithAphasia(robin, 'Robin');
  await robin.goto(`${baseUrl}/groups`);
  await expect.poll(() => robin.locator('h1').textContent()).toBe('Groups');
  await visited(robin);

  await tabTo(robin, (el) => el.text === 'Find a group that fits me');
  await press(robin, 'Enter');
  await robin.waitForURL(`${baseUrl}/groups/fits-me`);
  await expect.poll(() => robin.locator('main').textContent()).toContain('Question 1 of 9');
  await visited(robin);

  // 1: who are you? Filled in from the profile.
  expect(await robin.locator('input[name="role"][value="survivor"]').isChecked()).toBe(true);
  await expect.poll(() => robin.locator('main').textContent()).toContain('from your profile');
  await tabTo(robin, (el) => el.text === 'Next');
  await press(robin, 'Enter');
  // 2: age, skipped.
  await expect.poll(() => robin.locator('main').textContent()).toContain('Question 2 of 9');
  await visited(robin);
  await tabTo(robin, (el) => el.text === 'Skip this question');
  await press(robin, 'Enter');
  // 3: words are hard? Filled in from the profile: yes.
  await expect.poll(() => robin.locator('main').textContent()).toContain('Question 3 of 9');
  expect(await robin.locator('input[name="aphasia"][value="yes"]').isChecked()).toBe(true);
  await tabTo(robin, (el) => el.text === 'Next');
  await press(robin, 'Enter');
  // 4: online, chosen with the keyboard.
  await expect.poll(() => robin.locator('main').textContent()).toContain('Question 4 of 9');
  await visited(robin);
  await tabTo(robin, (el) => el.tag === 'input' && el.name === 'format');
  await press(robin, 'Space');
  expect(await robin.locator('input[name="format"][value="online"]').isChecked()).toBe(true);
  await tabTo(robin, (el) => el.text === 'Next');
  await press(robin, 'Enter');
  // 5 to 9: skipped, each screen checked.
  for (let n = 5; n <= 9; n++) {
    await expect.poll(() => robin.locator('main').textContent()).toContain(`Question ${n} of 9`);
    await visited(robin);
    await tabTo(robin, (el) => el.text === 'Skip this question');
    await press(robin, 'Enter');
  }

  // Results, with reasons in plain words.
  await robin.waitForURL(/step=results/);
  await expect
    .poll(() => robin.locator('.group-card').first().textContent())
    .toContain('Word Finders Online');
  const firstCard = (await robin.locator('.group-card').first().textContent()) ?? '';
  expect(firstCard).toContain('Meets online, so no travel.');
  expect(firstCard).toContain('Aphasia-friendly: people take their time.');
  await visited(robin);

  await tabTo(robin, (el) => el.text === 'Open this group');
  await press(robin, 'Enter');
  await robin.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
  const groupUrl = robin.url();
  const groupId = groupUrl.split('/').at(-1)!;
  await expect.poll(() => robin.locator('h1').textContent()).toBe('Word Finders Online');
  await visited(robin);
  expect(await robin.locator('main').textContent()).not.toContain('meet.example.org');

  await tabTo(robin, (el) => el.name === 'message');
  await robin.keyboard.type('Hello. Words are slow for me.');
  await tabTo(robin, (el) => el.text === 'Ask to join');
  await press(robin, 'Enter');
  await expect.poll(() => robin.locator('main').textContent()).toContain('We sent your request.');
  await visited(robin);
  const pending = await robin.evaluate(
    (id) => fetch(`/api/groups/${id}`).then((r) => r.json()),
    groupId,
  );
  expect(pending.me.status).toBe('pending');
  expect(pending.meetingLink).toBeNull();

  // The facilitator says yes, by keyboard.
  const helen = await newPage();
  await signInAs(helen, baseUrl, 'Helen (peer supporter)');
  await helen.goto(groupUrl);
  await expect.poll(() => helen.locator('main').textContent()).toContain('People asking to join');
  await expect.poll(() => helen.locator('main').textContent()).toContain('Words are slow for me.');
  await visited(helen);
  await tabTo(helen, (el) => el.text === 'Say yes to Robin');
  await press(helen, 'Enter');
  await expect
    .poll(() => helen.locator('main').textContent())
    .toContain('Robin is in the group now.');

  // Robin now sees the meeting link and the board.
  track(robin);
  await robin.reload();
  await expect.poll(() => robin.locator('main').textContent()).toContain('Meeting link');
  await expect
    .poll(() => robin.locator('main').textContent())
    .toContain('https://meet.example.org/word-finders');
  await expect.poll(() => robin.locator('#board-title').count()).toBe(1);
  await visited(robin);
  await tabTo(robin, (el) => el.name === 'board-title');
  await robin.keyboard.type('Hello from Robin');
  await tabTo(robin, (el) => el.name === 'board-body');
  await robin.keyboard.type('I am new here. Thank you for having me.');
  await tabTo(robin, (el) => el.text === 'Post on the board');
  await press(robin, 'Enter');
  await expect
    .poll(() => robin.locator('#board-title ~ ul').textContent())
    .toContain('Hello from Robin');

  // Someone outside the group sees neither, on the page or through the API.
  const outsider = await newPage();
  await signInAs(outsider, baseUrl, 'Dev P');
  await outsider.goto(groupUrl);
  await expect.poll(() => outsider.locator('h1').textContent()).toBe('Word Finders Online');
  await visited(outsider);
  const seen = (await outsider.locator('main').textContent()) ?? '';
  expect(seen).not.toContain('meet.example.org');
  expect(seen).not.toContain('Hello from Robin');
  expect(await outsider.locator('#board-title').count()).toBe(0);
  const api = await outsider.evaluate(async (id) => {
    const group = await fetch(`/api/groups/${id}`).then((r) => r.json());
    const board = await fetch(`/api/groups/${id}/board`);
    const members = await fetch(`/api/groups/${id}/members`);
    return {
      link: group.meetingLink,
      board: board.status,
      members: members.status,
      raw: JSON.stringify(group),
    };
  }, groupId);
  expect(api.link).toBeNull();
  expect(api.raw).not.toContain('meet.example.org');
  expect(api.board).toBe(403);
  expect(api.members).toBe(403);
});
