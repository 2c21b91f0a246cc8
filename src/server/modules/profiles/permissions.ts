import type { Visibility } from '../../../contract/profiles';
import type { Actor } from '../../lib/access';

/**
 * May this viewer see a profile field its owner marked with this visibility?
 * "my_groups" needs a group in common; groups arrive with the groups module.
 */
export function canSeeProfileField(
  viewer: Actor | null,
  ownerId: string,
  visibility: Visibility,
  shareAGroup: boolean,
): boolean {
  if (viewer?.userId === ownerId) return true;
  if (!viewer) return false;
  switch (visibility) {
    case 'members':
      return true;
    case 'my_groups':
      return shareAGroup;
    case 'only_me':
      return false;
  }
}

/** Only members see other members' profiles; nobody sees a profile from outside. */
export function canSeeMemberProfile(viewer: Actor | null): boolean {
  return viewer !== null;
}

/**
 * Of these filled-in fields, those the viewer sees only because of their site role: what they
 * would not see as a plain member. Each such look is written to the audit log. The rules above
 * give staff nothing more today, so this finds none; it is asked on every staff look so that
 * a rule that ever does is audited from its first use.
 */
export function fieldsSeenAsStaff(
  viewer: Actor | null,
  ownerId: string,
  fields: { name: string; visibility: Visibility }[],
  shareAGroup: boolean,
): string[] {
  if (!viewer || viewer.userId === ownerId || viewer.siteRole === 'member') return [];
  const asMember: Actor = { ...viewer, siteRole: 'member' };
  return fields
    .filter(
      (f) =>
        canSeeProfileField(viewer, ownerId, f.visibility, shareAGroup) &&
        !canSeeProfileField(asMember, ownerId, f.visibility, shareAGroup),
    )
    .map((f) => f.name);
}
