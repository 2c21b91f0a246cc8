// Drizzle reads and writes the moderation use cases share. No rules here: who may do what is
// decided by the use cases, with permissions.ts.
import { and, desc, eq, gt, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { CasePriority } from '../../../contract/moderation';
import type { Db, Tx } from '../../db';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { decodeCursor } from '../../lib/pagination';
import {
  moderationActions,
  moderationAppeals,
  moderationCases,
  moderationReports,
  moderationRestrictions,
  type RestrictionKind,
} from './tables';

export type CaseRow = typeof moderationCases.$inferSelect;
export type ActionRow = typeof moderationActions.$inferSelect;

export const priorityRank: Record<CasePriority, number> = { crisis: 0, safety: 1, other: 2 };

export async function caseById(db: Db | Tx, id: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(moderationCases).where(eq(moderationCases.id, id)).limit(1);
  return row;
}

/** The case, locked for the rest of the transaction. */
export async function lockedCase(tx: Tx, id: string): Promise<CaseRow | undefined> {
  const [row] = await tx
    .select()
    .from(moderationCases)
    .where(eq(moderationCases.id, id))
    .for('update');
  return row;
}

export const QUEUE_PAGE = 25;

/** A place in the queue, (priority rank, opened at) with the id: what its cursor holds. */
export function queuePlace(row: Pick<CaseRow, 'priorityRank' | 'openedAt' | 'id'>) {
  return { at: `${row.priorityRank}|${row.openedAt.toISOString()}`, id: row.id };
}

export type QueuePosition = { rank: number; openedAt: Date; id: string };

/** The place a queue cursor stands for; a cursor we never made is a 400. */
export function queuePosition(cursor: string | undefined): QueuePosition | null {
  const position = decodeCursor(cursor, 'string');
  if (!position) return null;
  const [rank, iso] = position.at.split('|');
  const openedAt = new Date(iso ?? '');
  if (!/^[0-2]$/.test(rank ?? '') || Number.isNaN(openedAt.getTime())) {
    throw problems.badRequest(t('problems.badCursor'), { cursor: t('fields.cursor.invalid') });
  }
  return { rank: Number(rank), openedAt, id: position.id };
}

/**
 * Cases still waiting, crisis first, then safety, then the rest, oldest first within each;
 * `groupIds` keeps only cases on those boards (a facilitator's). Reads one row more than a page.
 */
export async function queueRows(
  db: Db,
  options: {
    groupIds: string[] | null;
    reportsOnly: boolean;
    notAbout: string;
    after: QueuePosition | null;
  },
): Promise<CaseRow[]> {
  const { after } = options;
  const where: (SQL | undefined)[] = [
    ne(moderationCases.status, 'closed'),
    // A case about a moderator is for the others to decide.
    or(isNull(moderationCases.subjectUserId), ne(moderationCases.subjectUserId, options.notAbout)),
    after
      ? sql`(${moderationCases.priorityRank}, ${moderationCases.openedAt}, ${moderationCases.id}) > (${after.rank}::smallint, ${after.openedAt.toISOString()}::timestamptz, ${after.id}::uuid)`
      : undefined,
  ];
  if (options.groupIds) {
    if (options.groupIds.length === 0) return [];
    where.push(inArray(moderationCases.groupId, options.groupIds));
  }
  if (options.reportsOnly) where.push(eq(moderationCases.reason, 'report'));
  return db
    .select()
    .from(moderationCases)
    .where(and(...where))
    .orderBy(moderationCases.priorityRank, moderationCases.openedAt, moderationCases.id)
    .limit(QUEUE_PAGE + 1);
}

/** Earlier cases about a person, newest first (not this one). */
export async function casesAbout(db: Db, userId: string, notCaseId: string, limit = 20) {
  return db
    .select({
      id: moderationCases.id,
      reason: moderationCases.reason,
      priority: moderationCases.priority,
      openedAt: moderationCases.openedAt,
      outcome: moderationCases.outcome,
    })
    .from(moderationCases)
    .where(and(eq(moderationCases.subjectUserId, userId), ne(moderationCases.id, notCaseId)))
    .orderBy(desc(moderationCases.openedAt), desc(moderationCases.id))
    .limit(limit);
}

/** Actions taken on a person, newest first. */
export async function actionsOn(db: Db, userId: string, limit = 20): Promise<ActionRow[]> {
  return db
    .select()
    .from(moderationActions)
    .where(eq(moderationActions.targetUserId, userId))
    .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
    .limit(limit);
}

export async function actionsOfCase(db: Db | Tx, caseId: string): Promise<ActionRow[]> {
  return db
    .select()
    .from(moderationActions)
    .where(eq(moderationActions.caseId, caseId))
    .orderBy(moderationActions.createdAt, moderationActions.id);
}

export async function actionById(db: Db | Tx, id: string): Promise<ActionRow | undefined> {
  const [row] = await db
    .select()
    .from(moderationActions)
    .where(eq(moderationActions.id, id))
    .limit(1);
  return row;
}

/** Which of these actions were appealed, and when. */
export async function appealsOf(db: Db | Tx, actionIds: string[]): Promise<Map<string, Date>> {
  if (actionIds.length === 0) return new Map();
  const rows = await db
    .select({ actionId: moderationAppeals.actionId, at: moderationAppeals.createdAt })
    .from(moderationAppeals)
    .where(inArray(moderationAppeals.actionId, actionIds));
  return new Map(rows.map((r) => [r.actionId, r.at]));
}

export async function appealOfCase(db: Db | Tx, caseId: string) {
  const [row] = await db
    .select()
    .from(moderationAppeals)
    .where(eq(moderationAppeals.caseId, caseId))
    .limit(1);
  return row;
}

export async function reportsOfCase(db: Db | Tx, caseId: string) {
  return db
    .select()
    .from(moderationReports)
    .where(eq(moderationReports.caseId, caseId))
    .orderBy(moderationReports.createdAt, moderationReports.id);
}

export interface ActiveRestriction {
  userId: string;
  kind: RestrictionKind;
  until: Date | null;
  actionId: string;
}

/** Mutes, suspensions and bans in force now for these people. */
export async function activeRestrictions(
  db: Db | Tx,
  userIds: string[],
  now: Date,
): Promise<ActiveRestriction[]> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return [];
  return db
    .select({
      userId: moderationRestrictions.userId,
      kind: moderationRestrictions.kind,
      until: moderationRestrictions.until,
      actionId: moderationRestrictions.actionId,
    })
    .from(moderationRestrictions)
    .where(
      and(
        inArray(moderationRestrictions.userId, wanted),
        isNull(moderationRestrictions.liftedAt),
        or(isNull(moderationRestrictions.until), gt(moderationRestrictions.until, now)),
      ),
    );
}
