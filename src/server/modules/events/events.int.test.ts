import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import { expectProblem } from '../../../../tests/support/forum';
import {
  askAndApprove,
  callAs,
  makeFacilitator,
  makeGroupIn,
  makeOrganisation,
} from '../../../../tests/support/groups';
import { groupInput } from '../../../../tests/support/world';
import type { EventInput, MeetingSummary } from '../../../contract/events';

/**
 * Gatherings (issue 12): who makes and sees events, answering with a carer and access needs,
 * the waiting list (no over-booking, even when many answer at once), one meeting moved or
 * cancelled without breaking the series, and who is told.
 */

const DAY = 24 * 60 * 60 * 1000;
const codes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

let t: TestApp;
let orgAdmin: Member;
let facilitator: Member;
let member: Member;
let outsider: Member;
let admin: Member;
let orgId: string;
/** A private group: the facilitator runs it, the member is in it, the outsider is not. */
let groupId: string;

/** A date some days from today, as a wall-clock time ('2026-05-14T14:00'). */
function localDay(daysAhead: number, time = '14:00'): string {
  return `${new Date(Date.now() + daysAhead * DAY).toISOString().slice(0, 10)}T${time}`;
}

/** The weekday of a wall-clock date, as an RRULE names it. */
const weekdayOf = (local: string) => codes[new Date(`${local.slice(0, 10)}T12:00:00Z`).getUTCDay()];

/** The second Tuesday of next month, at 2 pm. */
function secondTuesdayNextMonth(): string {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const toTuesday = (2 - first.getUTCDay() + 7) % 7;
  const day = new Date(first.getTime() + (toTuesday + 7) * DAY);
  return `${day.toISOString().slice(0, 10)}T14:00`;
}

/** A weekly online meeting starting in `daysAhead` days, 2 pm to 3:30 pm, UK time. */
function weekly(input: Partial<EventInput> = {}, daysAhead = 3): EventInput {
  const startLocal = localDay(daysAhead);
  return {
    title: 'Tuesday chat',
    description: 'A friendly chat online.',
    format: 'online',
    startLocal,
    endLocal: `${startLocal.slice(0, 10)}T15:30`,
    timeZone: 'Europe/London',
    rrule: `FREQ=WEEKLY;BYDAY=${weekdayOf(startLocal)}`,
    video: { kind: 'link', url: 'https://meet.example.org/tuesday' },
    ...input,
  };
}

const venue = {
  name: 'Leeds Library',
  address: 'Calverley Street, Leeds',
  town: 'Leeds',
  access: ['step_free', 'quiet_room', 'hearing_loop'] as const,
  accessNotes: 'The lift is by the side door.',
  howToGetThere: 'Bus 4 stops outside.',
};

async function ok<T = Record<string, unknown>>(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
) {
  const answer = await response;
  expect(answer.statusCode, answer.body.slice(0, 400)).toBe(status);
  return answer.json() as T;
}

interface Detail {
  id: string;
  canManage: boolean;
  meetings: Meeting[];
  venue: { access: string[]; howToGetThere: string } | null;
  hasVideo: boolean;
  videoKind: string | null;
  cancelled: boolean;
  owner: { kind: string; group: { name: string } | null };
}
type Meeting = Omit<MeetingSummary, 'title' | 'format' | 'owner' | 'town' | 'access'>;

const makeGroupEvent = (who: Member, body: unknown, group = groupId) =>
  callAs(t, who, 'POST', `/api/groups/${group}/events`, body);
const detailOf = (who: Member, id: string, query = '') =>
  callAs(t, who, 'GET', `/api/events/${id}${query}`);
const rsvp = (who: Member, id: string, body: Record<string, unknown>) =>
  callAs(t, who, 'POST', `/api/events/${id}/rsvp`, body);
const peopleOf = (who: Member, id: string, start: string) =>
  callAs(t, who, 'GET', `/api/events/${id}/people?start=${encodeURIComponent(start)}`);

/** What this person has been told about events, newest first. */
async function toldTo(who: Member) {
  const inbox = await ok<{ items: { kind: string; text: string; link: string }[] }>(
    callAs(t, who, 'GET', '/api/notifications'),
  );
  return inbox.items.filter((n) => n.kind.startsWith('event_'));
}

/** People who may answer an organisation's events: anyone signed in. */
async function people(count: number, prefix: string): Promise<Member[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      makeMember(t, { displayName: `${prefix} ${String.fromCharCode(65 + (i % 26))}${i}` }),
    ),
  );
}

/** An organisation's event anyone signed in may answer, with this many places. */
async function orgEvent(capacity: number | null, input: Partial<EventInput> = {}) {
  const made = await ok<Detail>(
    callAs(
      t,
      orgAdmin,
      'POST',
      `/api/organisations/${orgId}/events`,
      weekly({ capacity, ...input }),
    ),
    201,
  );
  return { id: made.id, start: made.meetings[0]!.start, made };
}

beforeAll(async () => {
  t = await startTestApp();
  [orgAdmin, facilitator, member, outsider, admin] = await Promise.all([
    makeMember(t, { displayName: 'Olu Organiser', role: 'professional' }),
    makeMember(t, { displayName: 'Fran Leads', role: 'peer_supporter' }),
    makeMember(t, { displayName: 'Mo Goer' }),
    makeMember(t, { displayName: 'Otto Elsewhere' }),
    makeMember(t, { displayName: 'Ada Runs' }),
  ]);
  await promote(t, admin.user.id, 'admin');
  orgId = await makeOrganisation(t, admin, 'Gatherings Charity', [orgAdmin]);
  groupId = await makeGroupIn(
    t,
    orgAdmin,
    orgId,
    groupInput({ name: 'Private Tuesday Group', joinPolicy: 'ask', privacy: 'private' }),
  );
  await makeFacilitator(t, orgAdmin, groupId, facilitator);
  await askAndApprove(t, member, groupId, facilitator);
});
afterAll(() => t?.close());

describe("a group's events", () => {
  it('a facilitator makes a monthly hybrid meeting with venue access; members see it, others not', async () => {
    const startLocal = secondTuesdayNextMonth();
    const made = await ok<Detail>(
      makeGroupEvent(facilitator, {
        title: 'Monthly meeting',
        description: 'Tea, talk and a walk.',
        format: 'hybrid',
        startLocal,
        endLocal: `${startLocal.slice(0, 10)}T15:30`,
        timeZone: 'Europe/London',
        rrule: 'FREQ=MONTHLY;BYDAY=2TU',
        capacity: 12,
        venue,
        video: { kind: 'link', url: 'https://meet.example.org/monthly' },
      }),
      201,
    );
    expect(made.canManage).toBe(true);
    expect(made.owner).toMatchObject({ kind: 'group', group: { name: 'Private Tuesday Group' } });
    expect(made.venue).toMatchObject({
      access: ['step_free', 'quiet_room', 'hearing_loop'],
      howToGetThere: 'Bus 4 stops outside.',
    });
    expect(made.meetings).toHaveLength(10);
    for (const meeting of made.meetings) {
      expect(meeting.text).toMatch(/^Tuesday (8|9|1[0-4]) \w+( \d{4})?, 2 pm to 3:30 pm$/);
    }

    const seen = await ok<Detail>(detailOf(member, made.id));
    expect(seen.canManage).toBe(false);
    expect(seen.hasVideo).toBe(true);
    expect(seen.videoKind).toBeNull();
    expect(seen.meetings[0]!.videoLink).toBeNull();
    expect((await ok<Detail>(detailOf(orgAdmin, made.id))).canManage).toBe(true);
    expectProblem(await detailOf(outsider, made.id), 403);
    expect((await callAs(t, null, 'GET', `/api/events/${made.id}`)).statusCode).toBe(401);
    // Not in the outsider's list either; in the member's.
    const listed = (who: Member) =>
      ok<{ meetings: MeetingSummary[] }>(callAs(t, who, 'GET', `/api/events?group=${groupId}`));
    expect((await listed(outsider)).meetings).toEqual([]);
    expect((await listed(member)).meetings.map((m) => m.eventId)).toContain(made.id);
  });

  it('only those who run the group make and change its events', async () => {
    expectProblem(await makeGroupEvent(member, weekly()), 403);
    expectProblem(await makeGroupEvent(outsider, weekly()), 403);
    const made = await ok<Detail>(makeGroupEvent(orgAdmin, weekly()), 201);
    expectProblem(
      await callAs(t, member, 'PATCH', `/api/events/${made.id}`, { title: 'Mine now' }),
      403,
    );
    const changed = await ok<{ id: string }>(
      callAs(t, facilitator, 'PATCH', `/api/events/${made.id}`, { title: 'Chat and tea' }),
    );
    expect(changed.id).toBe(made.id);
    expectProblem(await callAs(t, member, 'POST', `/api/events/${made.id}/cancel`), 403);
  });

  it("follows the group's meeting rhythm when asked", async () => {
    const made = await ok<Detail & { rrule: string; startLocal: string }>(
      makeGroupEvent(facilitator, {
        title: 'Our weekly meeting',
        format: 'online',
        followGroupRhythm: true,
        video: { kind: 'link', url: 'https://meet.example.org/rhythm' },
      }),
      201,
    );
    // The group meets on Mondays at 10 am, UK time (tests/support/world.ts groupInput).
    expect(made.rrule).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(made.startLocal).toMatch(/T10:00$/);
    expect(made.meetings[0]!.text).toMatch(/^Monday .*, 10 am to 11 am$/);
  });
});

describe('organisation and community events', () => {
  it("an organisation's admins make events anyone signed in may see, with a room on their own video service", async () => {
    expectProblem(
      await callAs(
        t,
        orgAdmin,
        'POST',
        `/api/organisations/${orgId}/events`,
        weekly({ video: { kind: 'room' } }),
      ),
      422,
    );
    const badBase = await callAs(t, orgAdmin, 'PATCH', `/api/organisations/${orgId}`, {
      videoBaseUrl: 'http://video.example.org',
    });
    expect(expectProblem(badBase, 422).errors?.videoBaseUrl).toMatch(/https/);
    expectProblem(
      await callAs(t, member, 'PATCH', `/api/organisations/${orgId}`, {
        videoBaseUrl: 'https://video.example.org',
      }),
      403,
    );
    await ok(
      callAs(t, orgAdmin, 'PATCH', `/api/organisations/${orgId}`, {
        videoBaseUrl: 'https://video.example.org/',
      }),
    );
    const { id } = await orgEvent(null, { video: { kind: 'room' } });
    const asRunner = await ok<Detail>(detailOf(orgAdmin, id));
    expect(asRunner.videoKind).toBe('room');
    expect(asRunner.meetings[0]!.videoLink).toMatch(
      /^https:\/\/video\.example\.org\/BeenThere-[0-9a-f]{32}$/,
    );
    const first = asRunner.meetings[0]!;
    const asOutsider = await ok<Detail>(detailOf(outsider, id));
    expect(asOutsider.meetings[0]!.videoLink).toBeNull();
    const going = await ok<{ meeting: Meeting }>(
      rsvp(outsider, id, { start: first.start, answer: 'going' }),
    );
    expect(going.meeting.videoLink).toBe(first.videoLink);
    // Another event gets another room.
    const other = await orgEvent(null, { video: { kind: 'room' } });
    const otherLink = (await ok<Detail>(detailOf(orgAdmin, other.id))).meetings[0]!.videoLink;
    expect(otherLink).not.toBe(first.videoLink);
    expectProblem(
      await callAs(t, member, 'POST', `/api/organisations/${orgId}/events`, weekly()),
      403,
    );
  });

  it('the whole community: site admins only', async () => {
    expectProblem(await callAs(t, member, 'POST', '/api/events', weekly()), 403);
    const made = await ok<Detail>(callAs(t, admin, 'POST', '/api/events', weekly()), 201);
    expect(made.owner.kind).toBe('community');
    expect((await ok<Detail>(detailOf(outsider, made.id))).canManage).toBe(false);
  });
});

describe('bad input gets plain words', () => {
  it('a bad zone, an end before the start, no places, a bad rule, a time gone', async () => {
    const post = (body: unknown) => makeGroupEvent(facilitator, body);
    const zone = expectProblem(await post(weekly({ timeZone: 'Mars/Olympus' })), 422);
    expect(zone.errors?.timeZone).toBe('Please choose a time zone from the list.');
    const start = localDay(3);
    const backwards = expectProblem(
      await post(weekly({ startLocal: start, endLocal: `${start.slice(0, 10)}T13:00` })),
      422,
    );
    expect(backwards.errors?.endLocal).toBe('The end must be after the start.');
    const none = expectProblem(await post(weekly({ capacity: 0 })), 422);
    expect(none.errors?.capacity).toBe('Please give at least 1 place, or no limit.');
    const often = expectProblem(await post(weekly({ rrule: 'FREQ=HOURLY' })), 422);
    expect(often.errors?.rrule).toBe('A meeting can repeat once a day at most.');
    const gone = expectProblem(
      await post(
        weekly({
          rrule: null,
          startLocal: localDay(-3),
          endLocal: `${localDay(-3).slice(0, 10)}T15:00`,
        }),
      ),
      422,
    );
    expect(gone.errors?.startLocal).toMatch(/in the past/);
    const noVenue = expectProblem(await post(weekly({ format: 'in_person' })), 422);
    expect(noVenue.errors?.venue).toBe('A meeting in person needs a place.');
    const noDate = expectProblem(await post(weekly({ startLocal: '2030-02-30T14:00' })), 422);
    expect(noDate.errors?.startLocal).toMatch(/real date/);
  });

  it('an answer for a meeting the series does not have', async () => {
    const { id, start } = await orgEvent(5);
    const wrong = new Date(new Date(start).getTime() + 60 * 60 * 1000).toISOString();
    expectProblem(await rsvp(member, id, { start: wrong, answer: 'going' }), 404);
    expectProblem(await rsvp(member, id, { start: 'next tuesday', answer: 'going' }), 422);
    expectProblem(await rsvp(member, id, { start, answer: 'perhaps' }), 422);
  });
});

describe('answering', () => {
  it('the video link is for those going; access needs only for those who run it', async () => {
    const made = await ok<Detail>(makeGroupEvent(facilitator, weekly({ capacity: 10 })), 201);
    const { start } = made.meetings[0]!;
    const going = await ok<{ meeting: Meeting; message: string }>(
      rsvp(member, made.id, {
        start,
        answer: 'going',
        carer: true,
        accessNeeds: 'I use a wheelchair.',
      }),
    );
    expect(going.message).toBe('You are going, with your carer. See you there.');
    expect(going.meeting).toMatchObject({
      going: 2,
      placesLeft: 8,
      videoLink: 'https://meet.example.org/tuesday',
      me: { answer: 'going', carer: true, accessNeeds: 'I use a wheelchair.', place: 'going' },
    });
    // The facilitator said maybe: no link from that, but they run it, so they see it.
    const maybe = await ok<{ meeting: Meeting }>(
      rsvp(facilitator, made.id, { start, answer: 'maybe' }),
    );
    expect(maybe.meeting.videoLink).toBe('https://meet.example.org/tuesday');

    const list = await ok<{
      going: { displayName: string; carer: boolean; accessNeeds: string }[];
      maybe: unknown[];
    }>(peopleOf(facilitator, made.id, start));
    expect(list.going).toEqual([
      expect.objectContaining({
        displayName: 'Mo Goer',
        carer: true,
        accessNeeds: 'I use a wheelchair.',
      }),
    ]);
    expect(list.maybe).toHaveLength(1);
    expectProblem(await peopleOf(member, made.id, start), 403);
    expectProblem(await peopleOf(outsider, made.id, start), 403);

    // The member's page holds only their own answer, and the next meeting has no link yet.
    const page = await ok<Detail>(detailOf(member, made.id));
    expect(page.meetings[0]!.me?.accessNeeds).toBe('I use a wheelchair.');
    expect(page.meetings[1]!.videoLink).toBeNull();
    expect(JSON.stringify(await ok(detailOf(facilitator, made.id)))).not.toContain('wheelchair');

    // Saying not going later keeps the access needs unless they are changed.
    const notGoing = await ok<{ meeting: Meeting; message: string }>(
      rsvp(member, made.id, { start, answer: 'not_going' }),
    );
    expect(notGoing.message).toBe('Thank you. You said you are not going.');
    expect(notGoing.meeting).toMatchObject({ going: 0, videoLink: null });
    expect(notGoing.meeting.me?.accessNeeds).toBe('I use a wheelchair.');
  });

  it('a full meeting has a waiting list, carers count, and the first in line moves up and is told', async () => {
    const [ana, ben, cai, dee] = await people(4, 'Line');
    const { id, start } = await orgEvent(3);
    await ok(rsvp(ana!, id, { start, answer: 'going', carer: true }));
    await ok(rsvp(ben!, id, { start, answer: 'going' }));
    const full = await ok<{ meeting: Meeting; message: string }>(
      rsvp(cai!, id, { start, answer: 'going' }),
    );
    expect(full.message).toBe(
      'The meeting is full, so you are on the waiting list. You are number 1. We will tell you when a place comes free.',
    );
    expect(full.meeting).toMatchObject({ going: 3, waiting: 1, placesLeft: 0, videoLink: null });
    expect(full.meeting.me).toMatchObject({ place: 'waiting', waitingNumber: 1 });
    const second = await ok<{ meeting: Meeting }>(
      rsvp(dee!, id, { start, answer: 'going', carer: true }),
    );
    expect(second.meeting.me?.waitingNumber).toBe(2);
    // Asking again keeps the place in line.
    expect(
      (await ok<{ meeting: Meeting }>(rsvp(cai!, id, { start, answer: 'going' }))).meeting.me
        ?.waitingNumber,
    ).toBe(1);
    // Ben has a place: no room for a carer with him now.
    expectProblem(await rsvp(ben!, id, { start, answer: 'going', carer: true }), 409);

    await ok(rsvp(ben!, id, { start, answer: 'not_going' }));
    const cais = await ok<Detail>(detailOf(cai!, id));
    expect(cais.meetings[0]!.me).toMatchObject({ place: 'going', waitingNumber: null });
    expect(cais.meetings[0]!.videoLink).toBe('https://meet.example.org/tuesday');
    const told = await toldTo(cai!);
    expect(told[0]).toMatchObject({ kind: 'event_place', link: `/events/${id}` });
    expect(told[0]!.text).toMatch(
      /^Good news\. A place came free\. You are going to Tuesday chat on \w+day/,
    );
    // Dee and a carer need two places; one is free when Ana comes alone.
    expect((await ok<Detail>(detailOf(dee!, id))).meetings[0]!.me?.place).toBe('waiting');
    await ok(rsvp(ana!, id, { start, answer: 'going', carer: false }));
    expect((await ok<Detail>(detailOf(dee!, id))).meetings[0]!.me?.place).toBe('waiting');
    await ok(rsvp(ana!, id, { start, answer: 'maybe' }));
    const dees = await ok<Detail>(detailOf(dee!, id));
    expect(dees.meetings[0]).toMatchObject({
      going: 3,
      waiting: 0,
      me: { place: 'going', carer: true },
    });
    expect((await toldTo(dee!))[0]?.kind).toBe('event_place');
  });

  it('more places let those waiting in', async () => {
    const [eli, fay] = await people(2, 'Roomy');
    const { id, start } = await orgEvent(1);
    await ok(rsvp(eli!, id, { start, answer: 'going' }));
    await ok(rsvp(fay!, id, { start, answer: 'going' }));
    await ok(callAs(t, orgAdmin, 'PATCH', `/api/events/${id}`, { capacity: 2 }));
    expect((await ok<Detail>(detailOf(fay!, id))).meetings[0]!.me?.place).toBe('going');
    expect((await toldTo(fay!))[0]?.kind).toBe('event_place');
  });

  it('20 people answer going at once for 10 places: 10 go, 10 wait, and the first waiting moves up', async () => {
    const crowd = await people(20, 'Crowd');
    const { id, start } = await orgEvent(10);
    const answers = await Promise.all(
      crowd.map((who) => rsvp(who, id, { start, answer: 'going' })),
    );
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(200);
    const places = answers.map(
      (a) => a.json().meeting.me as { place: string; waitingNumber: number | null },
    );
    expect(places.filter((p) => p.place === 'going')).toHaveLength(10);
    const waiting = places.filter((p) => p.place === 'waiting');
    expect(waiting).toHaveLength(10);
    expect(waiting.map((p) => p.waitingNumber).sort((a, b) => a! - b!)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);

    const list = await ok<{ going: { id: string }[]; waiting: { id: string }[] }>(
      peopleOf(orgAdmin, id, start),
    );
    expect(list.going).toHaveLength(10);
    expect(list.waiting).toHaveLength(10);
    const firstInLine = list.waiting[0]!.id;
    const secondInLine = list.waiting[1]!.id;
    const leaving = crowd.find((who) => who.user.id === list.going[0]!.id)!;
    await ok(rsvp(leaving, id, { start, answer: 'not_going' }));

    const after = await ok<{ going: { id: string }[]; waiting: { id: string }[] }>(
      peopleOf(orgAdmin, id, start),
    );
    expect(after.going).toHaveLength(10);
    expect(after.going.map((p) => p.id)).toContain(firstInLine);
    expect(after.waiting.map((p) => p.id)).toEqual(list.waiting.slice(1).map((p) => p.id));
    const moved = crowd.find((who) => who.user.id === firstInLine)!;
    expect((await toldTo(moved))[0]?.kind).toBe('event_place');
    const next = crowd.find((who) => who.user.id === secondInLine)!;
    expect((await ok<Detail>(detailOf(next, id))).meetings[0]!.me?.waitingNumber).toBe(1);
  });
});

describe('one meeting moved or cancelled', () => {
  it('moving one meeting leaves the series as it is and tells those going, in words', async () => {
    const [gia, hal] = await people(2, 'Mover');
    const { id, made } = await orgEvent(null);
    const [first, second, third] = made.meetings;
    await ok(rsvp(gia!, id, { start: second!.start, answer: 'going' }));
    await ok(rsvp(hal!, id, { start: second!.start, answer: 'maybe' }));
    // 2 pm in London is the same day in UTC, summer or winter.
    const secondLocal = second!.startsAt.slice(0, 10);
    const moved = await ok<Meeting>(
      callAs(t, orgAdmin, 'POST', `/api/events/${id}/meetings/change`, {
        start: second!.start,
        cancelled: false,
        newStartLocal: `${secondLocal}T15:00`,
        newEndLocal: `${secondLocal}T16:30`,
      }),
    );
    expect(moved).toMatchObject({ start: second!.start, moved: true, cancelled: false });
    expect(moved.text).toMatch(/, 3 pm to 4:30 pm$/);

    const page = await ok<Detail>(detailOf(gia!, id));
    expect(page.meetings[0]).toMatchObject({
      start: first!.start,
      startsAt: first!.startsAt,
      moved: false,
    });
    expect(page.meetings[1]).toMatchObject({ start: second!.start, moved: true });
    expect(page.meetings[1]!.me?.place).toBe('going');
    expect(page.meetings[2]).toMatchObject({
      start: third!.start,
      startsAt: third!.startsAt,
      moved: false,
    });

    const [told] = await toldTo(gia!);
    expect(told).toMatchObject({ kind: 'event_changed', link: `/events/${id}` });
    expect(told!.text).toMatch(
      /^Tuesday chat: The meeting on \w+day \d+ \w+( \d{4})? has moved to 3 pm\.$/,
    );
    // "Maybe" is not a yes: not told.
    expect(await toldTo(hal!)).toEqual([]);
  });

  it('a cancelled meeting cannot be answered, is marked, and can be put back', async () => {
    const [ivy] = await people(1, 'Skip');
    const { id, made } = await orgEvent(null);
    const second = made.meetings[1]!;
    await ok(rsvp(ivy!, id, { start: second.start, answer: 'going' }));
    const cancel = { start: second.start, cancelled: true };
    const cancelled = await ok<Meeting>(
      callAs(t, orgAdmin, 'POST', `/api/events/${id}/meetings/change`, cancel),
    );
    expect(cancelled).toMatchObject({ cancelled: true, videoLink: null });
    expect((await toldTo(ivy!))[0]!.text).toMatch(
      /^Tuesday chat: The meeting on .* is cancelled\.$/,
    );
    expectProblem(await rsvp(outsider, id, { start: second.start, answer: 'going' }), 409);
    const page = await ok<Detail>(detailOf(outsider, id));
    expect(page.meetings.map((m) => m.cancelled)).toEqual([false, true, ...Array(8).fill(false)]);

    const back = await ok<Meeting>(
      callAs(t, orgAdmin, 'POST', `/api/events/${id}/meetings/change`, {
        start: second.start,
        cancelled: false,
      }),
    );
    expect(back).toMatchObject({ cancelled: false, moved: false, startsAt: second.startsAt });
    expect((await toldTo(ivy!))[0]!.text).toMatch(/is on again\.$/);
    expect((await ok<Detail>(detailOf(ivy!, id))).meetings[1]!.me?.place).toBe('going');
    // Only those who run it change a meeting, and only one the series has.
    expectProblem(await callAs(t, ivy!, 'POST', `/api/events/${id}/meetings/change`, cancel), 403);
    const wrong = {
      start: new Date(new Date(second.start).getTime() + 1000).toISOString(),
      cancelled: true,
    };
    expectProblem(
      await callAs(t, orgAdmin, 'POST', `/api/events/${id}/meetings/change`, wrong),
      404,
    );
  });

  it('cancelling the whole event tells everyone who said yes', async () => {
    const [jo] = await people(1, 'Stop');
    const { id, start } = await orgEvent(2);
    await ok(rsvp(jo!, id, { start, answer: 'going' }));
    const cancelled = await ok<Detail>(callAs(t, orgAdmin, 'POST', `/api/events/${id}/cancel`));
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.meetings.every((m) => m.cancelled)).toBe(true);
    expect((await toldTo(jo!))[0]!.text).toBe(
      'Tuesday chat is cancelled. There will be no more meetings.',
    );
    expectProblem(await rsvp(jo!, id, { start, answer: 'going' }), 409);
    // Twice is the same, and tells nobody again.
    await ok(callAs(t, orgAdmin, 'POST', `/api/events/${id}/cancel`));
    expect(await toldTo(jo!)).toHaveLength(1);
  });
});

describe('lists', () => {
  it('my meetings, and everything coming up by format, in my time zone', async () => {
    const [kit] = await people(1, 'Lister');
    const online = await orgEvent(null, { title: 'Online coffee' });
    const inPerson = await orgEvent(null, {
      title: 'Walk in the park',
      format: 'in_person',
      venue: { ...venue, access: ['step_free'] },
      video: null,
    });
    await ok(rsvp(kit!, online.id, { start: online.start, answer: 'going' }));
    await ok(rsvp(kit!, inPerson.id, { start: inPerson.made.meetings[1]!.start, answer: 'maybe' }));

    const mine = await ok<{ meetings: MeetingSummary[]; zone: string }>(
      callAs(t, kit!, 'GET', '/api/events/mine?timeZone=America%2FNew_York'),
    );
    expect(mine.meetings.map((m) => [m.title, m.me?.answer])).toEqual([
      ['Online coffee', 'going'],
      ['Walk in the park', 'maybe'],
    ]);
    // 2 pm in London is 9 am or 10 am in New York.
    expect(mine.meetings[0]!.text).toMatch(/, (9|10) am to (10|11):30 am$/);
    expect(mine.zone).not.toBe('');

    const byFormat = await ok<{ meetings: MeetingSummary[] }>(
      callAs(t, kit!, 'GET', `/api/events?format=in_person&organisation=${orgId}`),
    );
    expect(new Set(byFormat.meetings.map((m) => m.format))).toEqual(new Set(['in_person']));
    const byAccess = await ok<{ meetings: MeetingSummary[] }>(
      callAs(t, kit!, 'GET', '/api/events?access=step_free'),
    );
    expect(byAccess.meetings.every((m) => m.access.includes('step_free'))).toBe(true);
    expect(byAccess.meetings.some((m) => m.eventId === inPerson.id)).toBe(true);

    // Page after page, in order, never the same meeting twice.
    const seen: string[] = [];
    let cursor: string | null = null;
    let last = '';
    for (let page = 0; page < 4; page++) {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const answer: { meetings: MeetingSummary[]; nextCursor: string | null } = await ok(
        callAs(t, kit!, 'GET', `/api/events?organisation=${orgId}${query}`),
      );
      for (const m of answer.meetings) {
        expect(m.startsAt >= last).toBe(true);
        last = m.startsAt;
        seen.push(`${m.eventId}|${m.start}`);
      }
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(20);
  });
});
