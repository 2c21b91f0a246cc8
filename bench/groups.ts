// Groups at scale on PostgreSQL: 20,000 groups and 100,000 members, made by a
// fast SQL generator. Directory search (three filters plus distance) and
// "find a group that fits me" are each driven by autocannon at 20 connections
// for 20 s, against the app and against a bare Fastify route in the same run
// that runs the same SQL (the ceiling). EXPLAIN ANALYZE shows the plans.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db';
import { openDatabase } from '../src/server/db';
import * as schema from '../src/server/db/schema';
import { createJobQueue } from '../src/server/lib/jobs';
import { createMailer } from '../src/server/lib/mail/mailer';
import { createRateLimits } from '../src/server/lib/rate-limit';
import { createServices } from '../src/server/services';

const root = resolve(import.meta.dirname, '..');
const GROUPS = 20_000;
const MEMBERS = 100_000;
const CONNECTIONS = 20;
const SECONDS = 20;

// Manchester: the directory and fits-me both search around it.
const HERE = { lat: 53.4808, lng: -2.2426 };
const directoryPath = `/api/groups?focus=aphasia_friendly&language=en&access=step_free&lat=${HERE.lat}&lng=${HERE.lng}&km=50`;
const fitsMeBody = {
  aphasia: 'yes',
  ageBand: 'under_55',
  format: 'either',
  place: { ...HERE, label: 'Manchester' },
  maxKm: 40,
  size: 'small',
} as const;

interface Result {
  name: string;
  requests: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function run(): Promise<string> {
  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `bt_bench_groups_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'bt-bench-groups-'));
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const database = await openDatabase({ dataDir, databaseUrl });
    closers.push(() => database.close());
    const generated = await generate(databaseUrl);

    const config = loadConfig({
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PUBLIC_URL: 'http://127.0.0.1:1',
      SEED_DEMO: 'never',
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    });
    const app = await buildApp(config, { database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    closers.unshift(() => app.close());
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const cookie = await signIn(appUrl, generated.benchUserId);

    // The same SQL the service runs, recorded once from a logged instance of it.
    const captured = await captureSql(databaseUrl, config, generated.benchUserId);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    closers.unshift(() => pool.end());
    const bare = Fastify({ logger: false });
    bare.get('/directory', async () => {
      const rows = [];
      for (const q of captured.directory) rows.push((await pool.query(q.sql, q.params)).rows);
      return rows.at(-1);
    });
    bare.post('/fits-me', async () => {
      const rows = [];
      for (const q of captured.fitsMe) rows.push((await pool.query(q.sql, q.params)).rows);
      return rows.at(-1);
    });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    closers.unshift(() => bare.close());
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

    // Warm up, and check each answers as expected.
    const dirCheck = await fetch(`${appUrl}${directoryPath}`).then((r) => r.json());
    const fitsCheck = await fetch(`${appUrl}/api/groups/fits-me`, {
      method: 'POST',
      headers: { cookie, origin: appUrl, 'content-type': 'application/json' },
      body: JSON.stringify(fitsMeBody),
    }).then((r) => r.json());
    if (!Array.isArray(dirCheck.groups) || !Array.isArray(fitsCheck.matches)) {
      throw new Error(
        `bad answers: ${JSON.stringify(dirCheck).slice(0, 200)} ${JSON.stringify(fitsCheck).slice(0, 200)}`,
      );
    }

    const results: Result[] = [];
    results.push(await cannon('app: directory', `${appUrl}${directoryPath}`));
    results.push(await cannon('ceiling: directory (same SQL, bare route)', `${bareUrl}/directory`));
    results.push(
      await cannon('app: fits me', `${appUrl}/api/groups/fits-me`, {
        method: 'POST',
        body: JSON.stringify(fitsMeBody),
        headers: { cookie, origin: appUrl, 'content-type': 'application/json' },
      }),
    );
    results.push(
      await cannon('ceiling: fits me (same SQL, bare route)', `${bareUrl}/fits-me`, {
        method: 'POST',
      }),
    );

    const plans = await explain(pool, captured);
    return report(
      generated,
      results,
      plans,
      dirCheck.groups.length,
      fitsCheck.matches.length,
      captured,
    );
  } finally {
    for (const close of closers) await close().catch(() => {});
    const dropper = new pg.Client({ connectionString: baseUrl });
    await dropper.connect();
    // Without force: terminating a connection someone still holds would crash this process.
    await dropper
      .query(`drop database if exists ${dbName}`)
      .catch((error) => console.warn(`could not drop ${dbName}: ${error.message}`));
    await dropper.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Groups spread round real towns in the five countries; members in one to three groups each. */
async function generate(databaseUrl: string) {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const q = (text: string, params: unknown[] = []) => client.query(text, params);
  await q(`select setseed(0.42)`);
  await q(
    `insert into users (email, display_name, role, adult_confirmed_at)
     select 'bench' || g || '@bench.invalid', 'Member ' || g,
            case when g % 6 = 0 then 'caregiver' else 'survivor' end, now()
     from generate_series(1, $1) g`,
    [MEMBERS],
  );
  await q(
    `insert into organisations (name, kind)
     select 'Organisation ' || g, (array['charity','hospital','community'])[1 + g % 3]
     from generate_series(1, 200) g`,
  );
  // Centres: towns people live in, so distance searches find believable numbers.
  await q(`create temp table centres (n int, lat float8, lng float8, country text, tz text)`);
  await q(`insert into centres values
    (1, 51.5074, -0.1278, 'GB', 'Europe/London'), (2, 53.4808, -2.2426, 'GB', 'Europe/London'),
    (3, 52.4862, -1.8904, 'GB', 'Europe/London'), (4, 55.8642, -4.2518, 'GB', 'Europe/London'),
    (5, 53.3498, -6.2603, 'IE', 'Europe/Dublin'), (6, 40.7128, -74.006, 'US', 'America/New_York'),
    (7, 41.8781, -87.6298, 'US', 'America/Chicago'), (8, 34.0522, -118.2437, 'US', 'America/Los_Angeles'),
    (9, 43.6532, -79.3832, 'CA', 'America/Toronto'), (10, -33.8688, 151.2093, 'AU', 'Australia/Sydney')`);
  await q(
    `insert into groups (organisation_id, name, description, format, focus, languages, size_cap,
        member_count, join_policy, privacy, caregivers_only, country, rhythm, recurrence_rule,
        time_zone, venue_name, venue_address, venue_town, lat, lng, access)
     select o.id,
       'Group ' || g || ' ' || (array['Talk','Walk','Art','Cafe','Circle','Club'])[1 + g % 6],
       (array['A friendly group for stroke survivors.','Aphasia friendly conversation and tea.',
              'Exercise and a chat after stroke.','Carers and family sharing the load.',
              'Back to work after a stroke.'])[1 + g % 5],
       f.format,
       (select coalesce(array_agg(t), '{}') from unnest(array['aphasia_friendly','under_55',
          'caregivers','newly_home','long_term','back_to_work','exercise','creative','faith','lgbtq'])
          with ordinality as x(t, i) where (g * 31 + i * 17) % 7 = 0),
       case when g % 9 = 0 then array['en','cy'] else array['en'] end,
       8 + g % 30, 0,
       (array['open','ask','invite'])[1 + g % 3],
       case when g % 2 = 0 then 'public' else 'private' end,
       g % 13 = 0, c.country,
       jsonb_build_object('frequency','weekly','weekday','TU','weekOfMonth',null,
         'startTime','14:00','durationMinutes',90,'timeZone',c.tz),
       E'DTSTART;TZID=' || c.tz || E':20260105T140000\\nRRULE:FREQ=WEEKLY;BYDAY=TU',
       c.tz,
       case when f.format = 'online' then null else 'Hall ' || g end,
       case when f.format = 'online' then null else g || ' High Street' end,
       case when f.format = 'online' then null else 'Town ' || c.n end,
       case when f.format = 'online' then null else c.lat + (random() - 0.5) * 1.6 end,
       case when f.format = 'online' then null else c.lng + (random() - 0.5) * 2.4 end,
       case when f.format = 'online' then '{}' else
         (select coalesce(array_agg(a), '{}') from unnest(array['step_free','accessible_toilet',
           'parking','hearing_loop','public_transport','quiet_room']) with ordinality as y(a, i)
           where (g + i * 5) % 3 <> 0) end
     from generate_series(1, $1) g
     join lateral (select (array['online','in_person','hybrid'])[1 + g % 3] as format) f on true
     join centres c on c.n = 1 + (g * 7) % 10
     join lateral (select id from organisations order by id offset (g % 200) limit 1) o on true`,
    [GROUPS],
  );
  await q(
    `create temp table numbered as select id, row_number() over (order by id) as rn from groups`,
  );
  await q(
    `create temp table people as select id, row_number() over (order by id) as rn from users`,
  );
  await q(
    `insert into group_members (group_id, user_id, role, status, joined_at)
     select distinct on (n.id, p.id) n.id, p.id, 'member', 'active', now()
     from people p
     cross join generate_series(0, 2) k
     join numbered n on n.rn = 1 + ((p.rn * 7919 + k * 104729) % $1)
     where k < 1 + p.rn % 3
     on conflict do nothing`,
    [GROUPS],
  );
  await q(
    `update groups g set member_count = least(c.n, g.size_cap)
     from (select group_id, count(*)::int n from group_members group by group_id) c
     where c.group_id = g.id`,
  );
  // As autovacuum would: sets visibility and merges the GIN pending lists of the bulk load.
  await q(`vacuum analyze`);
  const counts = await q(
    `select (select count(*) from groups)::int groups, (select count(*) from users)::int users,
            (select count(*) from group_members)::int memberships`,
  );
  const bench = await q(`select id from users where role = 'survivor' order by id limit 1`);
  // Marked as a demo member so the development sign-in route lets the bench sign in as it.
  await q(`update users set is_demo = true where id = $1`, [bench.rows[0].id]);
  await client.end();
  return {
    ...(counts.rows[0] as { groups: number; users: number; memberships: number }),
    benchUserId: bench.rows[0].id as string,
    seconds: (performance.now() - started) / 1000,
  };
}

async function signIn(appUrl: string, userId: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/dev/sign-in-as`, {
    method: 'POST',
    headers: { origin: appUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

interface Sql {
  sql: string;
  params: unknown[];
}

/** Runs the real service once on a logged connection and keeps the SQL it sent. */
async function captureSql(
  databaseUrl: string,
  config: ReturnType<typeof loadConfig>,
  userId: string,
) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  let log: Sql[] = [];
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (sql, params) => log.push({ sql, params }) },
  }) as unknown as Db;
  const mailer = createMailer({ from: 'bench@bench.invalid', db });
  // Never started: the queries measured here enqueue nothing.
  const jobs = createJobQueue({ db, work: false, log: console });
  const { groups } = createServices({
    db,
    config,
    mailer,
    jobs,
    limits: createRateLimits(undefined),
  });
  await groups.directory({
    focus: ['aphasia_friendly'],
    language: 'en',
    access: ['step_free'],
    lat: HERE.lat,
    lng: HERE.lng,
    km: 50,
  });
  const directory = log;
  log = [];
  await groups.fitsMe(
    { userId, sessionId: 'bench', siteRole: 'member', trustLevel: 1 },
    fitsMeBody,
  );
  const fitsMe = log;
  mailer.close();
  await pool.end();
  return { directory, fitsMe };
}

async function explain(pool: pg.Pool, captured: { directory: Sql[]; fitsMe: Sql[] }) {
  const plan = async (q: Sql) =>
    (await pool.query(`explain (analyze, buffers off) ${q.sql}`, q.params)).rows
      .map((r) => r['QUERY PLAN'])
      .join('\n');
  const candidates = captured.fitsMe.filter((q) => q.sql.includes('"groups"'));
  return {
    directory: await plan(captured.directory.at(-1)!),
    fitsMe: await Promise.all(candidates.map(plan)),
  };
}

function cannon(
  name: string,
  url: string,
  opts: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Result> {
  const args = ['-c', String(CONNECTIONS), '-d', String(SECONDS), '-j'];
  if (opts.method) args.push('-m', opts.method);
  if (opts.body) args.push('-b', opts.body);
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  console.log(`autocannon ${name}`);
  return new Promise((ok, fail) => {
    const child = spawn(join(root, 'node_modules/.bin/autocannon'), args, {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('error', fail);
    child.on('exit', () => {
      try {
        const r = JSON.parse(out);
        ok({
          name,
          requests: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors,
          non2xx: r.non2xx,
        });
      } catch (error) {
        fail(error);
      }
    });
  });
}

function report(
  data: { groups: number; users: number; memberships: number; seconds: number },
  results: Result[],
  plans: { directory: string; fitsMe: string[] },
  directoryCount: number,
  fitsCount: number,
  captured: { directory: Sql[]; fitsMe: Sql[] },
): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${Math.round(r.requests)} | ${r.p50} | ${r.p99} | ${r.errors + r.non2xx} |`,
  );
  return [
    `PostgreSQL, ${data.groups.toLocaleString('en')} groups, ${data.users.toLocaleString('en')} members, ${data.memberships.toLocaleString('en')} memberships (generated in ${data.seconds.toFixed(1)} s by SQL).`,
    `autocannon: ${CONNECTIONS} connections, ${SECONDS} s each; the load generator runs in its own process on the same machine.`,
    '',
    `- directory: \`GET ${directoryPath}\` (focus, language and access filters, within 50 km of Manchester): ${directoryCount} groups on the first page.`,
    `- fits me: \`POST /api/groups/fits-me\` as a signed-in survivor (aphasia, under 55, either format, within 40 km of Manchester, small group): ${fitsCount} ranked groups.`,
    `- ceiling: a bare Fastify route on the same pool size (10) running the same SQL the service sent (${captured.directory.length} statement(s) for the directory, ${captured.fitsMe.length} for fits me, recorded from the service), with no session check, no ranking and no response schema.`,
    '',
    '| run | requests/s | p50 ms | p99 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    'Target: p99 at most 50 ms for both.',
    '',
    '## EXPLAIN ANALYZE: directory',
    '',
    '```',
    plans.directory,
    '```',
    '',
    '## EXPLAIN ANALYZE: fits me candidates',
    '',
    ...plans.fitsMe.flatMap((p) => ['```', p, '```', '']),
  ].join('\n');
}
