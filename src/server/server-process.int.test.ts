import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../../tests/support/app';
import { testDbKind } from '../../tests/support/db';
import { startSmtpServer } from '../../tests/support/mail';
import {
  repoRoot,
  type ServerProcess,
  serverDatabase,
  serverEnv,
  spawnServer,
} from '../../tests/support/server-process';
import { openDatabase } from './db';
import { createJobQueue } from './lib/jobs';

// Issue 7, items 9 and 13: the real server process, as an operator starts and stops it.

const started: ServerProcess[] = [];
const databases: Awaited<ReturnType<typeof serverDatabase>>[] = [];
afterAll(async () => {
  for (const server of started) await server.kill();
  for (const database of databases) await database.drop();
});

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

const fromSources = ['--import', 'tsx', 'src/server/main.ts'];

describe('PostgreSQL down at start', () => {
  it('says so in plain lines, tries again for a bounded time, then exits 1', async () => {
    const port = await closedPort();
    const dataDir = mkdtempSync(join(tmpdir(), 'bt-nodb-'));
    const server = spawnServer(
      fromSources,
      serverEnv(dataDir, {
        DATABASE_URL: `postgres://postgres:secret-password@127.0.0.1:${port}/bt`,
        DATABASE_START_WAIT_MS: '2500',
      }),
    );
    started.push(server);
    const { code } = await server.exited;
    const output = server.output();
    expect(code).toBe(1);
    expect(output).toContain(
      `Cannot reach the database at 127.0.0.1:${port} (ECONNREFUSED). Trying again in 0.5 s.`,
    );
    expect(output).toContain(`Trying again in 1 s.`);
    expect(output).toMatch(
      new RegExp(
        `Cannot reach the database at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\); gave up after \\d+ s\\. Check DATABASE_URL and that PostgreSQL is running\\.\\n$`,
      ),
    );
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/unhandled|ERR_UNHANDLED_REJECTION/i);
    expect(output).not.toContain('secret-password');
  });
});

describe('stopping under load', () => {
  it('finishes the requests in flight, answers none with a 500, then closes the pool', async () => {
    const database = await serverDatabase();
    databases.push(database);
    const server = spawnServer(fromSources, serverEnv(database.dataDir, database.env));
    started.push(server);
    const base = await server.listening();

    const inFlight = Array.from({ length: 120 }, (_, i) =>
      fetch(`${base}${i % 2 ? '/api/help?country=GB' : '/api/ready'}`).then(
        async (response) => ({ status: response.status, body: await response.text() }),
        (error: Error) => ({ status: 0, body: String(error.cause ?? error) }),
      ),
    );
    // Stop once the server has started on a few of them, while the rest are under way.
    while ((server.output().match(/incoming request/g) ?? []).length < 10) {
      await new Promise((r) => setTimeout(r, 5));
    }
    server.child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    const { code } = await server.exited;

    const statuses = answers.map((a) => a.status);
    // Begun before the stop: answered 200. After: 503, or the connection closed unread
    // (a reset, which a client or load balancer may safely try again). Never a 500.
    expect(statuses.filter((s) => s !== 200 && s !== 503 && s !== 0)).toEqual([]);
    const begun = (server.output().match(/incoming request/g) ?? []).length;
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(begun);
    expect(begun).toBeGreaterThanOrEqual(10);
    expect(server.output()).not.toContain('Cannot use a pool after calling end on the pool');
    expect(
      server
        .output()
        .split('\n')
        .filter((l) => l.includes('"level":50')),
    ).toEqual([]);
    expect(code).toBe(0);
  });
});

/** Builds dist/server once for the tests below: what `npm start` and `npm run worker` run in production. */
let built: Promise<unknown> | undefined;
function buildServerOnce() {
  // The build (esbuild) takes well under a few seconds.
  built ??= promisify(execFile)(process.execPath, ['scripts/build-server.mjs'], { cwd: repoRoot });
  return built;
}

/** Node options that record every module the process resolves, and a way to read them. */
function recordResolvedModules(): { args: string[]; urls(): string[] } {
  const hooks = mkdtempSync(join(tmpdir(), 'bt-hooks-'));
  const resolved = join(hooks, 'resolved.txt');
  writeFileSync(resolved, '');
  writeFileSync(
    join(hooks, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}
`,
  );
  writeFileSync(
    join(hooks, 'register.mjs'),
    `import { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url), { data: { log: ${JSON.stringify(resolved)} } });
`,
  );
  return {
    args: ['--import', join(hooks, 'register.mjs')],
    urls: () => readFileSync(resolved, 'utf8').split('\n').filter(Boolean),
  };
}

/** Nothing from tsx, no TypeScript, nothing from our src/ (packages may have a src/ of their own). */
function fromSourcesIn(urls: string[]): string[] {
  const ours = `${pathToFileURL(repoRoot).href}/src/`;
  return urls.filter((u) => /\/node_modules\/tsx\/|\.tsx?$/.test(u) || u.startsWith(ours));
}

const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'production-test-secret-0123456789abcdef',
  PUBLIC_URL: 'https://beenthere.example',
};

describe('the production build', () => {
  it('runs dist/server/main.js without tsx and is ready', async () => {
    await buildServerOnce();
    const recorder = recordResolvedModules();
    const database = await serverDatabase();
    databases.push(database);
    const server = spawnServer(
      [...recorder.args, 'dist/server/main.js'],
      serverEnv(database.dataDir, {
        ...database.env,
        ...production,
        SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
      }),
    );
    started.push(server);
    const base = await server.listening();

    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).status).toBe('ready');
    // No dev tools in production: the outbox is not there even for this machine.
    expect((await fetch(`${base}/api/dev/outbox`)).status).toBe(404);

    const urls = recorder.urls();
    expect(urls.some((u) => u.endsWith('/dist/server/main.js'))).toBe(true);
    expect(fromSourcesIn(urls)).toEqual([]);
    expect(server.output()).not.toContain('tsx');
  });

  it('runs dist/server/worker.js without tsx: it works jobs on PostgreSQL, and refuses PGlite', async () => {
    await buildServerOnce();
    const recorder = recordResolvedModules();
    const database = await serverDatabase();
    databases.push(database);
    const smtp = await startSmtpServer();
    const worker = spawnServer(
      [...recorder.args, 'dist/server/worker.js'],
      serverEnv(database.dataDir, { ...database.env, ...production, SMTP_URL: smtp.url }),
    );
    started.push(worker);
    try {
      if (testDbKind() === 'pglite') {
        // Embedded PGlite belongs to the server process: the worker says so and stops.
        expect((await worker.exited).code).toBe(1);
        expect(worker.output()).toContain('npm run worker needs DATABASE_URL');
      } else {
        const deadline = Date.now() + 30_000;
        while (!worker.output().includes('worker is working jobs')) {
          if (worker.child.exitCode !== null || Date.now() > deadline) {
            throw new Error(`the worker did not start:\n${worker.output()}`);
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        // Enqueue as a server with JOBS=off would; the built worker sends the mail.
        const db = await openDatabase({
          dataDir: '',
          databaseUrl: database.env.DATABASE_URL,
          poolSize: 1,
        });
        const sender = createJobQueue({ db: db.db, work: false, log: console });
        sender.define('accounts-mail', { retryLimit: 0, retryDelaySeconds: 1 }, async () => {});
        try {
          await sender.start();
          const email = uniqueEmail('built-worker');
          await sender.transaction((_tx, enqueue) =>
            enqueue('accounts-mail', { kind: 'no-account', email }),
          );
          expect((await smtp.mailTo(email)).to).toEqual([email]);
        } finally {
          await sender.stop();
          await db.close();
        }
      }
      const urls = recorder.urls();
      expect(urls.some((u) => u.endsWith('/dist/server/worker.js'))).toBe(true);
      expect(fromSourcesIn(urls)).toEqual([]);
    } finally {
      await worker.kill();
      await smtp.close();
    }
  });
});
