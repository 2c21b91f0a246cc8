// Who may keep whom away. Named predicates; the use cases load the facts first.
import type { SiteRole } from '../../../contract/accounts';
import type { BlockStrength } from '../../../contract/blocks-values';
import type { Actor } from '../../lib/access';

const staffRoles: ReadonlySet<SiteRole> = new Set<SiteRole>(['moderator', 'admin']);

/** Nobody keeps themselves away. */
export function isSelf(actor: Actor, otherId: string): boolean {
  return actor.userId === otherId;
}

/**
 * Anyone may mute or ignore anyone else, staff too (their posts fold away, their replies go
 * untold). Staff cannot be blocked: a moderator must still be able to answer and act anywhere.
 */
export function canKeepAway(
  actor: Actor,
  other: { id: string; siteRole: SiteRole },
  strength: BlockStrength,
): boolean {
  if (isSelf(actor, other.id)) return false;
  return strength !== 'block' || !staffRoles.has(other.siteRole);
}

/** A block does not stop staff: they reply and mention as moderators wherever they must. */
export function blockBinds(writer: Pick<Actor, 'siteRole'>): boolean {
  return !staffRoles.has(writer.siteRole);
}
