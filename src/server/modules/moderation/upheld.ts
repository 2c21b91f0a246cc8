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
