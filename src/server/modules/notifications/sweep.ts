// Deliveries that waited (quiet hours, a digest) are handed to the queue when they fall due.
// Every working process sweeps; SKIP LOCKED lets each row go to one of them.
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { NotificationsDeps } from './deps';
import { NOTIFICATION_DIGEST, NOTIFICATION_EMAIL, NOTIFICATION_PUSH } from './jobs';
import { choicesFor } from './settings';
import { notifications } from './tables';

/** Rows handed over per sweep; a sweep that fills it runs again at once. */
const SWEEP_BATCH = 500;

async function sweepChannel(deps: NotificationsDeps, channel: 'email' | 'push'): Promise<number> {
  const state = channel === 'email' ? notifications.emailState : notifications.pushState;
  const dueAt = channel === 'email' ? notifications.emailDueAt : notifications.pushDueAt;
  return deps.jobs.transaction(async (tx, enqueue) => {
    const due = await tx
      .select({ id: notifications.id, userId: notifications.userId })
      .from(notifications)
      .where(and(eq(state, 'waiting'), lte(dueAt, deps.now())))
      .orderBy(asc(dueAt))
      .limit(SWEEP_BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    const byUser = new Map<string, string[]>();
    for (const row of due) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.id]);
    const choices = await choicesFor(tx, [...byUser.keys()]);
    for (const [userId, ids] of byUser) {
      const digest = choices.get(userId)?.emailMode !== 'each';
      // One waiting email goes alone; a digest, or several that quiet hours held, go as one.
      if (channel === 'push') await enqueue(NOTIFICATION_PUSH, { userId, notificationIds: ids });
      else if (ids.length === 1 && !digest) {
        await enqueue(NOTIFICATION_EMAIL, { notificationId: ids[0]! });
      } else await enqueue(NOTIFICATION_DIGEST, { userId, notificationIds: ids });
    }
    await tx
      .update(notifications)
      .set(channel === 'email' ? { emailState: 'queued' } : { pushState: 'queued' })
      .where(
        inArray(
          notifications.id,
          due.map((r) => r.id),
        ),
      );
    return due.length;
  });
}

/** Hands every delivery that is due to the queue; returns how many. */
export async function sweepDue(deps: NotificationsDeps): Promise<number> {
  let handed = 0;
  for (const channel of ['email', 'push'] as const) {
    let n: number;
    do {
      n = await sweepChannel(deps, channel);
      handed += n;
    } while (n === SWEEP_BATCH);
  }
  return handed;
}
