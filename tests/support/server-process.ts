import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteExtensions } from '../../src/server/db';
import { testDbKind } from './db';
import { preparedPglite } from './global-setup';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** A real server process: its output so far, and how it ended. */
export interface ServerProcess {
  child: ChildProcess;
  /** stdout and stderr together, as written. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the base URL once the server says it listens (PORT=0 picks a free port). */
  listening(timeoutMs?: number): Promise<string>;
  /** Kills it if it still runs, and waits for it to end. */
  kill(): Promise<void>;
}

/** Starts `node <args>` in the repository with only the environment given (plus PATH and HOME). */
export function spawnServer(args: string[], env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    text += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  return {
    child,
    output: () => text,
    exited,
    async listening(timeoutMs = 30_000) {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
        if (match?.[1]) return match[1];
        if (ended) throw new Error(`the server stopped before listening:\n${text}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the server did not listen within ${timeoutMs} ms:\n${text}`);
    },
    async kill() {
      if (!ended) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The environment every server process here needs: its own data dir, a free port, logs on. */
export function serverEnv(dataDir: string, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SEED_DEMO: 'never',
    ...extra,
  };
}

/**
 * A database for one server process, already migrated where that is quick: a
 * copy of the prepared PGlite in the data dir, or a fresh PostgreSQL database.
 */
export async function serverDatabase(): Promise<{
  dataDir: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bt-server-'));
  if (testDbKind() === 'pglite') {
    const client = await PGlite.create(join(dataDir, 'pglite'), {
      loadDataDir: new Blob([readFileSync(preparedPglite)]),
      extensions: pgliteExtensions,
    });
    await client.close();
    return {
      dataDir,
      env: {},
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DB=postgres needs DATABASE_URL');
  const name = `bt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
