import { FailedJobsResponse } from '../../contract/jobs';
import type { AppContext } from '../context';
import { type Api, problemResponses } from './api';

/** What admins see of the job queue: the jobs that failed every try. */
export function jobsRoutes(api: Api, { jobs }: Pick<AppContext, 'jobs'>) {
  api.get(
    '/admin/jobs/failed',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin'],
        summary: 'Jobs that failed every try, newest first',
        response: { 200: FailedJobsResponse, ...problemResponses },
      },
    },
    async () => ({
      jobs: (await jobs.failed(100)).map((job) => ({
        ...job,
        createdAt: job.createdAt.toISOString(),
        failedAt: job.failedAt?.toISOString() ?? null,
      })),
    }),
  );
}
