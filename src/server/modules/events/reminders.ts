// Reminders (issue 12 part 3): a day before and an hour before each meeting, to everyone with
// a place, by their own notification choices. A sweep of the job queue finds meetings starting
// soon; a row per (meeting, its start then, person, which) makes sure none is sent twice, and
// a moved meeting is reminded of again for its new time.
import { and, eq, gte, isNull, lt, lte, or } from 'drizzle-orm';
import type { Actor } from '../../lib/access';
import type { EventsDeps } from './deps';
import { eventColumns, exceptionsOf } from './queries';
import { occurrences } from './recurrence';
import { ruleOf } from './series';
import { eventReminders, eventRsvps, events } from './tables';
import { reminderEvent } from './telling';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How often the queue sweeps for meetings to remind of. */
export const REMINDER_SWEEP_MS = MINUTE;
/** Events looked at per sweep. */
const CANDIDATES = 1000;

type Which = 'day' | 'hour';

/** Which reminder is due for a meeting starting at `start`: the hour's, the day's, or none. */
export function reminderDue(start: Date, now: Date): Which | null {
  const ahead = start.getTime() - now.getTime();
  if (ahead <= 0) return null;
  if (ahead <= HOUR) return 'hour';
  if (ahead <= DAY) return 'day';
  return null;
}

/**
 * Sends the reminders due now; answers how many people were reminded. Run by the job queue
 * every minute; safe to run twice at once (the reminder rows decide who is told).
 */
export async function sendReminders(deps: EventsDeps): Promise<number> {
  const now = deps.now();
  const until = new Date(now.getTime() + DAY);
  // Events with a meeting (moved ones too) that may start within the day.
  const rows = await deps.db
    .select(eventColumns)
    .from(events)
    .where(
      and(
        isNull(events.cancelledAt),
        lte(events.firstStartAt, until),
        or(isNull(events.lastStartAt), gte(events.lastStartAt, now)),
      ),
    )
    .orderBy(events.firstStartAt)
    .limit(CANDIDATES);
  if (rows.length === 0) return 0;
  const exceptions = await exceptionsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  let reminded = 0;
  for (const event of rows) {
    const meetings = occurrences(
      ruleOf(event),
      exceptions.get(event.id) ?? [],
      new Date(now.getTime() + 1),
      new Date(until.getTime() + 1),
    ).filter((m) => !m.cancelled);
    for (const meeting of meetings) {
      const which = reminderDue(meeting.start, now);
      if (!which) continue;
      reminded += await remindOf(deps, event, meeting, which);
    }
  }
  return reminded;
}

async function remindOf(
  deps: EventsDeps,
  event: { id: string; title: string; timeZone: string; groupId: string | null },
  meeting: Parameters<typeof reminderEvent>[1],
  which: Which,
): Promise<number> {
  // People with a place not yet reminded of this meeting at this time: most sweeps find none
  // and write nothing.
  const going = await deps.db
    .select({ userId: eventRsvps.userId })
    .from(eventRsvps)
    .leftJoin(
      eventReminders,
      and(
        eq(eventReminders.eventId, eventRsvps.eventId),
        eq(eventReminders.meetingStart, eventRsvps.meetingStart),
        eq(eventReminders.startsAt, meeting.start),
        eq(eventReminders.userId, eventRsvps.userId),
        eq(eventReminders.which, which),
      ),
    )
    .where(
      and(
        eq(eventRsvps.eventId, event.id),
        eq(eventRsvps.meetingStart, meeting.originalStart),
        eq(eventRsvps.place, 'going'),
        isNull(eventReminders.userId),
      ),
    );
  if (going.length === 0) return 0;
  const inside = await stillInside(
    deps,
    event.groupId,
    going.map((g) => g.userId),
  );
  if (inside.length === 0) return 0;
  return deps.jobs.transaction(async (tx, enqueue) => {
    // Only those not yet reminded get a row back (two sweeps at once tell each person once).
    const fresh = await tx
      .insert(eventReminders)
      .values(
        inside.map((userId) => ({
          eventId: event.id,
          meetingStart: meeting.originalStart,
          startsAt: meeting.start,
          userId,
          which,
          sentAt: deps.now(),
        })),
      )
      .onConflictDoNothing()
      .returning({ userId: eventReminders.userId });
    if (fresh.length === 0) return 0;
    const told = fresh.map((f) => f.userId);
    await deps.notifications.notify(tx, enqueue, [reminderEvent(event, meeting, which, told)]);
    return told.length;
  });
}

/**
 * Of these people, those who may still see a group's event (someone who left a private group
 * keeps their answer, but hears nothing more of it). Everyone may see other events.
 */
async function stillInside(
  deps: EventsDeps,
  groupId: string | null,
  userIds: string[],
): Promise<string[]> {
  if (!groupId) return userIds;
  const inside: string[] = [];
  for (const userId of userIds) {
    const actor: Actor = { userId, sessionId: 'event-reminder', siteRole: 'member', trustLevel: 0 };
    const standing = (await deps.groups.groupEventStandings(actor, [groupId])).get(groupId);
    if (standing?.see || standing?.run) inside.push(userId);
  }
  return inside;
}

/** Reminders are sent at most a day before; rows older than this are of meetings long over. */
export const KEEP_REMINDERS_MS = 30 * DAY;

/** Forgets reminder rows of meetings long over. */
export async function forgetOldReminders(deps: EventsDeps): Promise<void> {
  await deps.db
    .delete(eventReminders)
    .where(lt(eventReminders.sentAt, new Date(deps.now().getTime() - KEEP_REMINDERS_MS)));
}
