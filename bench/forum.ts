// The forum under load on the large seed (bench/seed-large.ts): the production build on
// PostgreSQL against a bare Fastify + node-postgres server running the same SQL (its ceiling),
// with EXPLAIN (ANALYZE, BUFFERS) of every query the endpoints make.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { encodeCursor } from '../src/server/lib/pagination';
import { hashToken, newToken } from '../src/server/lib/tokens';
import { SEARCH_SQL } from './forum-ceiling';
import { answersOk, exited, freePort, signalNumber, sleep, stop } from './process';
import { BENCH_DATABASE_URL, SIZES, seedLarge } from './seed-large';

const root = resolve(import.meta.dirname, '..');
const CONNECTIONS = 50;
const DURATION_S = 20;
const WARMUP_S = 3;
const START_TIMEOUT_MS = 120_000;
const DEEP_PAGES = 200;
const TOPICS_PER_PAGE = 20;
const CATEGORY = 'feelings';
/** Two words a member might search for: each in a few per cent of posts, far from all. */
const SEARCH = 'memory sleep';
const SECRET = 'bench-session-secret-0123456789abcdef';

interface Endpoint {
  name: string;
  path: string;
  target: { rps?: number; p99: number };
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  peakRssKiB: number;
  /** The machine's 1-minute load average at the end of the run: above ~2, others shared the cores. */
  load: number;
}

const live = new Set<ChildProcess>();
function interrupted(signal: NodeJS.Signals) {
  for (const child of live) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(128 + signalNumber(signal));
}

/** Runs the forum bench and returns its report as markdown. */
export async function run(): Promise<string> {
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    return await bench();
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}

async function bench(): Promise<string> {
  const url = BENCH_DATABASE_URL;
  // A fresh seed every run: the same data, and no state left by an earlier run.
  const seedMs =
    process.env.BENCH_KEEP_DATA === '1'
      ? null
      : await seedLarge(url, (line) => console.log(`  seed: ${line}`));
  const buildMs = await buildWeb();

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const fixtures = await prepare(db);
  await db.end();
  const cookie = `bt_session=${fixtures.token}`;
  const endpoints: Endpoint[] = [
    {
      name: `topic list, first page (\`${CATEGORY}\`)`,
      path: `/api/forum/categories/${CATEGORY}/topics`,
      target: { rps: 2000, p99: 50 },
    },
    {
      name: `topic list, page ${DEEP_PAGES + 1} (cursor)`,
      path: `/api/forum/categories/${CATEGORY}/topics?cursor=${fixtures.deepCursor}`,
      target: { rps: 2000, p99: 50 },
    },
    {
      name: `topic page, ${fixtures.topicReplies} replies → 50 shown`,
      path: `/api/forum/topics/${fixtures.topicId}`,
      target: { p99: 50 },
    },
    {
      name: `search "${SEARCH}"`,
      path: `/api/forum/search?q=${encodeURIComponent(SEARCH)}`,
      target: { p99: 100 },
    },
  ];

  const app = await measure(
    'app',
    [process.execPath, '--import', 'tsx', join(root, 'src/server/main.ts')],
    endpoints,
    cookie,
    url,
  );
  const ceiling = await measure(
    'ceiling',
    [process.execPath, '--import', 'tsx', join(root, 'bench/forum-ceiling.ts')],
    endpoints,
    cookie,
    url,
  );
  const plans = await explainAppQueries(url, endpoints, fixtures.token);
  // The ceiling copies the search SQL from service.ts: say so when the copy has gone stale.
  const flat = (text: string) => text.replace(/"/g, '').replace(/\s+/g, ' ').trim();
  const searchInStep = plans.some((p) => flat(p.sql) === flat(SEARCH_SQL));
  return report({
    searchInStep,
    seedMs,
    buildMs,
    fixtures,
    endpoints,
    app,
    ceiling,
    plans,
  });
}

interface Fixtures {
  token: string;
  memberId: string;
  deepCursor: string;
  topicId: string;
  topicReplies: number;
  searchCounts: { word: string; replies: number; topics: number }[];
  bothCounts: { replies: number; topics: number };
  rows: Record<string, number>;
}

/** A session for one seeded member, and the cursor, topic and words the runs ask for. */
async function prepare(db: pg.Client): Promise<Fixtures> {
  const one = async <T>(text: string, values: unknown[] = []) =>
    (await db.query(text, values)).rows[0] as T;
  const member = await one<{ id: string }>(
    `select id from users where site_role = 'member' order by created_at offset 5000 limit 1`,
  );
  const token = newToken();
  await db.query(
    `insert into sessions (user_id, token_hash, expires_at) values ($1, $2, now() + interval '1 day')`,
    [member.id, hashToken(SECRET, token)],
  );
  // The cursor the app hands out at the end of page 200: the position of its last topic.
  const deep = await one<{ last_activity_at: Date; id: string }>(
    `select t.last_activity_at, t.id from forum_topics t join forum_categories c on c.id = t.category_id
      where c.slug = $1 and t.group_id is null and t.deleted_at is null
      order by t.last_activity_at desc, t.id desc offset $2 limit 1`,
    [CATEGORY, DEEP_PAGES * TOPICS_PER_PAGE - 1],
  );
  // A busy but ordinary thread: the most recently active with 50 to 100 replies.
  const topic = await one<{ id: string; reply_count: number }>(
    `select id, reply_count from forum_topics
      where reply_count between 50 and 100 and deleted_at is null and group_id is null
      order by last_activity_at desc limit 1`,
  );
  const count = async (table: string, query: string) =>
    Number(
      (
        await one<{ n: string }>(
          `select count(*) as n from ${table} where search @@ websearch_to_tsquery('english', $1)`,
          [query],
        )
      ).n,
    );
  const searchCounts = [];
  for (const word of SEARCH.split(' ')) {
    searchCounts.push({
      word,
      replies: await count('forum_replies', word),
      topics: await count('forum_topics', word),
    });
  }
  const rows: Record<string, number> = {};
  for (const table of [
    'users',
    'forum_topics',
    'forum_replies',
    'forum_reactions',
    'forum_helpful',
    'forum_topic_reads',
  ]) {
    rows[table] = Number((await one<{ n: string }>(`select count(*) as n from ${table}`)).n);
  }
  return {
    token,
    memberId: member.id,
    deepCursor: encodeCursor({ at: deep.last_activity_at, id: deep.id }),
    topicId: topic.id,
    topicReplies: topic.reply_count,
    searchCounts,
    bothCounts: {
      replies: await count('forum_replies', SEARCH),
      topics: await count('forum_topics', SEARCH),
    },
    rows,
  };
}

async function buildWeb(): Promise<number> {
  const started = performance.now();
  const child = spawn(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await exited(child, START_TIMEOUT_MS);
  if (code !== 0) throw new Error(`vite build failed (exit ${code})`);
  return performance.now() - started;
}

/** Starts a server, then loads each endpoint in turn while watching its memory. */
async function measure(
  label: string,
  command: string[],
  endpoints: Endpoint[],
  cookie: string,
  url: string,
): Promise<{ runs: Run[]; hwmKiB: number; startRssKiB: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET: SECRET,
    SMTP_URL: 'smtp://127.0.0.1:2525',
    LOG_LEVEL: 'warn',
  };
  delete env.REDIS_URL;
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  live.add(child);
  try {
    const base = `http://127.0.0.1:${port}`;
    const started = performance.now();
    while (!(await answersOk(`${base}/api/health`))) {
      if (child.exitCode !== null) throw new Error(`${label} server exited (${child.exitCode})`);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error(`${label} did not start`);
      await sleep(100);
    }
    const startRssKiB = memory(child.pid!).rss;
    const runs: Run[] = [];
    for (const endpoint of endpoints) {
      // Each answer is checked once before the load, so a broken fixture fails loudly.
      const check = await fetch(base + endpoint.path, { headers: { cookie } });
      if (check.status !== 200) {
        throw new Error(`${label} ${endpoint.path}: ${check.status} ${await check.text()}`);
      }
      await load(base + endpoint.path, cookie, WARMUP_S);
      let peak = 0;
      const poll = setInterval(() => {
        peak = Math.max(peak, memory(child.pid!).rss);
      }, 100);
      const result = await load(base + endpoint.path, cookie, DURATION_S);
      clearInterval(poll);
      const run: Run = {
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        requests: result.requests.total,
        errors: result.errors,
        non2xx: result.non2xx,
        timeouts: result.timeouts,
        peakRssKiB: peak,
        load: loadavg()[0]!,
      };
      console.log(
        `  ${label} ${endpoint.name}: ${Math.round(run.rps)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ` +
          `${run.errors + run.non2xx + run.timeouts} failed, peak ${mib(run.peakRssKiB)}, load ${run.load.toFixed(1)}`,
      );
      runs.push(run);
    }
    return { runs, hwmKiB: memory(child.pid!).hwm, startRssKiB };
  } finally {
    await stop(child);
    live.delete(child);
  }
}

function load(url: string, cookie: string, seconds: number) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie },
  });
}

/** The server's resident and peak resident memory, in KiB, from /proc. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

interface Plan {
  endpoint: string;
  sql: string;
  plan: string;
  ms: number;
}

/**
 * The app's own queries, caught at the driver while the app answers each endpoint once
 * in this process, then run again under EXPLAIN (ANALYZE, BUFFERS) with the same values.
 */
async function explainAppQueries(
  url: string,
  endpoints: Endpoint[],
  token: string,
): Promise<Plan[]> {
  const seen: { text: string; values: unknown[] }[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[]?];
    const text = typeof first === 'string' ? first : first.text;
    const values = (typeof first === 'string' ? second : (first.values ?? second)) ?? [];
    seen.push({ text, values });
    return original.apply(this, args);
  };
  const app = await buildApp(
    loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: url,
      SESSION_SECRET: SECRET,
      PUBLIC_URL: 'http://127.0.0.1:1',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      LOG_LEVEL: 'warn',
      DATA_DIR: join(root, 'data/bench'),
    }),
  );
  const caught: { endpoint: string; text: string; values: unknown[] }[] = [];
  try {
    for (const endpoint of endpoints) {
      seen.length = 0;
      const answer = await app.inject({
        url: endpoint.path,
        headers: { cookie: `bt_session=${token}` },
      });
      if (answer.statusCode !== 200) throw new Error(`${endpoint.path}: ${answer.statusCode}`);
      for (const q of seen) caught.push({ endpoint: endpoint.name, ...q });
    }
  } finally {
    prototype.query = original;
    await app.close();
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const plans: Plan[] = [];
  try {
    for (const q of caught) {
      const result = await db.query(
        `explain (analyze, buffers, format text) ${q.text}`,
        q.values as unknown[],
      );
      const lines = result.rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
      const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? Number.NaN);
      plans.push({
        endpoint: q.endpoint,
        sql: q.text.replace(/\s+/g, ' ').trim(),
        plan: lines.join('\n'),
        ms,
      });
    }
  } finally {
    await db.end();
  }
  return plans;
}

const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const int = (n: number) => Math.round(n).toLocaleString('en-GB');

function report(r: {
  searchInStep: boolean;
  seedMs: number | null;
  buildMs: number;
  fixtures: Fixtures;
  endpoints: Endpoint[];
  app: { runs: Run[]; hwmKiB: number; startRssKiB: number };
  ceiling: { runs: Run[]; hwmKiB: number; startRssKiB: number };
  plans: Plan[];
}): string {
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const rows = r.endpoints.map((endpoint, i) => {
    const app = r.app.runs[i]!;
    const ceiling = r.ceiling.runs[i]!;
    const share = app.rps / ceiling.rps;
    const failed = app.errors + app.non2xx + app.timeouts;
    const goals = [
      endpoint.target.rps
        ? `≥ ${int(endpoint.target.rps)} req/s: ${met(app.rps >= endpoint.target.rps)}`
        : null,
      `p99 ≤ ${endpoint.target.p99} ms: ${met(app.p99 <= endpoint.target.p99)}`,
      `≥ 50% of ceiling: ${met(share >= 0.5)}`,
      failed === 0 ? null : `**${failed} failed**`,
    ].filter(Boolean);
    return `| ${endpoint.name} | ${int(app.rps)} | ${app.p50} | ${app.p99} | ${failed} | ${mib(app.peakRssKiB)} | ${int(ceiling.rps)} | ${ceiling.p99} | ${Math.round(share * 100)}% | ${app.load.toFixed(1)} / ${ceiling.load.toFixed(1)} | ${goals.join('; ')} |`;
  });
  const c = r.fixtures;
  const lines = [
    '## Under load',
    '',
    `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per endpoint after ${WARMUP_S} s of warm-up, from the same machine (it shares the 2 cores with the server and PostgreSQL). ` +
      'The app is the production build (`vite build`, then `src/server/main.ts` with `NODE_ENV=production`) on PostgreSQL, signed in as one seeded member by a `bt_session` cookie. ' +
      'The ceiling is `bench/forum-ceiling.ts`: bare Fastify and node-postgres (pool of 10, as the app) running the same queries per request, session lookup included, without auth hook, zod, drizzle or permissions. ' +
      'Peak memory is the server’s highest VmRSS, polled every 100 ms during the run. ' +
      'Load is the 1-minute load average at the end of each run: the bench, the server and PostgreSQL alone make about 2 on these 2 cores; much more means other work shared the machine and the numbers are low.',
    '',
    '| endpoint | req/s | p50 ms | p99 ms | errors + non-2xx | peak RSS | ceiling req/s | ceiling p99 ms | share of ceiling | load app / ceiling | targets |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    r.searchInStep
      ? 'The ceiling’s search SQL is word for word the one the app sent (checked in this run).'
      : '**The ceiling’s search SQL differs from the one the app sent: update `bench/forum-ceiling.ts`.**',
    '',
    `App server memory: ${mib(r.app.startRssKiB)} after start, ${mib(r.app.hwmKiB)} at its highest (VmHWM). Ceiling server: ${mib(r.ceiling.startRssKiB)} after start, ${mib(r.ceiling.hwmKiB)} highest.`,
    '',
    '## Data',
    '',
    r.seedMs === null
      ? 'The large seed already in place was used (`BENCH_KEEP_DATA=1`).'
      : `\`bench/seed-large.ts\` recreated the database in ${ms(r.seedMs)} (COPY, indexes built after the load, then VACUUM ANALYZE).`,
    '',
    '| table | rows |',
    '| --- | ---: |',
    ...Object.entries(c.rows).map(([table, n]) => `| ${table} | ${int(n)} |`),
    '',
    `Planned: ${int(SIZES.members)} members, ${int(SIZES.topics)} topics, ${int(SIZES.replies)} replies over 3 years. ` +
      `The deep page starts after topic ${int(DEEP_PAGES * TOPICS_PER_PAGE)} of \`${CATEGORY}\`. ` +
      `Search words: ${c.searchCounts.map((s) => `"${s.word}" is in ${int(s.replies)} replies and ${int(s.topics)} topics`).join('; ')}; both together in ${int(c.bothCounts.replies)} replies and ${int(c.bothCounts.topics)} topics, all of which are ranked.`,
    '',
    `The web build took ${ms(r.buildMs)}.`,
    '',
    '## Query plans',
    '',
    'Every query the app made for one request to each endpoint, caught at the driver and run again with the same values under `EXPLAIN (ANALYZE, BUFFERS)` (warm cache).',
    '',
    ...r.plans.flatMap((p, i) => [
      `### ${i + 1}. ${p.endpoint}: ${p.ms.toFixed(2)} ms`,
      '',
      '```sql',
      p.sql.length > 600 ? `${p.sql.slice(0, 600)} …` : p.sql,
      '```',
      '',
      '```',
      p.plan,
      '```',
      '',
    ]),
  ];
  return `${lines.join('\n')}\n`;
}
