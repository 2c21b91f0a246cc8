// Reports: one tap, one per person per thing, weighted by the reporter's trust level. Past
// a threshold (a site setting) the post is held until a moderator decides. The reporter
// stays anonymous to the person reported; moderators see who it was.
import { and, eq, sql } from 'drizzle-orm';
import {
  type ReportBody,
  type ReportDone,
  reportReasons,
  type Subject,
} from '../../../contract/moderation';
import { trustLevelOf } from '../../../contract/trust';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { peopleForModeration } from '../accounts/face';
import { holdForReports, postsForModeration } from '../forum/face';
import { boardAccess } from '../groups/face';
import { audit } from './audit';
import type { ModerationDeps } from './deps';
import { openCase } from './opening';
import { moderationCases, moderationReports } from './tables';

/** The report buttons' words: a short label and a hint for each reason. */
export function reportReasonWords() {
  return {
    reasons: reportReasons.map((reason) => ({
      reason,
      label: t(`moderation.reportReasons.${reason}.label`),
      hint: t(`moderation.reportReasons.${reason}.hint`),
    })),
  };
}

/** What is reported, as far as the reporter may see it: its author and board, or a 404. */
export async function reportedThing(deps: ModerationDeps, actor: Actor, subject: Subject) {
  const missing = () => problems.notFound(t('moderation.problems.subjectNotFound'));
  if (subject.kind === 'profile') {
    const person = (await peopleForModeration(deps.db, [subject.id])).get(subject.id);
    if (!person) throw missing();
    return { authorId: subject.id, groupId: null, post: null };
  }
  const ref = { kind: subject.kind, id: subject.id };
  const post = (await postsForModeration(deps.db, [ref])).get(`${ref.kind}:${ref.id}`);
  if (!post || post.deleted) throw missing();
  if (post.held && post.authorId !== actor.userId && !isModerator(actor)) throw missing();
  if (post.groupId && !(await boardAccess(deps.db, actor, [post.groupId])).see.has(post.groupId)) {
    throw missing();
  }
  return { authorId: post.authorId, groupId: post.groupId, post };
}

class AlreadyReported extends Error {}

export async function report(
  deps: ModerationDeps,
  actor: Actor,
  body: ReportBody,
): Promise<ReportDone> {
  const { subject, reason } = body;
  const thing = await reportedThing(deps, actor, subject);
  if (thing.authorId === actor.userId) throw problems.forbidden(t('moderation.problems.ownPost'));
  await deps.limits.consume('reportsPerUser', actor.userId);
  // Read before the transaction (embedded PGlite has one connection).
  const weights = await deps.settings.get('moderation.reportWeights');
  const threshold = await deps.settings.get('moderation.hideAtReportWeight');
  const weight = weights[trustLevelOf(actor.trustLevel)];
  const at = deps.now();
  try {
    await deps.jobs.transaction(async (tx, enqueue) => {
      const [already] = await tx
        .select({ id: moderationReports.id })
        .from(moderationReports)
        .where(
          and(
            eq(moderationReports.reporterId, actor.userId),
            eq(moderationReports.subjectKind, subject.kind),
            eq(moderationReports.subjectId, subject.id),
          ),
        )
        .limit(1);
      if (already) throw new AlreadyReported();
      const opened = await openCase(deps, tx, enqueue, {
        reason: 'report',
        reportReason: reason,
        subject,
        subjectUserId: thing.authorId,
        groupId: thing.groupId,
        openedBy: actor.userId,
      });
      const [added] = await tx
        .insert(moderationReports)
        .values({
          reporterId: actor.userId,
          subjectKind: subject.kind,
          subjectId: subject.id,
          reason,
          weight,
          caseId: opened.caseId,
          createdAt: at,
        })
        .onConflictDoNothing()
        .returning({ id: moderationReports.id });
      if (!added) throw new AlreadyReported();
      if (subject.kind === 'profile') return;
      const [total] = await tx
        .select({ weight: sql<number>`coalesce(sum(${moderationReports.weight}), 0)::float8` })
        .from(moderationReports)
        .where(eq(moderationReports.caseId, opened.caseId));
      if (Number(total?.weight ?? 0) < threshold) return;
      const [heldNow] = await tx
        .update(moderationCases)
        .set({ heldByReportsAt: at })
        .where(
          and(
            eq(moderationCases.id, opened.caseId),
            sql`${moderationCases.heldByReportsAt} is null`,
          ),
        )
        .returning({ id: moderationCases.id });
      if (heldNow && (await holdForReports(tx, subject.kind, subject.id, at))) {
        await audit(tx, {
          actorId: null,
          action: 'report.hold',
          subject,
          detail: { caseId: opened.caseId, weight: Number(total?.weight ?? 0), threshold },
          at,
        });
      }
    });
  } catch (error) {
    if (error instanceof AlreadyReported) {
      return { counted: false, message: t('moderation.report.already') };
    }
    throw error;
  }
  return { counted: true, message: t('moderation.report.thanks') };
}
