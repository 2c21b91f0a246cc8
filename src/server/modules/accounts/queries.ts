import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { type ConsentKind, consents, users } from './tables';

export async function findUserByEmail(db: Db | Tx, email: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return user;
}

/** Who a mail goes to and how to greet them, or undefined if the account is gone. */
export async function mailRecipient(db: Db, userId: string) {
  const [user] = await db
    .select({ email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return user;
}

/** The version of a consent the person holds now, or null. */
export async function currentConsent(
  db: Db,
  userId: string,
  kind: ConsentKind,
): Promise<string | null> {
  const [row] = await db
    .select({ version: consents.version })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.kind, kind), isNull(consents.withdrawnAt)))
    .orderBy(desc(consents.givenAt))
    .limit(1);
  return row?.version ?? null;
}

export async function sessionUserRow(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      siteRole: users.siteRole,
      country: users.country,
      passwordHash: users.passwordHash,
      preferences: users.preferences,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export type SessionUserRow = NonNullable<Awaited<ReturnType<typeof sessionUserRow>>>;
