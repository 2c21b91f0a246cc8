import { and, eq, gt, isNull } from 'drizzle-orm';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { type AccountsDeps, tokenHash } from './deps';
import { ACCOUNT_MAIL } from './mail';
import { findUserByEmail } from './queries';
import { createSession, type NewSession, type RequestMeta } from './sessions';
import { emailTokens, users } from './tables';

/**
 * Mails a sign-in link, or a kind "no account here" note; the answer is the same,
 * and both are one small transaction that enqueues the mail, so neither is slower.
 */
export async function requestEmailLink(
  { limits, jobs }: AccountsDeps,
  email: string,
  meta: RequestMeta,
): Promise<void> {
  await limits.consume('emailLinkPerIp', meta.ip);
  await limits.consume('emailLinkPerEmail', email);
  await jobs.transaction(async (tx, enqueue) => {
    const user = await findUserByEmail(tx, email);
    await enqueue(
      ACCOUNT_MAIL,
      user
        ? { kind: 'sign-in-link', userId: user.id, welcome: false }
        : { kind: 'no-account', email },
    );
  });
}

/** Spends a sign-in link once and opens a session. */
export async function verifyEmailLink(
  deps: AccountsDeps,
  token: string,
  meta: RequestMeta,
): Promise<NewSession> {
  const { db, config, limits, now } = deps;
  await limits.consume('verifyPerIp', meta.ip);
  const [spent] = await db
    .update(emailTokens)
    .set({ usedAt: now() })
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash(config, token)),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now()),
      ),
    )
    .returning({ userId: emailTokens.userId });
  if (!spent) throw problems.gone(t('problems.linkUsedOrOld'));
  await db
    .update(users)
    .set({ emailVerifiedAt: now() })
    .where(and(eq(users.id, spent.userId), isNull(users.emailVerifiedAt)));
  return createSession(deps, spent.userId, meta, { byEmailLink: true });
}
