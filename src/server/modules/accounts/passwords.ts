import { hash, verify } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import type { PasswordSignInBody } from '../../../contract/accounts';
import type { Actor } from '../../lib/access';
import { Problem, problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { AccountsDeps } from './deps';
import { ACCOUNT_MAIL } from './mail';
import { hasRecentEmailProof } from './permissions';
import { findUserByEmail } from './queries';
import { createSession, type NewSession, type RequestMeta } from './sessions';
import { sessions, users } from './tables';

// Verifying against this keeps a wrong email as slow as a wrong password.
const dummyHash = await hash('not a real password, only for timing');

/** 403 with what to do: type the current password, or sign in again by email. */
function proofNeeded(hasPassword: boolean, fieldKey: string) {
  return new Problem(
    403,
    'proof-needed',
    t(hasPassword ? 'problems.proofNeeded' : 'problems.proofNeededNoPassword'),
    hasPassword ? { currentPassword: t(fieldKey) } : undefined,
  );
}

export async function passwordSignIn(
  deps: AccountsDeps,
  input: PasswordSignInBody,
  meta: RequestMeta,
): Promise<NewSession> {
  const { db, limits } = deps;
  await limits.consume('passwordPerIp', meta.ip);
  await limits.consume('passwordPerEmail', input.email);
  const user = await findUserByEmail(db, input.email);
  const ok = await verify(user?.passwordHash ?? dummyHash, input.password).catch(() => false);
  if (!user?.passwordHash || !ok) {
    throw problems.signInFailed();
  }
  await limits.reset('passwordPerEmail', input.email);
  return createSession(deps, user.id, meta);
}

/**
 * Sets or changes the password. It needs recent proof that the owner is here: the
 * current password, or a sign-in by email link in the last 10 minutes. Otherwise a
 * stolen session could set a password that outlives "sign out everywhere".
 */
export async function setPassword(
  { db, limits, jobs, now }: AccountsDeps,
  actor: Actor,
  input: { password: string; currentPassword?: string | undefined },
): Promise<void> {
  const [row] = await db
    .select({
      email: users.email,
      passwordHash: users.passwordHash,
      emailProvenAt: sessions.emailProvenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, actor.sessionId), eq(sessions.userId, actor.userId)))
    .limit(1);
  if (!row) throw problems.signInNeeded();
  if (input.currentPassword !== undefined) {
    // Each guess counts against the same limit as signing in with a password.
    await limits.consume('passwordPerEmail', row.email);
    const ok = await verify(row.passwordHash ?? dummyHash, input.currentPassword).catch(
      () => false,
    );
    if (!row.passwordHash || !ok) {
      throw proofNeeded(row.passwordHash !== null, 'fields.currentPassword.wrong');
    }
  } else if (!hasRecentEmailProof(row.emailProvenAt, now())) {
    throw proofNeeded(row.passwordHash !== null, 'fields.currentPassword.required');
  }
  const passwordHash = await hash(input.password);
  await jobs.transaction(async (tx, enqueue) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now() })
      .where(eq(users.id, actor.userId));
    await enqueue(ACCOUNT_MAIL, {
      kind: 'password-notice',
      userId: actor.userId,
      changed: row.passwordHash !== null,
    });
  });
}

export async function removePassword({ db, now }: AccountsDeps, actor: Actor): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: null, updatedAt: now() })
    .where(eq(users.id, actor.userId));
}
