// The signed-in person's own groups.
import { asc, eq } from 'drizzle-orm';
import type { MyGroupsResponse } from '../../../contract/groups';
import type { Actor } from '../../lib/access';
import type { GroupsDeps } from './deps';
import { toSummary } from './present';
import { detailsVisibleTo, summaryColumns } from './queries';
import { groupMembers, groups, organisations } from './tables';

/** My groups, my requests and my waitlist places. */
export async function myGroups(
  { db }: Pick<GroupsDeps, 'db'>,
  actor: Actor,
): Promise<MyGroupsResponse> {
  const rows = await db
    .select({
      ...summaryColumns,
      status: groupMembers.status,
      role: groupMembers.role,
      declineMessage: groupMembers.declineMessage,
      detailsVisible: detailsVisibleTo(actor),
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(organisations, eq(organisations.id, groups.organisationId))
    .where(eq(groupMembers.userId, actor.userId))
    .orderBy(asc(groups.name), asc(groups.id))
    .limit(200);
  return {
    groups: rows.map(({ status, role, declineMessage, detailsVisible, ...row }) => ({
      group: toSummary(row, !detailsVisible),
      status,
      role,
      declineMessage: status === 'declined' ? declineMessage : null,
    })),
  };
}
