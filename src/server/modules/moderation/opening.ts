// Opening a case, inside the transaction of whatever raised it (a post sent, a report, a
// worried member, an appeal): the case exists exactly when that change committed, and the
// moderators hear of it in the same transaction.
import { and, eq, ne, sql } from 'drizzle-orm';
import {
  type CasePriority,
  type CaseReason,
  type CaseTier,
  caseTiers,
  type ReportReason,
  type Subject,
  safetyReportReasons,
} from '../../../contract/moderation';
import type { Tx } from '../../db';
import type { Enqueue } from '../../lib/jobs';
import { moderatorIds } from '../accounts/face';
import { groupLeaders } from '../groups/face';
import type { NotificationEvent, NotificationsFace } from '../notifications/face';
import { priorityRank } from './queries';
import { moderationCases } from './tables';

export interface OpenCaseInput {
  reason: CaseReason;
  /** How worrying the screening (or the worried member) found it. */
  tier?: CaseTier | null | undefined;
  /** For a report: why, which can make it a safety case. */
  reportReason?: ReportReason | undefined;
  subject: Subject;
  /** Who wrote the post, or whose profile it is. */
  subjectUserId: string | null;
  /** The group whose board the post is on. */
  groupId?: string | null | undefined;
  /** Who raised it (a reporter, a worried member); null for the system. Never shown to the subject. */
  openedBy?: string | null | undefined;
  /** For an appeal: the action appealed. */
  appealActionId?: string | undefined;
}

export interface OpenedCase {
  caseId: string;
  /** False when it was added to a case already open for the same subject and reason. */
  created: boolean;
  priority: CasePriority;
}

/**
 * How soon a moderator should look: crisis for a plan, a time or a place (high-tier screening
 * or concern), safety for other worrying words, concerns and harm reports, the rest after.
 */
export function priorityOf(input: Pick<OpenCaseInput, 'reason' | 'tier' | 'reportReason'>) {
  const { reason, tier, reportReason } = input;
  if ((reason === 'screening' || reason === 'concern') && tier === 'high') return 'crisis';
  if (reason === 'screening' && tier === 'medium') return 'safety';
  if (reason === 'concern') return 'safety';
  if (reason === 'report' && reportReason && safetyReportReasons.includes(reportReason)) {
    return 'safety';
  }
  return 'other';
}

function higherTier(a: CaseTier | null, b: CaseTier | null): CaseTier | null {
  if (a === null) return b;
  if (b === null) return a;
  return caseTiers.indexOf(a) >= caseTiers.indexOf(b) ? a : b;
}

export async function openCase(
  deps: { notifications: NotificationsFace; now: () => Date },
  tx: Tx,
  enqueue: Enqueue,
  input: OpenCaseInput,
): Promise<OpenedCase> {
  const at = deps.now();
  const priority = priorityOf(input);
  const tier = input.tier ?? null;
  // Two openings at once: the second finds the first (the unique index) and adds to it.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (input.reason !== 'appeal') {
      const added = await addToOpenCase(tx, input, priority, tier, at);
      if (added) {
        if (added.escalatedTo === 'crisis') await tellModerators(deps, tx, enqueue, added, input);
        return { caseId: added.id, created: false, priority: added.priority };
      }
    }
    const [created] = await tx
      .insert(moderationCases)
      .values({
        reason: input.reason,
        tier,
        priority,
        priorityRank: priorityRank[priority],
        subjectKind: input.subject.kind,
        subjectId: input.subject.id,
        subjectUserId: input.subjectUserId,
        groupId: input.groupId ?? null,
        appealActionId: input.appealActionId ?? null,
        openedAt: at,
        latestAt: at,
        openedBy: input.openedBy ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: moderationCases.id });
    if (created) {
      await tellModerators(deps, tx, enqueue, { id: created.id, priority }, input);
      return { caseId: created.id, created: true, priority };
    }
    // An appeal is once per action: the one already opened is the answer.
    if (input.reason === 'appeal' && input.appealActionId) {
      const [existing] = await tx
        .select({ id: moderationCases.id, priority: moderationCases.priority })
        .from(moderationCases)
        .where(eq(moderationCases.appealActionId, input.appealActionId));
      if (existing) return { caseId: existing.id, created: false, priority: existing.priority };
    }
  }
  throw new Error('moderation: could not open or find the case');
}

/** Adds an opening to the open case for this subject and reason, raising its priority if need be. */
async function addToOpenCase(
  tx: Tx,
  input: OpenCaseInput,
  priority: CasePriority,
  tier: CaseTier | null,
  at: Date,
) {
  const [open] = await tx
    .select({
      id: moderationCases.id,
      priority: moderationCases.priority,
      tier: moderationCases.tier,
    })
    .from(moderationCases)
    .where(
      and(
        eq(moderationCases.subjectKind, input.subject.kind),
        eq(moderationCases.subjectId, input.subject.id),
        eq(moderationCases.reason, input.reason),
        ne(moderationCases.status, 'closed'),
      ),
    )
    .for('update');
  if (!open) return null;
  const raised = priorityRank[priority] < priorityRank[open.priority] ? priority : open.priority;
  await tx
    .update(moderationCases)
    .set({
      openings: sql`${moderationCases.openings} + 1`,
      latestAt: at,
      priority: raised,
      priorityRank: priorityRank[raised],
      tier: higherTier(open.tier, tier),
    })
    .where(eq(moderationCases.id, open.id));
  return {
    id: open.id,
    priority: raised,
    escalatedTo: raised !== open.priority ? raised : null,
  };
}

/**
 * Moderators hear of a new case (a crisis at once, through quiet hours); for a report on a
 * group's board its facilitators do too. The person it is about never does.
 */
async function tellModerators(
  deps: { notifications: NotificationsFace },
  tx: Tx,
  enqueue: Enqueue,
  opened: { id: string; priority: CasePriority },
  input: OpenCaseInput,
): Promise<void> {
  const staff = await moderatorIds(tx);
  const leaders =
    input.reason === 'report' && input.groupId
      ? ((await groupLeaders(tx, [input.groupId])).get(input.groupId) ?? [])
      : [];
  const recipientIds = [...new Set([...staff, ...leaders])].filter(
    (id) => id !== input.subjectUserId && id !== input.openedBy,
  );
  if (recipientIds.length === 0) return;
  const data = { caseId: opened.id, reason: input.reason, priority: opened.priority };
  const event: NotificationEvent =
    opened.priority === 'crisis'
      ? {
          kind: 'case_urgent',
          recipientIds,
          actorId: null,
          causeKey: `case:${opened.id}:crisis`,
          data,
        }
      : {
          kind: 'case_new',
          recipientIds,
          actorId: null,
          causeKey: `case:${opened.id}`,
          groupKey: 'moderation-queue',
          data,
        };
  await deps.notifications.notify(tx, enqueue, [event]);
}
