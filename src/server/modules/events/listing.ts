// Lists of meetings: everything coming up that this person may see (with the directory's
// filters: format, access, language and distance), and the meetings they said they may come to.
import { and, asc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { MeetingsPage } from '../../../contract/events';
import type { Place } from '../../../contract/groups';
import type { AccessFeature, GroupFormat, GroupLanguage } from '../../../contract/groups-values';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { decodeCursor, encodeCursor, type Position } from '../../lib/pagination';
import { DEFAULT_MAX_KM, placeById, zoneInWords } from '../groups/face';
import type { EventsDeps } from './deps';
import { type Shown, viewsOf } from './event-page';
import { canSeeEvent } from './permissions';
import { toMeetingSummary, zoneFor } from './present';
import { type EventRow, eventColumns, exceptionsOf } from './queries';
import { LONGEST_MEETING_MS, meetingAt, meetingsFrom, ruleOf } from './series';
import { standingsOf } from './standing';
import { eventRsvps, events } from './tables';

export const MEETINGS_PAGE = 20;
/** How far ahead "coming up" looks. */
export const UPCOMING_DAYS = 92;
/** Events read for one page: enough for every event with a meeting in the window, in practice. */
const CANDIDATES = 300;
/** Of one event, the most meetings one page can hold. */
const PER_EVENT = MEETINGS_PAGE + 1;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ListFilters {
  format?: GroupFormat | undefined;
  access?: AccessFeature[] | undefined;
  language?: GroupLanguage | undefined;
  /** Near a place from the directory's list, or a point; within km. */
  place?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  km?: number | undefined;
  group?: string | undefined;
  organisation?: string | undefined;
  timeZone?: string | undefined;
  cursor?: string | undefined;
}

/** As the group directory: wanting online includes hybrid, and so does in person. */
function formatsFor(format: GroupFormat): GroupFormat[] {
  if (format === 'online') return ['online', 'hybrid'];
  if (format === 'in_person') return ['in_person', 'hybrid'];
  return ['hybrid'];
}

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

const EARTH_KM = 6371;

/** Kilometres from a point to each event's venue, in SQL (null with no venue). */
function distanceFrom(lat: number, lng: number): SQL<number | null> {
  return sql<
    number | null
  >`(${EARTH_KM} * 2 * asin(sqrt(power(sin(radians(${events.lat} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${events.lat})) * power(sin(radians(${events.lng} - ${lng}) / 2), 2))))`;
}

/** The place asked about, as the directory has it: one from its list, or lat and lng; else null. */
function placeAsked(query: ListFilters): Place | null {
  if (query.place) {
    const place = placeById(query.place);
    if (!place) throw problems.badRequest(undefined, { place: t('groups.fields.place.unknown') });
    return place;
  }
  if (query.lat === undefined || query.lng === undefined) return null;
  return {
    id: 'here',
    name: t('groups.directory.myLocation'),
    region: '',
    country: '',
    lat: query.lat,
    lng: query.lng,
    kind: 'town',
  };
}

/**
 * "Near me": meetings in person (or both) within km, and meetings online too, unless only in
 * person was asked for. Wanting online, the distance does not matter.
 */
function nearWhere(format: GroupFormat | undefined, distance: SQL, km: number): SQL | null {
  if (format === 'online') return null;
  const within = sql`${distance} <= ${km}`;
  return format === 'in_person' ? within : or(eq(events.format, 'online'), within)!;
}

/** Later in the list than the cursor's meeting: by when it starts, then by event. */
const isAfter = (s: Shown, after: Position<Date> | null) =>
  !after ||
  s.meeting.start > after.at ||
  (s.meeting.start.getTime() === after.at.getTime() && s.event.id > after.id);

const byStart = (a: Shown, b: Shown) =>
  a.meeting.start.getTime() - b.meeting.start.getTime() || (a.event.id < b.event.id ? -1 : 1);

/** A page of meetings, in order, with the words and the cursor for the next page. */
async function meetingsPage(
  deps: EventsDeps,
  actor: Actor,
  shown: Shown[],
  after: Position<Date> | null,
  timeZone: string | undefined,
  near: { place: Place; distances: ReadonlyMap<string, number | null> } | null = null,
): Promise<MeetingsPage> {
  const ordered = shown.filter((s) => isAfter(s, after)).sort(byStart);
  const page = ordered.slice(0, MEETINGS_PAGE);
  const views = await viewsOf(deps.db, actor, page, (e) => zoneFor(e, timeZone), deps.now());
  const last = page.at(-1);
  return {
    meetings: page.map((s, i) =>
      toMeetingSummary(s.event, s.meeting, views[i]!, near?.distances.get(s.event.id) ?? null),
    ),
    nextCursor:
      ordered.length > MEETINGS_PAGE && last
        ? encodeCursor({ at: last.meeting.start, id: last.event.id })
        : null,
    zone: zoneInWords(timeZone ?? page[0]?.event.timeZone ?? 'Europe/London'),
    place: near?.place ?? null,
  };
}

/** Meetings coming up in the next months that this person may see, soonest first. */
export async function upcomingMeetings(
  deps: EventsDeps,
  actor: Actor,
  query: ListFilters,
): Promise<MeetingsPage> {
  const { db } = deps;
  const now = deps.now();
  const after = decodeCursor(query.cursor);
  const from = after && after.at > now ? after.at : now;
  const to = new Date(now.getTime() + UPCOMING_DAYS * DAY_MS);
  const where: SQL[] = [
    isNull(events.cancelledAt),
    lt(events.firstStartAt, to),
    or(
      isNull(events.lastStartAt),
      gte(events.lastStartAt, new Date(from.getTime() - LONGEST_MEETING_MS)),
    )!,
  ];
  if (query.format) where.push(inArray(events.format, formatsFor(query.format)));
  if (query.access?.length) where.push(sql`${events.access} @> ${textArray(query.access)}`);
  if (query.language) where.push(sql`${events.languages} @> ${textArray([query.language])}`);
  if (query.group) where.push(eq(events.groupId, query.group));
  if (query.organisation) where.push(eq(events.organisationId, query.organisation));
  const place = placeAsked(query);
  const distance = place ? distanceFrom(place.lat, place.lng) : null;
  const near = distance && nearWhere(query.format, distance, query.km ?? DEFAULT_MAX_KM);
  // In the query, so the limit below counts only the events near enough.
  if (near) where.push(near);
  // Events that start soonest first, so those cut off by the limit are the furthest away.
  const rows = await db
    .select({ ...eventColumns, distanceKm: distance ?? sql<null>`null::float8` })
    .from(events)
    .where(and(...where))
    .orderBy(sql`greatest(${events.firstStartAt}, ${from})`, asc(events.id))
    .limit(CANDIDATES);
  const distances = new Map(
    rows.map((r) => [r.id, r.distanceKm === null ? null : Number(r.distanceKm)]),
  );
  return meetingsPage(
    deps,
    actor,
    await meetingsOf(deps, actor, rows, from, to),
    after,
    query.timeZone,
    place && { place, distances },
  );
}

/** The meetings of these events in [from, to) this person may see (cancelled ones marked). */
async function meetingsOf(
  deps: EventsDeps,
  actor: Actor,
  rows: EventRow[],
  from: Date,
  to: Date,
): Promise<Shown[]> {
  const standings = await standingsOf(deps, actor, rows);
  const visible = rows.filter((r) => canSeeEvent(actor, standings.get(r.id)!));
  const exceptions = await exceptionsOf(
    deps.db,
    visible.map((r) => r.id),
  );
  return visible.flatMap((event) =>
    meetingsFrom(ruleOf(event), exceptions.get(event.id) ?? [], from, to, PER_EVENT).map(
      (meeting) => ({ event, standing: standings.get(event.id)!, meeting }),
    ),
  );
}

/** How many of my answers one list reads: far more meetings than anyone says yes to at once. */
const MY_ANSWERS = 300;

/** Meetings to come that I said I am going to (or waiting for, or maybe), soonest first. */
export async function myMeetings(
  deps: EventsDeps,
  actor: Actor,
  query: { timeZone?: string | undefined; cursor?: string | undefined },
): Promise<MeetingsPage> {
  const { db } = deps;
  const now = deps.now();
  const after = decodeCursor(query.cursor);
  // A meeting is named by its start in the series; moved ones may start up to a month off it.
  const since = new Date(now.getTime() - 31 * DAY_MS);
  const answers = await db
    .select({ eventId: eventRsvps.eventId, start: eventRsvps.meetingStart })
    .from(eventRsvps)
    .innerJoin(events, eq(events.id, eventRsvps.eventId))
    .where(
      and(
        eq(eventRsvps.userId, actor.userId),
        ne(eventRsvps.answer, 'not_going'),
        gte(eventRsvps.meetingStart, since),
        isNull(events.cancelledAt),
      ),
    )
    .orderBy(asc(eventRsvps.meetingStart))
    .limit(MY_ANSWERS);
  const ids = [...new Set(answers.map((a) => a.eventId))];
  const rows = ids.length
    ? await db.select(eventColumns).from(events).where(inArray(events.id, ids))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const standings = await standingsOf(deps, actor, rows);
  const exceptions = await exceptionsOf(db, ids);
  const shown: Shown[] = [];
  for (const { eventId, start } of answers) {
    const event = byId.get(eventId)!;
    const standing = standings.get(eventId)!;
    // Someone who left a private group no longer sees its meetings.
    if (!canSeeEvent(actor, standing)) continue;
    const meeting = meetingAt(ruleOf(event), exceptions.get(eventId) ?? [], start);
    if (meeting && meeting.end > now) shown.push({ event, standing, meeting });
  }
  return meetingsPage(deps, actor, shown, after, query.timeZone);
}
