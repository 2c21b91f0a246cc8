import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  ActionReason,
  CasePriority,
  CaseReason,
  CaseStatus,
  CaseTier,
  ModerationAction,
  ReportReason,
  SubjectKind,
} from '../../../contract/moderation';
import { users } from '../accounts/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

export type RestrictionKind = 'mute' | 'suspend' | 'ban';

/**
 * One thing for a moderator to look at. At most one case is open per subject and reason:
 * a later report or screening of the same post adds to it (openings, latest_at).
 */
export const moderationCases = pgTable(
  'moderation_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reason: text('reason').$type<CaseReason>().notNull(),
    tier: text('tier').$type<CaseTier>(),
    priority: text('priority').$type<CasePriority>().notNull(),
    /** The priority's place in the queue (crisis 0, safety 1, other 2), for its index. */
    priorityRank: smallint('priority_rank').notNull(),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Who wrote the post, or whose profile it is. */
    subjectUserId: uuid('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The group whose board the post is on: its facilitators see the case too. */
    groupId: uuid('group_id'),
    /** For an appeal: the action appealed (once per action). */
    appealActionId: uuid('appeal_action_id'),
    status: text('status').$type<CaseStatus>().notNull().default('open'),
    openings: integer('openings').notNull().default(1),
    openedAt: at('opened_at').notNull(),
    latestAt: at('latest_at').notNull(),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: at('claimed_at'),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: at('closed_at'),
    outcome: text('outcome').$type<ModerationAction>(),
    outcomeReason: text('outcome_reason').$type<ActionReason>(),
    outcomeNote: text('outcome_note'),
    /** When enough weighted reports held the post until a moderator decides. */
    heldByReportsAt: at('held_by_reports_at'),
  },
  (t) => [
    uniqueIndex('moderation_cases_one_open_idx')
      .on(t.subjectKind, t.subjectId, t.reason)
      .where(sql`${t.status} <> 'closed' and ${t.reason} <> 'appeal'`),
    uniqueIndex('moderation_cases_appeal_idx')
      .on(t.appealActionId)
      .where(sql`${t.appealActionId} is not null`),
    // The queue: crisis first, then safety, then the rest, oldest first.
    index('moderation_cases_queue_idx')
      .on(t.priorityRank, t.openedAt, t.id)
      .where(sql`${t.status} <> 'closed'`),
    index('moderation_cases_subject_user_idx').on(t.subjectUserId, t.openedAt),
  ],
);

/** What a moderator did to close a case, with the reason; kept for appeals and history. */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => moderationCases.id),
    action: text('action').$type<ModerationAction>().notNull(),
    reason: text('reason').$type<ActionReason>().notNull(),
    /** The moderator's own words, shown to staff only. */
    note: text('note'),
    days: smallint('days'),
    until: at('until'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The person it was about (the post's author, or the profile's owner). */
    targetUserId: uuid('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    createdAt: at('created_at').notNull(),
    /** For an edit: the forum revision that keeps the author's words, to put back on appeal. */
    revisionId: uuid('revision_id'),
    /** An appeal to another moderator undid it. */
    overturnedAt: at('overturned_at'),
    overturnedBy: uuid('overturned_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('moderation_actions_target_idx').on(t.targetUserId, t.createdAt),
    index('moderation_actions_case_idx').on(t.caseId),
  ],
);

/** A person's appeal of an action on them: once per action, in their own words. */
export const moderationAppeals = pgTable('moderation_appeals', {
  id: uuid('id').primaryKey().defaultRandom(),
  actionId: uuid('action_id')
    .notNull()
    .unique()
    .references(() => moderationActions.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  words: text('words').notNull(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => moderationCases.id),
  createdAt: at('created_at').notNull(),
});

/**
 * The link mailed to a suspended or banned person, who cannot sign in, to appeal that one
 * decision: single-purpose, stored only as a hash, valid 30 days. One per action; mailing it
 * again replaces the one before.
 */
export const moderationAppealLinks = pgTable('moderation_appeal_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  actionId: uuid('action_id')
    .notNull()
    .unique()
    .references(() => moderationActions.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  /** When the appeal was sent with it: the link then only shows the decision. */
  usedAt: at('used_at'),
});

/** Mutes, suspensions and bans: in force from created_at until `until` (null: for good). */
export const moderationRestrictions = pgTable(
  'moderation_restrictions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<RestrictionKind>().notNull(),
    until: at('until'),
    actionId: uuid('action_id')
      .notNull()
      .references(() => moderationActions.id),
    createdAt: at('created_at').notNull(),
    liftedAt: at('lifted_at'),
    liftedBy: uuid('lifted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('moderation_restrictions_user_idx').on(t.userId).where(sql`${t.liftedAt} is null`)],
);

/** One member's report of a post or a profile: one per person per subject, weighted by trust. */
export const moderationReports = pgTable(
  'moderation_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    reason: text('reason').$type<ReportReason>().notNull(),
    weight: real('weight').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => moderationCases.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('moderation_reports_once_idx').on(t.reporterId, t.subjectKind, t.subjectId),
    index('moderation_reports_case_idx').on(t.caseId),
  ],
);

/**
 * Every moderator action and every staff view of private content. Append-only: a trigger
 * (hand-written in the migration) refuses UPDATE, DELETE and TRUNCATE. No foreign keys, so
 * deleting a person never has to change a row; detail holds ids and reasons, never words.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: at('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    subjectKind: text('subject_kind'),
    subjectId: uuid('subject_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_actor_idx').on(t.actorId, t.id),
    index('audit_log_subject_idx').on(t.subjectId, t.id),
  ],
);
