// One meeting of a series moved, cancelled, or put back as the series has it. The series itself
// does not change: the meeting keeps its name (its start in the series) and its answers.
import { and, eq } from 'drizzle-orm';
import type { Meeting } from '../../../contract/events';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { EventsDeps } from './deps';
import { viewsOf } from './event-page';
import { toMeeting, zoneFor } from './present';
import { exceptionsOf, loadEvent, saidYes } from './queries';
import { localToInstant, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from './recurrence';
import { boundsOf, meetingAt, minutesBetween, ruleOf } from './series';
import { requireRunner, standingOf } from './standing';
import { eventExceptions, events } from './tables';
import { changeEvent, type MeetingChange } from './telling';

export interface MeetingChangeInput {
  start: string;
  cancelled: boolean;
  newStartLocal: string | null;
  newEndLocal: string | null;
}

function newLength(input: MeetingChangeInput): number | null {
  if (!input.newStartLocal || !input.newEndLocal) return null;
  const minutes = minutesBetween(input.newStartLocal, input.newEndLocal);
  if (!(minutes > 0)) {
    throw problems.invalid({ newEndLocal: t('events.fields.endLocal.beforeStart') });
  }
  if (minutes < MIN_DURATION_MINUTES) {
    throw problems.invalid({ newEndLocal: t('events.fields.endLocal.tooShort') });
  }
  if (minutes > MAX_DURATION_MINUTES) {
    throw problems.invalid({ newEndLocal: t('events.fields.endLocal.tooLong') });
  }
  return minutes;
}

/** Move one meeting, cancel it, or put it back; everyone who said yes to it hears. */
export async function changeMeeting(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  input: MeetingChangeInput,
  timeZone?: string,
): Promise<Meeting> {
  const { db, now } = deps;
  const start = new Date(input.start);
  const minutes = newLength(input);
  const standing = await standingOf(deps, actor, await loadEvent(db, eventId));
  requireRunner(actor, standing);
  await deps.limits.consume('eventWritePerUser', actor.userId);
  return deps.jobs.transaction(async (tx, enqueue) => {
    const event = await loadEvent(tx, eventId, true);
    if (event.cancelledAt) throw problems.conflict(t('events.problems.cancelled'));
    const rule = ruleOf(event);
    const exceptions = (await exceptionsOf(tx, [eventId])).get(eventId) ?? [];
    const before = meetingAt(rule, exceptions, start);
    if (!before) throw problems.notFound(t('events.problems.meetingNotFound'));
    if (before.end <= now()) throw problems.conflict(t('events.problems.meetingOver'));
    if (input.newStartLocal && localToInstant(input.newStartLocal, rule.timeZone) <= now()) {
      throw problems.invalid({ newStartLocal: t('events.fields.newStartLocal.past') });
    }
    const others = exceptions.filter((e) => e.originalStart.getTime() !== start.getTime());
    const exception = {
      originalStart: start,
      cancelled: input.cancelled,
      newStartLocal: input.newStartLocal,
      newDurationMinutes: minutes,
    };
    const after = meetingAt(rule, [...others, exception], start)!;
    const asTheSeries = !after.cancelled && !after.moved;
    const row = and(eq(eventExceptions.eventId, eventId), eq(eventExceptions.originalStart, start));
    if (asTheSeries) {
      await tx.delete(eventExceptions).where(row);
    } else {
      const values = { ...exception, updatedAt: now() };
      await tx
        .insert(eventExceptions)
        .values({ eventId, ...values })
        .onConflictDoUpdate({
          target: [eventExceptions.eventId, eventExceptions.originalStart],
          set: values,
        });
    }
    const kept = asTheSeries ? others : [...others, exception];
    await tx
      .update(events)
      .set({ ...boundsOf(rule, kept), updatedAt: now() })
      .where(eq(events.id, eventId));
    const change: MeetingChange | null = after.cancelled
      ? before.cancelled
        ? null
        : 'cancelled'
      : before.cancelled
        ? 'back'
        : after.start.getTime() !== before.start.getTime() ||
            after.end.getTime() !== before.end.getTime()
          ? 'moved'
          : null;
    const told = (await saidYes(tx, eventId, { starts: [start] })).map((r) => r.userId);
    if (change && told.length) {
      await deps.notifications.notify(tx, enqueue, [
        changeEvent(event, change, after, before, told, actor.userId, now()),
      ]);
    }
    const [view] = await viewsOf(
      tx,
      actor,
      [{ event, standing, meeting: after }],
      (e) => zoneFor(e, timeZone),
      now(),
    );
    return toMeeting(event, after, view!);
  });
}
