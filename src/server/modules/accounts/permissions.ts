import type { MemberRole, SiteRole } from '../../../contract/accounts';
import { isStaffLikeName } from '../../../contract/names';
import type { Visibility } from '../../../contract/profiles';

/**
 * Is this role ever shown to others? "Professional" is a claim that needs checking:
 * until someone has verified it (it comes with referrals), nobody else sees it.
 */
export function roleIsShown(role: MemberRole, professionalVerifiedAt: Date | null): boolean {
  return role !== 'professional' || professionalVerifiedAt !== null;
}

/**
 * May the role be shown beside what the person writes? Only when everyone who can
 * read it may see the role: the widest visibility, "all members".
 */
export function roleShownBesidePosts(
  role: MemberRole,
  roleVisibility: Visibility,
  professionalVerifiedAt: Date | null,
): boolean {
  return roleVisibility === 'members' && roleIsShown(role, professionalVerifiedAt);
}

/** Only staff may carry a name that sounds like staff ("Ivy (moderator)"). */
export function mayUseName(siteRole: SiteRole, displayName: string): boolean {
  return siteRole !== 'member' || !isStaffLikeName(displayName);
}

/** How long an email sign-in counts as proof that the owner is here (for a password change). */
export const RECENT_PROOF_MS = 10 * 60 * 1000;

/** Did this session come from an email link recently enough to change the password? */
export function hasRecentEmailProof(emailProvenAt: Date | null, now: Date): boolean {
  return emailProvenAt !== null && now.getTime() - emailProvenAt.getTime() <= RECENT_PROOF_MS;
}
