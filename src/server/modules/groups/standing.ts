// How one person stands with one group, loaded before any rule is asked (permissions.ts).
import type { Db, Tx } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { GroupsDeps } from './deps';
import { canManageGroup, type GroupStanding } from './permissions';
import { type GroupRow, isOrgAdmin, loadGroup, membershipOf } from './queries';

export type LoadedStanding = GroupStanding & {
  declineMessage: string | null;
  askedAt: Date | null;
};

export async function standingOf(
  tx: Db | Tx,
  actor: Actor | null,
  group: Pick<GroupRow, 'id' | 'organisationId' | 'privacy' | 'caregiversOnly'>,
): Promise<LoadedStanding> {
  const membership = actor ? await membershipOf(tx, actor.userId, group.id) : null;
  return {
    privacy: group.privacy,
    caregiversOnly: group.caregiversOnly,
    status: membership?.status ?? null,
    role: membership?.role ?? null,
    declineMessage: membership?.declineMessage ?? null,
    askedAt: membership?.askedAt ?? null,
    isOrgAdmin: actor ? await isOrgAdmin(tx, actor.userId, group.organisationId) : false,
  };
}

/**
 * Loads the group (locked when `tx` is a transaction) and the actor's standing, and refuses
 * anyone who does not run it.
 */
export async function requireManager(
  { db }: Pick<GroupsDeps, 'db'>,
  actor: Actor,
  groupId: string,
  tx: Db | Tx = db,
) {
  const group = await loadGroup(tx, groupId, tx !== db);
  const standing = await standingOf(tx, actor, group);
  if (!canManageGroup(actor, standing)) throw problems.forbidden(t('groups.problems.notManager'));
  return { group, standing };
}
