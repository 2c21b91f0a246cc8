// Attendance (issue 12 part 5): those who run an event mark who came to a past meeting; a
// group's counts month by month, for funders; and a member's own "You went to 5 meetings."
import { and, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { AttendanceResult, GroupAttendance, MyAttendance } from '../../../contract/events';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { EventsDeps } from './deps';
import { canKeepAttendance } from './permissions';
import { exceptionsOf, loadEvent } from './queries';
import { meetingAt, ruleOf } from './series';
import { standingOf } from './standing';
import { eventAttendance, eventRsvps, events } from './tables';

/** A meeting of an event the person runs, that has begun (no marks for one to come). */
async function pastMeeting(deps: EventsDeps, actor: Actor, eventId: string, start: string) {
  const event = await loadEvent(deps.db, eventId);
  if (!canKeepAttendance(actor, await standingOf(deps, actor, event))) {
    throw problems.forbidden(t('events.problems.notRunner'));
  }
  const exceptions = (await exceptionsOf(deps.db, [eventId])).get(eventId) ?? [];
  const meeting = meetingAt(ruleOf(event), exceptions, new Date(start));
  if (!meeting || meeting.cancelled || event.cancelledAt !== null) {
    throw problems.notFound(t('events.problems.meetingNotFound'));
  }
  return { event, meeting };
}

const cameTo = (eventId: string, start: Date) =>
  and(eq(eventAttendance.eventId, eventId), eq(eventAttendance.meetingStart, start));

async function whoCame(deps: EventsDeps, eventId: string, start: Date): Promise<string[]> {
  const rows = await deps.db
    .select({ userId: eventAttendance.userId })
    .from(eventAttendance)
    .where(cameTo(eventId, start))
    .orderBy(eventAttendance.userId);
  return rows.map((r) => r.userId);
}

/** Who was marked as having come to one meeting. */
export async function meetingAttendance(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  start: string,
): Promise<AttendanceResult> {
  const { meeting } = await pastMeeting(deps, actor, eventId, start);
  const came = await whoCame(deps, eventId, meeting.originalStart);
  return {
    start: meeting.originalStart.toISOString(),
    came,
    message: t('events.attendance.came', { count: came.length }),
  };
}

/**
 * Marks who came to a meeting that has begun: everyone in `came`, and nobody else. Only people
 * who answered for it can be marked (so nobody is marked who never heard of it).
 */
export async function markAttendance(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  body: { start: string; came: string[] },
): Promise<AttendanceResult> {
  await deps.limits.consume('eventWritePerUser', actor.userId);
  const { meeting } = await pastMeeting(deps, actor, eventId, body.start);
  if (meeting.start > deps.now()) throw problems.conflict(t('events.problems.meetingNotOver'));
  const start = meeting.originalStart;
  const came = [...new Set(body.came)];
  await deps.db.transaction(async (tx) => {
    if (came.length > 0) {
      const answered = await tx
        .select({ userId: eventRsvps.userId })
        .from(eventRsvps)
        .where(
          and(
            eq(eventRsvps.eventId, eventId),
            eq(eventRsvps.meetingStart, start),
            inArray(eventRsvps.userId, came),
          ),
        );
      if (answered.length !== came.length) {
        const words = t('events.problems.notAnswered');
        throw problems.invalid({ came: words }, words);
      }
    }
    await tx
      .delete(eventAttendance)
      .where(
        came.length > 0
          ? and(cameTo(eventId, start), notInArray(eventAttendance.userId, came))
          : cameTo(eventId, start),
      );
    if (came.length > 0) {
      await tx
        .insert(eventAttendance)
        .values(
          came.map((userId) => ({
            eventId,
            meetingStart: start,
            userId,
            markedBy: actor.userId,
            markedAt: deps.now(),
          })),
        )
        .onConflictDoNothing();
    }
  });
  return {
    start: start.toISOString(),
    came: [...came].sort(),
    message: t('events.attendance.saved', { count: came.length }),
  };
}

/** A group's meetings and who came, month by month (each meeting in its own time zone). */
export async function groupAttendance(
  deps: EventsDeps,
  actor: Actor,
  groupId: string,
): Promise<GroupAttendance> {
  const standing = (await deps.groups.groupEventStandings(actor, [groupId])).get(groupId);
  if (!standing) throw problems.notFound(t('events.problems.groupNotFound'));
  if (!canKeepAttendance(actor, standing)) throw problems.forbidden(t('events.problems.notRunner'));
  const month = sql<string>`to_char(${eventAttendance.meetingStart} at time zone ${events.timeZone}, 'YYYY-MM')`;
  const rows = await deps.db
    .select({
      month,
      meetings: sql<number>`count(distinct (${eventAttendance.eventId}, ${eventAttendance.meetingStart}))::int`,
      visits: sql<number>`count(*)::int`,
      people: sql<number>`count(distinct ${eventAttendance.userId})::int`,
    })
    .from(eventAttendance)
    .innerJoin(events, eq(events.id, eventAttendance.eventId))
    .where(eq(events.groupId, groupId))
    .groupBy(month)
    .orderBy(month)
    .limit(600);
  return { months: rows };
}

/** "You went to 5 meetings." */
export async function myAttendance(deps: EventsDeps, actor: Actor): Promise<MyAttendance> {
  const [row] = await deps.db
    .select({ meetings: count() })
    .from(eventAttendance)
    .where(eq(eventAttendance.userId, actor.userId));
  const meetings = Number(row?.meetings ?? 0);
  return { meetings, text: t('events.attendance.mine', { count: meetings }) };
}
