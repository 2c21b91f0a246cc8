import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
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

/**
 * Attendance (issue 12 part 5): those who run it mark who came to a meeting that has begun;
 * a group's counts month by month, for funders; a member's own "You went to 5 meetings."
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const codes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

let t: TestApp;
let orgAdmin: Member;
let facilitator: Member;
let ana: Member;
let ben: Member;
let cy: Member;
let outsider: Member;
let groupId: string;
let eventId: string;
let starts: { start: string; startsAt: string }[];

async function ok<T = Record<string, unknown>>(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
) {
  const answer = await response;
  expect(answer.statusCode, answer.body.slice(0, 400)).toBe(status);
  return answer.json() as T;
}

const mark = (who: Member, start: string, came: string[]) =>
  callAs(t, who, 'PUT', `/api/events/${eventId}/attendance`, { start, came });
const marked = (who: Member, start: string) =>
  callAs(t, who, 'GET', `/api/events/${eventId}/attendance?start=${encodeURIComponent(start)}`);

beforeAll(async () => {
  t = await startTestApp();
  let admin: Member;
  [orgAdmin, facilitator, ana, ben, cy, outsider, admin] = await Promise.all([
    makeMember(t, { displayName: 'Att Organiser', role: 'professional' }),
    makeMember(t, { displayName: 'Flo Leads', role: 'peer_supporter' }),
    makeMember(t, { displayName: 'Ana Came' }),
    makeMember(t, { displayName: 'Ben Came' }),
    makeMember(t, { displayName: 'Cy Maybe' }),
    makeMember(t, { displayName: 'Out Sider' }),
    makeMember(t, { displayName: 'Ad Runs' }),
  ]);
  await promote(t, admin.user.id, 'admin');
  const orgId = await makeOrganisation(t, admin, 'Attendance Charity', [orgAdmin]);
  groupId = await makeGroupIn(
    t,
    orgAdmin,
    orgId,
    groupInput({ name: 'Attendance Group', joinPolicy: 'ask', privacy: 'private' }),
  );
  await makeFacilitator(t, orgAdmin, groupId, facilitator);
  for (const who of [ana, ben, cy]) await askAndApprove(t, who, groupId, facilitator);
  const date = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
  const weekday = codes[new Date(`${date}T12:00:00Z`).getUTCDay()];
  const made = await ok<{ id: string; meetings: { start: string; startsAt: string }[] }>(
    callAs(t, facilitator, 'POST', `/api/groups/${groupId}/events`, {
      title: 'Weekly walk',
      format: 'online',
      startLocal: `${date}T14:00`,
      endLocal: `${date}T15:00`,
      timeZone: 'Europe/London',
      rrule: `FREQ=WEEKLY;BYDAY=${weekday}`,
      video: { kind: 'link', url: 'https://meet.example.org/walk' },
    }),
    201,
  );
  eventId = made.id;
  starts = made.meetings;
  for (const m of starts.slice(0, 3)) {
    for (const who of [ana, ben]) {
      await ok(
        callAs(t, who, 'POST', `/api/events/${eventId}/rsvp`, { start: m.start, answer: 'going' }),
      );
    }
    await ok(
      callAs(t, cy, 'POST', `/api/events/${eventId}/rsvp`, { start: m.start, answer: 'maybe' }),
    );
  }
});
afterAll(() => t?.close());

describe('marking who came', () => {
  it('a meeting still to come cannot be marked', async () => {
    const answer = await mark(facilitator, starts[0]!.start, [ana.user.id]);
    expect(answer.statusCode).toBe(409);
    expect(answer.json().title).toMatch(/not happened yet/);
  });

  it('after it began, those who run it mark who came; it can be changed', async () => {
    t.advanceClock(new Date(starts[0]!.startsAt).getTime() - Date.now() + 30 * 60 * 1000);
    const saved = await ok<{ came: string[]; message: string }>(
      mark(facilitator, starts[0]!.start, [ana.user.id, ben.user.id]),
    );
    expect(saved.came).toEqual([ana.user.id, ben.user.id].sort());
    expect(saved.message).toBe('Saved. 2 people came.');
    // Ben did not come after all: marking again replaces the list.
    const again = await ok<{ came: string[]; message: string }>(
      mark(facilitator, starts[0]!.start, [ana.user.id]),
    );
    expect(again.came).toEqual([ana.user.id]);
    expect(again.message).toBe('Saved. 1 person came.');
    const read = await ok<{ came: string[]; message: string }>(
      marked(facilitator, starts[0]!.start),
    );
    expect(read.came).toEqual([ana.user.id]);
    expect(read.message).toBe('1 person came.');
  });

  it('only people who answered for the meeting can be marked', async () => {
    const answer = await mark(facilitator, starts[0]!.start, [outsider.user.id]);
    expect(answer.statusCode).toBe(422);
    expect(answer.json().title).toMatch(/did not answer/);
    // Someone who said maybe may still have come.
    await ok(mark(facilitator, starts[0]!.start, [ana.user.id, cy.user.id]));
  });

  it('members and outsiders cannot mark or read the marks', async () => {
    expect((await mark(ana, starts[0]!.start, [ana.user.id])).statusCode).toBe(403);
    expect((await mark(outsider, starts[0]!.start, [])).statusCode).toBe(403);
    expect((await marked(ana, starts[0]!.start)).statusCode).toBe(403);
    expect((await mark(orgAdmin, starts[0]!.start, [ana.user.id, cy.user.id])).statusCode).toBe(
      200,
    );
  });

  it('a time that is not a meeting of the event is not found', async () => {
    const wrong = new Date(new Date(starts[0]!.start).getTime() + HOUR).toISOString();
    expect((await mark(facilitator, wrong, [])).statusCode).toBe(404);
  });
});

describe('counts', () => {
  it('a group counts meetings and people by month, for those who run it', async () => {
    // Two more meetings go by; Ana comes to both, Ben to one.
    t.advanceClock(14 * DAY);
    await ok(mark(facilitator, starts[1]!.start, [ana.user.id, ben.user.id]));
    await ok(mark(facilitator, starts[2]!.start, [ana.user.id]));
    const report = await ok<{
      months: { month: string; meetings: number; visits: number; people: number }[];
    }>(callAs(t, facilitator, 'GET', `/api/groups/${groupId}/attendance`));
    const total = report.months.reduce(
      (sum, m) => ({
        meetings: sum.meetings + m.meetings,
        visits: sum.visits + m.visits,
      }),
      { meetings: 0, visits: 0 },
    );
    expect(total).toEqual({ meetings: 3, visits: 5 });
    for (const m of report.months) expect(m.month).toMatch(/^20\d\d-\d\d$/);
    expect(Math.max(...report.months.map((m) => m.people))).toBeGreaterThanOrEqual(2);
    expect((await callAs(t, ana, 'GET', `/api/groups/${groupId}/attendance`)).statusCode).toBe(403);
    const missing = await callAs(
      t,
      facilitator,
      'GET',
      '/api/groups/00000000-0000-4000-8000-000000000000/attendance',
    );
    expect(missing.statusCode).toBe(404);
  });

  it('a member sees how many meetings they went to', async () => {
    expect(await ok(callAs(t, ana, 'GET', '/api/me/attendance'))).toEqual({
      meetings: 3,
      text: 'You went to 3 meetings.',
    });
    expect(await ok(callAs(t, ben, 'GET', '/api/me/attendance'))).toEqual({
      meetings: 1,
      text: 'You went to 1 meeting.',
    });
    expect(await ok(callAs(t, outsider, 'GET', '/api/me/attendance'))).toEqual({
      meetings: 0,
      text: 'You have not been to a meeting yet.',
    });
  });

  it('after a meeting ends, those who run it still find it on the event page to mark who came', async () => {
    const meetingsSeenBy = async (who: Member) =>
      (
        await ok<{ meetings: { start: string }[] }>(callAs(t, who, 'GET', `/api/events/${eventId}`))
      ).meetings.map((m) => m.start);
    // Past the end of every meeting marked above (the first of them weeks ago now).
    t.advanceClock(4 * HOUR);
    const first = starts[0]!.start;
    const shown = await meetingsSeenBy(facilitator);
    expect(shown.length).toBeGreaterThan(0);
    // Members see only what is still to come.
    const forMember = await meetingsSeenBy(ana);
    expect(forMember).not.toContain(first);
    // The runners' list starts with up to 3 past meetings of the last fortnight.
    expect(shown.filter((s) => !forMember.includes(s)).length).toBeGreaterThan(0);
    expect(shown.filter((s) => !forMember.includes(s)).length).toBeLessThanOrEqual(3);
  });
});
