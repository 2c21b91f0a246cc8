import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  makeMember,
  requestEmailLink,
  requestSignUp,
  startTestApp,
  type TestApp,
  testConfig,
  uniqueEmail,
} from '../../tests/support/app';
import { openTestDatabase, testDbKind } from '../../tests/support/db';
import { serverDatabase } from '../../tests/support/server-process';
import { startSilentListener, startTcpProxy, type TcpProxy } from '../../tests/support/tcp-proxy';
import { type App, buildApp } from './app';
import { type Database, type Db, migrationState, openDatabase } from './db';
import { t as translate } from './lib/i18n';

// Issue 7, item 9: Redis and PostgreSQL that stop answering, and readiness.

const signUp = (app: App, email = uniqueEmail('outage')) =>
  requestSignUp(app, { email, displayName: 'Outage Test' });

const emailLink = (app: App, email: string) => requestEmailLink(app, email);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = Date.now();
  const result = await work();
  return [result, Date.now() - started];
}

describe('Redis that accepts connections and never answers', () => {
  let silent: Awaited<ReturnType<typeof startSilentListener>>;
  let database: Database;
  let app: App | undefined;
  const lines: string[] = [];
  beforeAll(async () => {
    silent = await startSilentListener();
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await silent?.close();
  });

  it('does not keep the app from starting, and sign-in answers within a few seconds', async () => {
    const config = testConfig(
      { LOG_LEVEL: 'warn', REDIS_URL: `redis://127.0.0.1:${silent.port}` },
      'bt-redis-',
    );
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const [built, startMs] = await timed(async () => {
      const made = await buildApp(config, { database, logStream });
      await made.ready();
      return made;
    });
    app = built;
    expect(startMs).toBeLessThan(10_000);
    expect(lines.join('')).toContain('redis did not answer within 3 s');
    const email = uniqueEmail('stalled-start');
    const [first, signUpMs] = await timed(() => signUp(built, email));
    expect(first.statusCode).toBe(202);
    expect(signUpMs).toBeLessThan(4_000);
    const [link, linkMs] = await timed(() => emailLink(built, email));
    expect(link.statusCode).toBe(202);
    expect(linkMs).toBeLessThan(4_000);
  });
});

const redisUrl = process.env.REDIS_URL;

describe.runIf(redisUrl)('Redis that stalls while the server runs (needs REDIS_URL)', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  beforeAll(async () => {
    const target = new URL(redisUrl!);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
  });

  it('falls back to limits in memory: sign-up and email links answer within a few seconds', async () => {
    const email = uniqueEmail('stalled-later');
    expect((await signUp(t.app, email)).statusCode).toBe(202);
    proxy.mode('stall');
    const [again, signUpMs] = await timed(() => signUp(t.app));
    expect(again.statusCode).toBe(202);
    expect(signUpMs).toBeLessThan(5_000);
    const [link, linkMs] = await timed(() => emailLink(t.app, email));
    expect(link.statusCode).toBe(202);
    expect(linkMs).toBeLessThan(5_000);
  });
});

describe('/api/ready checks the migrations are applied', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is ready on a migrated database, and not when a migration is missing or none is recorded', async () => {
    const ready = await t.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');

    const { db } = t.app.ctx.database;
    await db.execute(
      sql.raw(
        'delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)',
      ),
    );
    const behind = await t.app.inject({ url: '/api/ready' });
    expect(behind.statusCode).toBe(503);
    expect(behind.headers['content-type']).toContain('application/problem+json');
    expect(behind.json().title).toBe(translate('problems.unavailable'));

    await db.execute(sql.raw('drop schema drizzle cascade'));
    expect((await t.app.inject({ url: '/api/ready' })).statusCode).toBe(503);
  });

  // A fresh PGlite takes long to make; on PGlite the dropped schema above is the empty case.
  it.runIf(testDbKind() === 'postgres')('calls an empty database not ready', async () => {
    const fresh = await serverDatabase();
    const pool = new pg.Pool({ connectionString: fresh.env.DATABASE_URL });
    try {
      const { drizzle } = await import('drizzle-orm/node-postgres');
      expect(await migrationState(drizzle(pool) as unknown as Db)).toBe('migrations-missing');
    } finally {
      await pool.end();
      await fresh.drop();
    }
  });
});

// A network in the way is only PostgreSQL's: PGlite runs in the process.
describe.runIf(testDbKind() === 'postgres')(
  'PostgreSQL that goes away or stalls while the server runs',
  () => {
    let proxy: TcpProxy;
    let fresh: Awaited<ReturnType<typeof serverDatabase>>;
    let database: Database;
    let app: App;
    let cookie: string;

    beforeAll(async () => {
      fresh = await serverDatabase();
      const direct = new URL(fresh.env.DATABASE_URL!);
      proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
      const proxied = new URL(direct);
      proxied.hostname = '127.0.0.1';
      proxied.port = String(proxy.port);
      database = await openDatabase({
        databaseUrl: proxied.toString(),
        dataDir: '',
        poolSize: 4,
        timeoutMs: 1_000,
      });
      const config = testConfig({}, 'bt-outage-');
      app = await buildApp(config, { database });
      await app.ready();
      cookie = (await makeMember({ app, advanceClock: () => {}, close: async () => {} })).cookie;
    });
    afterEach(() => proxy?.mode('forward'));
    afterAll(async () => {
      await app?.close();
      proxy?.mode('forward');
      await database?.close();
      await proxy?.close();
      await fresh?.drop();
    });

    const calls = () => [
      app.inject({ url: '/api/help?country=GB' }),
      app.inject({ url: '/api/me', headers: { cookie } }),
      signUp(app),
    ];

    async function expectAnswered() {
      for (let i = 0; i < 20; i++) {
        const statuses = (await Promise.all(calls())).map((r) => r.statusCode);
        if (statuses.every((s) => s < 300)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the app did not recover once PostgreSQL was back');
    }

    function expectUnavailable(response: Awaited<ReturnType<App['inject']>>) {
      expect(response.statusCode, response.body).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.headers['retry-after']).toMatch(/^\d+$/);
      expect(response.json().title).toBe(translate('problems.unavailable'));
    }

    it('answers 503 with Retry-After while PostgreSQL is gone, and recovers', async () => {
      await expectAnswered();
      proxy.mode('drop');
      for (const response of await Promise.all(calls())) expectUnavailable(response);
      proxy.mode('forward');
      await expectAnswered();
    });

    it('gives up on a stalled network within the query timeout, with a 503', async () => {
      await expectAnswered();
      proxy.mode('stall');
      const [responses, ms] = await timed(() => Promise.all(calls()));
      for (const response of responses) expectUnavailable(response);
      expect(ms).toBeLessThan(8_000);
      proxy.mode('forward');
      await expectAnswered();
    });
  },
);
