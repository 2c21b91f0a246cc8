// The notifications page: newest first, in words, each with its link; read marks.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Notification, NotificationsPage, UnreadCount } from '../../../contract/notifications';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { afterPosition, decodeCursor, pageOf } from '../../lib/pagination';
import type { NotificationsDeps } from './deps';
import { wordsFor } from './kinds';
import { notifications } from './tables';

const PAGE_SIZE = 30;
/** The unread ones a screen reader is told of at most, newest first. */
const ANNOUNCED = 3;

type Row = Pick<
  typeof notifications.$inferSelect,
  'id' | 'kind' | 'data' | 'count' | 'actorIds' | 'createdAt' | 'updatedAt' | 'readAt'
>;

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  data: notifications.data,
  count: notifications.count,
  actorIds: notifications.actorIds,
  createdAt: notifications.createdAt,
  updatedAt: notifications.updatedAt,
  readAt: notifications.readAt,
};

/** Rows in words; the names are looked up now, so a changed name shows as it is today. */
export async function inWords(deps: NotificationsDeps, rows: Row[]): Promise<Notification[]> {
  const names = await deps.people.authorsByIds(rows.flatMap((r) => r.actorIds));
  return rows.map((r) => {
    const shown = r.actorIds.flatMap((id) => {
      const person = names.get(id);
      return person ? [person.displayName] : [];
    });
    const { text, link } = wordsFor(r.kind, r.data, shown, r.count);
    return {
      id: r.id,
      kind: r.kind,
      text,
      link,
      count: r.count,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      read: r.readAt !== null,
    };
  });
}

const mine = (userId: string) =>
  and(eq(notifications.userId, userId), eq(notifications.inApp, true));

async function unreadCount(deps: NotificationsDeps, userId: string): Promise<number> {
  const [row] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function myNotifications(
  deps: NotificationsDeps,
  actor: Actor,
  query: { cursor?: string | undefined },
): Promise<NotificationsPage> {
  const position = decodeCursor(query.cursor);
  const rows = await deps.db
    .select(columns)
    .from(notifications)
    .where(
      and(
        mine(actor.userId),
        afterPosition({ sort: notifications.updatedAt, id: notifications.id }, position, 'desc'),
      ),
    )
    .orderBy(desc(notifications.updatedAt), desc(notifications.id))
    .limit(PAGE_SIZE + 1);
  const page = pageOf(rows, PAGE_SIZE, (r) => ({ at: r.updatedAt, id: r.id }));
  return {
    items: await inWords(deps, page.items),
    nextCursor: page.nextCursor,
    unread: await unreadCount(deps, actor.userId),
  };
}

/** The count on the Home button, and the newest unread in words for a polite announcement. */
export async function myUnread(deps: NotificationsDeps, actor: Actor): Promise<UnreadCount> {
  const newest = await deps.db
    .select(columns)
    .from(notifications)
    .where(and(mine(actor.userId), isNull(notifications.readAt)))
    .orderBy(desc(notifications.updatedAt), desc(notifications.id))
    .limit(ANNOUNCED);
  const unread = newest.length < ANNOUNCED ? newest.length : await unreadCount(deps, actor.userId);
  const worded = await inWords(deps, newest);
  return { unread, newest: worded.map((n) => ({ id: n.id, text: n.text })) };
}

export async function markRead(
  deps: NotificationsDeps,
  actor: Actor,
  id: string,
): Promise<UnreadCount> {
  await deps.limits.consume('notificationWritePerUser', actor.userId);
  const [row] = await deps.db
    .select({ userId: notifications.userId, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.id, id));
  // Someone else's notification is as unknown as one that never was.
  if (!row || row.userId !== actor.userId) {
    throw problems.notFound(t('notifications.problems.notFound'));
  }
  if (!row.readAt) {
    await deps.db
      .update(notifications)
      .set({ readAt: deps.now() })
      .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  }
  return myUnread(deps, actor);
}

export async function markAllRead(deps: NotificationsDeps, actor: Actor): Promise<UnreadCount> {
  await deps.limits.consume('notificationWritePerUser', actor.userId);
  await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return myUnread(deps, actor);
}
