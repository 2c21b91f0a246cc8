import type { z } from 'zod';
import type { Ok } from '../../contract/common';
import type {
  NotificationSettings,
  NotificationSettingsUpdate,
  NotificationsPage,
  NotificationsQuery,
  PauseBody,
  PushKey,
  PushSubscriptionBody,
  PushUnsubscribeBody,
  UnreadCount,
  UnsubscribeBody,
  UnsubscribeInfo,
} from '../../contract/notifications';
import { call, route } from './route';

type In<Schema extends z.ZodType> = z.input<Schema>;

/** Notifications, their settings, push devices and email unsubscribe links (`src/contract/notifications.ts`). */
export const notificationsRoutes = {
  list: route<NotificationsPage, never, In<typeof NotificationsQuery>>()('GET', '/notifications'),
  unread: route<UnreadCount>()('GET', '/notifications/unread'),
  markRead: route<UnreadCount>()('POST', '/notifications/:id/read'),
  markAllRead: route<UnreadCount>()('POST', '/notifications/read-all'),
  settings: route<NotificationSettings>()('GET', '/notifications/settings'),
  updateSettings: route<NotificationSettings, NotificationSettingsUpdate>()(
    'PATCH',
    '/notifications/settings',
  ),
  pause: route<NotificationSettings, PauseBody>()('POST', '/notifications/pause'),
  endPause: route<NotificationSettings>()('DELETE', '/notifications/pause'),
  pushKey: route<z.infer<typeof PushKey>>()('GET', '/notifications/push/key'),
  subscribePush: route<Ok, PushSubscriptionBody>()('POST', '/notifications/push/subscriptions'),
  unsubscribePush: route<Ok, In<typeof PushUnsubscribeBody>>()(
    'DELETE',
    '/notifications/push/subscriptions',
  ),
  unsubscribeInfo: route<UnsubscribeInfo>()('GET', '/unsubscribe/:token'),
  unsubscribe: route<UnsubscribeInfo, In<typeof UnsubscribeBody>>()('POST', '/unsubscribe/:token'),
} as const;

const r = notificationsRoutes;

export const getNotifications = (cursor: string | null) =>
  call(r.list, { query: { cursor: cursor ?? undefined } });
export const getUnread = () => call(r.unread);
export const markNotificationRead = (id: string) => call(r.markRead, { params: { id } });
export const markAllNotificationsRead = () => call(r.markAllRead);
export const getNotificationSettings = () => call(r.settings);
export const updateNotificationSettings = (body: NotificationSettingsUpdate) =>
  call(r.updateSettings, { body });
export const pauseNotifications = (days: number) => call(r.pause, { body: { days } });
export const endNotificationPause = () => call(r.endPause);
export const getPushKey = () => call(r.pushKey);
export const subscribePush = (body: PushSubscriptionBody) => call(r.subscribePush, { body });
export const unsubscribePush = (endpoint: string) =>
  call(r.unsubscribePush, { body: { endpoint } });
export const getUnsubscribeInfo = (token: string) => call(r.unsubscribeInfo, { params: { token } });
/** The page's button posts what a mail program's one-click unsubscribe does (RFC 8058). */
export const unsubscribe = (token: string) =>
  call(r.unsubscribe, { params: { token }, body: { 'List-Unsubscribe': 'One-Click' } });
