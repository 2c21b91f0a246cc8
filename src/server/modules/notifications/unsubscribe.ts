// One-click unsubscribe: works from the link in any notification email, signed in or not.
import { eq } from 'drizzle-orm';
import {
  type NotificationKind,
  notificationKinds,
  type UnsubscribeInfo,
} from '../../../contract/notifications';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { NotificationsDeps } from './deps';
import { choicesFor } from './settings';
import { notificationSettings } from './tables';
import { readUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-token';

/**
 * Who and what a link is for. Only links we never made count against the address they come
 * from: mail providers post one-click unsubscribes (RFC 8058) for all their people from a
 * few servers, and a real link can do no more than it says.
 */
async function scopeOf(deps: NotificationsDeps, token: string, ip: string) {
  const read = readUnsubscribeToken(deps.config, token);
  if (read) return read;
  await deps.limits.consume('unsubscribePerIp', ip);
  throw problems.notFound(t('notifications.problems.badUnsubscribeLink'));
}

const kindsIn = (scope: UnsubscribeScope): NotificationKind[] =>
  scope === 'all' ? [...notificationKinds] : [scope];

function what(scope: UnsubscribeScope): string {
  return t(scope === 'all' ? 'notifications.unsubscribe.all' : `notifications.unsubscribe.kind`, {
    kind: scope === 'all' ? '' : t(`notifications.kinds.${scope}`),
  });
}

/** What a link would stop, and whether it has already. */
export async function unsubscribeInfo(
  deps: NotificationsDeps,
  token: string,
  ip: string,
): Promise<UnsubscribeInfo> {
  const { userId, scope } = await scopeOf(deps, token, ip);
  const choices = (await choicesFor(deps.db, [userId])).get(userId)!;
  return { what: what(scope), done: kindsIn(scope).every((k) => !choices.wants(k, 'email')) };
}

/** Stops this kind of email (or all of them) for the person the link was made for. */
export async function unsubscribe(
  deps: NotificationsDeps,
  token: string,
  ip: string,
): Promise<UnsubscribeInfo> {
  const { userId, scope } = await scopeOf(deps, token, ip);
  // The account is gone: there is nothing left to send, and nothing to change.
  if (!(await deps.people.authorsByIds([userId])).has(userId))
    return { what: what(scope), done: true };
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ kinds: notificationSettings.kinds })
      .from(notificationSettings)
      .where(eq(notificationSettings.userId, userId))
      .for('update');
    const kinds = { ...(row?.kinds ?? {}) };
    for (const kind of kindsIn(scope)) kinds[kind] = { ...kinds[kind], email: false };
    await tx
      .insert(notificationSettings)
      .values({ userId, kinds, updatedAt: deps.now() })
      .onConflictDoUpdate({
        target: notificationSettings.userId,
        set: { kinds, updatedAt: deps.now() },
      });
  });
  return { what: what(scope), done: true };
}
