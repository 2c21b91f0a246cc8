import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { BlockStrength } from '../../../contract/blocks-values';
import { users } from '../accounts/tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * One person's choice about one other person: mute, ignore or block, until a time (null: for
 * good). One row per pair: a new choice replaces the old one; a row past `until` counts as none.
 */
export const memberBlocks = pgTable(
  'member_blocks',
  {
    /** Who chose. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The person they keep away. */
    otherId: uuid('other_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    strength: text('strength').$type<BlockStrength>().notNull(),
    until: at('until'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.otherId] }),
    // "Who keeps this writer away?": asked on every reply, mention and reaction they make.
    index('member_blocks_other_idx').on(t.otherId, t.userId),
    // My list, newest first (keyset on created_at, other_id).
    index('member_blocks_list_idx').on(t.userId, t.createdAt, t.otherId),
    check('member_blocks_not_self', sql`${t.userId} <> ${t.otherId}`),
    check('member_blocks_strength', sql`${t.strength} in ('mute', 'ignore', 'block')`),
  ],
);
