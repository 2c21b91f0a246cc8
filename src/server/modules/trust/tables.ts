import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables';

/**
 * Trust levels a moderator set by hand and locked: the scheduled recount leaves these people
 * alone until the lock is taken off. The level itself is `users.trust_level`.
 */
export const trustLocks = pgTable('trust_locks', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lockedBy: uuid('locked_by').references(() => users.id, { onDelete: 'set null' }),
  lockedAt: timestamp('locked_at', { withTimezone: true }).notNull(),
});
