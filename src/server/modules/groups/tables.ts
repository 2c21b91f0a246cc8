import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { GroupRhythm } from '../../../contract/groups';
import type {
  AccessFeature,
  Admission,
  GroupFocus,
  GroupFormat,
  GroupLanguage,
  GroupPrivacy,
  GroupRole,
  JoinPolicy,
  MembershipStatus,
  OrganisationKind,
} from '../../../contract/groups-values';
import { users } from '../accounts/tables';

const createdAt = timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A charity, hospital team or community group that runs groups. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind').$type<OrganisationKind>().notNull(),
  /** The organisation's own video service (https), where events' rooms are made; null: none. */
  videoBaseUrl: text('video_base_url'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt,
});

export const organisationAdmins = pgTable(
  'organisation_admins',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt,
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index('organisation_admins_user_idx').on(t.userId),
  ],
);

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull(),
    format: text('format').$type<GroupFormat>().notNull(),
    focus: text('focus').array().$type<GroupFocus[]>().notNull().default(sql`'{}'`),
    languages: text('languages').array().$type<GroupLanguage[]>().notNull().default(sql`'{en}'`),
    sizeCap: integer('size_cap').notNull(),
    /** Active members, kept in step with group_members in the same transaction. */
    memberCount: integer('member_count').notNull().default(0),
    joinPolicy: text('join_policy').$type<JoinPolicy>().notNull(),
    privacy: text('privacy').$type<GroupPrivacy>().notNull().default('private'),
    caregiversOnly: boolean('caregivers_only').notNull().default(false),
    country: text('country').notNull(),
    /** The rhythm as people choose it, and the same as an RFC 5545 RRULE. */
    rhythm: jsonb('rhythm').$type<GroupRhythm>().notNull(),
    recurrenceRule: text('recurrence_rule').notNull(),
    timeZone: text('time_zone').notNull(),
    venueName: text('venue_name'),
    venueAddress: text('venue_address'),
    venueTown: text('venue_town'),
    /** Degrees; both null for groups that only meet online. */
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    access: text('access').array().$type<AccessFeature[]>().notNull().default(sql`'{}'`),
    accessNotes: text('access_notes').notNull().default(''),
    meetingLink: text('meeting_link'),
    /** HMAC of the current invite link's token; null when there is none. */
    inviteTokenHash: text('invite_token_hash'),
    /** When the current invite link stops working. */
    inviteExpiresAt: timestamp('invite_expires_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('groups_organisation_idx').on(t.organisationId),
    // Distance search: a bounding box on these two columns, then the exact distance.
    index('groups_lat_lng_idx').on(t.lat, t.lng),
    index('groups_focus_idx').using('gin', t.focus),
    index('groups_format_idx').on(t.format, t.id),
    // The directory's order when not searching near a place (keyset paging on name, id).
    index('groups_name_idx').on(t.name, t.id),
    index('groups_search_idx').using(
      'gin',
      sql`to_tsvector('english', ${t.name} || ' ' || ${t.description})`,
    ),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<GroupRole>().notNull().default('member'),
    status: text('status').$type<MembershipStatus>().notNull(),
    /** How they came in: only vetted ways count for "my groups" (docs/groups-privacy.md). */
    admission: text('admission').$type<Admission>().notNull().default('open'),
    /** What the person wrote when asking to join. */
    message: text('message').notNull().default(''),
    declineMessage: text('decline_message'),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('group_members_user_idx').on(t.userId, t.status),
    index('group_members_group_status_idx').on(t.groupId, t.status, t.askedAt),
  ],
);

export const groupAnnouncements = pgTable(
  'group_announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt,
  },
  (t) => [index('group_announcements_group_idx').on(t.groupId, t.createdAt)],
);
