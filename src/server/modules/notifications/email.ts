// Notification emails: one per event, or a digest of several. Plain, large type, short
// sentences, one clear link, and a one-click way out (RFC 8058) that needs no sign-in.
import { and, eq, inArray } from 'drizzle-orm';
import { kindRules, type NotificationKind } from '../../../contract/notifications';
import { t } from '../../lib/i18n';
import { type MailMessage, renderMail } from '../../lib/mail/mailer';
import type { NotificationsDeps } from './deps';
import { inWords } from './inbox';
import { choicesFor } from './settings';
import { notifications } from './tables';
import { oneClickUrl, unsubscribeUrl } from './unsubscribe-token';

type Row = typeof notifications.$inferSelect;

/** A notification is still wanted by email when its mail goes (choices change meanwhile). */
async function stillWanted(deps: NotificationsDeps, userId: string, kinds: NotificationKind[]) {
  const choices = (await choicesFor(deps.db, [userId])).get(userId)!;
  const paused = choices.pausedUntil !== null && choices.pausedUntil > deps.now();
  return new Set(
    kinds.filter((k) => choices.wants(k, 'email') && (!paused || kindRules[k].urgent)),
  );
}

/** The mail, with a link to stop this kind of email in its words and in its headers. */
function mail(
  deps: NotificationsDeps,
  parts: Parameters<typeof renderMail>[0] & { to: string; subject: string },
  userId: string,
  kind: NotificationKind | 'all',
): MailMessage {
  const stop = t(kind === 'all' ? 'notifications.email.stopAll' : 'notifications.email.stopKind', {
    url: unsubscribeUrl(deps.config, userId, kind),
  });
  const { to, subject, ...rest } = parts;
  const body = renderMail({
    ...rest,
    paragraphs: rest.paragraphs,
    footer: `${rest.footer} ${stop}`,
  });
  return { to, subject, ...body, list: { unsubscribe: oneClickUrl(deps.config, userId, kind) } };
}

async function markSent(deps: NotificationsDeps, ids: string[], state: 'sent' | 'dropped') {
  if (ids.length === 0) return;
  await deps.db
    .update(notifications)
    .set({ emailState: state, emailSentAt: state === 'sent' ? deps.now() : null })
    .where(and(inArray(notifications.id, ids), eq(notifications.emailState, 'queued')));
}

/**
 * Sends one notification's email. Only a row still queued is sent and then marked sent,
 * so a job run again after it finished sends nothing; if SMTP fails, the row stays queued
 * and the job is retried.
 */
export async function sendNotificationEmail(
  deps: NotificationsDeps,
  notificationId: string,
): Promise<void> {
  const [row] = await deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.emailState, 'queued')));
  if (!row) return;
  const wanted = await stillWanted(deps, row.userId, [row.kind]);
  const to = (await deps.people.mailRecipients([row.userId])).get(row.userId);
  if (!wanted.has(row.kind) || !to) return markSent(deps, [row.id], 'dropped');
  const [worded] = await inWords(deps, [row]);
  const url = `${deps.config.publicUrl}${worded!.link}`;
  await deps.mailer.send(
    mail(
      deps,
      {
        to: to.email,
        subject: t('notifications.email.subject', { what: worded!.text }),
        greeting: t('mail.greeting', { name: to.displayName }),
        paragraphs: [worded!.text],
        button: { label: t('notifications.email.button'), url },
        footer: t('notifications.email.footer'),
      },
      row.userId,
      row.kind,
    ),
  );
  await markSent(deps, [row.id], 'sent');
}

/** The longest list a digest shows; the rest are one click away on the notifications page. */
const DIGEST_SHOWN = 20;

/** Sends several notifications as one mail: a daily or weekly digest, or what quiet hours held. */
export async function sendDigest(
  deps: NotificationsDeps,
  userId: string,
  notificationIds: string[],
): Promise<void> {
  const rows: Row[] = await deps.db
    .select()
    .from(notifications)
    .where(
      and(
        inArray(notifications.id, notificationIds),
        eq(notifications.userId, userId),
        eq(notifications.emailState, 'queued'),
      ),
    );
  if (rows.length === 0) return;
  const wanted = await stillWanted(deps, userId, [...new Set(rows.map((r) => r.kind))]);
  const to = (await deps.people.mailRecipients([userId])).get(userId);
  const going = to ? rows.filter((r) => wanted.has(r.kind)) : [];
  await markSent(
    deps,
    rows.filter((r) => !going.includes(r)).map((r) => r.id),
    'dropped',
  );
  if (going.length === 0 || !to) return;
  going.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  const worded = await inWords(deps, going.slice(0, DIGEST_SHOWN));
  const more = going.length - worded.length;
  await deps.mailer.send(
    mail(
      deps,
      {
        to: to.email,
        subject: t('notifications.digest.subject', { count: going.length }),
        greeting: t('mail.greeting', { name: to.displayName }),
        paragraphs: [
          t('notifications.digest.intro', { count: going.length }),
          ...worded.map((n) => `• ${n.text}`),
          ...(more > 0 ? [t('notifications.digest.more', { count: more })] : []),
        ],
        button: {
          label: t('notifications.digest.button'),
          url: `${deps.config.publicUrl}/notifications`,
        },
        footer: t('notifications.email.footer'),
      },
      userId,
      'all',
    ),
  );
  await markSent(
    deps,
    going.map((r) => r.id),
    'sent',
  );
}
