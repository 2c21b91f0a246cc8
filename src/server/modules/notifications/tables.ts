import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  EmailMode,
  NotificationChannel,
  NotificationKind,
} from '../../../contract/notifications';
import { users } from '../accounts/tables';
import type { NotificationData } from './kinds';

/**
 * Where one channel's delivery of a notification stands: none (not asked for), waiting
 * (due at `*_due_at`: quiet hours, a digest), queued (a job will send it), sent, dropped.
 */
export type DeliveryState = 'none' | 'waiting' | 'queued' | 'sent' | 'dropped';

/** What a person was told, in the app; email and push deliveries hang off the same row. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** Ids and the few words (a topic's title) the notification's text is made from. */
    data: jsonb('data').$type<NotificationData>().notNull(),
    /** Events with the same key gather into one row while it is unread ("3 people…"). */
    groupKey: text('group_key'),
    count: integer('count').notNull().default(1),
    /** The newest few people behind it, newest first (names are looked up when shown). */
    actorIds: uuid('actor_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Shown in the app: false when the person turned the app off for this kind. */
    inApp: boolean('in_app').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailState: text('email_state').$type<DeliveryState>().notNull().default('none'),
    emailDueAt: timestamp('email_due_at', { withTimezone: true }),
    emailSentAt: timestamp('email_sent_at', { withTimezone: true }),
    pushState: text('push_state').$type<DeliveryState>().notNull().default('none'),
    pushDueAt: timestamp('push_due_at', { withTimezone: true }),
    pushSentAt: timestamp('push_sent_at', { withTimezone: true }),
  },
  (t) => [
    // The list, newest first, paged by (updated_at, id).
    index('notifications_user_updated_idx').on(
      t.userId,
      t.updatedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // The count on the Home button and the newest unread ones.
    index('notifications_unread_idx')
      .on(t.userId, t.updatedAt.desc().nullsFirst())
      .where(sql`${t.readAt} is null`),
    // One unread row per group key gathers events; once read, the next event starts a new one.
    uniqueIndex('notifications_unread_group_idx')
      .on(t.userId, t.groupKey)
      .where(sql`${t.readAt} is null and ${t.groupKey} is not null`),
    // What the sweep hands to the queue when it falls due.
    index('notifications_email_due_idx').on(t.emailDueAt).where(sql`${t.emailState} = 'waiting'`),
    index('notifications_push_due_idx').on(t.pushDueAt).where(sql`${t.pushState} = 'waiting'`),
  ],
);

/** Every event a person was told of, by what caused it: nothing is told twice. */
export const notificationCauses = pgTable(
  'notification_causes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    causeKey: text('cause_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.causeKey] })],
);

/** A person's choices; no row means the defaults (contract kindRules). */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Only the kinds and channels the person changed; the rest keep their defaults. */
  kinds: jsonb('kinds')
    .$type<Partial<Record<NotificationKind, Partial<Record<NotificationChannel, boolean>>>>>()
    .notNull()
    .default({}),
  emailMode: text('email_mode').$type<EmailMode>().notNull().default('each'),
  /** Minutes after midnight, in `time_zone`; both null when there are no quiet hours. */
  quietFrom: smallint('quiet_from'),
  quietUntil: smallint('quiet_until'),
  timeZone: text('time_zone').notNull().default('UTC'),
  pausedUntil: timestamp('paused_until', { withTimezone: true }),
  announce: boolean('announce').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A browser that said yes to push; dropped when its push service says it is gone. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('push_subscriptions_endpoint_idx').on(t.endpoint),
    index('push_subscriptions_user_idx').on(t.userId),
  ],
);

/** The server's VAPID key pair when none is configured: made once, shared by every process. */
export const pushKeys = pgTable('push_keys', {
  id: smallint('id').primaryKey().default(1),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
