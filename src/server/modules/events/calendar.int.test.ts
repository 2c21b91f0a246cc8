import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  randomIp,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import {
  askAndApprove,
  callAs,
  makeFacilitator,
  makeGroupIn,
  makeOrganisation,
} from '../../../../tests/support/groups';
import { groupInput } from '../../../../tests/support/world';
import { fileNameFor } from './calendar';

/**
 * Calendars (issue 12 part 4): one event's .ics for those who may see it (the video room only
 * for those going), and a private feed per person at a secret address that can be reset.
 */

const DAY = 24 * 60 * 60 * 1000;
const codes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const VIDEO = 'https://meet.example.org/calendar-test';

let t: TestApp;
let orgAdmin: Member;
let facilitator: Member;
let member: Member;
let other: Member;
let outsider: Member;
let groupId: string;
let eventId: string;
let firstStart: string;
let secondStart: string;

function localDay(daysAhead: number, time = '14:00'): string {
  return `${new Date(Date.now() + daysAhead * DAY).toISOString().slice(0, 10)}T${time}`;
}

async function ok<T = Record<string, unknown>>(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
) {
  const answer = await response;
  expect(answer.statusCode, answer.body.slice(0, 400)).toBe(status);
  return answer.json() as T;
}

/** An answer with its calendar lines unfolded (RFC 5545 folds long lines at 75 octets). */
async function unfolded(response: Promise<LightMyRequestResponse>) {
  const answer = await response;
  return Object.assign(answer, { body: answer.body.replace(/\r\n[ \t]/g, '') });
}
const icsOf = (who: Member | null, id = eventId) =>
  unfolded(callAs(t, who, 'GET', `/api/events/${id}/calendar.ics`));
const feedAt = (url: string, ip = randomIp()) =>
  unfolded(t.app.inject({ method: 'GET', url: new URL(url).pathname, remoteAddress: ip }));

beforeAll(async () => {
  t = await startTestApp();
  let admin: Member;
  [orgAdmin, facilitator, member, other, outsider, admin] = await Promise.all([
    makeMember(t, { displayName: 'Cal Organiser', role: 'professional' }),
    makeMember(t, { displayName: 'Fay Leads', role: 'peer_supporter' }),
    makeMember(t, { displayName: 'Mia Goer' }),
    makeMember(t, { displayName: 'Noor Maybe' }),
    makeMember(t, { displayName: 'Ola Elsewhere' }),
    makeMember(t, { displayName: 'Ari Runs' }),
  ]);
  await promote(t, admin.user.id, 'admin');
  const orgId = await makeOrganisation(t, admin, 'Calendar Charity', [orgAdmin]);
  groupId = await makeGroupIn(
    t,
    orgAdmin,
    orgId,
    groupInput({ name: 'Private Calendar Group', joinPolicy: 'ask', privacy: 'private' }),
  );
  await makeFacilitator(t, orgAdmin, groupId, facilitator);
  await askAndApprove(t, member, groupId, facilitator);
  await askAndApprove(t, other, groupId, facilitator);
  const startLocal = localDay(3);
  const weekday = codes[new Date(`${startLocal.slice(0, 10)}T12:00:00Z`).getUTCDay()];
  const made = await ok<{ id: string; meetings: { start: string }[] }>(
    callAs(t, facilitator, 'POST', `/api/groups/${groupId}/events`, {
      title: 'Tuesday chat, with tea!',
      description: 'A friendly chat.',
      format: 'hybrid',
      startLocal,
      endLocal: `${startLocal.slice(0, 10)}T15:30`,
      timeZone: 'Europe/London',
      rrule: `FREQ=WEEKLY;BYDAY=${weekday}`,
      venue: {
        name: 'Leeds Library',
        address: 'Calverley Street',
        town: 'Leeds',
        access: ['step_free'],
      },
      video: { kind: 'link', url: VIDEO },
    }),
    201,
  );
  eventId = made.id;
  [firstStart, secondStart] = made.meetings.map((m) => m.start) as [string, string];
});
afterAll(() => t?.close());

describe("one event's .ics", () => {
  it('is a named calendar file with the series and its time zone; no video link before going', async () => {
    const answer = await icsOf(member);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe(
      'attachment; filename="tuesday-chat-with-tea.ics"',
    );
    expect(answer.headers['cache-control']).toContain('private');
    const body = answer.body;
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body).toContain('SUMMARY:Tuesday chat\\, with tea!');
    expect(body).toContain('RRULE:FREQ=WEEKLY');
    expect(body).toContain('DTSTART;TZID=Europe/London:');
    expect(body).toContain('BEGIN:VTIMEZONE');
    expect(body).toContain('Leeds Library');
    expect(body).not.toContain(VIDEO);
  });

  it('holds the video link for someone going, and for those who run it', async () => {
    await ok(
      callAs(t, member, 'POST', `/api/events/${eventId}/rsvp`, {
        start: firstStart,
        answer: 'going',
      }),
    );
    expect((await icsOf(member)).body).toContain(VIDEO);
    expect((await icsOf(facilitator)).body).toContain(VIDEO);
    await ok(
      callAs(t, other, 'POST', `/api/events/${eventId}/rsvp`, {
        start: firstStart,
        answer: 'maybe',
      }),
    );
    expect((await icsOf(other)).body).not.toContain(VIDEO);
  });

  it('is refused to people outside the private group, and to nobody', async () => {
    expect((await icsOf(outsider)).statusCode).toBe(403);
    expect((await icsOf(null)).statusCode).toBe(401);
    const missing = await icsOf(member, '00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('makes a plain file name from any title', () => {
    expect(fileNameFor('Café & chat: Tuesday')).toBe('cafe-chat-tuesday.ics');
    expect(fileNameFor('!!!')).toBe('event.ics');
  });
});

describe('the private calendar feed', () => {
  it('holds each meeting I said yes to, with its video link, and nothing else', async () => {
    const made = await ok<{ url: string; message: string }>(
      callAs(t, member, 'POST', '/api/me/calendar-feed', {}),
    );
    expect(made.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(made.message).toMatch(/Keep it to yourself/);
    // A calendar app sends no cookie.
    const feed = await feedAt(made.url);
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).toContain('X-WR-CALNAME:My meetings on Been There');
    expect(feed.body).toContain('SUMMARY:Tuesday chat\\, with tea!');
    expect(feed.body).toContain(VIDEO);
    expect(feed.body).toContain('DTSTART;TZID=Europe/London:');
    // One meeting (the one I said yes to), not the whole series.
    expect(feed.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(feed.body).not.toContain('RRULE:FREQ=WEEKLY');
  });

  it('shows a moved meeting at its new time', async () => {
    const made = await ok<{ url: string }>(callAs(t, member, 'POST', '/api/me/calendar-feed', {}));
    const day = new Date(firstStart).toISOString().slice(0, 10);
    await ok(
      callAs(t, facilitator, 'POST', `/api/events/${eventId}/meetings/change`, {
        start: firstStart,
        cancelled: false,
        newStartLocal: `${day}T16:00`,
        newEndLocal: `${day}T17:00`,
      }),
    );
    const feed = await feedAt(made.url);
    expect(feed.body).toContain(`DTSTART;TZID=Europe/London:${day.replaceAll('-', '')}T160000`);
    expect(feed.body).toContain(`DTEND;TZID=Europe/London:${day.replaceAll('-', '')}T170000`);
  });

  it('a meeting I only said maybe to is not in it', async () => {
    const made = await ok<{ url: string }>(callAs(t, other, 'POST', '/api/me/calendar-feed', {}));
    const feed = await feedAt(made.url);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).not.toContain('BEGIN:VEVENT');
    await ok(
      callAs(t, other, 'POST', `/api/events/${eventId}/rsvp`, {
        start: secondStart,
        answer: 'going',
      }),
    );
    expect((await feedAt(made.url)).body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('a new address makes the old one unknown (404)', async () => {
    const first = await ok<{ url: string }>(callAs(t, member, 'POST', '/api/me/calendar-feed', {}));
    const second = await ok<{ url: string }>(
      callAs(t, member, 'POST', '/api/me/calendar-feed', {}),
    );
    expect(second.url).not.toBe(first.url);
    const old = await feedAt(first.url);
    expect(old.statusCode).toBe(404);
    expect(old.headers['content-type']).toContain('application/problem+json');
    expect(old.json().title).toMatch(/make a new link/);
    expect((await feedAt(second.url)).statusCode).toBe(200);
  });

  it('leaving the private group takes its meetings out of the feed', async () => {
    const made = await ok<{ url: string }>(callAs(t, other, 'POST', '/api/me/calendar-feed', {}));
    expect((await feedAt(made.url)).body).toContain('BEGIN:VEVENT');
    await ok(callAs(t, other, 'POST', `/api/groups/${groupId}/leave`));
    expect((await feedAt(made.url)).body).not.toContain('BEGIN:VEVENT');
  });

  it('unknown addresses are limited per address they come from', async () => {
    const ip = randomIp();
    const guess = `http://x/api/calendar/${'A'.repeat(43)}.ics`;
    let last = 0;
    for (let i = 0; i < 61; i += 1) last = (await feedAt(guess, ip)).statusCode;
    expect(last).toBe(429);
    expect((await feedAt(guess)).statusCode).toBe(404);
  });

  it('a token of the wrong shape is refused plainly', async () => {
    const answer = await t.app.inject({ method: 'GET', url: '/api/calendar/short.ics' });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
  });
});
