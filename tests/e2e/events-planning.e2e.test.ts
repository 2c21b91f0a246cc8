// Planning an organisation's and the community's meetings, and changing or cancelling a whole
// event (issue 12, part 1), by keyboard: the member who said yes is told.

import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { callApi, signInAs } from './support/forum';
import { browserPages } from './support/pages';

const baseUrl = inject('baseUrl');
const { newPage: openPage, visited } = browserPages('events-planning');
/** People here live in the UK: times in words are in UK time. */
const newPage = () => openPage('en-GB', { timezoneId: 'Europe/London' });
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-events-planning';
mkdirSync(SHOTS, { recursive: true });

/** Three pictures of what a person sees: 1280 px, 768 px, and text at 200% (640 px at 2x). */
async function shoot(page: Page, name: string) {
  const size = page.viewportSize() ?? { width: 1024, height: 900 };
  for (const [label, width, height, zoom] of [
    ['1280', 1280, 900, 1],
    ['768', 768, 1024, 1],
    ['200pc', 640, 512, 2],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate((z) => {
      document.documentElement.style.zoom = z === 1 ? '' : String(z);
    }, zoom);
    // The whole page, in pieces small enough to look at.
    const tall = await page.evaluate(() => document.documentElement.scrollHeight);
    const piece = zoom === 1 ? 1400 : 1000;
    for (let y = 0, n = 1; y < tall && n <= 5; y += piece, n++) {
      await page.screenshot({
        path: `${SHOTS}/${name}-${label}-${n}.png`,
        fullPage: true,
        clip: { x: 0, y, width, height: Math.min(piece, tall - y) },
      });
    }
  }
  await page.evaluate(() => {
    document.documentElement.style.zoom = '';
  });
  await page.setViewportSize(size);
}

/** One part of the page, at 1280 px and with text at 200%: for parts further down than `shoot` goes. */
async function shootPart(page: Page, part: Locator, name: string) {
  const size = page.viewportSize() ?? { width: 1024, height: 900 };
  for (const [label, width, height, zoom] of [
    ['1280', 1280, 900, 1],
    ['200pc', 640, 512, 2],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate((z) => {
      document.documentElement.style.zoom = z === 1 ? '' : String(z);
    }, zoom);
    await part.screenshot({ path: `${SHOTS}/${name}-part-${label}.png` });
  }
  await page.evaluate(() => {
    document.documentElement.style.zoom = '';
  });
  await page.setViewportSize(size);
}

const main = (page: Page) => page.locator('main').innerText();
const isFocused = (page: Page, label: string | RegExp) =>
  page
    .getByLabel(label)
    .first()
    .evaluate((el) => el === document.activeElement);

/** Focuses a field by its label and types into it, as a keyboard does. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label).first().focus();
  await page.keyboard.type(text);
}

/** Focuses a field, takes out what it holds and types anew. */
async function retype(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label).first().focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/** Focuses a control by its role and name, and presses a key on it. */
async function press(
  page: Page,
  role: 'button' | 'link' | 'radio' | 'checkbox',
  name: string | RegExp,
  key = 'Enter',
) {
  await page
    .getByRole(role, { name, exact: typeof name === 'string' })
    .first()
    .focus();
  await page.keyboard.press(key);
}

function dayAhead(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const tag = Math.random().toString(36).slice(2, 6);
const title = `Spring walk ${tag}`;
const renamed = `Spring walk and lunch ${tag}`;
let eventUrl = '';

it("an organisation's admin plans its own meeting by keyboard, with the place on the map", async () => {
  const page = await newPage();
  await signInAs(page, baseUrl, 'Helen (peer supporter)');
  const { organisations } = await callApi<{ organisations: { id: string; name: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/organisations',
  );
  const org = organisations.find((o) => o.name === 'Stroke Peer Network UK');
  expect(org).toBeTruthy();
  await page.goto(`${baseUrl}/groups/organisations/${org!.id}`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Stroke Peer Network UK');
  await visited(page);
  await shoot(page, 'organisation');

  await press(page, 'link', 'Plan a meeting');
  await expect.poll(() => page.locator('h1').textContent()).toBe('Plan a meeting');
  expect(page.url()).toBe(`${baseUrl}/organisations/${org!.id}/plan`);
  expect(await main(page)).toContain('Run by Stroke Peer Network UK');
  // The time zone starts as the browser's own.
  expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/London');
  await visited(page);
  await shoot(page, 'plan-org-empty');

  // Sent with nothing chosen: how people meet is asked first, beside the choice, with focus there.
  await press(page, 'button', 'Plan the meeting');
  await expect.poll(() => main(page)).toContain('Please choose how people meet.');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')))
    .toBe('radio');
  await press(page, 'radio', 'In person', 'Space');
  // Then the server names every other problem; focus goes to the first, the name.
  await press(page, 'button', 'Plan the meeting');
  const name = page.getByLabel(/Name of the meeting/);
  await expect.poll(() => name.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
  expect(await main(page)).toContain('Please give the event a name.');
  await expect.poll(() => isFocused(page, /Name of the meeting/)).toBe(true);
  // No date and no time: both say so; the length, which is chosen, does not.
  expect(await page.getByLabel(/Date of the first meeting/).getAttribute('aria-invalid')).toBe(
    'true',
  );
  expect(await page.getByLabel(/Start time/).getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByLabel('How long?').getAttribute('aria-invalid')).toBeNull();
  await visited(page);
  await shoot(page, 'plan-org-problems');

  await typeInto(page, /Name of the meeting/, title);
  await typeInto(page, /What happens at the meeting/, 'A short, flat walk in the park, then tea.');
  await page.getByLabel(/Date of the first meeting/).fill(dayAhead(30));
  await page.getByLabel(/Start time/).fill('11:00');
  await page.getByLabel('How long?').selectOption('120');
  await typeInto(page, /How many places/, '8');
  // English is ticked to start with; Space ticks Welsh too.
  expect(await page.getByRole('checkbox', { name: 'English' }).isChecked()).toBe(true);
  await press(page, 'checkbox', 'Welsh', 'Space');
  await expect.poll(() => page.getByRole('checkbox', { name: 'Welsh' }).isChecked()).toBe(true);
  await typeInto(page, /Name of the place/, 'Heaton Park Hall');
  await typeInto(page, /^Address/, 'Middleton Road');
  // The town found on the list puts the meeting on the map and fills in the town.
  await typeInto(page, /Find the town on our list/, 'Manchester');
  await press(page, 'button', 'Find the place');
  await press(page, 'button', 'Manchester, England, GB');
  await expect.poll(() => main(page)).toContain('Near Manchester.');
  expect(await page.getByLabel(/Town or city/).inputValue()).toBe('Manchester');
  await press(page, 'checkbox', 'Step-free way in', 'Space');
  await press(page, 'checkbox', 'Quiet room', 'Space');
  await typeInto(page, /How to get there/, 'Tram to Heaton Park, then 5 minutes on foot.');
  await visited(page);
  await shoot(page, 'plan-org');

  await press(page, 'button', 'Plan the meeting');
  await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe(title);
  await visited(page);
  eventUrl = page.url();
  const text = await main(page);
  expect(text).toContain('Run by Stroke Peer Network UK');
  expect(text).toContain('Heaton Park Hall');
  expect(text).toContain('Quiet room');
  expect(text).toContain('11 am to 1 pm');
  expect(text).toContain('Change the whole event');
  await shoot(page, 'event-org');
  const made = await callApi<{
    capacity: number;
    languages: string[];
    venue: { lat: number | null };
  }>(page, baseUrl, 'GET', `/events/${eventUrl.split('/').pop()}`);
  expect(made.capacity).toBe(8);
  expect(made.languages).toEqual(['en', 'cy']);
  expect(made.venue.lat).toBeCloseTo(53.48, 1);
});

it('a member says yes to the meeting; they see no way to change or plan it', async () => {
  expect(eventUrl).not.toBe('');
  const page = await newPage();
  await signInAs(page, baseUrl, 'Frank from Leeds');
  await page.goto(eventUrl);
  await expect.poll(() => page.locator('h1').textContent()).toBe(title);
  expect(await main(page)).not.toContain('Change the whole event');
  const first = page.locator('.event-meeting').first();
  await first.getByRole('radio', { name: 'I am going' }).focus();
  await page.keyboard.press('Space');
  await first.getByRole('button', { name: 'Save my answer' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => first.innerText(), { timeout: 10_000 }).toContain('You are going.');
  await visited(page);

  // Only site admins plan for everyone; for others the page is not there.
  await page.goto(`${baseUrl}/events`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Events');
  expect(await main(page)).not.toContain('Plan a meeting for everyone');
  await page.goto(`${baseUrl}/events/plan`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
  await page.goto(`${eventUrl}/change`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
});

it('the facilitator changes the whole event, then cancels it; the member who said yes is told', async () => {
  expect(eventUrl).not.toBe('');
  const page = await newPage();
  await signInAs(page, baseUrl, 'Helen (peer supporter)');
  await page.goto(eventUrl);
  await expect.poll(() => page.locator('h1').textContent()).toBe(title);
  await press(page, 'link', 'Change the whole event');
  await expect.poll(() => page.locator('h1').textContent()).toBe('Change the event');
  await visited(page);
  expect(await page.getByLabel(/Name of the meeting/).inputValue()).toBe(title);
  expect(await page.getByLabel(/How many places/).inputValue()).toBe('8');
  expect(await main(page)).toContain('Near Manchester.');

  // A name too short is said beside the field, and focus goes there.
  await retype(page, /Name of the meeting/, 'Wa');
  await press(page, 'button', 'Save the changes');
  await expect
    .poll(() => main(page), { timeout: 10_000 })
    .toContain('Please give the event a name.');
  await expect.poll(() => isFocused(page, /Name of the meeting/)).toBe(true);

  await retype(page, /Name of the meeting/, renamed);
  await retype(page, /How many places/, '12');
  await visited(page);
  await shoot(page, 'change-event');
  await press(page, 'button', 'Save the changes');
  await expect.poll(() => main(page), { timeout: 10_000 }).toContain('The changes are saved.');
  const id = eventUrl.split('/').pop();
  const changed = await callApi<{ title: string; capacity: number; venue: { lat: number } }>(
    page,
    baseUrl,
    'GET',
    `/events/${id}`,
  );
  expect(changed.title).toBe(renamed);
  expect(changed.capacity).toBe(12);
  // What was not changed stays as it was.
  expect(changed.venue.lat).toBeCloseTo(53.48, 1);

  // Cancelling the whole event asks first; the question takes focus, and "No" keeps it.
  await press(page, 'button', 'Cancel the whole event');
  await expect.poll(() => main(page)).toContain('Everyone who said yes will be told.');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
    .toContain('Cancel the whole event?');
  await visited(page);
  await shoot(page, 'change-event-cancel');
  await shootPart(
    page,
    page.locator('section[aria-labelledby="cancel-all-title"]'),
    'change-event-cancel',
  );
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
    .toBe('Cancel the whole event');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
    .toBe('Yes, cancel the whole event');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe(renamed);
  await expect.poll(() => main(page)).toContain('This event is cancelled.');
  expect(await main(page)).not.toContain('Change the whole event');
  await visited(page);

  const member = await newPage();
  await signInAs(member, baseUrl, 'Frank from Leeds');
  await member.goto(`${baseUrl}/notifications`);
  await expect
    .poll(() => main(member), { timeout: 10_000 })
    .toContain(`${renamed} is cancelled. There will be no more meetings.`);
  await visited(member);
});

it('a site admin plans an online meeting for everyone from the events page', async () => {
  const page = await newPage();
  await signInAs(page, baseUrl, 'Alex (admin)');
  await page.goto(`${baseUrl}/events`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Events');
  await press(page, 'link', 'Plan a meeting for everyone');
  await expect.poll(() => page.locator('h1').textContent()).toBe('Plan a meeting');
  expect(await main(page)).toContain('For everyone in Been There');
  await visited(page);

  const online = `Coffee online ${tag}`;
  await typeInto(page, /Name of the meeting/, online);
  await press(page, 'radio', 'Online', 'Space');
  await press(page, 'radio', 'Every week', 'Space');
  await page.getByLabel(/Date of the first meeting/).fill(dayAhead(9));
  await page.getByLabel(/Start time/).fill('19:30');
  await page.getByLabel('How long?').selectOption('60');
  // A meeting for people in another time zone: the times given are in that zone.
  await page.getByLabel('Time zone').focus();
  await page.getByLabel('Time zone').selectOption('America/New_York');
  await typeInto(page, /Video link/, 'https://meet.example.org/coffee');
  expect(await main(page)).not.toContain('Name of the place');
  await visited(page);
  await shoot(page, 'plan-community');

  await press(page, 'button', 'Plan the meeting');
  await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe(online);
  const text = await main(page);
  expect(text).toContain('For everyone in Been There');
  expect(text).toContain('This meeting is online.');
  // 7:30 pm in New York is 12:30 am the next day in the UK (or 11:30 pm around the changes).
  expect(text).toMatch(/(12:30 am to 1:30 am|11:30 pm to 12:30 am)/);
  await visited(page);
});
