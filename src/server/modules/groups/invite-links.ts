// A group's invite link: one at a time, working for INVITE_LINK_DAYS.
import { eq } from 'drizzle-orm';
import type { InviteLink } from '../../../contract/groups';
import type { Actor } from '../../lib/access';
import { hashToken, newToken, sameHash } from '../../lib/tokens';
import type { GroupsDeps } from './deps';
import type { GroupRow } from './queries';
import { requireManager } from './standing';
import { groups } from './tables';

/** How long an invite link works (issue 7: 30 days by default). */
export const INVITE_LINK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const inviteHash = ({ config }: Pick<GroupsDeps, 'config'>, token: string) =>
  hashToken(config.sessionSecret, `group-invite:${token}`);

/** True when the token is the group's current invite link (expiry is asked separately). */
export function isGroupInviteToken(
  deps: Pick<GroupsDeps, 'config'>,
  group: Pick<GroupRow, 'inviteTokenHash'>,
  token: string | undefined,
): boolean {
  return (
    token !== undefined &&
    group.inviteTokenHash !== null &&
    sameHash(inviteHash(deps, token), group.inviteTokenHash)
  );
}

/** A new invite link that works for INVITE_LINK_DAYS; any older one stops working. */
export async function createInviteLink(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
): Promise<InviteLink> {
  const { db, config, now } = deps;
  await requireManager(deps, actor, groupId);
  const token = newToken();
  const expiresAt = new Date(now().getTime() + INVITE_LINK_DAYS * DAY_MS);
  await db
    .update(groups)
    .set({ inviteTokenHash: inviteHash(deps, token), inviteExpiresAt: expiresAt, updatedAt: now() })
    .where(eq(groups.id, groupId));
  return {
    token,
    url: `${config.publicUrl}/groups/${groupId}?invite=${token}`,
    expiresAt: expiresAt.toISOString(),
  };
}

export async function revokeInviteLink(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
): Promise<void> {
  const { db, now } = deps;
  await requireManager(deps, actor, groupId);
  await db
    .update(groups)
    .set({ inviteTokenHash: null, inviteExpiresAt: null, updatedAt: now() })
    .where(eq(groups.id, groupId));
}
