// A group's page and its member list.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { GroupDetail, GroupMembersResponse } from '../../../contract/groups';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { GroupsDeps } from './deps';
import {
  canEditGroup,
  canManageGroup,
  canSeeGroupDetails,
  canSeeGroupInside,
  canSeeMeetingLink,
  canSeeMemberList,
  fitsCaregiverRule,
} from './permissions';
import { toSummary } from './present';
import { displayNames, loadGroup } from './queries';
import { meetingInWords, nextMeetings } from './rhythm';
import { standingOf } from './standing';
import { groupAnnouncements, groupMembers } from './tables';

/** A group's page: what anyone sees, plus what this person may see. */
export async function groupDetail(
  deps: GroupsDeps,
  actor: Actor | null,
  groupId: string,
): Promise<GroupDetail> {
  const { db, accounts, now } = deps;
  const group = await loadGroup(db, groupId);
  const standing = await standingOf(db, actor, group);
  const inside = canSeeGroupInside(actor, standing);
  const manage = canManageGroup(actor, standing);
  const details = canSeeGroupDetails(actor, standing);
  const invitedAs = standing.status === 'invited' ? standing.role : null;
  const leaders = details
    ? await db
        .select({ userId: groupMembers.userId, role: groupMembers.role })
        .from(groupMembers)
        .where(
          and(
            eq(groupMembers.groupId, groupId),
            eq(groupMembers.status, 'active'),
            inArray(groupMembers.role, ['facilitator', 'co_facilitator']),
          ),
        )
        .orderBy(asc(groupMembers.role), asc(groupMembers.joinedAt))
    : [];
  const posts = inside
    ? await db
        .select({
          id: groupAnnouncements.id,
          body: groupAnnouncements.body,
          authorId: groupAnnouncements.authorId,
          createdAt: groupAnnouncements.createdAt,
        })
        .from(groupAnnouncements)
        .where(eq(groupAnnouncements.groupId, groupId))
        .orderBy(desc(groupAnnouncements.createdAt), desc(groupAnnouncements.id))
        .limit(5)
    : null;
  const named = await displayNames(deps, [
    ...leaders.map((l) => l.userId),
    ...(posts ?? []).map((p) => p.authorId),
  ]);
  const meetings = details ? nextMeetings(group.rhythm, now(), 3) : [];
  let cannotJoinReason: string | null = null;
  if (actor && standing.status === null) {
    const role = await accounts.memberRole(actor.userId);
    if (!fitsCaregiverRule(group.caregiversOnly, role)) {
      cannotJoinReason = t('groups.problems.caregiversOnly');
    } else if (group.joinPolicy === 'invite') {
      cannotJoinReason = t('groups.problems.inviteOnly');
    }
  }
  let waitlistPlace: number | null = null;
  if (standing.status === 'waitlist' && standing.askedAt) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(groupMembers)
      .where(
        and(
          eq(groupMembers.groupId, groupId),
          eq(groupMembers.status, 'waitlist'),
          sql`${groupMembers.askedAt} <= ${standing.askedAt}`,
        ),
      );
    waitlistPlace = row?.n ?? 1;
  }
  const linkWorks =
    group.inviteTokenHash !== null &&
    (group.inviteExpiresAt === null || group.inviteExpiresAt > now());
  return {
    ...toSummary(group, !details),
    detailsHidden: !details,
    rhythm: details ? group.rhythm : null,
    recurrenceRule: details ? group.recurrenceRule : null,
    nextMeetings: meetings.map((m) => ({
      startsAt: m.toISOString(),
      text: meetingInWords(m, group.rhythm.timeZone),
    })),
    venue:
      details && group.venueName && group.lat !== null && group.lng !== null
        ? {
            name: group.venueName,
            address: group.venueAddress ?? '',
            town: group.town ?? '',
            lat: group.lat,
            lng: group.lng,
            access: group.access,
            accessNotes: group.accessNotes,
          }
        : null,
    facilitators: leaders.map((l) => ({
      id: l.userId,
      displayName: named.get(l.userId) ?? '',
      role: l.role,
    })),
    membersVisible: canSeeMemberList(actor, standing),
    announcements:
      posts?.map((p) => ({
        id: p.id,
        body: p.body,
        author: { id: p.authorId, displayName: named.get(p.authorId) ?? '' },
        createdAt: p.createdAt.toISOString(),
      })) ?? null,
    meetingLink: canSeeMeetingLink(actor, standing) ? group.meetingLink : null,
    boardVisible: inside,
    inviteLinkActive: manage ? linkWorks : null,
    inviteLinkExpiresAt:
      manage && linkWorks && group.inviteExpiresAt ? group.inviteExpiresAt.toISOString() : null,
    me: {
      status: standing.status,
      role: standing.status === 'active' ? standing.role : null,
      invitedAs,
      declineMessage: standing.status === 'declined' ? standing.declineMessage : null,
      canManage: manage,
      canEdit: canEditGroup(actor, standing),
      canJoin:
        actor !== null &&
        (standing.status === null || standing.status === 'declined') &&
        cannotJoinReason === null,
      cannotJoinReason,
      waitlistPlace,
    },
  };
}

/** Who is in the group: for its members, those who run it and site staff (docs/groups-privacy.md). */
export async function members(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
): Promise<GroupMembersResponse> {
  const { db, now } = deps;
  const group = await loadGroup(db, groupId);
  const standing = await standingOf(db, actor, group);
  if (!canSeeMemberList(actor, standing)) {
    throw problems.forbidden(t('groups.problems.membersOnly'));
  }
  const rows = await db
    .select({
      userId: groupMembers.userId,
      role: groupMembers.role,
      joinedAt: groupMembers.joinedAt,
    })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'active')))
    .orderBy(asc(groupMembers.joinedAt), asc(groupMembers.userId))
    .limit(500);
  const named = await displayNames(
    deps,
    rows.map((r) => r.userId),
  );
  return {
    members: rows.map((r) => ({
      id: r.userId,
      displayName: named.get(r.userId) ?? '',
      role: r.role,
      joinedAt: (r.joinedAt ?? now()).toISOString(),
    })),
  };
}
