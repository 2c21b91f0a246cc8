// Who may do what with a case: the person's standing first (site role, the boards they run),
// then small predicates, as in groups/permissions.ts.
import type {
  CaseReason,
  CaseStatus,
  ModerationAction,
  SubjectKind,
} from '../../../contract/moderation';
import { type Actor, isModerator } from '../../lib/access';

/** A claim older than this may be taken over by another moderator. */
export const CLAIM_STALE_MS = 30 * 60 * 1000;

/** How one person stands with moderation: staff, or running some groups' boards. */
export interface ModeratorStanding {
  actor: Actor;
  /** The groups whose boards they run (facilitators, organisation admins). */
  ledGroups: Set<string>;
}

/** What deciding about a case needs to know. */
export interface CaseFacts {
  reason: CaseReason;
  status: CaseStatus;
  subjectKind: SubjectKind;
  subjectUserId: string | null;
  groupId: string | null;
  claimedBy: string | null;
  claimedAt: Date | null;
  /** For an appeal: who took the action appealed. */
  appealedActorId: string | null;
}

/** Staff, or someone who runs a group's board, may open the queue. */
export function canUseQueue(s: ModeratorStanding): boolean {
  return isModerator(s.actor) || s.ledGroups.size > 0;
}

/**
 * Staff see every case but those about themselves. A facilitator sees reports about posts on
 * their own group's board; screenings, concerns, reviews and appeals are for trained staff.
 */
export function canSeeCase(s: ModeratorStanding, c: CaseFacts): boolean {
  if (c.subjectUserId === s.actor.userId) return false;
  if (isModerator(s.actor)) return true;
  return c.reason === 'report' && c.groupId !== null && s.ledGroups.has(c.groupId);
}

/** An appeal goes to someone other than the one who acted. */
export function isOwnAppeal(s: ModeratorStanding, c: CaseFacts): boolean {
  return c.reason === 'appeal' && c.appealedActorId === s.actor.userId;
}

export function claimIsStale(c: Pick<CaseFacts, 'claimedAt'>, now: Date): boolean {
  return c.claimedAt !== null && now.getTime() - c.claimedAt.getTime() > CLAIM_STALE_MS;
}

/** Free to claim: open, mine already, or claimed so long ago it may be taken over. */
export function canClaim(s: ModeratorStanding, c: CaseFacts, now: Date): boolean {
  if (!canSeeCase(s, c) || isOwnAppeal(s, c) || c.status === 'closed') return false;
  return c.status === 'open' || c.claimedBy === s.actor.userId || claimIsStale(c, now);
}

/** Only the one who claimed a case acts on it. */
export function canAct(s: ModeratorStanding, c: CaseFacts): boolean {
  return (
    canSeeCase(s, c) &&
    !isOwnAppeal(s, c) &&
    c.status === 'claimed' &&
    c.claimedBy === s.actor.userId
  );
}

/**
 * The actions that fit this case for this person: mutes, suspensions and bans are staff's; a
 * facilitator may edit, hide and restore on their own group's board as staff may anywhere.
 */
export function actionsFor(s: ModeratorStanding, c: CaseFacts): ModerationAction[] {
  if (c.reason === 'appeal') return ['uphold', 'overturn'];
  const actions: ModerationAction[] = ['dismiss'];
  const aboutPost = c.subjectKind === 'topic' || c.subjectKind === 'reply';
  if (c.subjectUserId) actions.push('reach_out');
  // Changing the words (with a reason, the earlier ones kept) is gentler than taking them down.
  if (aboutPost) actions.push('edit', 'hide', 'restore');
  if (c.subjectUserId) actions.push('warn');
  if (c.subjectUserId && isModerator(s.actor)) actions.push('mute', 'suspend', 'ban');
  return actions;
}
