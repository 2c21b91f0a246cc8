// Answering for one meeting: going, maybe or not going, with a carer and access needs. Places
// are never given twice: every answer for an event waits for its row's lock, then counts.
import type { RsvpBody, RsvpPlace, RsvpResult } from '../../../contract/events';
import type { Tx } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { Enqueue } from '../../lib/jobs';
import type { EventsDeps } from './deps';
import { canAnswerEvent } from './permissions';
import { toMeeting, zoneFor } from './present';
import {
  answerOf,
  answerRow,
  answersOf,
  type EventRow,
  exceptionsOf,
  firstWaiting,
  loadEvent,
  meetingCounts,
  meetingKey,
  nextWaitOrder,
  placesTaken,
} from './queries';
import type { Occurrence } from './recurrence';
import { meetingAt, ruleOf } from './series';
import { standingOf } from './standing';
import { eventRsvps } from './tables';
import { placeEvent } from './telling';

const partyOf = (carer: boolean) => (carer ? 2 : 1);

/**
 * Gives free places to the people waiting, first in line first, while the next one fits (a
 * person with a carer needs two; nobody jumps the line). Each hears they have a place, but
 * `except`, who is answering now and reads it on the page.
 */
export async function fillLine(
  deps: Pick<EventsDeps, 'notifications' | 'now'>,
  tx: Tx,
  enqueue: Enqueue,
  event: Pick<EventRow, 'id' | 'title' | 'timeZone' | 'capacity'>,
  meeting: Occurrence,
  except: string | null = null,
): Promise<string[]> {
  const start = meeting.originalStart;
  const movedUp: string[] = [];
  if (meeting.cancelled || meeting.end <= deps.now()) return movedUp;
  for (;;) {
    const next = await firstWaiting(tx, event.id, start);
    if (!next) break;
    const taken = await placesTaken(tx, event.id, start);
    if (event.capacity !== null && taken + partyOf(next.carer) > event.capacity) break;
    await tx
      .update(eventRsvps)
      .set({ place: 'going', waitOrder: null })
      .where(answerRow(event.id, start, next.userId));
    movedUp.push(next.userId);
  }
  const told = movedUp.filter((id) => id !== except);
  if (told.length) {
    await deps.notifications.notify(
      tx,
      enqueue,
      told.map((userId) => placeEvent(event, meeting, userId, deps.now())),
    );
  }
  return movedUp;
}

/** Where "going" puts this person now: a place if one is free and nobody waits for it. */
async function placeFor(
  tx: Tx,
  event: EventRow,
  start: Date,
  carer: boolean,
  current: Awaited<ReturnType<typeof answerOf>>,
): Promise<{ place: RsvpPlace; waitOrder: number | null }> {
  const taken = await placesTaken(tx, event.id, start);
  if (current?.place === 'going') {
    // Keeping a place; bringing a carer now needs one more.
    const more = partyOf(carer) - partyOf(current.carer);
    if (more > 0 && event.capacity !== null && taken + more > event.capacity) {
      throw problems.conflict(t('events.problems.noRoomForCarer'));
    }
    return { place: 'going', waitOrder: null };
  }
  // Already in line: keep the place in line.
  if (current?.place === 'waiting') return { place: 'waiting', waitOrder: current.waitOrder };
  const someoneWaits = (await firstWaiting(tx, event.id, start)) !== null;
  if (event.capacity === null || (!someoneWaits && taken + partyOf(carer) <= event.capacity)) {
    return { place: 'going', waitOrder: null };
  }
  return { place: 'waiting', waitOrder: await nextWaitOrder(tx, event.id, start) };
}

function messageFor(
  answer: RsvpBody['answer'],
  place: RsvpPlace | null,
  carer: boolean,
  waitingNumber: number | null,
): string {
  if (answer === 'maybe') return t('events.answered.maybe');
  if (answer === 'not_going') return t('events.answered.notGoing');
  if (place === 'waiting') return t('events.answered.waiting', { number: waitingNumber ?? 1 });
  return carer ? t('events.answered.goingWithCarer') : t('events.answered.going');
}

/** Answer for one meeting; "going" at a full meeting puts the person in line, and says so. */
export async function answer(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  body: {
    start: string;
    answer: RsvpBody['answer'];
    carer?: boolean | undefined;
    accessNeeds?: string | undefined;
  },
  timeZone?: string,
): Promise<RsvpResult> {
  const { db, now } = deps;
  const start = new Date(body.start);
  // Read before the transaction: the groups face has its own connection.
  const standing = await standingOf(deps, actor, await loadEvent(db, eventId));
  if (!canAnswerEvent(actor, standing)) throw problems.forbidden(t('events.problems.notForYou'));
  await deps.limits.consume('eventRsvpPerUser', actor.userId);
  return deps.jobs.transaction(async (tx, enqueue) => {
    const event = await loadEvent(tx, eventId, true);
    if (event.cancelledAt) throw problems.conflict(t('events.problems.cancelled'));
    const exceptions = (await exceptionsOf(tx, [eventId])).get(eventId) ?? [];
    const meeting = meetingAt(ruleOf(event), exceptions, start);
    if (!meeting) throw problems.notFound(t('events.problems.meetingNotFound'));
    if (meeting.cancelled) throw problems.conflict(t('events.problems.meetingCancelled'));
    if (meeting.end <= now()) throw problems.conflict(t('events.problems.meetingOver'));
    const current = await answerOf(tx, eventId, start, actor.userId);
    const carer = body.carer ?? current?.carer ?? false;
    const { place, waitOrder } =
      body.answer === 'going'
        ? await placeFor(tx, event, start, carer, current)
        : { place: null, waitOrder: null };
    const values = {
      answer: body.answer,
      carer,
      accessNeeds: body.accessNeeds ?? current?.accessNeeds ?? '',
      place,
      waitOrder,
      answeredAt: now(),
    };
    await tx
      .insert(eventRsvps)
      .values({ eventId, meetingStart: start, userId: actor.userId, ...values })
      .onConflictDoUpdate({
        target: [eventRsvps.eventId, eventRsvps.meetingStart, eventRsvps.userId],
        set: values,
      });
    // A place given back (or a carer's) goes to the first in line.
    await fillLine(deps, tx, enqueue, event, meeting, actor.userId);
    const ref = [{ eventId, start }];
    const key = meetingKey(eventId, start);
    const counts = (await meetingCounts(tx, ref)).get(key);
    const mine = (await answersOf(tx, actor.userId, ref)).get(key);
    const view = { actor, standing, counts, mine, zone: zoneFor(event, timeZone), now: now() };
    return {
      meeting: toMeeting(event, meeting, view),
      message: messageFor(body.answer, mine?.place ?? null, carer, mine?.waitingNumber ?? null),
    };
  });
}
