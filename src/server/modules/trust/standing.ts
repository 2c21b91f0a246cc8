// A person's trust level as a moderator sees it, and a moderator setting it by hand.
import { eq } from 'drizzle-orm';
import {
  earnedLevels,
  meets,
  storedTrustLevel,
  type TrustStanding,
  type TrustUpdate,
  trustLevelOf,
} from '../../../contract/trust';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { TrustDeps } from './deps';
import { measuresOf, thresholdsOf } from './measures';
import { trustLocks } from './tables';

async function personFor(deps: TrustDeps, userId: string) {
  const person = await deps.people.personForTrust(userId);
  if (!person) throw problems.notFound(t('trust.problems.personNotFound'));
  return person;
}

export async function trustStanding(
  deps: TrustDeps,
  actor: Actor,
  userId: string,
): Promise<TrustStanding> {
  if (!isModerator(actor)) throw problems.forbidden();
  const person = await personFor(deps, userId);
  const [measures, settings, [lock], names] = await Promise.all([
    measuresOf(deps, [person]).then((m) => m.get(person.id)!),
    deps.settings.all(),
    deps.db.select().from(trustLocks).where(eq(trustLocks.userId, userId)),
    deps.people.authorsByIds([userId]),
  ]);
  const thresholds = thresholdsOf(settings);
  const level = trustLevelOf(person.trustLevel);
  let earned: TrustStanding['earned'] = 'new';
  let next: TrustStanding['next'] = null;
  for (const step of earnedLevels) {
    const needed = thresholds[step.level];
    if (meets(measures, needed)) {
      earned = step.level;
      continue;
    }
    const needs: string[] = [];
    if (measures.days < needed.days) needs.push(t('trust.needs.days', { count: needed.days }));
    if (measures.topicsEntered < needed.topicsEntered)
      needs.push(t('trust.needs.topics', { count: needed.topicsEntered }));
    if (measures.postsRead < needed.postsRead)
      needs.push(t('trust.needs.posts', { count: needed.postsRead }));
    if (measures.readingMinutes < needed.readingMinutes)
      needs.push(t('trust.needs.minutes', { count: needed.readingMinutes }));
    if (measures.upheldReports > needed.upheldReportsAtMost)
      needs.push(t('trust.needs.reports', { count: needed.upheldReportsAtMost }));
    next = { level: step.level, needs };
    break;
  }
  const lockers = lock?.lockedBy ? await deps.people.authorsByIds([lock.lockedBy]) : new Map();
  const locker = lock?.lockedBy ? lockers.get(lock.lockedBy) : undefined;
  return {
    userId,
    displayName: names.get(userId)?.displayName ?? '',
    level,
    locked: lock !== undefined,
    lockedBy: lock
      ? { id: lock.lockedBy, displayName: locker?.displayName ?? t('trust.formerModerator') }
      : null,
    lockedAt: lock ? lock.lockedAt.toISOString() : null,
    measures,
    earned,
    next,
  };
}

/** A moderator sets a person's level, locked or not; written to the audit log. */
export async function setTrust(
  deps: TrustDeps,
  actor: Actor,
  userId: string,
  body: TrustUpdate,
): Promise<TrustStanding> {
  if (!isModerator(actor)) throw problems.forbidden();
  if (userId === actor.userId) throw problems.forbidden(t('trust.problems.notYourOwn'));
  const person = await personFor(deps, userId);
  await deps.limits.consume('trustWritePerUser', actor.userId);
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    await deps.people.setTrustLevel(tx, userId, storedTrustLevel(body.level));
    if (body.locked) {
      await tx
        .insert(trustLocks)
        .values({ userId, lockedBy: actor.userId, lockedAt: at })
        .onConflictDoUpdate({
          target: trustLocks.userId,
          set: { lockedBy: actor.userId, lockedAt: at },
        });
    } else {
      await tx.delete(trustLocks).where(eq(trustLocks.userId, userId));
    }
    await deps.audit.audit(tx, {
      actorId: actor.userId,
      action: 'trust.set',
      subject: { kind: 'profile', id: userId },
      detail: { from: trustLevelOf(person.trustLevel), to: body.level, locked: body.locked },
      at,
    });
  });
  return trustStanding(deps, actor, userId);
}
