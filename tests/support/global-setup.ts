import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions } from '../../src/server/db';

export const preparedPglite = join(import.meta.dirname, '../../.test-data/pglite-migrated.tar.gz');

/** Runs initdb and the migrations once per test run; each test file loads a copy. */
export default async function setup() {
  mkdirSync(join(preparedPglite, '..'), { recursive: true });
  const client = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ dataDir: '', pglite: client });
  await database.close();
  const dump = await client.dumpDataDir('gzip');
  writeFileSync(preparedPglite, Buffer.from(await dump.arrayBuffer()));
  await client.close();
}
