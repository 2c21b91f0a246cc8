import { sql } from 'drizzle-orm';
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
  callAs,
  makeFacilitator,
  makeGroupIn,
  makeOrganisation,
} from '../../../../tests/support/groups';
import { groupInput } from '../../../../tests/support/world';
import type { EventInput, MeetingSummary } from '../../../contract/events';

/**
 * Upcoming meetings near me or online (issue 12, part 6): distance from a place or a point, with
 * online meetings kept unless only in person is wanted; the language a meeting is in; and bad
 * input answered in words.
 */

const DAY = 24 * 60 * 60 * 1000;
/** Leeds in the directory's place list, and the library there (about 0.5 km from its middle). */
const LEEDS = 't2644688';
const leedsLibrary = { lat: 53.8003, lng: -1.5486 };
const londonPoint = 'lat=51.5074&lng=-0.1278';

let t: TestApp;
let admin: Member;
let orgAdmin: Member;
let searcher: Member;
let orgId: string;
const ids: Record<string, string> = {};

async function ok<T = Record<string, unknown>>(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
) {
  const answer = await response;
  expect(answer.statusCode, answer.body.slice(0, 400)).toBe(status);
  return answer.json() as T;
}

/** A date some days from today, as a wall-clock time ('2026-05-14T14:00'). */
function localDay(daysAhead: number, time = '14:00'): string {
  return `${new Date(Date.now() + daysAhead * DAY).toISOString().slice(0, 10)}T${time}`;
}

/** One meeting in `daysAhead` days, 2 pm to 3:30 pm UK time, online unless told otherwise. */
function once(input: Partial<EventInput> = {}, daysAhead = 5): EventInput {
  const startLocal = localDay(daysAhead);
  return {
    title: 'A meeting',
    format: 'online',
    startLocal,
    endLocal: `${startLocal.slice(0, 10)}T15:30`,
    timeZone: 'Europe/London',
    video: { kind: 'link', url: 'https://meet.example.org/chat' },
    ...input,
  };
}

type Venue = NonNullable<EventInput['venue']>;

const venueAt = (town: string, point: { lat: number; lng: number } | null): Venue => ({
  name: `${town} Hall`,
  address: `1 High Street, ${town}`,
  town,
  lat: point?.lat ?? null,
  lng: point?.lng ?? null,
  access: ['step_free'],
});

const inPerson = (town: string, point: { lat: number; lng: number } | null) => ({
  format: 'in_person' as const,
  venue: venueAt(town, point),
  video: null,
});

async function orgEvent(input: EventInput, org = orgId): Promise<string> {
  const made = await ok<{ id: string }>(
    callAs(t, orgAdmin, 'POST', `/api/organisations/${org}/events`, input),
    201,
  );
  return made.id;
}

type Page = {
  meetings: MeetingSummary[];
  nextCursor: string | null;
  place: { id: string; name: string } | null;
};

/** Upcoming meetings of the test organisation, with this query. */
const list = (query: string, org = orgId) =>
  ok<Page>(callAs(t, searcher, 'GET', `/api/events?organisation=${org}&${query}`));

const titles = (page: Page) => [...new Set(page.meetings.map((m) => m.title))].sort();

beforeAll(async () => {
  t = await startTestApp();
  [admin, orgAdmin, searcher] = await Promise.all([
    makeMember(t, { displayName: 'Ada Lists' }),
    makeMember(t, { displayName: 'Olu Near', role: 'professional' }),
    makeMember(t, { displayName: 'Sam Searches' }),
  ]);
  await promote(t, admin.user.id, 'admin');
  orgId = await makeOrganisation(t, admin, 'Near Me Charity', [orgAdmin]);
  ids.leeds = await orgEvent(once({ title: 'Leeds walk', ...inPerson('Leeds', leedsLibrary) }));
  ids.london = await orgEvent(
    once({ title: 'London walk', ...inPerson('London', { lat: 51.5072, lng: -0.1276 }) }),
  );
  ids.hybrid = await orgEvent(
    once({
      title: 'Leeds tea, also online',
      format: 'hybrid',
      venue: venueAt('Leeds', { lat: 53.8, lng: -1.55 }),
      video: { kind: 'link', url: 'https://meet.example.org/tea' },
    }),
  );
  ids.farHybrid = await orgEvent(
    once({
      title: 'Cardiff tea, also online',
      format: 'hybrid',
      venue: venueAt('Cardiff', { lat: 51.48, lng: -3.18 }),
      video: { kind: 'link', url: 'https://meet.example.org/cardiff' },
    }),
  );
  ids.online = await orgEvent(once({ title: 'Welsh chat online', languages: ['cy', 'en'] }));
  // A venue with no point on the map: "near me" cannot say it is near.
  ids.unmapped = await orgEvent(once({ title: 'Somewhere walk', ...inPerson('Leeds', null) }));
});
afterAll(() => t?.close());

describe('near me, or online', () => {
  it('keeps meetings in person within the distance, and meetings online', async () => {
    const near = await list(`place=${LEEDS}&km=10`);
    expect(titles(near)).toEqual(['Leeds tea, also online', 'Leeds walk', 'Welsh chat online']);
    const by = new Map(near.meetings.map((m) => [m.title, m]));
    expect(by.get('Leeds walk')!.distanceKm).toBeGreaterThan(0);
    expect(by.get('Leeds walk')!.distanceKm).toBeLessThan(2);
    expect(by.get('Leeds tea, also online')!.distanceKm).toBeLessThan(2);
    // Online has no place to be far from.
    expect(by.get('Welsh chat online')!.distanceKm).toBeNull();
    // The place, named, for the page to say what it shows.
    expect(near.place).toMatchObject({ id: LEEDS, name: 'Leeds' });

    // From a point (a device's location) in London: London is in, Leeds is out.
    const london = await list(`${londonPoint}&km=25`);
    expect(titles(london)).toEqual(['London walk', 'Welsh chat online']);
    expect(london.place).toMatchObject({ id: 'here', name: 'Where you are' });
    expect(london.meetings.find((m) => m.title === 'London walk')!.distanceKm).toBeLessThan(1);

    // Far enough, and Leeds is about 270 km from London.
    const wide = await list(`${londonPoint}&km=300`);
    const leeds = wide.meetings.find((m) => m.title === 'Leeds walk');
    expect(leeds!.distanceKm).toBeGreaterThan(250);
    expect(leeds!.distanceKm).toBeLessThan(290);
  });

  it('in person only drops the meetings online; online only does not mind the distance', async () => {
    const inPersonOnly = await list(`place=${LEEDS}&km=10&format=in_person`);
    expect(titles(inPersonOnly)).toEqual(['Leeds tea, also online', 'Leeds walk']);

    const onlineOnly = await list(`place=${LEEDS}&km=10&format=online`);
    expect(titles(onlineOnly)).toEqual([
      'Cardiff tea, also online',
      'Leeds tea, also online',
      'Welsh chat online',
    ]);
    // Still told how far the place is, for those who might go.
    const cardiff = onlineOnly.meetings.find((m) => m.title === 'Cardiff tea, also online');
    expect(cardiff!.distanceKm).toBeGreaterThan(250);
  });

  it('without a place, nothing is left out and no distance is given', async () => {
    const all = await list('');
    expect(titles(all)).toEqual([
      'Cardiff tea, also online',
      'Leeds tea, also online',
      'Leeds walk',
      'London walk',
      'Somewhere walk',
      'Welsh chat online',
    ]);
    expect(all.meetings.every((m) => m.distanceKm === null)).toBe(true);
    expect(all.place).toBeNull();
    // km alone, as the directory takes it: no place, so no distance.
    expect(titles(await list('km=5'))).toEqual(titles(all));
  });

  it('counts only the events near enough before it stops reading', async () => {
    // 300 meetings far away, all sooner than the one near: more than one list reads.
    const farOrg = await makeOrganisation(t, admin, 'Busy London Charity', [orgAdmin]);
    const seed = await orgEvent(
      once({ title: 'Soon in London', ...inPerson('London', { lat: 51.5, lng: -0.12 }) }, 1),
      farOrg,
    );
    await t.app.ctx.database.db.execute(sql`
      insert into events (owner_kind, organisation_id, title, description, format, start_local,
        duration_minutes, time_zone, first_start_at, last_start_at, venue_name, venue_address,
        venue_town, lat, lng, access)
      select owner_kind, organisation_id, title || ' ' || n, description, format, start_local,
        duration_minutes, time_zone, first_start_at, last_start_at, venue_name, venue_address,
        venue_town, lat, lng, access
      from events, generate_series(1, 300) as n where id = ${seed}`);
    await orgEvent(
      once({ title: 'Later in Leeds', ...inPerson('Leeds', leedsLibrary) }, 20),
      farOrg,
    );
    const near = await list(`place=${LEEDS}&km=10`, farOrg);
    expect(titles(near)).toEqual(['Later in Leeds']);
  });
});

describe('language', () => {
  it("finds meetings in a language; a group's meetings are in its languages", async () => {
    const welsh = await list('language=cy');
    expect(titles(welsh)).toEqual(['Welsh chat online']);
    expect(welsh.meetings[0]!.languages).toEqual(['cy', 'en']);
    // Every event is in English unless it says otherwise.
    expect(titles(await list('language=en'))).toContain('Leeds walk');
    expect(titles(await list('language=pl'))).toEqual([]);

    const facilitator = await makeMember(t, { displayName: 'Pola Leads', role: 'peer_supporter' });
    const groupId = await makeGroupIn(
      t,
      orgAdmin,
      orgId,
      groupInput({ name: 'Polish Tuesday', languages: ['pl', 'en'] }),
    );
    await makeFacilitator(t, orgAdmin, groupId, facilitator);
    const { languages: _, ...groupEvent } = once({ title: 'Polish chat' });
    const made = await ok<{ id: string; languages: string[] }>(
      callAs(t, facilitator, 'POST', `/api/groups/${groupId}/events`, groupEvent),
      201,
    );
    expect(made.languages).toEqual(['pl', 'en']);
    const polish = await list('language=pl');
    expect(titles(polish)).toEqual(['Polish chat']);
    expect(polish.meetings[0]!.languages).toEqual(['pl', 'en']);

    // A group's event takes the group's languages: it cannot be given others.
    expectProblem(
      await callAs(t, facilitator, 'POST', `/api/groups/${groupId}/events`, {
        ...groupEvent,
        languages: ['fr'],
      }),
      422,
    );
    const detail = await ok<{ languages: string[] }>(
      callAs(t, searcher, 'GET', `/api/events/${ids.online}`),
    );
    expect(detail.languages).toEqual(['cy', 'en']);
  });

  it("refuses an event's languages that are not a short list of ones we know", async () => {
    for (const languages of [[], ['xx'], ['en', 'en'], ['en', 'cy', 'ga', 'gd', 'es', 'fr']]) {
      const answer = expectProblem(
        await callAs(t, orgAdmin, 'POST', `/api/organisations/${orgId}/events`, {
          ...once(),
          languages,
        }),
        422,
      );
      expect(answer.errors?.languages ?? answer.errors?.['languages.0']).toBeTruthy();
    }
    const repeated = expectProblem(
      await callAs(t, orgAdmin, 'POST', `/api/organisations/${orgId}/events`, {
        ...once(),
        languages: ['en', 'en'],
      }),
      422,
    );
    expect(repeated.errors?.languages).toBe('Please choose each one only once.');
  });
});

describe('bad input', () => {
  it('answers a half location, a wrong distance, language or place with 400, in words', async () => {
    const get = (query: string) => callAs(t, searcher, 'GET', `/api/events?${query}`);
    const half = expectProblem(await get('lat=53.8'), 400);
    expect(half.errors?.lat).toBe('We need both parts of the location.');
    expect(expectProblem(await get('lng=-1.5'), 400).errors?.lat).toBe(
      'We need both parts of the location.',
    );
    for (const km of ['0', '501', 'far', '-5']) {
      expect(expectProblem(await get(`place=${LEEDS}&km=${km}`), 400).errors?.km).toBeTruthy();
    }
    expect(expectProblem(await get('lat=91&lng=0'), 400).errors?.lat).toBeTruthy();
    const language = expectProblem(await get('language=klingon'), 400);
    expect(language.errors?.language).toBe('Please choose one of the answers.');
    const place = expectProblem(await get('place=nowhere-at-all'), 400);
    expect(place.errors?.place).toBe('We do not know this place. Please choose one from the list.');
    expect(place.title).not.toMatch(/error|exception/i);
  });
});
