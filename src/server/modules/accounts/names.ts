import { eq } from 'drizzle-orm';
import type { MemberRole } from '../../../contract/accounts';
import type { Visibility } from '../../../contract/profiles';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { AccountsDeps } from './deps';
import { mayUseName, roleIsShown } from './permissions';
import { shownName } from './present';
import { users } from './tables';

export const staffLikeName = () =>
  problems.invalid({ displayName: t('fields.displayName.staffLike') });

/** The identity fields of a profile: name, role, who sees the role, and may it be shown. */
export async function identity(
  { db }: AccountsDeps,
  userId: string,
): Promise<{
  displayName: string;
  role: MemberRole;
  roleVisibility: Visibility;
  roleShown: boolean;
} | null> {
  const [row] = await db
    .select({
      displayName: users.displayName,
      role: users.role,
      roleVisibility: users.roleVisibility,
      professionalVerifiedAt: users.professionalVerifiedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  return {
    displayName: shownName(row.displayName),
    role: row.role,
    roleVisibility: row.roleVisibility,
    roleShown: roleIsShown(row.role, row.professionalVerifiedAt),
  };
}

/** Changes the identity fields that live with the account; staff-like names are for staff. */
export async function updateIdentity(
  { db, now }: AccountsDeps,
  actor: Actor,
  change: {
    displayName?: string;
    role?: MemberRole;
    roleVisibility?: Visibility;
    country?: string | null;
  },
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  if (change.displayName !== undefined && !mayUseName(actor.siteRole, change.displayName)) {
    throw staffLikeName();
  }
  await db
    .update(users)
    .set({ ...change, updatedAt: now() })
    .where(eq(users.id, actor.userId));
}
