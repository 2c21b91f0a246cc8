// Reports upheld against people: a member's report that a moderator acted on (hid or changed the
// post, warned, muted, suspended or banned), not overturned on appeal. The trust recount reads them.
import { and, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { moderationActions, moderationCases } from './tables';

/** Actions that say a report was right. */
const upholding = ['hide', 'edit', 'warn', 'mute', 'suspend', 'ban'] as const;

/** How many reports were upheld against each of these people since `since`. */
export async function upheldReportsAgainst(
  db: Db,
  userIds: string[],
  since: Date,
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({
      userId: moderationActions.targetUserId,
      upheld: sql<number>`count(distinct ${moderationActions.caseId})::int`,
    })
    .from(moderationActions)
    .innerJoin(moderationCases, sql`${moderationCases.id} = ${moderationActions.caseId}`)
    .where(
      and(
        inArray(moderationActions.targetUserId, userIds),
        inArray(moderationActions.action, [...upholding]),
        isNull(moderationActions.overturnedAt),
        gte(moderationActions.createdAt, since),
        sql`${moderationCases.reason} = 'report'`,
      ),
    )
    .groupBy(moderationActions.targetUserId);
  return new Map(rows.flatMap((r) => (r.userId ? [[r.userId, r.upheld] as const] : [])));
}

/**
 * True while a case about this subject waits for a moderator after the screening found a plan,
 * a time or a place in its words (high tier): until a moderator looks, only its author and
 * moderators see those words (a profile's "about me").
 */
export async function heldForScreening(
  db: Db,
  subject: { kind: 'profile'; id: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: moderationCases.id })
    .from(moderationCases)
    .where(
      and(
        sql`${moderationCases.subjectKind} = ${subject.kind}`,
        sql`${moderationCases.subjectId} = ${subject.id}`,
        sql`${moderationCases.reason} = 'screening'`,
        sql`${moderationCases.tier} = 'high'`,
        sql`${moderationCases.status} <> 'closed'`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
