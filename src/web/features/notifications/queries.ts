import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type {
  NotificationSettings,
  NotificationsPage,
  UnreadCount,
} from '../../../contract/notifications';
import { getNotificationSettings, getNotifications, getUnread } from '../../api/notifications';

/** Query keys of notifications, under the person's id, so one person never sees another's. */
export const notificationsKeys = {
  all: ['notifications'] as const,
  list: (userId: string) => ['notifications', userId, 'list'] as const,
  unread: (userId: string) => ['notifications', userId, 'unread'] as const,
  settings: (userId: string) => ['notifications', userId, 'settings'] as const,
};

/** Calm polling: once a minute, and when the person comes back to the window. */
const UNREAD_EVERY_MS = 60_000;

export function useUnread(userId: string | null) {
  return useQuery({
    queryKey: notificationsKeys.unread(userId ?? ''),
    queryFn: getUnread,
    enabled: userId !== null,
    refetchInterval: UNREAD_EVERY_MS,
    refetchOnWindowFocus: true,
  });
}

/** My notifications, newest first; more pages only when the person asks. */
export function useNotificationList(userId: string) {
  return useInfiniteQuery({
    queryKey: notificationsKeys.list(userId),
    queryFn: ({ pageParam }) => getNotifications(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useNotificationSettings(userId: string | null) {
  return useQuery({
    queryKey: notificationsKeys.settings(userId ?? ''),
    queryFn: getNotificationSettings,
    enabled: userId !== null,
    staleTime: 5 * 60_000,
  });
}

/** After a read mark: the new count, and the item shown as read, without a reload. */
export function applyRead(
  client: QueryClient,
  userId: string,
  unread: UnreadCount,
  readId: string | 'all',
) {
  client.setQueryData(notificationsKeys.unread(userId), unread);
  client.setQueryData<InfiniteData<NotificationsPage>>(notificationsKeys.list(userId), (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            unread: unread.unread,
            items: page.items.map((n) =>
              readId === 'all' || n.id === readId ? { ...n, read: true } : n,
            ),
          })),
        }
      : data,
  );
}

export function applySettings(client: QueryClient, userId: string, saved: NotificationSettings) {
  client.setQueryData(notificationsKeys.settings(userId), saved);
}
