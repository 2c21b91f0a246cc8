import { and, eq, isNull } from 'drizzle-orm';
import { t } from '../../lib/i18n';
import type { JobQueue } from '../../lib/jobs';
import { type MailMessage, renderMail } from '../../lib/mail/mailer';
import { newToken } from '../../lib/tokens';
import { type AccountsDeps, tokenHash } from './deps';
import { shownName } from './present';
import { mailRecipient } from './queries';
import { emailTokens } from './tables';

export const EMAIL_LINK_TTL_MS = 15 * 60 * 1000;

/** The mails accounts sends, as jobs: each carries what caused it, never a token. */
export type AccountMail =
  | { kind: 'sign-in-link'; userId: string; welcome: boolean }
  | { kind: 'no-account'; email: string }
  | { kind: 'password-notice'; userId: string; changed: boolean };

export const ACCOUNT_MAIL = 'accounts-mail';

declare module '../../lib/jobs' {
  interface JobTypes {
    [ACCOUNT_MAIL]: AccountMail;
  }
}

/**
 * Makes the sign-in token when the mail is sent, not when it is asked for, so the
 * token is never stored in a job; a new link voids the older unused ones.
 */
async function signInLinkMail(
  { db, config, now }: AccountsDeps,
  userId: string,
  welcome: boolean,
): Promise<MailMessage | null> {
  const user = await mailRecipient(db, userId);
  if (!user) return null;
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx
      .delete(emailTokens)
      .where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
    await tx.insert(emailTokens).values({
      userId,
      tokenHash: tokenHash(config, token),
      createdAt: now(),
      expiresAt: new Date(now().getTime() + EMAIL_LINK_TTL_MS),
    });
  });
  const url = `${config.publicUrl}/sign-in/link#token=${token}`;
  const key = welcome ? 'mail.welcome' : 'mail.signIn';
  const body = renderMail({
    greeting: t('mail.greeting', { name: shownName(user.displayName) }),
    paragraphs: [t(`${key}.intro`), t('mail.linkExpiry')],
    button: { label: t(`${key}.button`), url },
    footer: t('mail.notYou'),
  });
  return { to: user.email, subject: t(`${key}.subject`), ...body };
}

function noAccountMail({ config }: AccountsDeps, email: string): MailMessage {
  const body = renderMail({
    greeting: t('mail.hello'),
    paragraphs: [t('mail.noAccount.intro'), t('mail.noAccount.next')],
    button: { label: t('mail.noAccount.button'), url: `${config.publicUrl}/sign-up` },
    footer: t('mail.notYou'),
  });
  return { to: email, subject: t('mail.noAccount.subject'), ...body };
}

/** Tells the owner their password was set or changed, and what to do if it was not them. */
async function passwordNoticeMail(
  { db, config }: AccountsDeps,
  userId: string,
  changed: boolean,
): Promise<MailMessage | null> {
  const user = await mailRecipient(db, userId);
  if (!user) return null;
  const key = changed ? 'mail.passwordChanged' : 'mail.passwordSet';
  const body = renderMail({
    greeting: t('mail.greeting', { name: shownName(user.displayName) }),
    paragraphs: [t(`${key}.intro`), t('mail.passwordNotYou'), t('mail.passwordNotYouNext')],
    button: { label: t('mail.passwordButton'), url: `${config.publicUrl}/sign-in` },
    footer: t('mail.passwordFooter'),
  });
  return { to: user.email, subject: t(`${key}.subject`), ...body };
}

/** Renders and sends one account mail through the mailer (SMTP or the dev outbox). */
export async function sendAccountMail(deps: AccountsDeps, mail: AccountMail): Promise<void> {
  const message =
    mail.kind === 'sign-in-link'
      ? await signInLinkMail(deps, mail.userId, mail.welcome)
      : mail.kind === 'no-account'
        ? noAccountMail(deps, mail.email)
        : await passwordNoticeMail(deps, mail.userId, mail.changed);
  // The account was deleted before its mail went: there is nobody to tell.
  if (message) await deps.mailer.send(message);
}

/**
 * Mail that fails (SMTP down) is tried 8 more times, from 5–10 s later, each wait about
 * twice the last. Each job mails once: a job run again after it sent is skipped.
 */
export function defineAccountMail(jobs: JobQueue, deps: AccountsDeps) {
  jobs.define(ACCOUNT_MAIL, { retryLimit: 8, retryDelaySeconds: 5, once: true }, (mail) =>
    sendAccountMail(deps, mail),
  );
}
