// Appeals: the person an action was about asks, once, in their own words, for another look.
// It opens an appeal case that only a moderator other than the one who acted may decide.
// Signed in here; by the mailed link (appeal-links.ts) when they cannot sign in.
import { eq } from 'drizzle-orm';
import { type AppealBody, appealableActions, type MyAction } from '../../../contract/moderation';
import type { Tx } from '../../db';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { Enqueue } from '../../lib/jobs';
import { audit } from './audit';
import type { ModerationDeps } from './deps';
import { openCase } from './opening';
import { type ActionRow, actionById, appealsOf, caseById } from './queries';
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
    canAppeal: action.targetUserId === actor.userId && mayBeAppealed(action) && appealedAt === null,
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
  if (!mayBeAppealed(action)) throw problems.conflict(t('moderation.problems.cannotAppeal'));
  return deps.jobs.transaction((tx, enqueue) =>
    openAppeal(deps, tx, enqueue, action, body.words, 'signed_in'),
  );
}

/** An action that can still be appealed: one of the kinds that can, and not undone. */
export function mayBeAppealed(action: Pick<ActionRow, 'action' | 'overturnedAt'>): boolean {
  return appealableActions.includes(action.action) && action.overturnedAt === null;
}

/**
 * Opens the appeal case for an action, in the caller's transaction, once per action; the
 * person it was about is the one appealing. `via` says how they reached us, for the log.
 */
export async function openAppeal(
  deps: ModerationDeps,
  tx: Tx,
  enqueue: Enqueue,
  action: ActionRow,
  words: string,
  via: 'signed_in' | 'link',
): Promise<{ caseId: string }> {
  const userId = action.targetUserId;
  if (!userId) throw problems.notFound(t('moderation.problems.actionNotFound'));
  const at = deps.now();
  const [already] = await tx
    .select({ id: moderationAppeals.id })
    .from(moderationAppeals)
    .where(eq(moderationAppeals.actionId, action.id))
    .limit(1);
  if (already) throw problems.conflict(t('moderation.problems.alreadyAppealed'));
  const original = await caseById(tx, action.caseId);
  const opened = await openCase(deps, tx, enqueue, {
    reason: 'appeal',
    subject: { kind: action.subjectKind, id: action.subjectId },
    subjectUserId: userId,
    groupId: original?.groupId ?? null,
    openedBy: userId,
    appealActionId: action.id,
  });
  // Two appeals at once: the second finds the first's case.
  if (!opened.created) throw problems.conflict(t('moderation.problems.alreadyAppealed'));
  await tx.insert(moderationAppeals).values({
    actionId: action.id,
    userId,
    words,
    caseId: opened.caseId,
    createdAt: at,
  });
  await audit(tx, {
    actorId: userId,
    action: 'appeal.open',
    subject: { kind: action.subjectKind, id: action.subjectId },
    detail: { actionId: action.id, caseId: opened.caseId, via },
    at,
  });
  return { caseId: opened.caseId };
}
