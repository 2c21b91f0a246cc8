// One-click unsubscribe links: a signed token that names a person and a kind of email, so
// the link works without signing in and cannot be made for someone else.
import { createHmac } from 'node:crypto';
import { NotificationKind } from '../../../contract/notifications';
import type { Config } from '../../config';
import { sameHash } from '../../lib/tokens';

export type UnsubscribeScope = NotificationKind | 'all';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(config: Config, userId: string, scope: UnsubscribeScope): string {
  return createHmac('sha256', config.sessionSecret)
    .update(`unsubscribe:${userId}:${scope}`)
    .digest('base64url');
}

export function unsubscribeToken(config: Config, userId: string, scope: UnsubscribeScope) {
  return `${userId}.${scope}.${signature(config, userId, scope)}`;
}

/** The page a person lands on from the link in the mail (the button there does it). */
export function unsubscribeUrl(config: Config, userId: string, scope: UnsubscribeScope) {
  return `${config.publicUrl}/unsubscribe/${unsubscribeToken(config, userId, scope)}`;
}

/** Where a mail program posts "List-Unsubscribe=One-Click" (RFC 8058). */
export function oneClickUrl(config: Config, userId: string, scope: UnsubscribeScope) {
  return `${config.publicUrl}/api/unsubscribe/${unsubscribeToken(config, userId, scope)}`;
}

/** Who and what a token stands for, or null when it was not made by us. */
export function readUnsubscribeToken(
  config: Config,
  token: string,
): { userId: string; scope: UnsubscribeScope } | null {
  const [userId, scope, mac, ...rest] = token.split('.');
  if (rest.length > 0 || !userId || !scope || !mac || !uuidShape.test(userId)) return null;
  if (scope !== 'all' && !NotificationKind.safeParse(scope).success) return null;
  const typed = scope as UnsubscribeScope;
  return sameHash(mac, signature(config, userId, typed)) ? { userId, scope: typed } : null;
}
