import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { SessionUser } from '../../../contract/accounts';
import type { Actor } from '../../lib/access';
import { Problem, problems } from '../../lib/errors';
import { newToken } from '../../lib/tokens';
import { type AccountsDeps, tokenHash } from './deps';
import { toSessionUser } from './present';
import { currentConsent, sessionUserRow } from './queries';
import { emailTokens, sessions, users } from './tables';

export const SESSION_IDLE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** However much it is used, a session ends this long after its sign-in. */
export const SESSION_ABSOLUTE_TTL_MS = 90 * 24 * 60 * 60 * 1000;
/** A session's expiry is pushed forward at most this often, to spare a write per request. */
const SESSION_REFRESH_AFTER_MS = 60 * 60 * 1000;

export interface RequestMeta {
  ip: string;
  userAgent?: string | undefined;
}

export interface NewSession {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

export async function sessionUser({ db }: AccountsDeps, userId: string): Promise<SessionUser> {
  const row = await sessionUserRow(db, userId);
  if (!row) throw problems.notFound();
  return toSessionUser(row, await currentConsent(db, userId, 'code_of_conduct'));
}

export async function createSession(
  deps: AccountsDeps,
  userId: string,
  meta: RequestMeta,
  { byEmailLink = false } = {},
): Promise<NewSession> {
  const { db, config, now } = deps;
  // A suspended or banned person is told why, plainly, and gets no session.
  const barred = await deps.signInBar?.(userId);
  if (barred) throw new Problem(403, 'sign-in-barred', barred);
  const token = newToken();
  const signedInAt = now();
  const expiresAt = new Date(signedInAt.getTime() + SESSION_IDLE_TTL_MS);
  await db.insert(sessions).values({
    userId,
    tokenHash: tokenHash(config, token),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    // The absolute lifetime counts from here, so it follows the app's clock.
    createdAt: signedInAt,
    lastUsedAt: signedInAt,
    expiresAt,
    emailProvenAt: byEmailLink ? signedInAt : null,
  });
  await db.update(users).set({ lastSeenAt: now() }).where(eq(users.id, userId));
  return { token, expiresAt, user: await sessionUser(deps, userId) };
}

/** Development only (the route exists outside production): sign in as a demo member. */
export async function demoSignIn(
  deps: AccountsDeps,
  userId: string,
  meta: RequestMeta,
): Promise<NewSession> {
  if (deps.config.isProduction) throw problems.notFound();
  const [demo] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isDemo, true)))
    .limit(1);
  if (!demo) throw problems.notFound();
  return createSession(deps, demo.id, meta);
}

/** The actor behind a session cookie, or null; slides the expiry forward as it is used. */
export async function actorForToken(
  { db, config, now }: AccountsDeps,
  token: string,
): Promise<{ actor: Actor; refreshedUntil?: Date } | null> {
  const current = now();
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      siteRole: users.siteRole,
      trustLevel: users.trustLevel,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash(config, token)),
        gt(sessions.expiresAt, current),
        // The absolute lifetime holds even for a session whose expiry was written earlier.
        gt(sessions.createdAt, new Date(current.getTime() - SESSION_ABSOLUTE_TTL_MS)),
      ),
    )
    .limit(1);
  if (!row) return null;
  const actor: Actor = {
    userId: row.userId,
    sessionId: row.sessionId,
    siteRole: row.siteRole,
    trustLevel: row.trustLevel,
  };
  if (current.getTime() - row.lastUsedAt.getTime() < SESSION_REFRESH_AFTER_MS) return { actor };
  // Slides forward with use, but never past the absolute end.
  const refreshedUntil = new Date(
    Math.min(
      current.getTime() + SESSION_IDLE_TTL_MS,
      row.createdAt.getTime() + SESSION_ABSOLUTE_TTL_MS,
    ),
  );
  await db
    .update(sessions)
    .set({ lastUsedAt: current, expiresAt: refreshedUntil })
    .where(eq(sessions.id, row.sessionId));
  await db.update(users).set({ lastSeenAt: current }).where(eq(users.id, row.userId));
  return { actor, refreshedUntil };
}

export async function signOut({ db }: AccountsDeps, actor: Actor): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, actor.sessionId));
}

/** Ends every session, and voids every unused sign-in link, so nothing old still works. */
export async function signOutEverywhere({ db }: AccountsDeps, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.userId, actor.userId));
    await tx
      .delete(emailTokens)
      .where(and(eq(emailTokens.userId, actor.userId), isNull(emailTokens.usedAt)));
  });
}

/** Removes spent and expired links and sessions (retention, SAFETY.md). */
export async function sweepExpired({ db, now }: AccountsDeps): Promise<void> {
  await db.delete(emailTokens).where(lt(emailTokens.expiresAt, now()));
  await db.delete(sessions).where(lt(sessions.expiresAt, now()));
}
