import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../tests/support/app';
import { testDbKind } from '../../tests/support/db';
import {
  type ServerProcess,
  serverDatabase,
  serverEnv,
  spawnServer,
} from '../../tests/support/server-process';
import { CONDUCT_VERSION } from '../contract';
import { type Database, openDatabase, queryRows } from './db';
import { createJobQueue } from './lib/jobs';

// Issue 9, item 3: `npm run worker` works the queue in processes of its own. PGlite
// belongs to one process, so these run on PostgreSQL only.

// tsx as a loader in this one process, as the server is started: through tsx's CLI the worker
// would be its child, and killing the CLI left the worker running after the test.
const worker = ['--import', 'tsx', 'src/server/worker.ts'];
const server = ['--import', 'tsx', 'src/server/main.ts'];

const started: ServerProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const process of started) await process.kill();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freshDatabase(): Promise<{
  env: Record<string, string>;
  dataDir: string;
  database: Database;
}> {
  const made = await serverDatabase();
  const database = await openDatabase({
    dataDir: '',
    databaseUrl: made.env.DATABASE_URL,
    poolSize: 2,
  });
  cleanups.push(made.drop, () => database.close());
  return { env: made.env, dataDir: made.dataDir, database };
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const outbox = (database: Database) =>
  queryRows<{ to: string }>(database.db, sql`select "to" from mail_outbox`);

async function ready(process: ServerProcess) {
  await until('the worker to start', async () => {
    if (process.output().includes('worker is working jobs')) return true;
    if (process.child.exitCode !== null)
      throw new Error(`the worker stopped:\n${process.output()}`);
    return undefined;
  });
}

describe.skipIf(testDbKind() !== 'postgres')('npm run worker', () => {
  it('two workers share the queue and never run the same job twice', async () => {
    const { env, dataDir, database } = await freshDatabase();
    // Enqueue from here, as a server with JOBS=off would.
    const sender = createJobQueue({ db: database.db, work: false, log: console });
    sender.define('accounts-mail', { retryLimit: 8, retryDelaySeconds: 5 }, async () => {});
    await sender.start();
    const emails = Array.from({ length: 60 }, () => uniqueEmail('shared'));
    for (const email of emails) {
      await sender.transaction((_tx, enqueue) =>
        enqueue('accounts-mail', { kind: 'no-account', email }),
      );
    }
    await sender.stop();

    for (let i = 0; i < 2; i++) {
      const process = spawnServer(worker, serverEnv(dataDir, env));
      started.push(process);
    }
    await Promise.all(started.slice(-2).map(ready));
    await until('every mail', async () =>
      (await outbox(database)).length >= emails.length ? true : undefined,
    );
    // A little longer: a job worked twice would show as a second mail now.
    await new Promise((r) => setTimeout(r, 1_500));
    const sent = (await outbox(database)).map((m) => m.to);
    expect(sent).toHaveLength(emails.length);
    expect(new Set(sent)).toEqual(new Set(emails));
    const states = await queryRows<{ state: string; n: number }>(
      database.db,
      sql`select state, count(*)::int as n from pgboss.job group by state`,
    );
    expect(states).toEqual([{ state: 'completed', n: emails.length }]);
  }, 60_000);

  it('runs the jobs a server with JOBS=off only enqueued', async () => {
    const { env, dataDir, database } = await freshDatabase();
    const web = spawnServer(server, serverEnv(dataDir, { ...env, JOBS: 'off' }));
    started.push(web);
    const base = await web.listening();
    const email = uniqueEmail('later');
    const signUp = await fetch(`${base}/api/auth/sign-up`, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        displayName: 'Later Reader',
        role: 'survivor',
        isAdult: true,
        acceptConduct: true,
        conductVersion: CONDUCT_VERSION,
      }),
    });
    expect(signUp.status, await signUp.text()).toBe(202);
    const queued = () =>
      queryRows<{ state: string }>(
        database.db,
        sql`select state from pgboss.job where name = 'accounts-mail'`,
      );
    expect(await queued()).toEqual([{ state: 'created' }]);
    // The server polls nothing: well past a poll interval, the job still waits.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await queued()).toEqual([{ state: 'created' }]);
    expect(await outbox(database)).toEqual([]);

    const process = spawnServer(worker, serverEnv(dataDir, env));
    started.push(process);
    await ready(process);
    const [mail] = await until('the mail', async () => {
      const mails = await outbox(database);
      return mails.length > 0 ? mails : undefined;
    });
    expect(mail?.to).toBe(email);
  }, 60_000);
});
