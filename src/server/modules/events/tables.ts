import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EventOwnerKind, RsvpAnswer, RsvpPlace, VideoKind } from '../../../contract/events';
import type { AccessFeature, GroupFormat, GroupLanguage } from '../../../contract/groups-values';
import { users } from '../accounts/tables';
import { groups, organisations } from '../groups/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A gathering: one meeting, or a series of them (a rule in the event's own time zone), owned by
 * a group, an organisation or the whole community.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerKind: text('owner_kind').$type<EventOwnerKind>().notNull(),
    /** Set for a group's events. */
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    /** Set for an organisation's events, and for a group's (the organisation running it). */
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    format: text('format').$type<GroupFormat>().notNull(),
    /** The first meeting's start, as a wall-clock time in time_zone ('2026-05-14T14:00'). */
    startLocal: text('start_local').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    timeZone: text('time_zone').notNull(),
    /** RFC 5545 RRULE without DTSTART; null for a single meeting. */
    rrule: text('rrule'),
    /**
     * The earliest and latest start of any meeting, moved ones too (last null: the series has
     * no end), so a list reads only the events that can have a meeting in its window.
     */
    firstStartAt: at('first_start_at').notNull(),
    lastStartAt: at('last_start_at'),
    /** Places at each meeting, carers counted; null for no limit. */
    capacity: integer('capacity'),
    venueName: text('venue_name'),
    venueAddress: text('venue_address'),
    venueTown: text('venue_town'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    access: text('access').array().$type<AccessFeature[]>().notNull().default(sql`'{}'`),
    accessNotes: text('access_notes').notNull().default(''),
    howToGetThere: text('how_to_get_there').notNull().default(''),
    /** The languages people speak at the meetings; a group's event takes its group's. */
    languages: text('languages').array().$type<GroupLanguage[]>().notNull().default(sql`'{en}'`),
    /** A pasted link, or a room on the organisation's own video service. */
    videoKind: text('video_kind').$type<VideoKind>(),
    videoUrl: text('video_url'),
    /** Kept when the person leaves: the event stays for those coming. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    cancelledAt: at('cancelled_at'),
  },
  (t) => [
    index('events_group_idx').on(t.groupId, t.firstStartAt),
    index('events_organisation_idx').on(t.organisationId, t.firstStartAt),
    // Upcoming lists: events still running, by when they start.
    index('events_window_idx')
      .on(t.firstStartAt, t.lastStartAt)
      .where(sql`${t.cancelledAt} is null`),
  ],
);

/** One meeting of a series moved or cancelled, named by the start the series gives it. */
export const eventExceptions = pgTable(
  'event_exceptions',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    originalStart: at('original_start').notNull(),
    cancelled: boolean('cancelled').notNull().default(false),
    newStartLocal: text('new_start_local'),
    newDurationMinutes: integer('new_duration_minutes'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.originalStart] })],
);

/**
 * One person's answer for one meeting (named by its start in the series, so it survives a
 * move). "Going" holds a place or waits for one, in wait_order.
 */
export const eventRsvps = pgTable(
  'event_rsvps',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    meetingStart: at('meeting_start').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answer: text('answer').$type<RsvpAnswer>().notNull(),
    /** Bringing a carer: one more place. */
    carer: boolean('carer').notNull().default(false),
    /** In the person's words; only they and those who run the event see it. */
    accessNeeds: text('access_needs').notNull().default(''),
    /** Null unless the answer is "going". */
    place: text('place').$type<RsvpPlace>(),
    /** The line for places: 1 first. Null unless waiting. */
    waitOrder: integer('wait_order'),
    answeredAt: at('answered_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.meetingStart, t.userId] }),
    index('event_rsvps_user_idx').on(t.userId, t.meetingStart),
    index('event_rsvps_meeting_idx').on(t.eventId, t.meetingStart, t.place, t.waitOrder),
  ],
);

/**
 * A person's private calendar feed: only the hash of its secret token is kept. Making it again
 * replaces the hash, so the old address stops working.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * Reminders sent, so none goes twice: one per meeting (named by its start in the series), the
 * time it then started (a moved meeting is reminded of again, for its new time), person and which.
 */
export const eventReminders = pgTable(
  'event_reminders',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    meetingStart: at('meeting_start').notNull(),
    startsAt: at('starts_at').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 'day' (a day before) or 'hour' (an hour before). */
    which: text('which').$type<'day' | 'hour'>().notNull(),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.meetingStart, t.startsAt, t.userId, t.which] }),
    index('event_reminders_sent_idx').on(t.sentAt),
  ],
);

/** Who came to a past meeting, as those who run it marked. */
export const eventAttendance = pgTable(
  'event_attendance',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    meetingStart: at('meeting_start').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    markedBy: uuid('marked_by').references(() => users.id, { onDelete: 'set null' }),
    markedAt: at('marked_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.meetingStart, t.userId] }),
    index('event_attendance_user_idx').on(t.userId, t.meetingStart),
  ],
);
