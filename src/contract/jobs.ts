import { z } from 'zod';

/** A job that failed every try and is kept for an admin to look at. */
export const FailedJob = z.object({
  id: z.string(),
  /** The queue, e.g. accounts-mail. */
  name: z.string(),
  retryCount: z.number().int(),
  createdAt: z.string(),
  failedAt: z.string().nullable(),
  /** The message the last try ended with (no data, no stack). */
  error: z.string(),
});
export type FailedJob = z.infer<typeof FailedJob>;

export const FailedJobsResponse = z.object({ jobs: z.array(FailedJob) });
export type FailedJobsResponse = z.infer<typeof FailedJobsResponse>;
