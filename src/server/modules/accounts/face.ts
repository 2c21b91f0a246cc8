// What other modules may ask of accounts: small, and batched where it answers for many people.
import { and, asc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { MemberRole, SiteRole } from '../../../contract/accounts';
import type { Db, Tx } from '../../db';
import { problems } from '../../lib/errors';
import { giveConsent, withdrawConsent } from './consents';
import type { AccountsDeps } from './deps';
import { identity, updateIdentity } from './names';
import { roleShownBesidePosts } from './permissions';
import { shownName } from './present';
import { currentConsent, findUserByEmail } from './queries';
import { sessionUser } from './sessions';
import { type ConsentKind, emailTokens, sessions, users } from './tables';

export type Author = { displayName: string; role: MemberRole | null };

/**
 * Names and roles of the people who wrote things, for showing beside their words.
 * The role is null unless its owner shows it to all members and it is not an
 * unchecked "professional".
 */
export async function authorsByIds(db: Db, ids: string[]): Promise<Map<string, Author>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      roleVisibility: users.roleVisibility,
      professionalVerifiedAt: users.professionalVerifiedAt,
    })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        displayName: shownName(r.displayName),
        role: roleShownBesidePosts(r.role, r.roleVisibility, r.professionalVerifiedAt)
          ? r.role
          : null,
      },
    ]),
  );
}

/** A member's self-described role (one small query, for rules like caregiver-only groups). */
export async function memberRole(db: Db, userId: string): Promise<MemberRole> {
  const [row] = await db
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw problems.notFound();
  return row.role;
}

/** The account an email belongs to, or null (for staff naming people to run things). */
export async function userIdByEmail(db: Db, email: string): Promise<string | null> {
  return (await findUserByEmail(db, email))?.id ?? null;
}

/**
 * Where to mail people, for those whose address is confirmed (a sign-in link was used):
 * mail never goes to an address nobody has shown is theirs.
 */
export async function mailRecipients(
  db: Db,
  ids: string[],
): Promise<Map<string, { email: string; displayName: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      verifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(
    rows
      .filter((r) => r.verifiedAt !== null)
      .map((r) => [r.id, { email: r.email, displayName: shownName(r.displayName) }]),
  );
}

export { shownName } from './present';

/** Everyone who moderates the site (moderators and admins): who hears of a new case. */
export async function moderatorIds(db: Db | Tx): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.siteRole, ['moderator', 'admin']));
  return rows.map((r) => r.id);
}

/** The site role of each of these people; an id with no account is left out. */
export async function siteRolesOf(db: Db, ids: string[]): Promise<Map<string, SiteRole>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, siteRole: users.siteRole })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.siteRole]));
}

/** What a moderator sees of people in a case: name, trust level, site role, when they joined. */
export async function peopleForModeration(
  db: Db,
  ids: string[],
): Promise<
  Map<string, { displayName: string; trustLevel: number; siteRole: SiteRole; joinedAt: Date }>
> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      trustLevel: users.trustLevel,
      siteRole: users.siteRole,
      joinedAt: users.createdAt,
    })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, { ...r, displayName: shownName(r.displayName) }]));
}

/**
 * Ends every session of a person and voids their unused sign-in links, inside the caller's
 * transaction (a suspension): nothing they had open still works.
 */
export async function endSessions(tx: Tx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx
    .delete(emailTokens)
    .where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
}

type Bound<F> = F extends (deps: AccountsDeps, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;

/** The face other modules are handed: every call answers from accounts' own tables. */
export interface AccountsFace {
  authorsByIds(ids: string[]): Promise<Map<string, Author>>;
  memberRole(userId: string): Promise<MemberRole>;
  mailRecipients(ids: string[]): Promise<Map<string, { email: string; displayName: string }>>;
  userIdByEmail(email: string): Promise<string | null>;
  sessionUser: Bound<typeof sessionUser>;
  identity: Bound<typeof identity>;
  updateIdentity: Bound<typeof updateIdentity>;
  currentConsent(userId: string, kind: ConsentKind): Promise<string | null>;
  giveConsent: Bound<typeof giveConsent>;
  withdrawConsent: Bound<typeof withdrawConsent>;
}

export function createAccountsFace(deps: AccountsDeps): AccountsFace {
  const { db } = deps;
  return {
    authorsByIds: (ids) => authorsByIds(db, ids),
    memberRole: (userId) => memberRole(db, userId),
    mailRecipients: (ids) => mailRecipients(db, ids),
    userIdByEmail: (email) => userIdByEmail(db, email),
    sessionUser: (userId) => sessionUser(deps, userId),
    identity: (userId) => identity(deps, userId),
    updateIdentity: (actor, change) => updateIdentity(deps, actor, change),
    currentConsent: (userId, kind) => currentConsent(db, userId, kind),
    giveConsent: (userId, kind, version) => giveConsent(deps, userId, kind, version),
    withdrawConsent: (userId, kind) => withdrawConsent(deps, userId, kind),
  };
}

/**
 * Confirmed accounts in id order after `afterId`, a page at a time, for the trust recount:
 * when each joined and the level stored now.
 */
export async function peopleForTrust(
  db: Db,
  afterId: string | null,
  limit: number,
): Promise<{ id: string; joinedAt: Date; trustLevel: number; siteRole: SiteRole }[]> {
  return db
    .select({
      id: users.id,
      joinedAt: users.createdAt,
      trustLevel: users.trustLevel,
      siteRole: users.siteRole,
    })
    .from(users)
    .where(
      afterId
        ? and(isNotNull(users.emailVerifiedAt), gt(users.id, afterId))
        : isNotNull(users.emailVerifiedAt),
    )
    .orderBy(asc(users.id))
    .limit(limit);
}

/** One confirmed account, as peopleForTrust shows it; null when there is none. */
export async function personForTrust(
  db: Db,
  userId: string,
): Promise<{ id: string; joinedAt: Date; trustLevel: number; siteRole: SiteRole } | null> {
  const [row] = await db
    .select({
      id: users.id,
      joinedAt: users.createdAt,
      trustLevel: users.trustLevel,
      siteRole: users.siteRole,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNotNull(users.emailVerifiedAt)))
    .limit(1);
  return row ?? null;
}

/** Stores a person's trust level (its place in trustLevels), in the caller's transaction. */
export async function setTrustLevel(db: Db | Tx, userId: string, stored: number): Promise<void> {
  await db.update(users).set({ trustLevel: stored }).where(eq(users.id, userId));
}

/** Changes a person's stored trust level only while it is still `from` (the recount's way). */
export async function changeTrustLevel(
  db: Db,
  userId: string,
  from: number,
  to: number,
): Promise<boolean> {
  const changed = await db
    .update(users)
    .set({ trustLevel: to })
    .where(and(eq(users.id, userId), eq(users.trustLevel, from)))
    .returning({ id: users.id });
  return changed.length > 0;
}
