// Notifications on the large seed (bench/seed-large.ts) with 100,000 notifications added by
// SQL: the reads every signed-in page makes (the unread poll, the list and a deep page) against
// GET /api/me under load, the cost a reply pays to tell its topic's author, and the plans.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { notificationKinds } from '../src/contract/notifications';
import { reactionKinds } from '../src/contract/values';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db';
import { encodeCursor } from '../src/server/lib/pagination';
import { hashToken, newToken } from '../src/server/lib/tokens';
import { NOTIFICATION_EMAIL } from '../src/server/modules/notifications/jobs';
import { answersOk, exited, freePort, signalNumber, sleep, stop } from './process';
import { BENCH_DATABASE_URL, randomFrom, replyBody, seedLarge } from './seed-large';

const root = resolve(import.meta.dirname, '..');
const webRoot = '/tmp/web-bench-notifications';
const CONNECTIONS = 50;
const DURATION_S = 20;
const WARMUP_S = 3;
const START_TIMEOUT_MS = 120_000;
const SECRET = 'bench-session-secret-0123456789abcdef';
/** Everyone else's notifications, over this many people, and the bench member's own. */
const PEOPLE = 10_000;
const OTHERS_ROWS = 98_000;
const MINE = 2_000;
const MINE_UNREAD = 40;
/** The app's page size (inbox.ts): the deep page starts after this many pages. */
const PAGE_SIZE = 30;
const DEEP_PAGES = 60;
const REPLIES = 200;
const WARMUP_REPLIES = 10;
const CATEGORY = 'feelings';
/**
 * Members by join order (as forum.ts picks its member at 5000): who is signed in for the
 * reads, the three topic authors, and the repliers; the people with notifications come after.
 */
const AT = { member: 6_000, authors: 3_000, repliers: 4_000, people: 10_000 };

interface Endpoint {
  name: string;
  path: string;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssKiB: number;
  /** The 1-minute load average at the end of the run: above ~2, others shared the cores. */
  load: number;
}

/** One way a reply tells its topic's author, timed over REPLIES replies. */
interface WriteCase {
  name: string;
  what: string;
  ms: number[];
  /** What the replies left behind, counted after: it shows each case did what it says. */
  found: string;
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

/** Runs the notifications bench and returns its report as markdown. */
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
  const seedMs =
    process.env.BENCH_KEEP_DATA === '1'
      ? null
      : await seedLarge(url, (line) => console.log(`  seed: ${line}`));
  // A kept seed may predate the notifications tables: migrate it (a no-op when up to date).
  await (await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' })).close();
  const buildMs = await buildWeb();

  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const fixtures = await prepare(db);
    try {
      const cookie = `bt_session=${fixtures.tokens.member}`;
      const endpoints: Endpoint[] = [
        { name: 'me (baseline)', path: '/api/me' },
        { name: 'unread count', path: '/api/notifications/unread' },
        { name: 'list, first page', path: '/api/notifications' },
        {
          name: `list, page ${DEEP_PAGES + 1} (cursor)`,
          path: `/api/notifications?cursor=${fixtures.deepCursor}`,
        },
      ];
      const server = await measure(endpoints, cookie, url, (base) => writes(base, db, fixtures));
      const plans = await explainAppQueries(url, endpoints.slice(1), fixtures.tokens.member);
      return report({ seedMs, buildMs, fixtures, endpoints, server, plans });
    } finally {
      await cleanUp(db, fixtures);
    }
  } finally {
    await db.end();
  }
}

interface Fixtures {
  memberId: string;
  authorIds: { reads: string; gathers: string; off: string };
  replierIds: string[];
  tokens: { member: string; authors: string[]; repliers: string[] };
  sessionIds: string[];
  categoryId: string;
  deepCursor: string;
  generateMs: number;
  counts: {
    rows: number;
    people: number;
    mine: number;
    mineUnread: number;
    unreadAll: number;
    maxPerPerson: number;
  };
}

/**
 * The bench's people and their sessions, and the notifications, made by SQL in bulk: what an
 * earlier run left is removed first, so a kept seed gives the same data every run.
 */
async function prepare(db: pg.Client): Promise<Fixtures> {
  const q = async <T>(text: string, values: unknown[] = []) =>
    (await db.query(text, values)).rows as T[];
  // Temporary tables: this connection lasts the whole bench, and they go with it.
  await q(
    `create temp table bench_numbered as
       select id, (row_number() over (order by created_at, id) - 1)::int as n
         from users where site_role = 'member'`,
  );
  await q(`create index on bench_numbered (n)`);
  const at = async (n: number, count = 1) =>
    (
      await q<{ id: string }>(`select id from bench_numbered where n >= $1 order by n limit $2`, [
        n,
        count,
      ])
    ).map((r) => r.id);
  const [memberId] = await at(AT.member);
  const authors = await at(AT.authors, 3);
  const replierIds = await at(AT.repliers, REPLIES + WARMUP_REPLIES);
  if (!memberId || authors.length < 3 || replierIds.length < REPLIES + WARMUP_REPLIES) {
    throw new Error('the large seed has too few members: run without BENCH_KEEP_DATA=1');
  }
  await q(
    `create temp table bench_people as
       select id, (row_number() over (order by n) - 1)::int as rn
         from bench_numbered where n >= $1 and n % 9 = 0 limit $2`,
    [AT.people, PEOPLE],
  );
  await q(`create index on bench_people (rn)`);
  await q(
    `create temp table bench_topics as
       select id, title, (row_number() over (order by id) - 1)::int as rn
         from forum_topics where deleted_at is null and group_id is null`,
  );
  // Autovacuum never sees temporary tables: without statistics the planner guesses.
  await q(`analyze bench_numbered, bench_people, bench_topics`);
  const everyone = [memberId, ...authors, ...replierIds];
  await forget(db, everyone);
  await q(`delete from notifications where user_id in (select id from bench_people)`);

  const started = performance.now();
  await q(`select setseed(0.1010)`);
  await insertNotifications(db, 'bench_people', OTHERS_ROWS, null);
  await insertNotifications(db, 'bench_people', MINE, memberId);
  // As autovacuum would after a bulk load: statistics, and the visibility map.
  await q(`vacuum analyze notifications`);
  const generateMs = performance.now() - started;

  const [counts] = await q<Fixtures['counts']>(
    `select count(*)::int as rows,
            count(distinct user_id)::int as people,
            (count(*) filter (where user_id = $1))::int as mine,
            (count(*) filter (where user_id = $1 and read_at is null))::int as "mineUnread",
            (count(*) filter (where read_at is null))::int as "unreadAll",
            (select max(n)::int from (select count(*) as n from notifications
              where user_id <> $1 group by user_id) x) as "maxPerPerson"
       from notifications`,
    [memberId],
  );
  // The cursor the app hands out at the end of page DEEP_PAGES.
  const [deep] = await q<{ updated_at: Date; id: string }>(
    `select updated_at, id from notifications where user_id = $1 and in_app
      order by updated_at desc, id desc offset $2 limit 1`,
    [memberId, DEEP_PAGES * PAGE_SIZE - 1],
  );
  const [category] = await q<{ id: string }>(`select id from forum_categories where slug = $1`, [
    CATEGORY,
  ]);

  const sessionIds: string[] = [];
  const signIn = async (userId: string) => {
    const token = newToken();
    const [row] = await q<{ id: string }>(
      `insert into sessions (user_id, token_hash, expires_at)
       values ($1, $2, now() + interval '1 day') returning id`,
      [userId, hashToken(SECRET, token)],
    );
    sessionIds.push(row!.id);
    return token;
  };
  const tokens = {
    member: await signIn(memberId),
    authors: [] as string[],
    repliers: [] as string[],
  };
  for (const id of authors) tokens.authors.push(await signIn(id));
  for (const id of replierIds) tokens.repliers.push(await signIn(id));
  return {
    memberId,
    authorIds: { reads: authors[0]!, gathers: authors[1]!, off: authors[2]! },
    replierIds,
    tokens,
    sessionIds,
    categoryId: category!.id,
    deepCursor: encodeCursor({ at: deep!.updated_at, id: deep!.id }),
    generateMs,
    counts: counts!,
  };
}

/**
 * `rows` notifications over the people in `peopleTable` (leaning to the first of them, as a
 * few people get most), or all for `userId`: MINE_UNREAD of them unread, the rest read.
 * Kinds, counts, actors and words are those the app writes, about real topics.
 */
async function insertNotifications(
  db: pg.Client,
  peopleTable: string,
  rows: number,
  userId: string | null,
): Promise<void> {
  // The bench member: one row every ~4 hours back over a year, the newest 30 unread and 10
  // older ones missed. Everyone else: over two years, 8% unread.
  const recipient = userId
    ? `$2::uuid`
    : `(select id from ${peopleTable} p where p.rn = floor(power(g.r0, 1.5) * (select count(*) from ${peopleTable}))::int)`;
  const ago = userId
    ? `g.g * interval '4 hours' + g.r1 * interval '3 hours'`
    : `g.r1 * interval '730 days'`;
  const unread = userId
    ? `g.g <= ${MINE_UNREAD - 10} or (g.g % 100 = 0 and g.g <= 1000)`
    : `g.r2 < 0.08`;
  // The member's rows are each about another topic, so no two unread ones share a group key.
  const topic = userId
    ? `1 + (g * 7919) % (select count(*) from bench_topics)::int`
    : `1 + floor(random() * (select count(*) from bench_topics))::int`;
  await db.query(
    `with g as (
       select g, random() as r0, random() as r1, random() as r2, random() as r3, random() as r4,
              random() as r5, ${topic} as topic
         from generate_series(1, $1) g
     ),
     picked as (
       select g.*, ${recipient} as user_id,
              now() - (${ago}) as updated_at,
              (${unread}) as unread,
              case when g.r3 < 0.40 then 'reply' when g.r3 < 0.70 then 'reaction'
                   when g.r3 < 0.80 then 'helpful' when g.r3 < 0.90 then 'mention'
                   when g.r3 < 0.94 then 'join_decision' when g.r3 < 0.97 then 'group_invitation'
                   else 'announcement' end as kind
         from g
     ),
     shaped as (
       select p.*, t.id as topic_id, t.title,
              case when p.kind in ('reply', 'reaction', 'helpful')
                   then 1 + floor(power(p.r4, 3) * 8)::int else 1 end as count,
              ($3::text[])[1 + floor(p.r4 * cardinality($3::text[]))::int] as reaction
         from picked p join bench_topics t on t.rn = p.topic - 1
     )
     insert into notifications (user_id, kind, data, group_key, count, actor_ids, in_app,
                                created_at, updated_at, read_at, email_state, email_sent_at)
     select s.user_id, s.kind,
            case s.kind
              when 'reply' then jsonb_build_object('topicId', s.topic_id, 'title', s.title,
                'postKind', 'topic', 'postId', s.topic_id, 'replyId', gen_random_uuid())
              when 'reaction' then jsonb_build_object('topicId', s.topic_id, 'title', s.title,
                'postKind', 'topic', 'postId', s.topic_id, 'reaction', s.reaction)
              when 'helpful' then jsonb_build_object('topicId', s.topic_id, 'title', s.title,
                'postKind', 'topic', 'postId', s.topic_id)
              when 'mention' then jsonb_build_object('topicId', s.topic_id, 'title', s.title,
                'postKind', 'topic', 'postId', s.topic_id)
              when 'join_decision' then jsonb_build_object('groupId', gen_random_uuid(),
                'groupName', 'Group ' || s.g % 500, 'outcome', 'approved')
              else jsonb_build_object('groupId', gen_random_uuid(), 'groupName', 'Group ' || s.g % 500)
            end,
            case s.kind
              when 'reply' then 'reply:' || s.topic_id
              when 'reaction' then 'reaction:' || s.topic_id || ':' || s.reaction
              when 'helpful' then 'helpful:' || s.topic_id
            end,
            s.count,
            -- The newest few people behind it: real members, so their names are looked up.
            (array[(select b.id from bench_numbered b where b.n = s.g % 90000),
                   (select b.id from bench_numbered b where b.n = (s.g * 7 + 11) % 90000),
                   (select b.id from bench_numbered b where b.n = (s.g * 13 + 29) % 90000)]
            )[1:least(s.count, 3)],
            s.r5 >= 0.01 or $2::uuid is not null,
            s.updated_at - case when s.count > 1 then s.r4 * interval '2 days' else interval '0' end,
            s.updated_at,
            case when s.unread then null else s.updated_at + s.r4 * interval '3 days' end,
            case when s.kind in ('reply', 'join_decision', 'group_invitation') then 'sent'
                 else 'none' end,
            case when s.kind in ('reply', 'join_decision', 'group_invitation')
                 then s.updated_at + interval '1 minute' end
       from shaped s
     -- Two unread rows of one person with the same group key would be one in the app.
     on conflict do nothing`,
    [rows, userId, reactionKinds],
  );
}

/** Removes what the write cases and earlier runs left for these people: rows, settings, jobs. */
async function forget(db: pg.Client, userIds: string[]): Promise<void> {
  const ids = (
    await db.query<{ id: string }>(`select id from notifications where user_id = any($1)`, [
      userIds,
    ])
  ).rows.map((r) => r.id);
  const queue = await db.query(`select to_regclass('pgboss.job') as t`);
  if (queue.rows[0]?.t && ids.length > 0) {
    await db.query(`delete from pgboss.job where name = $1 and data->>'notificationId' = any($2)`, [
      NOTIFICATION_EMAIL,
      ids,
    ]);
  }
  await db.query(`delete from notifications where user_id = any($1)`, [userIds]);
  await db.query(`delete from notification_causes where user_id = any($1)`, [userIds]);
  await db.query(`delete from notification_settings where user_id = any($1)`, [userIds]);
  // Replies, reads and bookmarks go with their topic (on delete cascade); the count is kept.
  const gone = await db.query<{ category_id: string }>(
    `delete from forum_topics where author_id = any($1) and title like 'Bench notifications:%'
     returning category_id`,
    [userIds],
  );
  for (const { category_id } of gone.rows) {
    await db.query(
      `update forum_categories set topic_count = greatest(topic_count - 1, 0) where id = $1`,
      [category_id],
    );
  }
}

async function cleanUp(db: pg.Client, f: Fixtures): Promise<void> {
  await forget(db, Object.values(f.authorIds));
  await db.query(`delete from sessions where id = any($1)`, [f.sessionIds]);
}

async function buildWeb(): Promise<number> {
  const started = performance.now();
  // Built apart from dist/, which others may be serving or building at the same time.
  const child = spawn(
    join(root, 'node_modules/.bin/vite'),
    ['build', '--logLevel', 'warn', '--outDir', webRoot, '--emptyOutDir'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const code = await exited(child, START_TIMEOUT_MS);
  if (code !== 0) throw new Error(`vite build failed (exit ${code})`);
  return performance.now() - started;
}

/** Starts the production server, loads each endpoint in turn, then runs `after` against it. */
async function measure<T>(
  endpoints: Endpoint[],
  cookie: string,
  url: string,
  after: (base: string) => Promise<T>,
): Promise<{ runs: Run[]; hwmKiB: number; startRssKiB: number; after: T }> {
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
    // The write cases count the jobs a reply enqueues; nobody works them (nothing listens on 2525).
    JOBS: 'off',
    WEB_ROOT: webRoot,
    LOG_LEVEL: 'warn',
  };
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
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
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
      if (performance.now() - started > START_TIMEOUT_MS) throw new Error('server did not start');
      await sleep(100);
    }
    const startRssKiB = memory(child.pid!).rss;
    const runs: Run[] = [];
    for (const endpoint of endpoints) {
      // Each answer is checked once before the load, so a broken fixture fails loudly.
      const check = await fetch(base + endpoint.path, { headers: { cookie } });
      if (check.status !== 200) {
        throw new Error(`${endpoint.path}: ${check.status} ${await check.text()}`);
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
        errors: result.errors + result.non2xx + result.timeouts,
        peakRssKiB: peak,
        load: loadavg()[0]!,
      };
      console.log(
        `  ${endpoint.name}: ${Math.round(run.rps)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ` +
          `${run.errors} failed, peak ${mib(run.peakRssKiB)}, load ${run.load.toFixed(1)}`,
      );
      runs.push(run);
    }
    const afterResult = await after(base);
    return { runs, hwmKiB: memory(child.pid!).hwm, startRssKiB, after: afterResult };
  } finally {
    await stop(child);
    live.delete(child);
  }
}

function load(url: string, cookie: string, seconds: number) {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { cookie } });
}

/** The server's resident and peak resident memory, in KiB, from /proc. */
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/**
 * Replies, one at a time, to three new topics in turn: one whose author wants email and has
 * read the last one (each reply makes a notification and enqueues an email job), one whose
 * author wants email but has not looked (each reply gathers into the one unread row), and one
 * whose author turned every notification off. Taken in turn, so all three share the machine.
 */
async function writes(base: string, db: pg.Client, f: Fixtures): Promise<WriteCase[]> {
  const send = async (token: string, method: string, path: string, body: unknown) => {
    const response = await fetch(base + path, {
      method,
      headers: { cookie: `bt_session=${token}`, origin: base, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as { id: string };
  };
  const everyKindOff = Object.fromEntries(
    notificationKinds.map((kind) => [kind, { inApp: false, email: false, push: false }]),
  );
  await send(f.tokens.authors[2]!, 'PATCH', '/api/notifications/settings', {
    kinds: everyKindOff,
  });
  const r = randomFrom(10);
  const topics: string[] = [];
  for (const [i, token] of f.tokens.authors.entries()) {
    const created = await send(token, 'POST', '/api/forum/topics', {
      categoryId: f.categoryId,
      title: `Bench notifications: ${['email, read', 'email, unread', 'all off'][i]}`,
      body: replyBody(r),
      idempotencyKey: randomUUID(),
    });
    topics.push(created.id);
  }
  const markRead = () =>
    db.query(`update notifications set read_at = now() where user_id = $1 and read_at is null`, [
      f.authorIds.reads,
    ]);
  const times: number[][] = [[], [], []];
  for (const [n, token] of f.tokens.repliers.entries()) {
    for (const [i, topicId] of topics.entries()) {
      const body = { body: replyBody(r), idempotencyKey: randomUUID() };
      const started = performance.now();
      await send(token, 'POST', `/api/forum/topics/${topicId}/replies`, body);
      const ms = performance.now() - started;
      // The first few replies warm the code paths; they are not counted.
      if (n >= WARMUP_REPLIES) times[i]!.push(ms);
    }
    await markRead();
  }

  const [left] = (
    await db.query(
      `select
         (select count(*)::int from notifications where user_id = $1) as reads_rows,
         (select count(*)::int from notifications where user_id = $1 and email_state = 'queued')
           as reads_queued,
         (select count(*)::int from pgboss.job j join notifications n
            on n.id = (j.data->>'notificationId')::uuid where j.name = $4 and n.user_id = $1)
           as reads_jobs,
         (select count(*)::int from notifications where user_id = $2) as gathers_rows,
         (select coalesce(max(count), 0)::int from notifications where user_id = $2)
           as gathers_count,
         (select count(*)::int from pgboss.job j join notifications n
            on n.id = (j.data->>'notificationId')::uuid where j.name = $4 and n.user_id = $2)
           as gathers_jobs,
         (select count(*)::int from notifications where user_id = $3) as off_rows`,
      [f.authorIds.reads, f.authorIds.gathers, f.authorIds.off, NOTIFICATION_EMAIL],
    )
  ).rows as Record<string, number>[];
  const c = left!;
  const total = REPLIES + WARMUP_REPLIES;
  return [
    {
      name: 'author wants email, has read the last',
      what: 'a new notification, an email job enqueued',
      ms: times[0]!,
      found: `${c.reads_rows} notifications of ${total} replies, ${c.reads_queued} queued for email, ${c.reads_jobs} email jobs`,
    },
    {
      name: 'author wants email, has not looked',
      what: 'gathered into the one unread notification, no new job',
      ms: times[1]!,
      found: `${c.gathers_rows} notification counting ${c.gathers_count} replies, ${c.gathers_jobs} email job`,
    },
    {
      name: 'author turned every notification off',
      what: 'nothing recorded (settings read, nobody wants it)',
      ms: times[2]!,
      found: `${c.off_rows} notifications`,
    },
  ];
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
      JOBS: 'off',
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
      // Only reads are run again: EXPLAIN ANALYZE of a write would make it.
      if (!/^\s*select\b/i.test(q.text)) continue;
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

/** The index a notifications query should use, by what it asks for. */
function expectedIndex(sql: string): string | null {
  if (!/from "notifications"/.test(sql)) return null;
  return /"read_at" is null/.test(sql)
    ? 'notifications_unread_idx'
    : 'notifications_user_updated_idx';
}

const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const fixed = (n: number) => n.toFixed(1);

/** Nearest-rank percentile of samples. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function report(r: {
  seedMs: number | null;
  buildMs: number;
  fixtures: Fixtures;
  endpoints: Endpoint[];
  server: { runs: Run[]; hwmKiB: number; startRssKiB: number; after: WriteCase[] };
  plans: Plan[];
}): string {
  const baseline = r.server.runs[0]!;
  const rows = r.endpoints.map((endpoint, i) => {
    const run = r.server.runs[i]!;
    return `| ${endpoint.name} | \`${endpoint.path.replace(/cursor=.*/, 'cursor=…')}\` | ${int(run.rps)} | ${run.p50} | ${run.p99} | ${run.errors} | ${mib(run.peakRssKiB)} | ${Math.round((run.rps / baseline.rps) * 100)}% | ${run.load.toFixed(1)} |`;
  });
  const writes = r.server.after.map((w) => {
    const mean = w.ms.reduce((a, b) => a + b, 0) / w.ms.length;
    return `| ${w.name} | ${w.what} | ${w.ms.length} | ${fixed(mean)} | ${fixed(percentile(w.ms, 50))} | ${fixed(percentile(w.ms, 99))} | ${fixed(Math.max(...w.ms))} | ${w.found} |`;
  });
  const checks = r.plans.flatMap((p) => {
    const index = expectedIndex(p.sql);
    if (!index) return [];
    const used = [...new Set(p.plan.match(/notifications_\w+_idx|notifications_pkey/g) ?? [])];
    const seq = /Seq Scan on notifications/.test(p.plan);
    const ok = used.includes(index) && !seq;
    return [
      `| ${p.endpoint} | ${p.sql.slice(0, 90).replace(/\|/g, '\\|')}… | ${index} | ${used.join(', ') || (seq ? 'sequential scan' : 'none')} | ${ok ? 'yes' : '**no**'} | ${p.ms.toFixed(2)} |`,
    ];
  });
  const c = r.fixtures.counts;
  const lines = [
    '## Reads under load',
    '',
    `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per endpoint after ${WARMUP_S} s of warm-up, from the same machine (it shares the 2 cores with the server and PostgreSQL). ` +
      `The app is the production build (\`vite build\`, then \`src/server/main.ts\` with \`NODE_ENV=production\`, \`JOBS=off\`) on PostgreSQL, signed in as one seeded member with ${int(c.mine)} notifications, ${c.mineUnread} unread, by a \`bt_session\` cookie. ` +
      '`/api/me` is the baseline: the cheapest signed-in route (the session lookup and little else). ' +
      'Peak memory is the server’s highest VmRSS, polled every 100 ms during the run. ' +
      'Load is the 1-minute load average at the end of each run: the bench, the server and PostgreSQL alone make about 2 on these 2 cores.',
    '',
    '| endpoint | path | req/s | p50 ms | p99 ms | errors + non-2xx | peak RSS | req/s of baseline | load |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Server memory: ${mib(r.server.startRssKiB)} after start, ${mib(r.server.hwmKiB)} at its highest (VmHWM).`,
    '',
    '## A reply that tells its topic’s author',
    '',
    `${REPLIES} replies per case, sent one at a time over HTTP to the same server after the reads (POST /api/forum/topics/:id/replies, each by a different member, so no rate limit is reached), ` +
      `the three cases in turn so they share the machine alike, after ${WARMUP_REPLIES} uncounted replies each. Times are the whole request as the client sees it. ` +
      'The third author turned every kind and channel off by PATCH /api/notifications/settings first. ' +
      'Between rounds the first author’s notifications are marked read by SQL (not timed), so each reply to that topic starts a new notification and enqueues an email job in its transaction.',
    '',
    '| case | what each reply records | replies | mean ms | p50 ms | p99 ms | max ms | left behind (checked) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...writes,
    '',
    '## Data',
    '',
    r.seedMs === null
      ? 'The large seed already in place was used (`BENCH_KEEP_DATA=1`).'
      : `\`bench/seed-large.ts\` recreated the database in ${ms(r.seedMs)}.`,
    '',
    `Notifications made by SQL in ${ms(r.fixtures.generateMs)} (with VACUUM ANALYZE): ${int(c.rows)} rows over ${int(c.people)} people (the most for anyone but the bench member: ${int(c.maxPerPerson)}), ${int(c.unreadAll)} unread in all. ` +
      `The bench member has ${int(c.mine)}, one every ~4 hours back over a year, ${c.mineUnread} unread (the newest 30 and 10 older ones); everyone else’s lean to a few people, spread over two years, 8% unread, 1% hidden from the app. ` +
      'Kinds as the app writes them (40% replies, 30% reactions, 10% each helpful and mentions, the rest group news), about real topics, each naming up to three real members. ' +
      `The deep page starts after notification ${int(DEEP_PAGES * PAGE_SIZE)} of the member’s (${PAGE_SIZE} a page). ` +
      'These rows stay until the next run replaces them; the write cases’ topics, replies, notifications, jobs and sessions are removed at the end.',
    '',
    `The web build took ${ms(r.buildMs)}.`,
    '',
    '## Query plans',
    '',
    'Every read the app made for one request to each notifications endpoint, caught at the driver and run again with the same values under `EXPLAIN (ANALYZE, BUFFERS)` (warm cache).',
    '',
    '| endpoint | query | index it should use | indexes used | as expected | ms |',
    '| --- | --- | --- | --- | --- | ---: |',
    ...checks,
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
