import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MemberRole, SiteRole } from '../../../contract/accounts';
import type { Preferences } from '../../../contract/preferences';
import type { Visibility } from '../../../contract/profiles';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    displayName: text('display_name').notNull(),
    role: text('role').$type<MemberRole>().notNull(),
    /** Who sees the role beside the person's name (posts, profile). */
    roleVisibility: text('role_visibility').$type<Visibility>().notNull().default('members'),
    /** Set once someone checks a "professional" is one; until then that role is never shown. */
    professionalVerifiedAt: timestamp('professional_verified_at', { withTimezone: true }),
    siteRole: text('site_role').$type<SiteRole>().notNull().default('member'),
    /** Ordered trust level (SAFETY.md); thresholds come with moderation. */
    trustLevel: smallint('trust_level').notNull().default(0),
    country: text('country'),
    preferences: jsonb('preferences').$type<Partial<Preferences>>().notNull().default({}),
    /** argon2id; null when the person signs in by email link only. */
    passwordHash: text('password_hash'),
    adultConfirmedAt: timestamp('adult_confirmed_at', { withTimezone: true }).notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    // The @mention picker finds names by word beginnings among confirmed accounts.
    index('users_display_name_trgm_idx')
      .using('gin', t.displayName.op('gin_trgm_ops'))
      .where(sql`${t.emailVerifiedAt} is not null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** HMAC-SHA256 of the cookie token: the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** When this session last came from an email link: recent proof for a password change. */
    emailProvenAt: timestamp('email_proven_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_user_id_idx').on(t.userId),
  ],
);

/** Single-use sign-in links. Passkeys will get their own table (webauthn_credentials). */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('email_tokens_token_hash_key').on(t.tokenHash),
    index('email_tokens_user_id_idx').on(t.userId),
    index('email_tokens_expires_at_idx').on(t.expiresAt),
  ],
);

export type ConsentKind = 'code_of_conduct' | 'health_data';

/** Versioned consent records (SAFETY.md privacy): never updated in place, only withdrawn. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ConsentKind>().notNull(),
    version: text('version').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    index('consents_user_kind_idx').on(t.userId, t.kind).where(sql`${t.withdrawnAt} is null`),
  ],
);
