// Notifications: in the app, by email (one by one or as a digest) and by web push, as each
// person chose, with quiet hours and a pause. Other modules reach it through its face.
import type { Actor } from '../../lib/access';
import { type NotificationsServiceDeps, notificationsDeps } from './deps';
import { sendDigest, sendNotificationEmail } from './email';
import { createNotificationsFace } from './face';
import { markAllRead, markRead, myNotifications, myUnread } from './inbox';
import { NOTIFICATION_DIGEST, NOTIFICATION_EMAIL, NOTIFICATION_PUSH } from './jobs';
import { pushKey, sendPush, subscribePush, unsubscribePush } from './push';
import { mySettings, pause, updateMySettings } from './settings';
import { sweepDue } from './sweep';
import { unsubscribe, unsubscribeInfo } from './unsubscribe';

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** How often working processes hand deliveries that fell due (quiet hours, digests) to the queue. */
export const SWEEP_EVERY_MS = 30_000;

export function createNotificationsService(options: NotificationsServiceDeps) {
  const deps = notificationsDeps(options);
  const { jobs } = deps;
  // A mail server that is down is tried 8 more times, from 5–10 s later, each wait about twice the last.
  const retry = { retryLimit: 8, retryDelaySeconds: 5 };
  jobs.define(NOTIFICATION_EMAIL, retry, ({ notificationId }) =>
    sendNotificationEmail(deps, notificationId),
  );
  jobs.define(NOTIFICATION_DIGEST, retry, ({ userId, notificationIds }) =>
    sendDigest(deps, userId, notificationIds),
  );
  jobs.define(NOTIFICATION_PUSH, retry, ({ userId, notificationIds }) =>
    sendPush(deps, userId, notificationIds),
  );
  jobs.every('notifications-sweep', SWEEP_EVERY_MS, () => sweepDue(deps));

  return {
    ...createNotificationsFace(deps),
    list: (actor: Actor, query: { cursor?: string | undefined }) =>
      myNotifications(deps, actor, query),
    unread: (actor: Actor) => myUnread(deps, actor),
    markRead: (actor: Actor, id: string) => markRead(deps, actor, id),
    markAllRead: (actor: Actor) => markAllRead(deps, actor),
    settings: (actor: Actor) => mySettings(deps, actor),
    updateSettings: (...args: Tail<typeof updateMySettings>) => updateMySettings(deps, ...args),
    pause: (...args: Tail<typeof pause>) => pause(deps, ...args),
    unsubscribeInfo: (...args: Tail<typeof unsubscribeInfo>) => unsubscribeInfo(deps, ...args),
    unsubscribe: (...args: Tail<typeof unsubscribe>) => unsubscribe(deps, ...args),
    pushKey: () => pushKey(deps),
    subscribePush: (...args: Tail<typeof subscribePush>) => subscribePush(deps, ...args),
    unsubscribePush: (...args: Tail<typeof unsubscribePush>) => unsubscribePush(deps, ...args),
    /** Hands every delivery that fell due to the queue now (the timer does it every 30 s). */
    sweepDue: () => sweepDue(deps),
  };
}

type Tail<F> = F extends (deps: never, ...args: infer A) => unknown ? A : never;
