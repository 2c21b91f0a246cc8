// Appeals by people who cannot sign in. A suspended or banned person is mailed what was
// decided and why, with a link that opens their appeal of that one decision: the token is
// random, kept only as a hash, single-purpose and good for 30 days. The link may show the
// decision and send one appeal; it signs no one in.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type {
  AppealByLinkBody,
  AppealByLinkDone,
  AppealLinkDecision,
} from '../../../contract/moderation';
import type { Tx } from '../../db';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { renderMail } from '../../lib/mail/mailer';
import { hashToken, newToken } from '../../lib/tokens';
import { mailRecipients } from '../accounts/face';
import { mayBeAppealed, openAppeal } from './appeals';
import type { ModerationDeps } from './deps';
import { dayInWords } from './present';
import { actionById, appealsOf } from './queries';
import { moderationAppealLinks } from './tables';

const DAY_MS = 24 * 60 * 60 * 1000;
export const APPEAL_LINK_TTL_MS = 30 * DAY_MS;
export const APPEAL_LINK_MAIL = 'moderation-appeal-link';

declare module '../../lib/jobs' {
  interface JobTypes {
    /** The mail a suspended or banned person gets; the token is made when it is sent. */
    [APPEAL_LINK_MAIL]: { actionId: string };
  }
}

const linkHash = (deps: ModerationDeps, token: string) =>
  hashToken(deps.config.sessionSecret, `appeal-link:${token}`);

/**
 * Mails the person what was decided, why, and the link to appeal. The token is made here,
 * when the mail goes, so no job or log ever holds it; a second try replaces the first's.
 */
export async function sendAppealLink(deps: ModerationDeps, actionId: string): Promise<void> {
  const action = await actionById(deps.db, actionId);
  if (!action?.targetUserId || action.overturnedAt) return;
  if (action.action !== 'suspend' && action.action !== 'ban') return;
  // Only to an address the person showed is theirs (they used a sign-in link from it).
  const person = (await mailRecipients(deps.db, [action.targetUserId])).get(action.targetUserId);
  if (!person) return;
  const token = newToken();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + APPEAL_LINK_TTL_MS);
  await deps.db
    .insert(moderationAppealLinks)
    .values({
      actionId,
      userId: action.targetUserId,
      tokenHash: linkHash(deps, token),
      createdAt: now,
      expiresAt,
    })
    .onConflictDoUpdate({
      target: moderationAppealLinks.actionId,
      set: { tokenHash: linkHash(deps, token), createdAt: now, expiresAt },
    });
  const what =
    action.action === 'ban'
      ? t('moderation.appealMail.banned')
      : action.until
        ? t('moderation.appealMail.suspended', { until: dayInWords(action.until) })
        : t('moderation.appealMail.suspendedForGood');
  const body = renderMail({
    greeting: t('mail.greeting', { name: person.displayName }),
    paragraphs: [
      what,
      t('moderation.appealMail.why', { reason: t(`moderation.reasons.${action.reason}`) }),
      t('moderation.appealMail.appeal'),
      t('moderation.appealMail.expiry', { date: dayInWords(expiresAt) }),
    ],
    button: {
      label: t('moderation.appealMail.button'),
      url: `${deps.config.publicUrl}/appeal#token=${token}`,
    },
    footer: t('moderation.appealMail.footer'),
  });
  const subject =
    action.action === 'ban'
      ? t('moderation.appealMail.subjectBanned')
      : t('moderation.appealMail.subjectSuspended');
  await deps.mailer.send({ to: person.email, subject, ...body });
}

/** Mail that fails is tried again, as account mail is; each job mails once. */
export function defineAppealLinkMail(deps: ModerationDeps) {
  deps.jobs.define(APPEAL_LINK_MAIL, { retryLimit: 8, retryDelaySeconds: 5, once: true }, (job) =>
    sendAppealLink(deps, job.actionId),
  );
}

/** The link a token names, while it is good; otherwise one plain 410 for every case. */
async function liveLink(deps: ModerationDeps, db: ModerationDeps['db'] | Tx, token: string) {
  const [link] = await db
    .select()
    .from(moderationAppealLinks)
    .where(
      and(
        eq(moderationAppealLinks.tokenHash, linkHash(deps, token)),
        gt(moderationAppealLinks.expiresAt, deps.now()),
      ),
    )
    .limit(1);
  if (!link) throw problems.gone(t('moderation.problems.appealLinkOld'));
  return link;
}

/** What the link's decision was, and whether an appeal may still be sent with it. */
export async function appealLinkDecision(
  deps: ModerationDeps,
  token: string,
  ip: string,
): Promise<AppealLinkDecision> {
  await deps.limits.consume('appealLinkPerIp', ip);
  const link = await liveLink(deps, deps.db, token);
  const action = await actionById(deps.db, link.actionId);
  if (!action) throw problems.gone(t('moderation.problems.appealLinkOld'));
  const appealedAt = (await appealsOf(deps.db, [action.id])).get(action.id) ?? null;
  return {
    action: action.action,
    reason: action.reason,
    until: action.until ? action.until.toISOString() : null,
    at: action.createdAt.toISOString(),
    canAppeal: mayBeAppealed(action) && appealedAt === null && link.usedAt === null,
    appealedAt: appealedAt ? appealedAt.toISOString() : null,
    overturned: action.overturnedAt !== null,
  };
}

/** Sends the appeal of the link's one decision; the link then only shows the decision. */
export async function appealByLink(
  deps: ModerationDeps,
  input: AppealByLinkBody,
  ip: string,
): Promise<AppealByLinkDone> {
  await deps.limits.consume('appealLinkPerIp', ip);
  const known = await liveLink(deps, deps.db, input.token);
  const action = await actionById(deps.db, known.actionId);
  if (!action || action.targetUserId !== known.userId) {
    throw problems.gone(t('moderation.problems.appealLinkOld'));
  }
  if (!mayBeAppealed(action)) throw problems.conflict(t('moderation.problems.cannotAppeal'));
  await deps.jobs.transaction(async (tx, enqueue) => {
    // Spent in the same transaction as the appeal: two sends at once open one appeal.
    const [spent] = await tx
      .update(moderationAppealLinks)
      .set({ usedAt: deps.now() })
      .where(
        and(
          eq(moderationAppealLinks.id, known.id),
          eq(moderationAppealLinks.tokenHash, known.tokenHash),
          isNull(moderationAppealLinks.usedAt),
        ),
      )
      .returning({ usedAt: moderationAppealLinks.usedAt });
    // Found but spent: it was used for this appeal already.
    if (!spent) throw problems.conflict(t('moderation.problems.cannotAppeal'));
    await openAppeal(deps, tx, enqueue, action, input.words, 'link');
  });
  return { message: t('moderation.appealLink.sent') };
}
