import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PostKind, ReactionKind, RemovalReason, TipTheme } from '../../../contract/forum';
import { users } from '../accounts/tables';

/** A PostgreSQL text-search configuration name, such as 'english'. */
const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const at = (name: string) => timestamp(name, { withTimezone: true });

/** Why a post is held for a moderator before others may see it. */
export type HeldReason = 'screening' | 'review' | 'reports';

export const forumCategories = pgTable('forum_categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  tipTheme: text('tip_theme').$type<TipTheme>(),
  sortOrder: integer('sort_order').notNull().default(100),
  /** Kept in step with its topics in the same transaction, so lists need no count. */
  topicCount: integer('topic_count').notNull().default(0),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const forumTopics = pgTable(
  'forum_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null only for a topic on a group's board (see the check below). */
    categoryId: uuid('category_id').references(() => forumCategories.id),
    /** A group's private board; the groups module owns who may see it. */
    groupId: uuid('group_id'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    clientKey: uuid('client_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    bodyText: text('body_text').notNull(),
    language: regconfig('language').notNull().default('english'),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector(language, title), 'A') || setweight(to_tsvector(language, body_text), 'B')`,
      ),
    tipTheme: text('tip_theme').$type<TipTheme>(),
    replyCount: integer('reply_count').notNull().default(0),
    helpfulCount: integer('helpful_count').notNull().default(0),
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
    createdAt: at('created_at').notNull().defaultNow(),
    editedAt: at('edited_at'),
    deletedAt: at('deleted_at'),
    /**
     * Held for a moderator (screening found a plan, a time or a place; a new member's first
     * post; enough reports): only its author and moderators see it until one decides.
     */
    heldAt: at('held_at'),
    heldReason: text('held_reason').$type<HeldReason>(),
  },
  (t) => [
    index('forum_topics_category_activity_idx')
      .on(t.categoryId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.groupId} is null and ${t.deletedAt} is null`),
    index('forum_topics_group_activity_idx')
      .on(t.groupId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.groupId} is not null and ${t.deletedAt} is null`),
    index('forum_topics_search_idx').using('gin', t.search),
    index('forum_topics_tips_idx')
      .on(t.tipTheme, t.helpfulCount.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.helpfulCount} > 0 and ${t.groupId} is null and ${t.deletedAt} is null`),
    uniqueIndex('forum_topics_author_client_key').on(t.authorId, t.clientKey),
    check(
      'forum_topics_in_category_or_group',
      sql`${t.categoryId} is not null or ${t.groupId} is not null`,
    ),
  ],
);

export const forumReplies = pgTable(
  'forum_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    /** Copied from the topic, so searches and tips can leave private boards out. */
    groupId: uuid('group_id'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    clientKey: uuid('client_key').notNull(),
    body: text('body').notNull(),
    bodyHtml: text('body_html').notNull(),
    bodyText: text('body_text').notNull(),
    language: regconfig('language').notNull().default('english'),
    search: tsvector('search').notNull().generatedAlwaysAs(sql`to_tsvector(language, body_text)`),
    tipTheme: text('tip_theme').$type<TipTheme>(),
    helpfulCount: integer('helpful_count').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
    editedAt: at('edited_at'),
    deletedAt: at('deleted_at'),
    /** As a topic's: only its author and moderators see a held reply until one decides. */
    heldAt: at('held_at'),
    heldReason: text('held_reason').$type<HeldReason>(),
  },
  (t) => [
    index('forum_replies_topic_idx').on(t.topicId, t.createdAt, t.id),
    index('forum_replies_search_idx').using('gin', t.search),
    index('forum_replies_tips_idx')
      .on(t.tipTheme, t.helpfulCount.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.helpfulCount} > 0 and ${t.groupId} is null and ${t.deletedAt} is null`),
    uniqueIndex('forum_replies_author_client_key').on(t.authorId, t.clientKey),
  ],
);

/** Every earlier version of an edited post, for moderators. */
export const forumRevisions = pgTable(
  'forum_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id').notNull(),
    postKind: text('post_kind').$type<PostKind>().notNull(),
    editorId: uuid('editor_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title'),
    body: text('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('forum_revisions_post_idx').on(t.postId, t.createdAt)],
);

export const forumReactions = pgTable(
  'forum_reactions',
  {
    postId: uuid('post_id').notNull(),
    postKind: text('post_kind').$type<PostKind>().notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ReactionKind>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.kind, t.userId] })],
);

export const forumHelpful = pgTable(
  'forum_helpful',
  {
    postId: uuid('post_id').notNull(),
    postKind: text('post_kind').$type<PostKind>().notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);

export const forumBookmarks = pgTable(
  'forum_bookmarks',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.topicId] }),
    index('forum_bookmarks_user_idx').on(t.userId, t.createdAt),
  ],
);

export const forumTopicReads = pgTable(
  'forum_topic_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    lastReadAt: at('last_read_at').notNull(),
    /** The newest post this person has been shown here, for counting posts read once each. */
    seenThrough: at('seen_through'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] })],
);

/**
 * How much a person has read, for their trust level (SAFETY.md: earned by reading over days):
 * posts they were shown that were new to them, and time between the pages they read.
 */
export const forumReading = pgTable('forum_reading', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  postsRead: integer('posts_read').notNull().default(0),
  secondsReading: integer('seconds_reading').notNull().default(0),
  lastViewAt: at('last_view_at').notNull(),
});

/** When a person last looked at a category, for "new since your last visit". */
export const forumCategoryVisits = pgTable(
  'forum_category_visits',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => forumCategories.id, { onDelete: 'cascade' }),
    previousVisitAt: at('previous_visit_at'),
    lastVisitAt: at('last_visit_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.categoryId] })],
);

/** Words not yet posted: kept on the server so they survive anything (ACCESSIBILITY.md A8). */
export const forumDrafts = pgTable(
  'forum_drafts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export const forumImages = pgTable('forum_images', {
  id: uuid('id').primaryKey().defaultRandom(),
  uploaderId: uuid('uploader_id').references(() => users.id, { onDelete: 'set null' }),
  storageKey: text('storage_key').notNull(),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: integer('bytes').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/**
 * Which posts show a picture. Until a post uses it, a picture is its uploader's alone;
 * from then on it is seen by exactly those who may see a live post that uses it.
 */
export const forumImageUses = pgTable(
  'forum_image_uses',
  {
    imageId: uuid('image_id')
      .notNull()
      .references(() => forumImages.id, { onDelete: 'cascade' }),
    postKind: text('post_kind').$type<PostKind>().notNull(),
    postId: uuid('post_id').notNull(),
    /** The topic the post belongs to (itself for a topic): its board and whether it was removed. */
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.imageId, t.postKind, t.postId] }),
    index('forum_image_uses_post_idx').on(t.postId),
  ],
);

/**
 * Words people used in posts every member may read (never a group's board), for
 * "Did you mean …". Filled by database triggers on forum_topics and forum_replies
 * (migration 0007), so every writer (the app, the seeds, a bulk load) keeps it in step.
 * A word stays after its post goes: a suggestion is only offered when it finds a live post.
 */
export const forumSearchWords = pgTable(
  'forum_search_words',
  { word: text('word').primaryKey() },
  (t) => [index('forum_search_words_trgm_idx').using('gist', sql`${t.word} gist_trgm_ops`)],
);

/**
 * A moderator's removal of someone's post: who, when and why, kept for review. Restoring
 * fills restored_*; a post has at most one removal that has not been undone.
 */
export const forumRemovals = pgTable(
  'forum_removals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postKind: text('post_kind').$type<PostKind>().notNull(),
    postId: uuid('post_id').notNull(),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => forumTopics.id, { onDelete: 'cascade' }),
    removedBy: uuid('removed_by').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').$type<RemovalReason>().notNull(),
    note: text('note'),
    removedAt: at('removed_at').notNull().defaultNow(),
    restoredBy: uuid('restored_by').references(() => users.id, { onDelete: 'set null' }),
    restoredAt: at('restored_at'),
  },
  (t) => [
    index('forum_removals_post_idx').on(t.postId, t.removedAt),
    uniqueIndex('forum_removals_one_open_idx')
      .on(t.postKind, t.postId)
      .where(sql`${t.restoredAt} is null`),
  ],
);
