import { z } from 'zod';
import { Page, Uuid } from './common';
import { timeZoneName } from './groups';

/**
 * What a person can be told about. Later issues add their own kinds (moderation outcomes,
 * meetings, messages of concern) to this list and to `kindRules`.
 */
export const notificationKinds = [
  'reply',
  'mention',
  'reaction',
  'helpful',
  'join_request',
  'join_decision',
  'group_invitation',
  'announcement',
  'post_removed',
  'case_urgent',
  'case_new',
  'moderation_outcome',
  'report_outcome',
  'concern',
  'event_place',
  'event_changed',
  'event_reminder',
] as const;
export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Kinds only moderators and admins are sent: other people's settings do not list them. */
export const staffOnlyKinds: readonly NotificationKind[] = ['case_urgent', 'case_new'];

export const notificationChannels = ['inApp', 'email', 'push'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** Which channels a kind uses until the person says otherwise: few (issue 10). */
export interface KindRule {
  email: boolean;
  /**
   * Never held by quiet hours, a pause or a digest: crisis resources sent to the person.
   * None of today's kinds is; the safety issue adds the first.
   */
  urgent: boolean;
  /**
   * Worth nothing late (a meeting reminder): mailed on its own even to people who chose a
   * daily or weekly digest. A pause and quiet hours still hold it.
   */
  timely?: boolean;
}

export const kindRules: Record<NotificationKind, KindRule> = {
  reply: { email: true, urgent: false },
  mention: { email: false, urgent: false },
  reaction: { email: false, urgent: false },
  helpful: { email: false, urgent: false },
  join_request: { email: false, urgent: false },
  join_decision: { email: true, urgent: false },
  group_invitation: { email: true, urgent: false },
  announcement: { email: false, urgent: false },
  post_removed: { email: false, urgent: false },
  // A moderator hears of a crisis case at once, whatever the hour: it must never wait unseen.
  case_urgent: { email: true, urgent: true },
  case_new: { email: false, urgent: false },
  moderation_outcome: { email: true, urgent: false },
  report_outcome: { email: false, urgent: false },
  /** Kind words and where help is, because someone here is worried: never held, never named. */
  concern: { email: true, urgent: true },
  /** A place at a meeting came free, and the person waiting has it now. */
  event_place: { email: true, urgent: false },
  /** A meeting the person said yes to moved or was cancelled. */
  event_changed: { email: true, urgent: false },
  /** A meeting the person has a place at starts in a day, or in an hour. */
  event_reminder: { email: true, urgent: false, timely: true },
};

/** One notification, in words, with where it leads. */
export const Notification = z.object({
  id: Uuid,
  kind: NotificationKind,
  text: z.string().describe('What happened, in plain words'),
  link: z.string().describe('The page it is about, a path in the app'),
  /** How many events it holds: "3 people sent you strength". */
  count: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  /** When the newest event in it happened. */
  updatedAt: z.iso.datetime(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationsPage = Page(Notification).extend({
  unread: z.number().int().min(0),
});
export type NotificationsPage = z.infer<typeof NotificationsPage>;

export const NotificationsQuery = z
  .object({
    cursor: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, { error: 'fields.cursor.invalid' })
      .optional(),
  })
  .strict();

export const UnreadCount = z.object({
  unread: z.number().int().min(0),
  /** The newest unread ones' words, for a screen reader's polite announcement. */
  newest: z.array(z.object({ id: Uuid, text: z.string() })),
});
export type UnreadCount = z.infer<typeof UnreadCount>;

const Channels = z.object({ inApp: z.boolean(), email: z.boolean(), push: z.boolean() }).strict();

/** "HH:MM", 24-hour. */
const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'notifications.fields.time.invalid' });

export const emailModes = ['each', 'daily', 'weekly'] as const;
export const EmailMode = z.enum(emailModes);
export type EmailMode = z.infer<typeof EmailMode>;

export const QuietHours = z
  .object({ from: ClockTime, until: ClockTime })
  .strict()
  .refine((q) => q.from !== q.until, {
    error: 'notifications.fields.quietHours.same',
    path: ['until'],
  });
export type QuietHours = z.infer<typeof QuietHours>;

/** What a person has chosen; every kind is listed, with defaults for those never touched. */
export const NotificationSettings = z.object({
  kinds: z.record(NotificationKind, Channels),
  /** One email per event, or one digest a day or a week. */
  emailMode: EmailMode,
  /** Nothing by email or push in these hours (in `timeZone`); it waits until they end. */
  quietHours: QuietHours.nullable(),
  timeZone: z.string(),
  /** Nothing by email or push until then; the list in the app still fills. */
  pausedUntil: z.iso.datetime().nullable(),
  /** Screen readers hear new notifications (a polite live region). */
  announce: z.boolean(),
  /** This device or another has push turned on. */
  pushDevices: z.number().int().min(0),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

export const NotificationSettingsUpdate = z
  .object({
    kinds: z.partialRecord(NotificationKind, Channels.partial()),
    emailMode: EmailMode,
    quietHours: QuietHours.nullable(),
    timeZone: timeZoneName('notifications.fields.timeZone.invalid'),
    announce: z.boolean(),
  })
  .partial()
  .strict();
export type NotificationSettingsUpdate = z.infer<typeof NotificationSettingsUpdate>;

export const PauseBody = z.object({ days: z.number().int().min(1).max(30) }).strict();
export type PauseBody = z.infer<typeof PauseBody>;

/**
 * A browser's push subscription (PushSubscription.toJSON()). Its endpoint must be on a known
 * push service (config PUSH_SERVICE_HOSTS), or the server would post wherever it is told.
 */
export const PushSubscriptionBody = z
  .object({
    endpoint: z
      .url({ protocol: /^https?$/, error: 'notifications.fields.endpoint.invalid' })
      .max(1000),
    keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }),
  })
  .strip();
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

export const PushUnsubscribeBody = z.object({ endpoint: z.string().max(1000) }).strict();

export const PushKey = z.object({
  /** The VAPID public key, base64url, for PushManager.subscribe. */
  publicKey: z.string(),
});

/** `<user id>.<kind or all>.<signature>`, as the links in our mails carry it. */
export const UnsubscribeParams = z.object({
  token: z.string().regex(/^[0-9a-f-]{36}\.[a-z_]{2,30}\.[A-Za-z0-9_-]{43}$/, {
    error: 'notifications.fields.token.invalid',
  }),
});

/** What a mail program posts for a one-click unsubscribe (RFC 8058); our page posts it too. */
export const UnsubscribeBody = z.object({ 'List-Unsubscribe': z.literal('One-Click') }).strict();

export const UnsubscribeInfo = z.object({
  /** What the link stops, in words: "emails about replies to you". */
  what: z.string(),
  done: z.boolean(),
});
export type UnsubscribeInfo = z.infer<typeof UnsubscribeInfo>;
