import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { DatabaseStartError, isDatabaseUnavailable } from './failures';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** 'ready' when it answers and every migration in the journal is applied. */
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

export type Readiness = 'ready' | 'unreachable' | 'migrations-missing';

/** Runs a raw SQL query and gives its rows; both drivers answer with { rows }. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The nearest folder up from here that holds migrations/, so the path is the
 * same from src/server/db (tsx) and from the one built file in dist/server.
 */
function findMigrationsFolder(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(candidate, 'meta/_journal.json'))) return candidate;
    if (dirname(dir) === dir) return join(from, '../../../migrations');
  }
}

export const migrationsFolder = findMigrationsFolder(import.meta.dirname);

/** When each migration in the journal was made: drizzle records it as created_at. */
function journalMillis(): number[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
  return (journal.entries as { when: number }[]).map((entry) => entry.when);
}

/** Checks the migrations this code expects are recorded as applied in this database. */
export async function migrationState(db: Db, expected = journalMillis()): Promise<Readiness> {
  try {
    const rows = await queryRows<{ created_at: string | number }>(
      db,
      sql`select created_at from drizzle.__drizzle_migrations`,
    );
    const applied = new Set(rows.map((row) => Number(row.created_at)));
    return expected.every((when) => applied.has(when)) ? 'ready' : 'migrations-missing';
  } catch (error) {
    // No drizzle schema at all is an empty database, not an outage.
    return isDatabaseUnavailable(error) ? 'unreachable' : 'migrations-missing';
  }
}

/** The extensions the migrations create (pg_trgm, for "Did you mean"): every PGlite must load them. */
export const pgliteExtensions = { pg_trgm };

// Any fixed number: only our own processes take this lock, around migrations.
const MIGRATION_LOCK_ID = 7_204_311;

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** An already open PGlite (tests share one per file). */
  pglite?: PGlite;
  poolSize?: number;
  /** statement_timeout; the client gives up a second later (a stalled network). 0: none. */
  timeoutMs?: number;
  /** How long to keep trying to reach PostgreSQL at start (0: one try). */
  startWaitMs?: number;
  /** Told each time a try at start fails and another follows. */
  onWaiting?: (message: string) => void;
}

/** host:port of a database URL, without the user or password. */
function whereIs(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}

/**
 * The connection that migrates, tried again with backoff while PostgreSQL is
 * out of reach. It is not from the pool: migrations may run longer than a query may.
 */
async function connectWithRetry(options: DatabaseOptions): Promise<pg.Client> {
  const where = whereIs(options.databaseUrl ?? '');
  const budget = options.startWaitMs ?? 0;
  const started = Date.now();
  let delay = 500;
  for (;;) {
    const client = new pg.Client({
      connectionString: options.databaseUrl,
      connectionTimeoutMillis: 5_000,
    });
    // An error after connecting (the server going away) is seen by the query that fails.
    client.on('error', () => {});
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => {});
      if (!isDatabaseUnavailable(error)) {
        throw new DatabaseStartError(
          `The database at ${where} refused the connection (${reason(error)}). Check DATABASE_URL.`,
        );
      }
      const waited = Date.now() - started;
      if (waited + delay > budget) {
        throw new DatabaseStartError(
          `Cannot reach the database at ${where} (${reason(error)}); gave up after ${Math.round(waited / 1000)} s. Check DATABASE_URL and that PostgreSQL is running.`,
        );
      }
      options.onWaiting?.(
        `Cannot reach the database at ${where} (${reason(error)}). Trying again in ${delay / 1000} s.`,
      );
      await sleep(delay);
      delay = Math.min(delay * 2, 5_000);
    }
  }
}

/**
 * drizzle-orm 0.45's node-postgres transaction sends BEGIN before its try block, so a BEGIN
 * that fails (PostgreSQL gone, a stalled network) never gives its pooled connection back:
 * the pool shrinks by one each time, and closing it waits for ever. This is the same method
 * with BEGIN inside the try, so the connection is always released (and, when it broke, is
 * released as broken, so the pool drops it instead of handing it out again).
 */
function releaseOnFailedBegin() {
  type Session = {
    client: pg.Pool | pg.PoolClient;
    dialect: unknown;
    schema: unknown;
    options: unknown;
  };
  const proto = NodePgSession.prototype as unknown as {
    transaction(work: (tx: unknown) => Promise<unknown>, config?: unknown): Promise<unknown>;
  };
  proto.transaction = async function (this: Session, work, config) {
    if (config !== undefined) throw new Error('transaction options are not used here');
    const isPool = this.client instanceof pg.Pool;
    const client = isPool
      ? await (this.client as pg.Pool).connect()
      : (this.client as pg.PoolClient);
    const Session = NodePgSession as unknown as new (...args: unknown[]) => unknown;
    const Tx = NodePgTransaction as unknown as new (
      ...args: unknown[]
    ) => {
      execute(query: SQL): Promise<unknown>;
    };
    const session = isPool ? new Session(client, this.dialect, this.schema, this.options) : this;
    const tx = new Tx(this.dialect, session, this.schema);
    let broken: Error | undefined;
    try {
      await tx.execute(sql`begin`);
      const result = await work(tx);
      await tx.execute(sql`commit`);
      return result;
    } catch (error) {
      await tx.execute(sql`rollback`).catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      if (isPool) (client as pg.PoolClient).release(broken);
    }
  };
}
releaseOnFailedBegin();

/** Opens PostgreSQL when a URL is given, else embedded PGlite in DATA_DIR, and migrates it. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: timeoutMs ? Math.min(5_000, timeoutMs) : 5_000,
      // The server ends a long query or a transaction left idle; the client gives up on a
      // stalled network a second later, when the server's own answer cannot come.
      ...(timeoutMs
        ? {
            statement_timeout: timeoutMs,
            idle_in_transaction_session_timeout: timeoutMs,
            query_timeout: timeoutMs + 1_000,
          }
        : {}),
    });
    // A pool error on an idle client must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    // Nor may one on a client that is checked out between two queries (a transaction waiting
    // on its caller) when PostgreSQL goes away: its holder sees the next query fail instead.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const expected = journalMillis();
    const migrator = await connectWithRetry(options);
    try {
      await migrator.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      await migratePg(drizzlePg(migrator, { schema }), { migrationsFolder });
    } catch (error) {
      await pool.end().catch(() => {});
      throw error;
    } finally {
      await migrator.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
      await migrator.end().catch(() => {});
    }
    return {
      db,
      kind: 'postgres',
      ping: () => ping(db),
      readiness: () => migrationState(db, expected),
      close: () => pool.end(),
    };
  }

  let client = options.pglite;
  if (!client) {
    const dir = join(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir, { extensions: pgliteExtensions });
  }
  const ownsClient = !options.pglite;
  const pgliteDb = drizzlePglite(client, { schema });
  await migratePglite(pgliteDb, { migrationsFolder });
  const db = pgliteDb as unknown as Db;
  const opened = client;
  const expected = journalMillis();
  return {
    db,
    kind: 'pglite',
    ping: () => ping(db),
    readiness: () => migrationState(db, expected),
    close: async () => {
      if (ownsClient) await opened.close();
    },
  };
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
