import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PhraseMatch, ScreeningTier, WatchedAction } from '../../../contract/safety';
import { users } from '../accounts/tables';

/**
 * The screening's phrase lists, one per language: data an administrator keeps (SAFETY.md).
 * The English list is seeded on first start (phrases.data.ts) and never overwritten.
 */
export const safetyPhrases = pgTable(
  'safety_phrases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** "en", or with a region, "en-US". */
    language: text('language').notNull(),
    /** Lower case, single spaces: as the engine reads it. */
    text: text('text').notNull(),
    tier: text('tier').$type<ScreeningTier>().notNull(),
    match: text('match').$type<PhraseMatch>().notNull(),
    /** Why it is there, for the next administrator. */
    note: text('note'),
    /** Null for the seeded list; kept when that person's account goes (audit, SAFETY.md). */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The same words twice in one list, matched the same way, would be one entry.
    uniqueIndex('safety_phrases_entry_idx').on(t.language, t.match, t.text),
    index('safety_phrases_language_idx').on(t.language, t.tier),
  ],
);

/**
 * Watched words, per language: words an administrator wants blocked, held for a moderator,
 * flagged or hidden wherever people post (issue 11 part 7). The list starts empty.
 */
export const safetyWatchedWords = pgTable(
  'safety_watched_words',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** "en", or with a region, "en-US". */
    language: text('language').notNull(),
    /** As the administrator wrote it, single spaces; a `*` at the end matches any ending. */
    words: text('words').notNull(),
    /** The words made plain (lower case, no accents): two entries may not share it. */
    key: text('key').notNull(),
    action: text('action').$type<WatchedAction>().notNull(),
    /** Why it is there, for the next administrator. */
    note: text('note'),
    /** Null for the demo's examples; kept when that person's account goes (audit, SAFETY.md). */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One entry per plain form in a language; it also serves the list of one language.
  (t) => [uniqueIndex('safety_watched_words_entry_idx').on(t.language, t.key)],
);
