import type { UnreadCount } from '../../../contract/notifications';

/** What the live region last knew: how many were new, and which, in which words. */
export interface Heard {
  userId: string;
  unread: number;
  told: Set<string>;
}

const told = (n: UnreadCount['newest'][number]) => `${n.id} ${n.text}`;

export function heard(userId: string, now: UnreadCount): Heard {
  return { userId, unread: now.unread, told: new Set(now.newest.map(told)) };
}

/**
 * What a screen reader should hear now, or null. Only when the count goes up: never on the
 * first load (nor for another person signing in), and not when it falls after a read mark.
 * The words are those of the newest ones it has not heard; a gathered one that grew ("3
 * people sent you strength") counts as new, since its words changed.
 */
export function toAnnounce(
  last: Heard | null,
  userId: string,
  now: UnreadCount,
): { added: number; text: string } | null {
  if (!last || last.userId !== userId || now.unread <= last.unread) return null;
  const fresh = now.newest.filter((n) => !last.told.has(told(n)));
  const text = (fresh.length > 0 ? fresh : now.newest.slice(0, 1)).map((n) => n.text).join(' ');
  return { added: now.unread - last.unread, text };
}
