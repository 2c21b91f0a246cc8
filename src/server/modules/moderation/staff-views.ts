// Staff views of private content, for the audit log: a moderator or admin shown held posts,
// a private board, or profile fields beyond what the fields' visibility shows a plain member.
// One row per view; the same person seeing the same kind of thing on the same subject again
// within 10 minutes is written once (a page read twice, a reload), so the log stays readable.
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { audit } from './audit';
import { auditLog } from './tables';

export const REPEAT_VIEW_MS = 10 * 60 * 1000;

export interface StaffViewEntry {
  actorId: string;
  subject: { kind: 'topic' | 'profile'; id: string };
  /** What kind of private content, never any of its words: 'held_posts', 'private_board', … */
  what: string[];
  /** Counts and flags to go with it (how many held posts, which fields). */
  detail?: Record<string, string | number | boolean | null> | undefined;
  at: Date;
}

/**
 * Writes one `private.view` row, unless this person's view of the same kinds on the same
 * subject was written in the last 10 minutes. Answers whether a row was written. Two views
 * in the same instant may both be written: the log keeps at least one, never none.
 */
export async function recordStaffView(db: Db, entry: StaffViewEntry): Promise<boolean> {
  const what = [...new Set(entry.what)].sort().join('+');
  const [recent] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectId, entry.subject.id),
        eq(auditLog.actorId, entry.actorId),
        eq(auditLog.action, 'private.view'),
        gt(auditLog.at, new Date(entry.at.getTime() - REPEAT_VIEW_MS)),
        sql`${auditLog.detail}->>'what' = ${what}`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (recent) return false;
  await audit(db, {
    actorId: entry.actorId,
    action: 'private.view',
    subject: entry.subject,
    detail: { ...entry.detail, what },
    at: entry.at,
  });
  return true;
}
