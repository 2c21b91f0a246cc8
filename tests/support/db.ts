import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDatabase, pgliteExtensions } from '../../src/server/db';
import { preparedPglite } from './global-setup';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A database of its own for one test file: a copy of the prepared PGlite, or
 * a fresh PostgreSQL database that is dropped again on close.
 */
export async function openTestDatabase(): Promise<Database> {
  if (testDbKind() === 'pglite') {
    const blob = new Blob([readFileSync(preparedPglite)]);
    const client = await PGlite.create({ loadDataDir: blob, extensions: pgliteExtensions });
    const database = await openDatabase({ dataDir: '', pglite: client });
    return { ...database, close: () => client.close() };
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
  const database = await openDatabase({ dataDir: '', databaseUrl: url.toString(), poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
