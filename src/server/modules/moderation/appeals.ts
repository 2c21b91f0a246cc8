// Appeals: the person an action was about asks, once, in their own words, for another look.
// It opens an appeal case that only a moderator other than the one who acted may decide.
import { eq } from 'drizzle-orm';
import { type AppealBody, appealableActions, type MyAction } from '../../../contract/moderation';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { audit } from './audit';
import type { ModerationDeps } from './deps';
import { openCase } from './opening';
import { actionById, appealsOf, caseById } from './queries';
import { moderationAppeals } from './tables';

/** Loads an action the person may see: their own, or any for staff; otherwise 404. */
async function visibleAction(deps: ModerationDeps, actor: Actor, actionId: string) {
  const action = await actionById(deps.db, actionId);
  if (!action || (action.targetUserId !== actor.userId && !isModerator(actor))) {
    throw problems.notFound(t('moderation.problems.actionNotFound'));
  }
  return action;
}

/** A decision as the person it was about sees it, with whether they may still appeal. */
export async function myAction(
  deps: ModerationDeps,
  actor: Actor,
  actionId: string,
): Promise<MyAction> {
  const action = await visibleAction(deps, actor, actionId);
  const appealedAt = (await appealsOf(deps.db, [action.id])).get(action.id) ?? null;
  return {
    id: action.id,
    action: action.action,
    reason: action.reason,
    until: action.until ? action.until.toISOString() : null,
    at: action.createdAt.toISOString(),
    canAppeal:
      action.targetUserId === actor.userId &&
      appealableActions.includes(action.action) &&
      appealedAt === null &&
      action.overturnedAt === null,
    appealedAt: appealedAt ? appealedAt.toISOString() : null,
    overturned: action.overturnedAt !== null,
  };
}

export async function appeal(
  deps: ModerationDeps,
  actor: Actor,
  actionId: string,
  body: AppealBody,
): Promise<{ caseId: string }> {
  const action = await visibleAction(deps, actor, actionId);
  if (action.targetUserId !== actor.userId) {
    throw problems.forbidden(t('moderation.problems.notYours'));
  }
  if (!appealableActions.includes(action.action) || action.overturnedAt !== null) {
    throw problems.conflict(t('moderation.problems.cannotAppeal'));
  }
  const original = await caseById(deps.db, action.caseId);
  const at = deps.now();
  return deps.jobs.transaction(async (tx, enqueue) => {
    const [already] = await tx
      .select({ id: moderationAppeals.id })
      .from(moderationAppeals)
      .where(eq(moderationAppeals.actionId, action.id))
      .limit(1);
    if (already) throw problems.conflict(t('moderation.problems.alreadyAppealed'));
    const opened = await openCase(deps, tx, enqueue, {
      reason: 'appeal',
      subject: { kind: action.subjectKind, id: action.subjectId },
      subjectUserId: actor.userId,
      groupId: original?.groupId ?? null,
      openedBy: actor.userId,
      appealActionId: action.id,
    });
    // Two appeals at once: the second finds the first's case.
    if (!opened.created) throw problems.conflict(t('moderation.problems.alreadyAppealed'));
    await tx.insert(moderationAppeals).values({
      actionId: action.id,
      userId: actor.userId,
      words: body.words,
      caseId: opened.caseId,
      createdAt: at,
    });
    await audit(tx, {
      actorId: actor.userId,
      action: 'appeal.open',
      subject: { kind: action.subjectKind, id: action.subjectId },
      detail: { actionId: action.id, caseId: opened.caseId },
      at,
    });
    return { caseId: opened.caseId };
  });
}
