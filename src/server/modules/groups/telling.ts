// Who the groups module tells, and of what: a request to those who run the group, an answer
// to the person who asked, an invitation to the person invited, news to the members.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db';
import type { NotificationEvent } from '../notifications/face';
import { groupMembers, groups } from './tables';

async function groupName(tx: Tx, groupId: string): Promise<string> {
  const [row] = await tx.select({ name: groups.name }).from(groups).where(eq(groups.id, groupId));
  return row?.name ?? '';
}

/** Those who run the group: its facilitators and co-facilitators. */
async function runners(tx: Tx, groupId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.status, 'active'),
        inArray(groupMembers.role, ['facilitator', 'co_facilitator']),
      ),
    );
  return rows.map((r) => r.userId);
}

/** Someone asked to join: those who run the group hear, gathered while unread. */
export async function joinRequestEvent(
  tx: Tx,
  groupId: string,
  userId: string,
  askedAt: Date,
): Promise<NotificationEvent> {
  return {
    kind: 'join_request',
    recipientIds: await runners(tx, groupId),
    actorId: userId,
    causeKey: `join_request:${groupId}:${userId}:${askedAt.getTime()}`,
    groupKey: `join_request:${groupId}`,
    data: { groupId, groupName: await groupName(tx, groupId) },
  };
}

/** The person who asked hears the answer: yes, yes but full (waiting list), or no. */
export async function joinDecisionEvent(
  tx: Tx,
  groupId: string,
  userId: string,
  outcome: 'approved' | 'waitlist' | 'declined',
  at: Date,
): Promise<NotificationEvent> {
  return {
    kind: 'join_decision',
    recipientIds: [userId],
    // The answer comes from the group, not from the person who pressed the button.
    actorId: null,
    causeKey: `join_decision:${groupId}:${userId}:${outcome}:${at.getTime()}`,
    data: { groupId, groupName: await groupName(tx, groupId), outcome },
  };
}

export async function invitationEvent(
  tx: Tx,
  groupId: string,
  inviterId: string,
  userId: string,
  at: Date,
): Promise<NotificationEvent> {
  return {
    kind: 'group_invitation',
    recipientIds: [userId],
    actorId: inviterId,
    causeKey: `invitation:${groupId}:${userId}:${at.getTime()}`,
    data: { groupId, groupName: await groupName(tx, groupId) },
  };
}

/** News on the group's page: every active member hears, but not the one who wrote it. */
export async function announcementEvent(
  tx: Tx,
  groupId: string,
  authorId: string,
  announcementId: string,
): Promise<NotificationEvent> {
  const members = await tx
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.status, 'active'),
        ne(groupMembers.userId, authorId),
      ),
    );
  return {
    kind: 'announcement',
    recipientIds: members.map((m) => m.userId),
    actorId: authorId,
    causeKey: `announcement:${announcementId}`,
    groupKey: `announcement:${groupId}`,
    data: { groupId, groupName: await groupName(tx, groupId) },
  };
}
