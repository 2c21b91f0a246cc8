import { eq, lt, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Db, Tx } from '../db';
import { jobDone } from './jobs-tables';

/**
 * Every job the app knows, by queue name, with the data it carries. Modules add
 * their own by augmenting this interface next to their handler, so `send` and
 * `define` are checked against one list.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface JobTypes {}

export type JobName = keyof JobTypes & string;

export interface JobInfo {
  id: string;
  /** 0 on the first try. */
  retryCount: number;
}

export type JobHandler<N extends JobName> = (data: JobTypes[N], job: JobInfo) => Promise<void>;

export interface JobDefinition {
  /** Tries after the first, each later than the one before (pg-boss backoff). */
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) for each one after. */
  retryDelaySeconds: number;
  /**
   * Runs the handler to the end at most once per job: a job run again because its
   * completion was lost (the process died) is skipped. For handlers with side effects
   * outside the database, such as mail.
   */
  once?: boolean;
}

export interface FailedJob {
  id: string;
  name: string;
  retryCount: number;
  createdAt: Date;
  failedAt: Date | null;
  /** The error message the last try ended with. */
  error: string;
}

interface Logger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A function that adds a job inside the transaction it was handed with. */
export type Enqueue = <N extends JobName>(name: N, data: JobTypes[N]) => Promise<void>;

export interface JobQueue {
  /** This process works jobs (the server with JOBS=inline, or `npm run worker`). */
  readonly works: boolean;
  /** Says what a job does when it runs; call before start. */
  define<N extends JobName>(name: N, definition: JobDefinition, handler: JobHandler<N>): void;
  /**
   * Runs `task` every `everyMs` in a working process (sweeps that hand due work to the
   * queue); never in a process that only enqueues. Call before start. A run that throws is
   * logged and the next one runs on time.
   */
  every(name: string, everyMs: number, task: () => Promise<unknown>): void;
  /** Creates pgboss' schema and queues; in a working process starts working them too. */
  start(): Promise<void>;
  /** Stops taking jobs, lets those running finish, then lets go of the database. */
  stop(): Promise<void>;
  /**
   * Runs `work` in one transaction of `db`. The jobs it enqueues are written in that
   * transaction, so they exist exactly when the change committed; after commit they
   * are started at once where this process works, not at the next poll.
   */
  transaction<T>(work: (tx: Tx, enqueue: Enqueue) => Promise<T>): Promise<T>;
  /** Works every job that is due now, and resolves when none is left (tests; working only). */
  drain(): Promise<void>;
  /**
   * Runs every periodic task once, now, and resolves when they are done (the development
   * clock, after it moves; working only).
   */
  runPeriodic(): Promise<void>;
  /** Jobs that failed every try, newest first: they are kept for an admin to look at. */
  failed(limit?: number): Promise<FailedJob[]>;
}

interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec?(text: string): Promise<{ rows: unknown[] }[]>;
}

/**
 * pg-boss' `db` option over a node-postgres pool or client, or PGlite. PGlite's
 * `query` takes one statement, and pg-boss sends several at once without
 * parameters (creating its schema, maintenance): those go through `exec`.
 */
function bossDb(client: SqlClient): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (client.exec && (!values || values.length === 0)) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query(text, values);
      // node-postgres answers several statements with one result each.
      return Array.isArray(result) ? { rows: result.at(-1)?.rows ?? [] } : result;
    },
  };
}

/** The driver client under a Drizzle database or transaction (node-postgres or PGlite). */
function driverClient(db: Db | Tx): SqlClient {
  const handle = db as unknown as { $client?: SqlClient; session?: { client?: SqlClient } };
  // A transaction's session holds the one connection (or PGlite transaction) it runs on.
  const client = handle.session?.client ?? handle.$client;
  if (!client || typeof client.query !== 'function') {
    throw new Error('jobs: cannot reach the database driver under this Drizzle handle');
  }
  return client;
}

const SCHEMA = 'pgboss';
const BATCH_SIZE = 5;
// pg-boss keeps a job that waits to be retried for up to 14 days (its retention).
const DONE_KEPT = sql`interval '14 days'`;
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;

export interface JobQueueOptions {
  db: Db;
  /** Work jobs here; false where the process only enqueues. */
  work: boolean;
  log: Logger;
  /** How often a working process looks for jobs others sent or that are due again. */
  pollMs?: number;
}

/** The PostgreSQL-backed job queue (pg-boss 10), on PostgreSQL and embedded PGlite alike. */
export function createJobQueue({ db, work, log, pollMs = 1_000 }: JobQueueOptions): JobQueue {
  const boss = new PgBoss({
    db: bossDb(driverClient(db)),
    schema: SCHEMA,
    // No cron here; maintenance (expiring stuck jobs, archiving) only where jobs run.
    schedule: false,
    supervise: work,
    migrate: true,
  });
  boss.on('error', (err) => log.warn({ err }, 'job queue error'));

  const definitions = new Map<
    string,
    { definition: JobDefinition; handler: (data: unknown, job: JobInfo) => Promise<void> }
  >();
  const draining = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let poller: NodeJS.Timeout | undefined;
  let pruner: NodeJS.Timeout | undefined;
  const periodic: { name: string; everyMs: number; task: () => Promise<unknown> }[] = [];
  const timers: NodeJS.Timeout[] = [];
  const periodicRuns = new Set<Promise<unknown>>();
  let started = false;
  let stopping = false;

  async function doneBefore(jobId: string): Promise<boolean> {
    const rows = await db
      .select({ jobId: jobDone.jobId })
      .from(jobDone)
      .where(eq(jobDone.jobId, jobId))
      .limit(1);
    return rows.length > 0;
  }

  /** Forgets finished `once` jobs pg-boss can no longer run again. */
  async function pruneDone() {
    await db
      .delete(jobDone)
      .where(lt(jobDone.doneAt, sql`now() - ${DONE_KEPT}`))
      .catch((err) => log.warn({ err }, 'could not prune finished jobs'));
  }

  async function runBatch(name: string): Promise<number> {
    const entry = definitions.get(name);
    if (!entry) return 0;
    const jobs = await boss.fetch<unknown>(name, { batchSize: BATCH_SIZE, includeMetadata: true });
    await Promise.all(
      jobs.map(async (job) => {
        try {
          const once = entry.definition.once === true;
          if (!(once && (await doneBefore(job.id)))) {
            await entry.handler(job.data, { id: job.id, retryCount: job.retryCount });
            // Written before complete(), on its own: if complete() is lost, the next run skips.
            if (once) {
              await db.insert(jobDone).values({ jobId: job.id, name }).onConflictDoNothing();
            }
          }
          await boss.complete(name, job.id);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          log.warn({ err, job: { id: job.id, name, retryCount: job.retryCount } }, 'job failed');
          // Only the message is kept with the job: no stack, no data.
          await boss
            .fail(name, job.id, { message })
            .catch((failErr) => log.error({ err: failErr }, 'could not record a failed job'));
        }
      }),
    );
    return jobs.length;
  }

  /** Works one queue until it is empty; a nudge while it runs makes it look once more. */
  function drainQueue(name: string): Promise<void> {
    const running = draining.get(name);
    if (running) {
      again.add(name);
      return running;
    }
    const run = (async () => {
      try {
        do {
          again.delete(name);
          while (!stopping && (await runBatch(name)) > 0) {}
        } while (!stopping && again.has(name));
      } catch (err) {
        log.warn({ err, queue: name }, 'working the job queue failed');
      } finally {
        draining.delete(name);
      }
    })();
    draining.set(name, run);
    return run;
  }

  const nudge = (names: Iterable<string>) => {
    if (!work || !started || stopping) return;
    for (const name of names) void drainQueue(name);
  };

  return {
    works: work,

    define(name, definition, handler) {
      if (started) throw new Error(`jobs: define ${name} before start`);
      definitions.set(name, {
        definition,
        handler: handler as (data: unknown, job: JobInfo) => Promise<void>,
      });
    },

    every(name, everyMs, task) {
      if (started) throw new Error(`jobs: every ${name} before start`);
      periodic.push({ name, everyMs, task });
    },

    async start() {
      await boss.start();
      for (const [name, { definition }] of definitions) {
        const queue = {
          name,
          retryLimit: definition.retryLimit,
          retryDelay: definition.retryDelaySeconds,
          retryBackoff: true,
        };
        // Several processes may start at once. Two creating the same queue can deadlock (one
        // is rolled back before the other commits): the loser waits and looks again.
        for (let attempt = 1; ; attempt++) {
          try {
            if (!(await boss.getQueue(name))) await boss.createQueue(name, queue);
            else await boss.updateQueue(name, queue);
            break;
          } catch (err) {
            if (attempt >= 5) throw err;
            await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 50));
          }
        }
      }
      // Finished `once` jobs are forgotten where jobs run: now, then every few hours.
      if (work) await pruneDone();
      started = true;
      if (work) {
        poller = setInterval(() => nudge(definitions.keys()), pollMs);
        poller.unref();
        pruner = setInterval(() => void pruneDone(), PRUNE_EVERY_MS);
        pruner.unref();
        nudge(definitions.keys());
        for (const { name, everyMs, task } of periodic) {
          const run = () => {
            if (stopping) return;
            const running = task()
              .catch((err) => log.warn({ err, task: name }, 'a periodic task failed'))
              .finally(() => periodicRuns.delete(running));
            periodicRuns.add(running);
          };
          const timer = setInterval(run, everyMs);
          timer.unref();
          timers.push(timer);
        }
      }
    },

    async stop() {
      stopping = true;
      clearInterval(poller);
      clearInterval(pruner);
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.all([...periodicRuns]);
      await Promise.all(draining.values());
      if (started) await boss.stop({ graceful: true, close: false, wait: true, timeout: 1_000 });
      started = false;
    },

    async transaction(work) {
      const touched = new Set<string>();
      const result = await db.transaction(async (tx) => {
        const txDb = bossDb(driverClient(tx));
        const enqueue: Enqueue = async (name, data) => {
          if (!definitions.has(name)) throw new Error(`jobs: no job named ${name}`);
          await boss.send(name, data as object, { db: txDb });
          touched.add(name);
        };
        return work(tx, enqueue);
      });
      nudge(touched);
      return result;
    },

    async drain() {
      if (!work || !started) return;
      // Twice over: a job may enqueue another as it runs.
      for (let round = 0; round < 2; round++) {
        await Promise.all([...definitions.keys()].map((name) => drainQueue(name)));
      }
    },

    async runPeriodic() {
      if (!work || !started || stopping) return;
      for (const { name, task } of periodic) {
        await task().catch((err) => log.warn({ err, task: name }, 'a periodic task failed'));
      }
    },

    async failed(limit = 50) {
      const { rows } = await bossDb(driverClient(db)).executeSql(
        `select id, name, retry_count, created_on, completed_on, output
           from ${SCHEMA}.job where state = 'failed'
         union all
         select id, name, retry_count, created_on, completed_on, output
           from ${SCHEMA}.archive where state = 'failed'
         order by completed_on desc nulls last
         limit $1`,
        [limit],
      );
      return (rows as FailedRow[]).map((row) => ({
        id: row.id,
        name: row.name,
        retryCount: row.retry_count,
        createdAt: new Date(row.created_on),
        failedAt: row.completed_on ? new Date(row.completed_on) : null,
        error: typeof row.output?.message === 'string' ? row.output.message : '',
      }));
    },
  };
}

interface FailedRow {
  id: string;
  name: string;
  retry_count: number;
  created_on: string | Date;
  completed_on: string | Date | null;
  output: { message?: unknown } | null;
}
