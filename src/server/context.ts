// The types routes and hooks need, apart from app.ts: what assembles the app is
// imported by nothing it assembles.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Database } from './db';
import type { DevClock } from './lib/dev-clock';
import type { JobQueue } from './lib/jobs';
import type { Mailer } from './lib/mail/mailer';
import type { RateLimits } from './lib/rate-limit';
import type { Services } from './services';

export type { Api } from './lib/api';

/** The app's services and settings, built once in buildApp and handed to every route. */
export interface AppContext extends Services {
  config: Config;
  database: Database;
  mailer: Mailer;
  limits: RateLimits;
  jobs: JobQueue;
  /** Outside production: the clock the services go by, which can be moved forward. */
  devClock?: DevClock | undefined;
}

export type App = FastifyInstance;

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's services and settings, built once in buildApp. */
    ctx: AppContext;
  }
}
