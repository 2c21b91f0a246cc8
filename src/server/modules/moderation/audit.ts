// The audit log: every moderator action and every staff view of private content, appended
// and never changed (a trigger in the migration refuses UPDATE, DELETE and TRUNCATE).
import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuditPage, AuditQuery, auditActions } from '../../../contract/moderation';
import type { Db, Tx } from '../../db';
import { type Actor, isAdmin } from '../../lib/access';
import { problems } from '../../lib/errors';
import { decodeCursor, pageOf } from '../../lib/pagination';
import { authorsByIds } from '../accounts/face';
import type { ModerationDeps } from './deps';
import { auditLog } from './tables';

export type AuditAction = (typeof auditActions)[number];

/** One row of the log. Detail holds ids, reasons and kinds: never anything a person wrote. */
export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  subject?: { kind: string; id: string } | null | undefined;
  detail?: Record<string, string | number | boolean | null> | undefined;
  at: Date;
}

/** Appends one row, in the caller's transaction where there is one. */
export async function audit(db: Db | Tx, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    subjectKind: entry.subject?.kind ?? null,
    subjectId: entry.subject?.id ?? null,
    detail: entry.detail ?? {},
  });
}

const AUDIT_PAGE = 50;
// The log's own id orders it, so the cursor needs no second id to break ties.
const NO_TIE = '00000000-0000-0000-0000-000000000000';

/** The log for admins, newest first, by actor or by subject. */
export async function auditList(
  { db }: ModerationDeps,
  actor: Actor,
  query: AuditQuery,
): Promise<AuditPage> {
  if (!isAdmin(actor)) throw problems.forbidden();
  const position = decodeCursor(query.cursor, 'number');
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
        query.subjectId ? eq(auditLog.subjectId, query.subjectId) : undefined,
        position ? lt(auditLog.id, position.at) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE + 1);
  const page = pageOf(rows, AUDIT_PAGE, (row) => ({ at: row.id, id: NO_TIE }));
  const people = await authorsByIds(
    db,
    page.items.flatMap((r) => (r.actorId ? [r.actorId] : [])),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actorId
        ? { id: r.actorId, displayName: people.get(r.actorId)?.displayName ?? '' }
        : null,
      action: r.action,
      subject: r.subjectKind && r.subjectId ? { kind: r.subjectKind, id: r.subjectId } : null,
      detail: r.detail,
    })),
  };
}
