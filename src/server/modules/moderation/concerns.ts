// "I am worried about this person": the system, not the worried member, sends the person kind
// words and where help is (in the app and by mail, never held by quiet hours), and a moderator
// is asked to look. The worried member is never named to the person (SAFETY.md).
import type { ConcernBody, ConcernDone } from '../../../contract/moderation';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { ModerationDeps } from './deps';
import { openCase } from './opening';
import { reportedThing } from './reports';

/** The person hears at most once a day, however many are worried: kind, not a flood. */
const DAY_MS = 86_400_000;

export async function raiseConcern(
  deps: ModerationDeps,
  actor: Actor,
  body: ConcernBody,
): Promise<ConcernDone> {
  const thing = await reportedThing(deps, actor, body.subject);
  const personId = thing.authorId;
  if (!personId) throw problems.notFound(t('moderation.problems.subjectNotFound'));
  // Worried about oneself: the help page is the way, at once, not a moderator's queue.
  if (personId === actor.userId) throw problems.forbidden(t('moderation.concern.self'));
  await deps.limits.consume('concernsPerUser', actor.userId);
  const day = Math.floor(deps.now().getTime() / DAY_MS);
  await deps.jobs.transaction(async (tx, enqueue) => {
    await openCase(deps, tx, enqueue, {
      reason: 'concern',
      subject: body.subject,
      subjectUserId: personId,
      groupId: thing.groupId,
      openedBy: actor.userId,
    });
    await deps.notifications.notify(tx, enqueue, [
      {
        kind: 'concern',
        recipientIds: [personId],
        actorId: null,
        causeKey: `concern:${personId}:${day}`,
        data: {},
      },
    ]);
  });
  return { message: t('moderation.concern.thanks') };
}
