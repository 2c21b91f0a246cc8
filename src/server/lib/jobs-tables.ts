import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Jobs defined with `once: true` whose handler finished, by pg-boss job id: a job
 * run again after its completion was lost (the process died) is skipped, not redone.
 * Rows older than 14 days are pruned by the queue.
 */
export const jobDone = pgTable('job_done', {
  jobId: uuid('job_id').primaryKey(),
  name: text('name').notNull(),
  doneAt: timestamp('done_at', { withTimezone: true }).notNull().defaultNow(),
});
