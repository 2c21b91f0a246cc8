// Joining and leaving, requests to join, roles, and invitations to one person.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  DecideBody,
  InvitationBodyParsed,
  JoinRequestsResponse,
  JoinResult,
  MemberRoleBody,
} from '../../../contract/groups';
import type { Admission } from '../../../contract/groups-values';
import type { Tx } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { Enqueue } from '../../lib/jobs';
import type { GroupsDeps } from './deps';
import { isGroupInviteToken } from './invite-links';
import { canEditGroup, canSetRole, fitsCaregiverRule } from './permissions';
import {
  admit,
  countMember,
  displayNames,
  fillFromWaitlist,
  loadGroup,
  memberRow,
  membershipOf,
  requireUsers,
} from './queries';
import { requireManager, standingOf } from './standing';
import { groupMembers } from './tables';
import { invitationEvent, joinDecisionEvent, joinRequestEvent } from './telling';

/** Join an open group, ask to join, or join by invite; a full group puts people on its waitlist. */
export async function join(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
  body: { message: string; inviteToken?: string | undefined },
): Promise<JoinResult> {
  const { accounts, now } = deps;
  const role = await accounts.memberRole(actor.userId);
  return deps.jobs.transaction(async (tx, enqueue) => {
    const group = await loadGroup(tx, groupId, true);
    const existing = await membershipOf(tx, actor.userId, groupId);
    // A second tap (or a retry after a lost answer) gets the first answer again, changing nothing.
    if (
      existing &&
      (existing.status === 'active' ||
        existing.status === 'pending' ||
        existing.status === 'waitlist')
    ) {
      return { status: existing.status, message: t(`groups.joined.${existing.status}`) };
    }
    if (existing && existing.status !== 'declined') {
      throw problems.conflict(t(`groups.problems.already.${existing.status}`));
    }
    if (!fitsCaregiverRule(group.caregiversOnly, role)) {
      throw problems.forbidden(t('groups.problems.caregiversOnly'));
    }
    let policy = group.joinPolicy;
    let admission: Admission = 'open';
    if (policy === 'invite') {
      if (!isGroupInviteToken(deps, group, body.inviteToken)) {
        throw problems.forbidden(t('groups.problems.inviteOnly'));
      }
      if (group.inviteExpiresAt !== null && group.inviteExpiresAt <= now()) {
        throw problems.gone(t('groups.problems.inviteExpired'));
      }
      policy = 'open';
      admission = 'invite_link';
    }
    // Anyone can call themselves a carer, so a carers-only group always asks a facilitator.
    if (group.caregiversOnly) policy = 'ask';
    const full = group.memberCount >= group.sizeCap;
    const status: JoinResult['status'] =
      policy === 'ask' ? 'pending' : full ? 'waitlist' : 'active';
    const values = {
      status,
      admission,
      role: 'member' as const,
      message: body.message,
      declineMessage: null,
      askedAt: now(),
      joinedAt: status === 'active' ? now() : null,
    };
    await tx
      .insert(groupMembers)
      .values({ groupId, userId: actor.userId, ...values })
      .onConflictDoUpdate({ target: [groupMembers.groupId, groupMembers.userId], set: values });
    if (status === 'active') await countMember(tx, groupId, 1);
    if (status === 'pending') {
      await deps.notifications.notify(tx, enqueue, [
        await joinRequestEvent(tx, groupId, actor.userId, values.askedAt),
      ]);
    }
    return { status, message: t(`groups.joined.${status}`) };
  });
}

/** Leave a group, or take back a request or a waitlist place. */
export async function leave(deps: GroupsDeps, actor: Actor, groupId: string): Promise<void> {
  await deps.jobs.transaction(async (tx, enqueue) => {
    await loadGroup(tx, groupId, true);
    const [gone] = await tx
      .delete(groupMembers)
      .where(memberRow(groupId, actor.userId))
      .returning({ status: groupMembers.status });
    if (!gone) throw problems.notFound(t('groups.problems.notMember'));
    if (gone.status === 'active') {
      await countMember(tx, groupId, -1);
      await tellLetIn(deps, tx, enqueue, groupId, await fillFromWaitlist(deps, tx, groupId));
    }
  });
}

/** The person the waitlist let in hears they are a member now. */
async function tellLetIn(
  deps: GroupsDeps,
  tx: Tx,
  enqueue: Enqueue,
  groupId: string,
  userId: string | null,
) {
  if (!userId) return;
  await deps.notifications.notify(tx, enqueue, [
    await joinDecisionEvent(tx, groupId, userId, 'approved', deps.now()),
  ]);
}

/** People asking to join, the waitlist, and invitations not answered yet, for those who run the group. */
export async function requests(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
): Promise<JoinRequestsResponse> {
  await requireManager(deps, actor, groupId);
  const rows = await deps.db
    .select({
      userId: groupMembers.userId,
      status: groupMembers.status,
      role: groupMembers.role,
      message: groupMembers.message,
      askedAt: groupMembers.askedAt,
    })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        inArray(groupMembers.status, ['pending', 'waitlist', 'invited']),
      ),
    )
    .orderBy(asc(groupMembers.askedAt), asc(groupMembers.userId))
    .limit(500);
  const named = await displayNames(
    deps,
    rows.map((r) => r.userId),
  );
  return {
    requests: rows.map((r) => ({
      id: r.userId,
      displayName: named.get(r.userId) ?? '',
      status: r.status as 'pending' | 'waitlist' | 'invited',
      role: r.role,
      message: r.message,
      askedAt: r.askedAt.toISOString(),
    })),
  };
}

/** Say yes to a request; if the group is full, the person goes on the waitlist. */
export async function approve(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
  body: DecideBody,
): Promise<JoinResult> {
  return deps.jobs.transaction(async (tx, enqueue) => {
    const { group } = await requireManager(deps, actor, groupId, tx);
    const target = await membershipOf(tx, body.userId, groupId);
    if (!target || (target.status !== 'pending' && target.status !== 'waitlist')) {
      throw problems.notFound(t('groups.problems.noRequest'));
    }
    const tell = async (outcome: 'approved' | 'waitlist') =>
      deps.notifications.notify(tx, enqueue, [
        await joinDecisionEvent(tx, groupId, body.userId, outcome, deps.now()),
      ]);
    if (group.memberCount >= group.sizeCap) {
      if (target.status === 'waitlist') throw problems.conflict(t('groups.problems.full'));
      await tx
        .update(groupMembers)
        .set({ status: 'waitlist', admission: 'approved' })
        .where(memberRow(groupId, body.userId));
      await tell('waitlist');
      return { status: 'waitlist' as const, message: t('groups.approved.waitlist') };
    }
    await admit(deps, tx, groupId, body.userId, 'approved');
    await tell('approved');
    return { status: 'active' as const, message: t('groups.approved.active') };
  });
}

/** Say no, kindly: the person sees the message on the group's page. */
export async function decline(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
  body: DecideBody,
): Promise<void> {
  await deps.jobs.transaction(async (tx, enqueue) => {
    await requireManager(deps, actor, groupId, tx);
    const target = await membershipOf(tx, body.userId, groupId);
    if (!target || (target.status !== 'pending' && target.status !== 'waitlist')) {
      throw problems.notFound(t('groups.problems.noRequest'));
    }
    await tx
      .update(groupMembers)
      .set({
        status: 'declined',
        declineMessage: body.message || t('groups.declineDefault'),
      })
      .where(memberRow(groupId, body.userId));
    await deps.notifications.notify(tx, enqueue, [
      await joinDecisionEvent(tx, groupId, body.userId, 'declined', deps.now()),
    ]);
  });
}

/** Name a facilitator or co-facilitator, or make someone a member again. */
export async function setRole(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
  body: MemberRoleBody,
): Promise<void> {
  // Read outside the transaction: embedded PGlite has one connection.
  await requireUsers(deps, [body.userId], 'userId');
  await deps.db.transaction(async (tx) => {
    const group = await loadGroup(tx, groupId, true);
    const standing = await standingOf(tx, actor, group);
    if (!canSetRole(actor, standing, body.role)) {
      throw problems.forbidden(t('groups.problems.notManager'));
    }
    const target = await membershipOf(tx, body.userId, groupId);
    if (target?.status === 'active') {
      if (target.role === 'facilitator' && !canEditGroup(actor, standing)) {
        throw problems.forbidden(t('groups.problems.notManager'));
      }
      await tx.update(groupMembers).set({ role: body.role }).where(memberRow(groupId, body.userId));
      return;
    }
    // Someone from outside is invited instead (invite), and joins only when they say yes.
    throw problems.notFound(t('groups.problems.notMember'));
  });
}

/** Take someone out of the group; their place goes to the waitlist. */
export async function removeMember(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
  userId: string,
): Promise<void> {
  await deps.jobs.transaction(async (tx, enqueue) => {
    const { standing } = await requireManager(deps, actor, groupId, tx);
    const target = await membershipOf(tx, userId, groupId);
    if (!target) throw problems.notFound(t('groups.problems.notMember'));
    if (target.role === 'facilitator' && !canEditGroup(actor, standing)) {
      throw problems.forbidden(t('groups.problems.notManager'));
    }
    await tx.delete(groupMembers).where(memberRow(groupId, userId));
    if (target.status === 'active') {
      await countMember(tx, groupId, -1);
      await tellLetIn(deps, tx, enqueue, groupId, await fillFromWaitlist(deps, tx, groupId));
    }
  });
}

/**
 * Invite one person. They are not a member until they say yes (acceptInvitation):
 * nobody is put in a group without being asked.
 */
export async function invite(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
  body: InvitationBodyParsed,
): Promise<void> {
  const { accounts, now } = deps;
  const { group, standing } = await requireManager(deps, actor, groupId);
  if (!canSetRole(actor, standing, body.role)) {
    throw problems.forbidden(t('groups.problems.notManager'));
  }
  // Looking people up by email is for the organisation; a facilitator uses a profile link.
  if (body.email !== undefined && !canEditGroup(actor, standing)) {
    throw problems.invalid({ email: t('groups.fields.invite.emailForOrganisation') });
  }
  const field = body.email !== undefined ? 'email' : 'userId';
  const userId = body.userId ?? (await accounts.userIdByEmail(body.email ?? ''));
  if (!userId) throw problems.invalid({ email: t('groups.fields.admin.noSuchEmail') });
  await requireUsers(deps, [userId], field);
  if (body.role === 'member') {
    const role = await accounts.memberRole(userId);
    if (!fitsCaregiverRule(group.caregiversOnly, role)) {
      throw problems.invalid({ [field]: t('groups.fields.invite.notCarer') });
    }
  }
  await deps.jobs.transaction(async (tx, enqueue) => {
    await loadGroup(tx, groupId, true);
    const existing = await membershipOf(tx, userId, groupId);
    if (existing && existing.status !== 'declined') {
      throw problems.conflict(t(`groups.problems.inviteAlready.${existing.status}`));
    }
    const values = {
      status: 'invited' as const,
      role: body.role,
      admission: 'invitation' as const,
      message: '',
      declineMessage: null,
      askedAt: now(),
      joinedAt: null,
    };
    await tx
      .insert(groupMembers)
      .values({ groupId, userId, ...values })
      .onConflictDoUpdate({ target: [groupMembers.groupId, groupMembers.userId], set: values });
    await deps.notifications.notify(tx, enqueue, [
      await invitationEvent(tx, groupId, actor.userId, userId, values.askedAt),
    ]);
  });
}

/** Say yes to an invitation: the person joins (or waits for a place, as a member). */
export async function acceptInvitation(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
): Promise<JoinResult> {
  const { db, accounts, now } = deps;
  const myRole = await accounts.memberRole(actor.userId);
  return db.transaction(async (tx) => {
    const group = await loadGroup(tx, groupId, true);
    const invitation = await membershipOf(tx, actor.userId, groupId);
    if (invitation?.status !== 'invited') {
      throw problems.notFound(t('groups.problems.noInvitation'));
    }
    // Those invited to run the group need not be carers; members of a carers-only group must.
    if (invitation.role === 'member' && !fitsCaregiverRule(group.caregiversOnly, myRole)) {
      throw problems.forbidden(t('groups.problems.caregiversOnly'));
    }
    if (invitation.role === 'member' && group.memberCount >= group.sizeCap) {
      await tx
        .update(groupMembers)
        .set({ status: 'waitlist', askedAt: now() })
        .where(memberRow(groupId, actor.userId));
      return { status: 'waitlist' as const, message: t('groups.joined.waitlist') };
    }
    await admit(deps, tx, groupId, actor.userId, 'invitation');
    return { status: 'active' as const, message: t('groups.joined.active') };
  });
}

/** Say no to an invitation: it is gone, and nobody else is told more than that. */
export async function declineInvitation(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
): Promise<void> {
  const { db } = deps;
  await loadGroup(db, groupId);
  const [gone] = await db
    .delete(groupMembers)
    .where(and(memberRow(groupId, actor.userId), eq(groupMembers.status, 'invited')))
    .returning({ userId: groupMembers.userId });
  if (!gone) throw problems.notFound(t('groups.problems.noInvitation'));
}
