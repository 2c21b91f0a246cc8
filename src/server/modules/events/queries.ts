// Drizzle reads and writes the events use cases share. No rules here.
import { and, asc, eq, gte, inArray, isNotNull, max, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { SeriesException } from './recurrence';
import { exceptionOf } from './series';
import { eventExceptions, eventRsvps, events } from './tables';

/** Everything an event's page and its rules need. */
export const eventColumns = {
  id: events.id,
  ownerKind: events.ownerKind,
  groupId: events.groupId,
  organisationId: events.organisationId,
  title: events.title,
  description: events.description,
  format: events.format,
  startLocal: events.startLocal,
  durationMinutes: events.durationMinutes,
  timeZone: events.timeZone,
  rrule: events.rrule,
  firstStartAt: events.firstStartAt,
  lastStartAt: events.lastStartAt,
  capacity: events.capacity,
  venueName: events.venueName,
  venueAddress: events.venueAddress,
  venueTown: events.venueTown,
  lat: events.lat,
  lng: events.lng,
  access: events.access,
  accessNotes: events.accessNotes,
  howToGetThere: events.howToGetThere,
  languages: events.languages,
  videoKind: events.videoKind,
  videoUrl: events.videoUrl,
  cancelledAt: events.cancelledAt,
  updatedAt: events.updatedAt,
};

/** One event; `lock` holds its row for the transaction, so answers for it wait their turn. */
export async function loadEvent(tx: Db | Tx, eventId: string, lock = false) {
  const query = tx.select(eventColumns).from(events).where(eq(events.id, eventId)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw problems.notFound(t('events.problems.notFound'));
  return row;
}
export type EventRow = Awaited<ReturnType<typeof loadEvent>>;

/** Each event's moved and cancelled meetings (one query). */
export async function exceptionsOf(
  tx: Db | Tx,
  eventIds: string[],
): Promise<Map<string, SeriesException[]>> {
  const result = new Map<string, SeriesException[]>();
  const wanted = [...new Set(eventIds)];
  if (wanted.length === 0) return result;
  const rows = await tx
    .select({
      eventId: eventExceptions.eventId,
      originalStart: eventExceptions.originalStart,
      cancelled: eventExceptions.cancelled,
      newStartLocal: eventExceptions.newStartLocal,
      newDurationMinutes: eventExceptions.newDurationMinutes,
    })
    .from(eventExceptions)
    .where(inArray(eventExceptions.eventId, wanted));
  for (const row of rows) {
    result.set(row.eventId, [...(result.get(row.eventId) ?? []), exceptionOf(row)]);
  }
  return result;
}

/** A meeting's key in the maps below. */
export const meetingKey = (eventId: string, start: Date) => `${eventId}|${start.getTime()}`;

export interface MeetingRef {
  eventId: string;
  start: Date;
}

function meetingsWhere(meetings: MeetingRef[]) {
  return or(
    ...meetings.map((m) =>
      and(eq(eventRsvps.eventId, m.eventId), eq(eventRsvps.meetingStart, m.start)),
    ),
  );
}

/** Places taken (carers counted) and people waiting, for each of these meetings (one query). */
export async function meetingCounts(
  tx: Db | Tx,
  meetings: MeetingRef[],
): Promise<Map<string, { going: number; waiting: number }>> {
  const result = new Map<string, { going: number; waiting: number }>();
  if (meetings.length === 0) return result;
  const rows = await tx
    .select({
      eventId: eventRsvps.eventId,
      start: eventRsvps.meetingStart,
      going: sql<number>`coalesce(sum(case when ${eventRsvps.place} = 'going' then 1 + ${eventRsvps.carer}::int else 0 end), 0)::int`,
      waiting: sql<number>`count(*) filter (where ${eventRsvps.place} = 'waiting')::int`,
    })
    .from(eventRsvps)
    .where(and(isNotNull(eventRsvps.place), meetingsWhere(meetings)))
    .groupBy(eventRsvps.eventId, eventRsvps.meetingStart);
  for (const row of rows) {
    result.set(meetingKey(row.eventId, row.start), { going: row.going, waiting: row.waiting });
  }
  return result;
}

export interface AnswerRow {
  eventId: string;
  start: Date;
  answer: (typeof eventRsvps.$inferSelect)['answer'];
  carer: boolean;
  accessNeeds: string;
  place: (typeof eventRsvps.$inferSelect)['place'];
  waitingNumber: number | null;
}

/** One person's answers for these meetings, with their place in the line (one query). */
export async function answersOf(
  tx: Db | Tx,
  userId: string,
  meetings: MeetingRef[],
): Promise<Map<string, AnswerRow>> {
  const result = new Map<string, AnswerRow>();
  if (meetings.length === 0) return result;
  const rows = await tx
    .select({
      eventId: eventRsvps.eventId,
      start: eventRsvps.meetingStart,
      answer: eventRsvps.answer,
      carer: eventRsvps.carer,
      accessNeeds: eventRsvps.accessNeeds,
      place: eventRsvps.place,
      // Spelled out: drizzle leaves the columns of a one-table select unqualified, and in
      // the subquery they would name the inner table.
      waitingNumber: sql<number | null>`case when event_rsvps.place = 'waiting' then (
        select count(*)::int from event_rsvps ahead
        where ahead.event_id = event_rsvps.event_id and ahead.meeting_start = event_rsvps.meeting_start
          and ahead.place = 'waiting' and ahead.wait_order <= event_rsvps.wait_order) end`,
    })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.userId, userId), meetingsWhere(meetings)));
  for (const row of rows) result.set(meetingKey(row.eventId, row.start), row);
  return result;
}

/** Places taken at one meeting, carers counted. */
export async function placesTaken(tx: Tx, eventId: string, start: Date): Promise<number> {
  const counts = await meetingCounts(tx, [{ eventId, start }]);
  return counts.get(meetingKey(eventId, start))?.going ?? 0;
}

/** The where clause for one person's answer for one meeting. */
export const answerRow = (eventId: string, start: Date, userId: string) =>
  and(
    eq(eventRsvps.eventId, eventId),
    eq(eventRsvps.meetingStart, start),
    eq(eventRsvps.userId, userId),
  );

export async function answerOf(tx: Tx, eventId: string, start: Date, userId: string) {
  const [row] = await tx
    .select({
      answer: eventRsvps.answer,
      carer: eventRsvps.carer,
      accessNeeds: eventRsvps.accessNeeds,
      place: eventRsvps.place,
      waitOrder: eventRsvps.waitOrder,
    })
    .from(eventRsvps)
    .where(answerRow(eventId, start, userId))
    .limit(1);
  return row ?? null;
}

/** The next number in a meeting's line for places. */
export async function nextWaitOrder(tx: Tx, eventId: string, start: Date): Promise<number> {
  const [row] = await tx
    .select({ last: max(eventRsvps.waitOrder) })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.meetingStart, start)));
  return (row?.last ?? 0) + 1;
}

/** The person first in line for a place at one meeting, if anyone waits. */
export async function firstWaiting(tx: Tx, eventId: string, start: Date) {
  const [row] = await tx
    .select({ userId: eventRsvps.userId, carer: eventRsvps.carer })
    .from(eventRsvps)
    .where(
      and(
        eq(eventRsvps.eventId, eventId),
        eq(eventRsvps.meetingStart, start),
        eq(eventRsvps.place, 'waiting'),
      ),
    )
    .orderBy(asc(eventRsvps.waitOrder), asc(eventRsvps.answeredAt))
    .limit(1);
  return row ?? null;
}

/** Everyone who answered for one meeting, in the order they answered (the line by its order). */
export async function answersFor(tx: Db | Tx, eventId: string, start: Date) {
  return tx
    .select({
      userId: eventRsvps.userId,
      answer: eventRsvps.answer,
      carer: eventRsvps.carer,
      accessNeeds: eventRsvps.accessNeeds,
      place: eventRsvps.place,
      waitOrder: eventRsvps.waitOrder,
      answeredAt: eventRsvps.answeredAt,
    })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.meetingStart, start)))
    .orderBy(asc(eventRsvps.waitOrder), asc(eventRsvps.answeredAt), asc(eventRsvps.userId))
    .limit(2000);
}

/**
 * Who said yes (a place, or waiting for one) to these meetings of an event, or to any of its
 * meetings from `since` on when none are named.
 */
export async function saidYes(
  tx: Tx,
  eventId: string,
  scope: { starts: Date[] } | { since: Date },
): Promise<{ userId: string; start: Date }[]> {
  const which =
    'starts' in scope
      ? scope.starts.length
        ? inArray(eventRsvps.meetingStart, scope.starts)
        : sql`false`
      : gte(eventRsvps.meetingStart, scope.since);
  return tx
    .select({ userId: eventRsvps.userId, start: eventRsvps.meetingStart })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), isNotNull(eventRsvps.place), which));
}
