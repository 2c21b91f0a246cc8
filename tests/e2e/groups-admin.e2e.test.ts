import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { tabTo } from './support/browser';
import { browserPages } from './support/pages';

const baseUrl = inject('baseUrl');
const { newPage, visited, track } = browserPages('groups-admin');

/** Who is signed in is set up through the API (dev routes), not by the journey. */
async function signInAsDemo(page: Page, name: RegExp): Promise<string> {
  const list = await page.request.get(`${baseUrl}/api/dev/demo-accounts`).then((r) => r.json());
  const who = list.accounts.find((a: { displayName: string }) => name.test(a.displayName));
  expect(who, `a demo account matching ${name}`).toBeTruthy();
  const res = await page.request.post(`${baseUrl}/api/dev/sign-in-as`, {
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    data: { userId: who.id },
  });
  expect(res.ok()).toBe(true);
  return who.id as string;
}

async function askToJoin(page: Page, groupId: string, message: string) {
  const res = await page.request.post(`${baseUrl}/api/groups/${groupId}/join`, {
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    data: { message },
  });
  expect(res.ok()).toBe(true);
  expect((await res.json()).status).toBe('pending');
}

const press = (page: Page, key: string) => page.keyboard.press(key);
const mainText = (page: Page) => page.locator('main').textContent();

it('an organisation admin makes a group step by step, sees when it meets in words, changes it, and a facilitator says yes to a request', async () => {
  // Helen runs "Stroke Peer Network UK" in the demo data.
  const helen = await newPage();
  await signInAsDemo(helen, /^Helen/);
  const orgs = await helen.request.get(`${baseUrl}/api/organisations`).then((r) => r.json());
  expect(orgs.organisations.map((o: { name: string }) => o.name)).toContain(
    'Stroke Peer Network UK',
  );

  // From the Groups page, by keyboard alone.
  await helen.goto(`${baseUrl}/groups`);
  await expect.poll(() => helen.locator('h1').textContent()).toBe('Groups');
  await expect.poll(() => mainText(helen)).toContain('Groups you run');
  await visited(helen);
  await tabTo(helen, (el) => el.text === 'My organisations');
  await press(helen, 'Enter');
  await helen.waitForURL(`${baseUrl}/groups/organisations`);
  await expect.poll(() => helen.locator('h1').textContent()).toBe('My organisations');
  await visited(helen);
  await tabTo(helen, (el) => el.text === 'Open Stroke Peer Network UK');
  await press(helen, 'Enter');
  await expect.poll(() => helen.locator('h1').textContent()).toBe('Stroke Peer Network UK');
  await expect.poll(() => mainText(helen)).toContain('Word Finders Online');
  await visited(helen);
  await tabTo(helen, (el) => el.text === 'Add a group');
  await press(helen, 'Enter');
  await helen.waitForURL(/\/new$/);
  await expect.poll(() => mainText(helen)).toContain('Step 1 of 4: About the group');
  await visited(helen);

  // Step 1. What is typed survives a reload.
  await tabTo(helen, (el) => el.name === 'name');
  await helen.keyboard.type('Thursday Talkers');
  await tabTo(helen, (el) => el.name === 'description');
  await helen.keyboard.type('We meet in a quiet room. We talk and have tea. Take your time.');
  await helen.reload();
  await expect
    .poll(() => helen.locator('input[name="name"]').inputValue())
    .toBe('Thursday Talkers');
  await tabTo(helen, (el) => el.text === 'Save and go on');
  await press(helen, 'Enter');

  // Step 2: aphasia-friendly, eight people at most; people ask to join.
  await expect.poll(() => mainText(helen)).toContain('Step 2 of 4: Who it is for');
  await visited(helen);
  await tabTo(helen, (el) => el.name === 'focus-aphasia_friendly');
  await press(helen, 'Space');
  await tabTo(helen, (el) => el.name === 'sizeCap');
  await press(helen, 'Control+A');
  await helen.keyboard.type('8');
  expect(await helen.locator('input[name="joinPolicy"][value="ask"]').isChecked()).toBe(true);
  await tabTo(helen, (el) => el.text === 'Save and go on');
  await press(helen, 'Enter');

  // Step 3: the second Tuesday of each month, 2 to 3:30 pm, chosen from simple choices.
  await expect.poll(() => mainText(helen)).toContain('Step 3 of 4: When it meets');
  await visited(helen);
  await tabTo(helen, (el) => el.name === 'frequency');
  await press(helen, 'ArrowDown');
  await press(helen, 'ArrowDown');
  expect(await helen.locator('input[name="frequency"][value="monthly"]').isChecked()).toBe(true);
  await tabTo(helen, (el) => el.name === 'weekOfMonth');
  await press(helen, 'ArrowDown');
  expect(await helen.locator('select[name="weekOfMonth"]').inputValue()).toBe('2');
  await tabTo(helen, (el) => el.name === 'weekday');
  expect(await helen.locator('select[name="weekday"]').inputValue()).toBe('TU');
  await visited(helen);
  await tabTo(helen, (el) => el.text === 'Save and go on');
  await press(helen, 'Enter');

  // Step 4: a place. Sending it without a name shows the error beside the field.
  await expect.poll(() => mainText(helen)).toContain('Step 4 of 4: Where it meets');
  await visited(helen);
  await tabTo(helen, (el) => el.name === 'address');
  await helen.keyboard.type('12 Mill Lane');
  await tabTo(helen, (el) => el.name === 'place-search');
  await helen.keyboard.type('Manchester');
  await tabTo(helen, (el) => el.text === 'Find the place');
  await press(helen, 'Enter');
  await tabTo(helen, (el) => el.text.startsWith('Manchester'));
  await press(helen, 'Enter');
  await expect.poll(() => helen.locator('input[name="town"]').inputValue()).toBe('Manchester');
  await tabTo(helen, (el) => el.name === 'access-step_free');
  await press(helen, 'Space');
  await tabTo(helen, (el) => el.text === 'Make the group');
  await press(helen, 'Enter');
  const venueName = helen.locator('input[name="venueName"]');
  await expect.poll(() => venueName.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await venueName.getAttribute('aria-describedby')) ?? '';
  const described = await helen.evaluate(
    (ids) =>
      ids
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    describedBy,
  );
  expect(described).toContain('Please fill this in.');
  // Focus went to the field that needs a look.
  await expect
    .poll(() => helen.evaluate(() => document.activeElement?.getAttribute('name')))
    .toBe('venueName');
  await helen.keyboard.type('Mill Lane Community Centre');
  await visited(helen);
  await tabTo(helen, (el) => el.text === 'Make the group');
  await press(helen, 'Enter');

  // Made: the server says when it meets, in words.
  await helen.waitForURL(/\/groups\/[0-9a-f-]{36}\/edit$/);
  const groupId = helen.url().split('/').at(-2)!;
  await expect.poll(() => mainText(helen)).toContain('We made the group.');
  await expect
    .poll(() => mainText(helen))
    .toContain('The group meets: Second Tuesday of each month, 2 pm to 3:30 pm');
  await visited(helen);

  // Change it: Thursdays now.
  await tabTo(helen, (el) => el.text === 'Change: When it meets');
  await press(helen, 'Enter');
  await expect.poll(() => mainText(helen)).toContain('Step 3 of 4: When it meets');
  await visited(helen);
  await tabTo(helen, (el) => el.name === 'weekday');
  await press(helen, 'ArrowDown');
  await press(helen, 'ArrowDown');
  expect(await helen.locator('select[name="weekday"]').inputValue()).toBe('TH');
  await tabTo(helen, (el) => el.text === 'Save this step');
  await press(helen, 'Enter');
  await expect.poll(() => mainText(helen)).toContain('Saved.');
  await expect.poll(() => mainText(helen)).toContain('Second Thursday of each month');
  await visited(helen);
  const saved = await helen.request.get(`${baseUrl}/api/groups/${groupId}`).then((r) => r.json());
  expect(saved.rhythm).toMatchObject({ frequency: 'monthly', weekOfMonth: 2, weekday: 'TH' });
  expect(saved.venue).toMatchObject({ town: 'Manchester', access: ['step_free'] });
  expect(saved.focus).toEqual(['aphasia_friendly']);
  expect(saved.sizeCap).toBe(8);

  // Frank asks to join; Helen says yes and makes him the facilitator.
  const frank = await newPage();
  await signInAsDemo(frank, /^Frank/);
  await askToJoin(frank, groupId, 'I would like to come.');

  track(helen);
  await helen.goto(`${baseUrl}/groups/${groupId}`);
  await expect.poll(() => mainText(helen)).toContain('People asking to join');
  await expect.poll(() => mainText(helen)).toContain('I would like to come.');
  await visited(helen);
  await tabTo(helen, (el) => el.text === 'Say yes to Frank from Leeds');
  await press(helen, 'Enter');
  await expect.poll(() => mainText(helen)).toContain('Frank from Leeds is in the group now.');
  await tabTo(helen, (el) => el.text === 'Make Frank from Leeds a facilitator');
  await press(helen, 'Enter');
  await expect.poll(() => mainText(helen)).toContain('Frank from Leeds is now: Facilitator.');
  await visited(helen);

  // Tomasz asks; Frank, the facilitator, says yes by keyboard.
  const tomasz = await newPage();
  await signInAsDemo(tomasz, /^Tomasz/);
  await askToJoin(tomasz, groupId, 'Hello. Can I join?');

  track(frank);
  await frank.goto(`${baseUrl}/groups/${groupId}`);
  await expect.poll(() => mainText(frank)).toContain('Run this group');
  await expect.poll(() => mainText(frank)).toContain('Hello. Can I join?');
  // A facilitator runs the group but does not change it: that is for the organisation.
  expect(await frank.locator('a', { hasText: 'Change this group' }).count()).toBe(0);
  await visited(frank);
  await tabTo(frank, (el) => el.text === 'Say yes to Tomasz');
  await press(frank, 'Enter');
  await expect.poll(() => mainText(frank)).toContain('Tomasz is in the group now.');
  await visited(frank);
  const members = await frank.request
    .get(`${baseUrl}/api/groups/${groupId}/members`)
    .then((r) => r.json());
  expect(members.members.map((m: { displayName: string }) => m.displayName)).toContain('Tomasz');

  // Saying no offers kind words that the facilitator can change.
  const declineFor = await newPage();
  await signInAsDemo(declineFor, /^Kwame/);
  await askToJoin(declineFor, groupId, 'Hi.');
  track(frank);
  await frank.reload();
  await tabTo(frank, (el) => el.text === 'Say no to Kwame');
  await press(frank, 'Enter');
  await expect
    .poll(() => frank.locator('textarea[name="declineMessage"]').inputValue())
    .toContain('Thank you for asking.');
  await visited(frank);
});
