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
