// Recording what happened, inside the transaction of the change that caused it: a
// notification exists only if its change committed, and deliveries due now are enqueued
// in the same transaction, so a job exists exactly when the notification does.
import { eq, sql } from 'drizzle-orm';
import { kindRules } from '../../../contract/notifications';
import type { Tx } from '../../db';
import type { Enqueue } from '../../lib/jobs';
import type { NotificationsDeps } from './deps';
import { NOTIFICATION_EMAIL, NOTIFICATION_PUSH } from './jobs';
import type { NotificationEvent } from './kinds';
import { deliveryTime } from './schedule';
import { type Choices, choicesFor } from './settings';
import { type DeliveryState, notificationCauses, notifications } from './tables';

/** The newest people named on a gathered notification. */
const ACTORS_KEPT = 3;

interface Planned {
  state: DeliveryState;
  dueAt: Date | null;
}

function plan(
  channel: 'email' | 'push',
  event: NotificationEvent,
  choices: Choices,
  now: Date,
): Planned {
  if (!choices.wants(event.kind, channel)) return { state: 'none', dueAt: null };
  const when = deliveryTime(channel, kindRules[event.kind], choices, now);
  if (!when) return { state: 'none', dueAt: null };
  // Due now and not for a digest: a job is enqueued at once; otherwise the sweep hands it over.
  if (!when.digest && when.at <= now) return { state: 'queued', dueAt: when.at };
  return { state: 'waiting', dueAt: when.at };
}

/**
 * Tells each recipient of each event, once per cause, by the channels they chose. Call it
 * inside the change's transaction with that transaction's enqueue (`jobs.transaction`).
 */
export async function recordEvents(
  deps: NotificationsDeps,
  tx: Tx,
  enqueue: Enqueue,
  events: NotificationEvent[],
): Promise<void> {
  const now = deps.now();
  for (const event of events) {
    const recipients = [...new Set(event.recipientIds)].filter((id) => id !== event.actorId);
    if (recipients.length === 0) continue;
    const choices = await choicesFor(tx, recipients);
    const wanting = recipients.filter((id) => {
      const c = choices.get(id)!;
      return (
        c.wants(event.kind, 'inApp') || c.wants(event.kind, 'email') || c.wants(event.kind, 'push')
      );
    });
    if (wanting.length === 0) continue;
    // Never twice: a cause a person was already told of (a reaction taken back and given
    // again, a job run a second time) is skipped.
    const fresh = await tx
      .insert(notificationCauses)
      .values(wanting.map((userId) => ({ userId, causeKey: event.causeKey, createdAt: now })))
      .onConflictDoNothing()
      .returning({ userId: notificationCauses.userId });
    for (const { userId } of fresh) {
      const c = choices.get(userId)!;
      const id = event.groupKey
        ? await gather(tx, event, userId, c, now)
        : await insertOne(tx, event, userId, c, now);
      if (!id) continue;
      const email = plan('email', event, c, now);
      const push = plan('push', event, c, now);
      await tx
        .update(notifications)
        .set({
          emailState: email.state,
          emailDueAt: email.dueAt,
          pushState: push.state,
          pushDueAt: push.dueAt,
        })
        .where(eq(notifications.id, id));
      if (email.state === 'queued') await enqueue(NOTIFICATION_EMAIL, { notificationId: id });
      if (push.state === 'queued')
        await enqueue(NOTIFICATION_PUSH, { userId, notificationIds: [id] });
    }
  }
}

async function insertOne(
  tx: Tx,
  event: NotificationEvent,
  userId: string,
  choices: Choices,
  now: Date,
): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      userId,
      kind: event.kind,
      data: event.data,
      groupKey: null,
      actorIds: event.actorId ? [event.actorId] : [],
      inApp: choices.wants(event.kind, 'inApp'),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: notifications.id });
  return row!.id;
}

/**
 * Adds the event to the person's unread notification with the same group key, or starts
 * one. Returns the id only when it started one: a gathered event is not sent again by
 * email or push, it only changes the words in the app ("3 people sent you strength").
 */
async function gather(
  tx: Tx,
  event: NotificationEvent,
  userId: string,
  choices: Choices,
  now: Date,
): Promise<string | null> {
  const actors = event.actorId ? [event.actorId] : [];
  const [row] = await tx
    .insert(notifications)
    .values({
      userId,
      kind: event.kind,
      data: event.data,
      groupKey: event.groupKey ?? null,
      actorIds: actors,
      inApp: choices.wants(event.kind, 'inApp'),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [notifications.userId, notifications.groupKey],
      targetWhere: sql`${notifications.readAt} is null and ${notifications.groupKey} is not null`,
      set: {
        count: sql`${notifications.count} + 1`,
        updatedAt: now,
        data: event.data,
      },
    })
    .returning({ id: notifications.id, started: sql<boolean>`xmax = 0` });
  // The newest people first, a few of them.
  if (row && !row.started && event.actorId) {
    await tx
      .update(notifications)
      .set({
        actorIds: sql`(array[${event.actorId}]::uuid[] || array_remove(${notifications.actorIds}, ${event.actorId}::uuid))[1:${ACTORS_KEPT}]`,
      })
      .where(eq(notifications.id, row.id));
  }
  return row?.started ? row.id : null;
}
