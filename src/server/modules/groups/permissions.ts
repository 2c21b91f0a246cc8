import type { MemberRole } from '../../../contract/accounts';
import type {
  Admission,
  GroupPrivacy,
  GroupRole,
  MembershipStatus,
} from '../../../contract/groups-values';
import { type Actor, isAdmin, isModerator } from '../../lib/access';

/** How one person stands with one group: what the service loads before asking a predicate. */
export interface GroupStanding {
  privacy: GroupPrivacy;
  caregiversOnly: boolean;
  /** Null when the person has no row for this group. */
  status: MembershipStatus | null;
  role: GroupRole | null;
  /** Admin of the organisation that runs the group. */
  isOrgAdmin: boolean;
}

export const isActiveMember = (s: GroupStanding) => s.status === 'active';

const leads = (s: GroupStanding) =>
  isActiveMember(s) && (s.role === 'facilitator' || s.role === 'co_facilitator');

/** Platform admins make organisations and name their admins. */
export function canCreateOrganisation(actor: Actor | null): boolean {
  return isAdmin(actor);
}

/** Organisation admins (and platform admins) make and change the organisation's groups. */
export function canRunOrganisation(actor: Actor | null, isOrgAdmin: boolean): boolean {
  return actor !== null && (isOrgAdmin || isAdmin(actor));
}

/** Change the group itself and name facilitators. */
export function canEditGroup(actor: Actor | null, s: GroupStanding): boolean {
  return actor !== null && (s.isOrgAdmin || isAdmin(actor));
}

/** Approve, decline, remove, invite and post announcements. */
export function canManageGroup(actor: Actor | null, s: GroupStanding): boolean {
  return actor !== null && (leads(s) || s.isOrgAdmin || isAdmin(actor));
}

/**
 * The meeting link: only members (and the organisation running the group) see it,
 * whatever the group's privacy.
 */
export function canSeeMeetingLink(actor: Actor | null, s: GroupStanding): boolean {
  return actor !== null && (isActiveMember(s) || s.isOrgAdmin);
}

/**
 * The board, the member list and announcements: anyone signed in for a
 * public group; only members and those who run it for a private one.
 */
export function canSeeGroupInside(actor: Actor | null, s: GroupStanding): boolean {
  if (actor === null) return false;
  if (isActiveMember(s) || s.isOrgAdmin) return true;
  return s.privacy === 'public';
}

/** Who is in the group: its members, the organisation running it, and site staff. Not outsiders. */
export function canSeeMemberList(actor: Actor | null, s: GroupStanding): boolean {
  return actor !== null && (isActiveMember(s) || s.isOrgAdmin || isModerator(actor));
}

/**
 * When and where a group meets, and who runs it. Anyone for a public group; for a
 * private one only those it let in (members, the waitlist, people invited) and those who run it.
 */
export function canSeeGroupDetails(actor: Actor | null, s: GroupStanding): boolean {
  if (s.privacy === 'public') return true;
  if (actor === null) return false;
  if (s.isOrgAdmin || isAdmin(actor)) return true;
  return s.status === 'active' || s.status === 'waitlist' || s.status === 'invited';
}

/**
 * A membership that counts for "my groups": a person who runs the group let this
 * person in (approved a request or sent an invitation), or named them to run it.
 */
export function isVettedMembership(m: { admission: Admission; role: GroupRole }): boolean {
  return (
    m.admission === 'approved' ||
    m.admission === 'invitation' ||
    m.role === 'facilitator' ||
    m.role === 'co_facilitator'
  );
}

export { joinPolicyProblem } from '../../../contract/groups-values';

/** Write on the board: members only. */
export function canPostOnBoard(actor: Actor | null, s: GroupStanding): boolean {
  return actor !== null && isActiveMember(s);
}

/** Caregiver-only groups admit only people who said they care for someone. */
export function fitsCaregiverRule(caregiversOnly: boolean, role: MemberRole): boolean {
  return !caregiversOnly || role === 'caregiver';
}

/** Change someone's role: naming facilitators is for the organisation; leads name co-facilitators. */
export function canSetRole(actor: Actor | null, s: GroupStanding, role: GroupRole): boolean {
  if (canEditGroup(actor, s)) return true;
  return role !== 'facilitator' && s.role === 'facilitator' && isActiveMember(s);
}
