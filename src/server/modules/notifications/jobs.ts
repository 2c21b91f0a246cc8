// The jobs notifications run on the queue: one email, one digest, one push message.
export const NOTIFICATION_EMAIL = 'notification-email';
export const NOTIFICATION_DIGEST = 'notification-digest';
export const NOTIFICATION_PUSH = 'notification-push';

declare module '../../lib/jobs' {
  interface JobTypes {
    [NOTIFICATION_EMAIL]: { notificationId: string };
    /** Several notifications in one mail: a daily or weekly digest, or what quiet hours held. */
    [NOTIFICATION_DIGEST]: { userId: string; notificationIds: string[] };
    /** One notification, or (several ids) one message that says how many are new. */
    [NOTIFICATION_PUSH]: { userId: string; notificationIds: string[] };
  }
}
