// Gatherings as people meet them (issue 12, part 6): a facilitator plans a monthly meeting in
// person and online, by keyboard; a member says yes and brings a carer.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { callApi, signInAs } from './support/forum';
import { browserPages } from './support/pages';

const baseUrl = inject('baseUrl');
const mailDir = inject('mailDir');
const { newPage: openPage, visited, track } = browserPages('events');
/** People here live in the UK: times in words are in UK time. */
const newPage = () => openPage('en-GB', { timezoneId: 'Europe/London' });
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-events';
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

/** Focuses a field by its label and types into it, as a keyboard does. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  await page.getByLabel(label).first().focus();
  await page.keyboard.type(text);
}

/** A day about six weeks away, as the date input's value. */
function dayAhead(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const title = `Tea and talk ${Math.random().toString(36).slice(2, 6)}`;
let eventUrl = '';
let groupUrl = '';

it('a facilitator plans a monthly meeting in person and online, with access details, by keyboard', async () => {
  const page = await newPage();
  await signInAs(page, baseUrl, 'Helen (peer supporter)');
  const found = await callApi<{ groups: { id: string; name: string }[] }>(
    page,
    baseUrl,
    'GET',
    '/groups?q=Talk%20Easy%20Leeds',
  );
  const group = found.groups.find((g) => g.name === 'Talk Easy Leeds');
  expect(group).toBeTruthy();
  groupUrl = `${baseUrl}/groups/${group!.id}`;
  await page.goto(groupUrl);
  await visited(page);
  expect(await main(page)).toContain('Meetings');

  await page.getByRole('link', { name: 'Plan a meeting' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').textContent()).toBe('Plan a meeting');
  await visited(page);

  // Sent with nothing typed: the problem is said in words beside the field, and focus goes there.
  await page.getByRole('button', { name: 'Plan the meeting' }).focus();
  await page.keyboard.press('Enter');
  const name = page.getByLabel(/Name of the meeting/);
  await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
  expect(await main(page)).toContain('Please give the event a name.');
  await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);

  await typeInto(page, /Name of the meeting/, title);
  // Once changed, the field no longer says it has a problem.
  await expect.poll(() => name.getAttribute('aria-invalid')).not.toBe('true');
  await typeInto(page, /What happens at the meeting/, 'We drink tea and talk. Come as you are.');
  // How people meet: the radios move with the arrow keys; "In person and online" is the last.
  await page.getByRole('radio', { name: 'In person and online' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('radio', { name: 'Every month' }).focus();
  await page.keyboard.press('Space');
  await page.getByLabel(/Date of the first meeting/).fill(dayAhead(40));
  await page.getByLabel(/Start time/).fill('14:00');
  await page.getByLabel('How long?').selectOption('90');
  await typeInto(page, /How many places/, '10');
  // The place comes from the group; access ticks change by Space.
  expect(await page.getByLabel(/Name of the place/).inputValue()).toContain(
    'Leeds Central Library',
  );
  const parking = page.getByRole('checkbox', { name: 'Parking' });
  await parking.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => parking.isChecked()).toBe(true);
  await typeInto(page, /How to get there/, 'Bus 42 stops outside.');
  await typeInto(page, /Video link/, 'https://meet.example.org/tea-and-talk');
  expect(await main(page)).toContain('of each month');
  await visited(page);
  await shoot(page, 'plan');

  await page.getByRole('button', { name: 'Plan the meeting' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').textContent(), { timeout: 10_000 }).toBe(title);
  await visited(page);
  eventUrl = page.url();
  const text = await main(page);
  expect(text).toContain('In person and online');
  expect(text).toContain('Parking');
  expect(text).toContain('Step-free way in');
  expect(text).toContain('Bus 42 stops outside.');
  expect(text).toContain('Add to my calendar');
  expect(text).toContain('Change this meeting');
  await shoot(page, 'event-facilitator');

  // One meeting moves a day later, at 3 pm; the series stays as it is.
  const second = page.locator('.event-meeting').nth(1);
  await second.getByRole('button', { name: 'Move this meeting' }).focus();
  await page.keyboard.press('Enter');
  const newDate = second.getByLabel('New date');
  // The button pressed went away: focus is on the first new field, not lost.
  await expect.poll(() => newDate.evaluate((el) => el === document.activeElement)).toBe(true);
  const was = await newDate.inputValue();
  const dayLater = new Date(`${was}T12:00:00Z`);
  dayLater.setUTCDate(dayLater.getUTCDate() + 1);
  await newDate.fill(dayLater.toISOString().slice(0, 10));
  await second.getByLabel('New start time').fill('15:00');
  await second.getByLabel('New end time').fill('16:30');
  await visited(page);
  await second.getByRole('button', { name: 'Save the new time' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => second.innerText(), { timeout: 10_000 })
    .toContain('The meeting has moved.');
  await expect.poll(() => second.innerText()).toContain('3 pm to 4:30 pm');
  expect(await second.innerText()).toContain('New time');

  // Another is cancelled, after a question.
  const third = page.locator('.event-meeting').nth(2);
  await third.getByRole('button', { name: 'Cancel this meeting' }).focus();
  await page.keyboard.press('Enter');
  expect(await third.innerText()).toContain('Everyone who said yes will be told.');
  // Focus is on the question, so a screen reader says it.
  await expect
    .poll(() => third.locator('.confirm p').evaluate((el) => el === document.activeElement))
    .toBe(true);
  await third.getByRole('button', { name: 'Yes, cancel it' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => third.innerText(), { timeout: 10_000 }).toContain('Cancelled');
  await expect.poll(() => third.innerText()).toContain('Put this meeting back');
  await visited(page);
  await shoot(page, 'event-changed');
});

it('a member finds the meeting, says yes and brings a carer, and then sees the video link', async () => {
  expect(eventUrl).not.toBe('');
  const page = await newPage();
  track(page);
  await signInAs(page, baseUrl, 'Frank from Leeds');
  await page.goto(`${baseUrl}/events`);
  await expect.poll(() => page.locator('h1').textContent()).toBe('Events');
  await visited(page);
  expect(await main(page)).toContain(title);
  await shoot(page, 'events');

  const open = page.getByRole('link', { name: new RegExp(`See this meeting: ${title}`) }).first();
  await open.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('h1').textContent()).toBe(title);
  await visited(page);
  expect(await main(page)).toContain('Say you are going to see the video link.');

  const first = page.locator('.event-meeting').first();
  await first.getByRole('radio', { name: 'I am going' }).focus();
  await page.keyboard.press('Space');
  await first.getByRole('checkbox', { name: 'I am bringing a carer' }).focus();
  await page.keyboard.press('Space');
  await first.getByLabel(/Anything the facilitator should know/).focus();
  await page.keyboard.type('I walk with a stick.');
  await first.getByRole('button', { name: 'Save my answer' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => first.innerText(), { timeout: 10_000 })
    .toContain('You are going, with your carer.');
  await expect.poll(() => first.innerText()).toContain('https://meet.example.org/tea-and-talk');
  expect(await first.innerText()).toContain('2 people going');
  await visited(page);
  await shoot(page, 'event-member');

  // The calendar file downloads, with the meeting in it.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Add to my calendar' }).focus();
  await page.keyboard.press('Enter');
  const file = await download;
  const path = await file.path();
  const ics = readFileSync(path, 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain(title);

  await page.goto(`${baseUrl}/events?show=mine`);
  await expect.poll(() => main(page)).toContain(title);
  // A private calendar address holds the meeting too.
  await page.getByRole('button', { name: 'Make my calendar address' }).focus();
  await page.keyboard.press('Enter');
  const feedUrl = page.locator('.event-feed-url');
  await expect.poll(() => feedUrl.count(), { timeout: 10_000 }).toBe(1);
  const feed = await page.request.get((await feedUrl.innerText()).trim());
  expect(feed.ok()).toBe(true);
  expect(await feed.text()).toContain(title);
  await visited(page);
  await shoot(page, 'events-mine');

  // The group page lists its next meetings, each leading to the meeting.
  await page.goto(groupUrl);
  await expect.poll(() => main(page)).toContain(title);
  await visited(page);
  await shoot(page, 'group-member');
});

it('the facilitator sees who is coming, with the carer and what the member wants known', async () => {
  expect(eventUrl).not.toBe('');
  const page = await newPage();
  await signInAs(page, baseUrl, 'Helen (peer supporter)');
  await page.goto(eventUrl);
  await expect.poll(() => page.locator('h1').textContent()).toBe(title);
  const first = page.locator('.event-meeting').first();
  await first.getByRole('button', { name: 'See who is coming' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => first.innerText(), { timeout: 10_000 }).toContain('Frank from Leeds');
  const text = await first.innerText();
  expect(text).toContain('(with a carer)');
  expect(text).toContain('They want you to know: I walk with a stick.');
  await visited(page);
  await shoot(page, 'event-people');
});

it('the facilitator moves the meeting the member said yes to, and the member is told', async () => {
  expect(eventUrl).not.toBe('');
  const page = await newPage();
  await signInAs(page, baseUrl, 'Helen (peer supporter)');
  await page.goto(eventUrl);
  await expect.poll(() => page.locator('h1').textContent()).toBe(title);
  // The first meeting, which the member said yes to, moves an hour later on the same day.
  const first = page.locator('.event-meeting').first();
  await first.getByRole('button', { name: 'Move this meeting' }).focus();
  await page.keyboard.press('Enter');
  await first.getByLabel('New start time').fill('15:00');
  await first.getByLabel('New end time').fill('16:30');
  await first.getByRole('button', { name: 'Save the new time' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => first.innerText(), { timeout: 10_000 })
    .toContain('The meeting has moved.');

  const member = await newPage();
  await signInAs(member, baseUrl, 'Frank from Leeds');
  await member.goto(`${baseUrl}/notifications`);
  await expect.poll(() => main(member), { timeout: 10_000 }).toContain('has moved to 3 pm');
  expect(await main(member)).toContain(title);
  await visited(member);
  await shoot(member, 'notifications-moved');
});

/** Mail the test SMTP server got whose text has all of `words` (the server writes each as JSON). */
function mailWith(...words: string[]): { subject: string; text: string; to: string[] } | undefined {
  return readdirSync(mailDir)
    .sort()
    .map(
      (f) =>
        JSON.parse(readFileSync(join(mailDir, f), 'utf8')) as {
          subject: string;
          text: string;
          to: string[];
        },
    )
    .find((m) => words.every((w) => `${m.subject}\n${m.text}`.includes(w)));
}

/**
 * Moves the app's clock ahead (0: back). Sent without anyone's cookie: a session seen at a time
 * far ahead would have ended, and the server would sign that person out.
 */
async function moveClock(aheadMinutes: number) {
  const res = await fetch(`${baseUrl}/api/dev/clock`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ aheadMinutes }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

it('a day before the meeting, the member gets a reminder by email (the clock moved, not waited for)', async () => {
  expect(eventUrl).not.toBe('');
  const eventId = eventUrl.split('/').pop()!;
  const member = await newPage();
  await signInAs(member, baseUrl, 'Frank from Leeds');
  const event = await callApi<{
    meetings: { startsAt: string; me: { answer: string } | null }[];
  }>(member, baseUrl, 'GET', `/events/${eventId}`);
  const mine = event.meetings.find((m) => m.me?.answer === 'going');
  expect(mine).toBeTruthy();
  const start = new Date(mine!.startsAt).getTime();
  expect(mailWith('Reminder', title)).toBeUndefined();
  // The app's clock moves on to 23 hours before the meeting; the reminder sweep runs at once.
  const aheadMinutes = Math.floor((start - 23 * 3_600_000 - Date.now()) / 60_000);
  expect(aheadMinutes).toBeGreaterThan(0);
  try {
    await moveClock(aheadMinutes);
    await expect.poll(() => mailWith('Reminder', title), { timeout: 15_000 }).toBeTruthy();
    const mail = mailWith('Reminder', title)!;
    // In words, at the new time: "3 pm to 4:30 pm".
    expect(mail.text).toContain('3 pm to 4:30 pm');
    // Moved on again (still a day before): it is not sent twice.
    await moveClock(aheadMinutes + 5);
    const reminders = readdirSync(mailDir).filter((f) => {
      const m = JSON.parse(readFileSync(join(mailDir, f), 'utf8')) as { text: string };
      return m.text.includes('Reminder') && m.text.includes(title);
    });
    expect(reminders).toHaveLength(1);
  } finally {
    await moveClock(0);
  }
  // And in the app, among the member's notifications.
  await member.goto(`${baseUrl}/notifications`);
  await expect.poll(() => main(member), { timeout: 10_000 }).toContain(`Reminder: ${title}`);
  await visited(member);
});

/** A wall-clock time in the UK, as the event form takes it: "2026-05-14T14:00". */
function ukLocal(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

it('the facilitator marks who came by keyboard; the group counts it and the member sees it', async () => {
  expect(groupUrl).not.toBe('');
  const groupId = groupUrl.split('/').pop()!;
  // A meeting that began a few minutes ago (the server's clock cannot be moved, so it is
  // planned to have begun already): the member said yes; now the facilitator marks who came.
  const page = await newPage();
  await signInAs(page, baseUrl, 'Helen (peer supporter)');
  const began = `Walk and talk ${Math.random().toString(36).slice(2, 6)}`;
  const now = Date.now();
  const made = await callApi<{ id: string; meetings: { start: string }[] }>(
    page,
    baseUrl,
    'POST',
    `/groups/${groupId}/events`,
    {
      title: began,
      format: 'online',
      startLocal: ukLocal(new Date(now - 3 * 60_000)),
      endLocal: ukLocal(new Date(now + 90 * 60_000)),
      timeZone: 'Europe/London',
      video: { kind: 'link', url: 'https://meet.example.org/walk-and-talk' },
    },
  );
  const start = made.meetings[0]!.start;
  const member = await newPage();
  await signInAs(member, baseUrl, 'Frank from Leeds');
  await callApi(member, baseUrl, 'POST', `/events/${made.id}/rsvp`, { start, answer: 'going' });

  await page.goto(`${baseUrl}/events/${made.id}`);
  await expect.poll(() => page.locator('h1').textContent()).toBe(began);
  const meeting = page.locator('.event-meeting').first();
  const frank = meeting.getByRole('checkbox', { name: 'Frank from Leeds' });
  // Those going are ticked to start with.
  await expect.poll(() => frank.isChecked(), { timeout: 10_000 }).toBe(true);
  expect(await meeting.innerText()).toContain('Who came?');
  expect(await meeting.innerText()).toContain('1 person is ticked.');
  await visited(page);
  await shoot(page, 'event-who-came');
  await shootPart(page, meeting.locator('.event-came'), 'event-who-came');

  // By keyboard: Space unticks and ticks again; Tab goes on to "Save who came".
  await frank.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => frank.isChecked()).toBe(false);
  expect(await meeting.innerText()).toContain('Nobody is ticked.');
  await page.keyboard.press('Space');
  await expect.poll(() => frank.isChecked()).toBe(true);
  await page.keyboard.press('Tab');
  const save = meeting.getByRole('button', { name: 'Save who came' });
  await expect.poll(() => save.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Space');
  await expect
    .poll(() => meeting.innerText(), { timeout: 10_000 })
    .toContain('Saved. 1 person came.');
  await shoot(page, 'event-came-saved');
  await shootPart(page, meeting.locator('.event-came'), 'event-came-saved');

  // For funders: the group page counts the month's meetings and visits, in a table with words.
  await page.goto(groupUrl);
  const table = page.locator('table.event-table');
  await expect.poll(() => table.count(), { timeout: 10_000 }).toBe(1);
  expect(await main(page)).toContain('Meetings so far');
  const caption = await table.locator('caption').innerText();
  expect(caption).toMatch(/\d+ meetings? and \d+ visits? in \d+ months?\./);
  const month = new Intl.DateTimeFormat('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date(now));
  expect(await table.innerText()).toContain(month);
  await visited(page);
  await shoot(page, 'group-so-far');
  await shootPart(page, page.locator('.event-so-far'), 'group-so-far');

  // The member sees how many meetings they went to.
  await member.goto(`${baseUrl}/events?show=mine`);
  await expect.poll(() => main(member), { timeout: 10_000 }).toMatch(/You went to \d+ meetings?\./);
  await visited(member);
  await shoot(member, 'events-mine-went');
});

it('a member finds meetings near Leeds and online, in miles, and the address keeps the choice', async () => {
  expect(groupUrl).not.toBe('');
  const groupId = groupUrl.split('/').pop()!;
  const page = await newPage();
  await signInAs(page, baseUrl, 'Helen (peer supporter)');
  const tag = Math.random().toString(36).slice(2, 6);
  const inTenDays = Date.now() + 10 * 86_400_000;
  const meeting = (title: string, place: { town: string; lat: number; lng: number } | null) => ({
    title,
    format: place ? 'in_person' : 'online',
    startLocal: ukLocal(new Date(inTenDays)),
    endLocal: ukLocal(new Date(inTenDays + 90 * 60_000)),
    timeZone: 'Europe/London',
    venue: place && {
      name: `${place.town} Library`,
      address: `1 Market Street, ${place.town}`,
      access: ['step_free'],
      ...place,
    },
    video: place ? null : { kind: 'link', url: 'https://meet.example.org/near' },
  });
  const near = `Coffee at the library ${tag}`;
  const far = `Coffee in Manchester ${tag}`;
  const online = `Chat from home ${tag}`;
  for (const body of [
    meeting(near, { town: 'Leeds', lat: 53.8003, lng: -1.5486 }),
    meeting(far, { town: 'Manchester', lat: 53.481, lng: -2.2374 }),
    meeting(online, null),
  ]) {
    await callApi(page, baseUrl, 'POST', `/groups/${groupId}/events`, body);
  }

  // Leeds from the place list, up to 15 miles (24 km): Manchester is about 36 miles away.
  const member = await newPage();
  await signInAs(member, baseUrl, 'Frank from Leeds');
  await member.goto(`${baseUrl}/events?place=t2644688&km=24`);
  await expect.poll(() => member.locator('h1').textContent()).toBe('Events');
  const said = 'Meetings within 15 miles of Leeds, and online meetings.';
  await expect.poll(() => main(member), { timeout: 10_000 }).toContain(said);
  let text = await main(member);
  expect(text).toContain(near);
  expect(text).toContain(online);
  expect(text).not.toContain(far);
  const card = member.locator('.event-card', { hasText: near });
  expect(await card.innerText()).toMatch(/In Leeds\. 0\.\d miles away/);
  // The form says what was chosen, by the name of the place.
  expect(text).toContain('Near Leeds.');
  expect(await member.getByLabel('How far can you travel?').inputValue()).toBe('24');
  await visited(member);
  await shoot(member, 'events-near');

  // By keyboard: only in person. The online meeting goes, and the address keeps the choice.
  await member.getByLabel('How do you want to meet?').focus();
  await member.keyboard.press('ArrowDown');
  await member.keyboard.press('ArrowDown');
  expect(await member.getByLabel('How do you want to meet?').inputValue()).toBe('in_person');
  await member.getByRole('button', { name: 'Show meetings' }).focus();
  await member.keyboard.press('Enter');
  await expect.poll(() => main(member)).toContain('Meetings within 15 miles of Leeds.');
  await expect.poll(() => main(member)).not.toContain(online);
  expect(member.url()).toContain('format=in_person');
  await member.reload();
  await expect.poll(() => main(member), { timeout: 10_000 }).toContain(near);
  text = await main(member);
  expect(text).toContain('Meetings within 15 miles of Leeds.');
  expect(text).not.toContain(online);
  expect(text).not.toContain(far);
  await visited(member);
  await shoot(member, 'events-near-in-person');
});
