// `npx tsx bench/seed-large.ts`: a large, deterministic forum in PostgreSQL for the
// forum bench: 100,000 members, 50,000 topics, 1,000,000 replies over three years.
// It drops and recreates the database named in DATABASE_URL (bt_bench by default).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { reactionKinds } from '../src/contract/values';
import { openDatabase } from '../src/server/db';
import { renderPost } from '../src/server/lib/markdown';
import { seededCategories } from '../src/server/modules/forum/categories.data';

export const BENCH_DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bt_bench';

export const SIZES = { members: 100_000, topics: 50_000, replies: 1_000_000 };
const YEARS = 3;
const DAY = 86_400_000;

/** A small fast PRNG (mulberry32): the same seed gives the same forum. */
export function randomFrom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const hex = () => (next() * 65536) >>> 0;
  const uuid = () => {
    const h = Array.from({ length: 8 }, hex);
    h[3] = (h[3]! & 0x0fff) | 0x4000; // version 4
    h[4] = (h[4]! & 0x3fff) | 0x8000; // variant
    const p = h.map((x) => x.toString(16).padStart(4, '0'));
    return `${p[0]}${p[1]}-${p[2]}-${p[3]}-${p[4]}-${p[5]}${p[6]}${p[7]}`;
  };
  /** Exponential with the given mean. */
  const exp = (mean: number) => -Math.log(1 - next()) * mean;
  /** Standard normal (Box-Muller). */
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, int, pick, uuid, exp, normal };
}
type Random = ReturnType<typeof randomFrom>;

// ---- words: plausible stroke-recovery sentences -------------------------------------------

const firstNames = [
  'Ann',
  'Ben',
  'Carol',
  'David',
  'Elena',
  'Farid',
  'Grace',
  'Hugh',
  'Imogen',
  'James',
  'Kofi',
  'Linda',
  'Mohammed',
  'Nora',
  'Owen',
  'Priya',
  'Quentin',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Victor',
  'Wendy',
  'Xavier',
  'Yusuf',
  'Zoe',
  'Margaret',
  'Peter',
  'Siobhan',
  'Colin',
  'Aisha',
  'Derek',
  'Fiona',
  'Gordon',
  'Hannah',
  'Ian',
  'Joan',
  'Keith',
  'Lucy',
  'Malcolm',
  'Nadia',
  'Oliver',
];
const lastInitials = 'ABCDEFGHJKLMNOPRSTVWY'.split('');
const roles = [
  'survivor',
  'survivor',
  'survivor',
  'caregiver',
  'caregiver',
  'peer_supporter',
  'professional',
] as const;

const people = [
  'my husband',
  'my wife',
  'my daughter',
  'my son',
  'my partner',
  'my neighbour',
  'my sister',
  'my friend',
  'the nurse',
  'my physio',
  'my speech therapist',
  'my GP',
  'the occupational therapist',
  'my carer',
];
const openers = [
  'Today I',
  'Yesterday I',
  'This morning I',
  'Last week I',
  'At last I',
  'For the first time I',
  'This afternoon I',
  'On Sunday I',
  'After a long rest I',
  'With some help I',
];
const actions = [
  'walked to the end of the road with my stick',
  'made a cup of tea with my left hand',
  'buttoned my shirt on my own',
  'read two pages of a book',
  'said the names of my grandchildren',
  'climbed the stairs without stopping',
  'went to the shop and paid at the till',
  'wrote a short shopping list',
  'cooked a simple meal',
  'sat in the garden for an hour',
  'spoke on the phone to an old friend',
  'did my arm exercises twice',
  'went back to the swimming pool',
  'typed a message with one hand',
  'took the bus into town',
  'tied my shoelaces',
  'used the new grab rail in the bathroom',
  'managed the whole physio session',
];
const feelings = [
  'tired',
  'proud',
  'frustrated',
  'hopeful',
  'anxious',
  'calm',
  'low',
  'grateful',
  'lonely',
  'stronger',
  'emotional',
  'worn out',
];
const helpers = [
  'a short rest after lunch',
  'writing things down in a notebook',
  'a weekly pill box',
  'breaking jobs into small steps',
  'a timer on my phone',
  'talking to other survivors here',
  'gentle stretching every morning',
  'a perching stool in the kitchen',
  'reading aloud for ten minutes a day',
  'a walking frame with a seat',
  'music while I do my exercises',
  'saying no to visitors when I am tired',
  'a big-button phone',
  'keeping a diary of good days',
];
const worries = [
  'going back to work',
  'another stroke',
  'my balance on the stairs',
  'my memory',
  'money and benefits',
  'driving again',
  'how tired I feel in the afternoon',
  'finding the right words',
  'my blood pressure',
  'sleeping badly',
  'being a burden',
  'my hand not getting better',
];
const months = [
  'one month',
  'six weeks',
  'three months',
  'six months',
  'a year',
  'eighteen months',
  'two years',
  'three years',
];
const progress = [
  'my speech is much clearer',
  'I can walk without the frame indoors',
  'the fatigue is slowly lifting',
  'I can hold a pen again',
  'I am back driving short distances',
  'my confidence is coming back',
  'I can follow a conversation in a group',
  'my arm has more movement',
  'I have gone back to work part time',
  'I sleep through most nights',
];
const advice = [
  'small steps still count',
  'rest is part of the work',
  'progress can carry on for years',
  'it is fine to ask for help',
  'bad days do not undo good ones',
  'the brain keeps learning',
  'practice a little every day',
];
const closings = [
  'Thank you all for listening.',
  'Sending strength to everyone here.',
  'You are not alone in this.',
  'It does get easier, I promise.',
  'Has anyone else felt like this?',
  'Any tips would be welcome.',
  'Be kind to yourself today.',
  'One day at a time.',
];
const topicTitles = [
  (r: Random) => `${cap(r.pick(months))} after my stroke`,
  (r: Random) => `Feeling ${r.pick(feelings)} today`,
  (r: Random) => `Worried about ${r.pick(worries)}`,
  (r: Random) => `What helped me: ${r.pick(helpers)}`,
  (r: Random) => `Small win: ${r.pick(actions).replace(/^\w+/, (w) => w)}`,
  (r: Random) => `Question about ${r.pick(worries)}`,
  (r: Random) => `Advice from ${r.pick(people)}`,
  (r: Random) => `Does anyone else feel ${r.pick(feelings)}?`,
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(r: Random): string {
  switch (r.int(9)) {
    case 0:
      return `${r.pick(openers)} ${r.pick(actions)}.`;
    case 1:
      return `Something that helps me is ${r.pick(helpers)}.`;
    case 2:
      return `I am worried about ${r.pick(worries)}.`;
    case 3:
      return `${cap(r.pick(people))} says ${r.pick(advice)}.`;
    case 4:
      return `${cap(r.pick(months))} after my stroke, ${r.pick(progress)}.`;
    case 5:
      return `I feel ${r.pick(feelings)} but ${r.pick(feelings)} at the same time.`;
    case 6:
      return `${r.pick(openers)} ${r.pick(actions)}, and I felt ${r.pick(feelings)}.`;
    case 7:
      return `Have you tried ${r.pick(helpers)}? It made a difference for me.`;
    default:
      return r.pick(closings);
  }
}

function paragraph(r: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    let s = sentence(r);
    // A little of the markdown people use: bold words and, now and then, a list.
    if (r.next() < 0.04) s = s.replace(/^(\S+ \S+)/, '**$1**');
    out.push(s);
  }
  return out.join(' ');
}

function tipsList(r: Random): string {
  const n = 2 + r.int(3);
  return Array.from({ length: n }, () => `- ${cap(r.pick(helpers))}`).join('\n');
}

export function topicBody(r: Random): string {
  const paragraphs = 1 + r.int(4);
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) parts.push(paragraph(r, 2 + r.int(4)));
  if (r.next() < 0.1) parts.splice(1, 0, tipsList(r));
  return parts.join('\n\n');
}

export function replyBody(r: Random): string {
  const shape = r.next();
  if (shape < 0.7) return paragraph(r, 1 + r.int(2)); // mostly short
  if (shape < 0.95) {
    const p = paragraph(r, 3 + r.int(3));
    return r.next() < 0.1 ? `${p}\n\n${tipsList(r)}` : p;
  }
  const parts: string[] = [];
  for (let i = 0, n = 2 + r.int(3); i < n; i++) parts.push(paragraph(r, 3 + r.int(4)));
  if (r.next() < 0.2) parts.unshift(`> ${paragraph(r, 1)}`);
  return parts.join('\n\n');
}

// ---- COPY ---------------------------------------------------------------------------------

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
function field(value: string | number | boolean | Date | null): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

class CopyWriter {
  private buffer: string[] = [];
  private size = 0;
  private stream!: Writable;
  private done!: Promise<unknown>;
  rows = 0;

  constructor(
    private client: pg.Client,
    private table: string,
    private columns: string[],
  ) {}

  start() {
    this.stream = this.client.query(
      copyFrom(`copy ${this.table} (${this.columns.join(', ')}) from stdin`),
    );
    this.done = new Promise((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', reject);
    });
    return this;
  }

  async row(values: (string | number | boolean | Date | null)[]) {
    const line = `${values.map(field).join('\t')}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush() {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end() {
    await this.flush();
    this.stream.end();
    await this.done;
  }
}

// ---- the forum ----------------------------------------------------------------------------

interface Member {
  id: string;
  createdAt: number;
}

export async function seedLarge(url = BENCH_DATABASE_URL, log = console.log): Promise<number> {
  const started = performance.now();
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  // Never the test database, never someone's real one: only a database named for benches.
  if (!/bench/.test(name))
    throw new Error(`refusing to recreate "${name}": its name must contain "bench"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query(`drop database if exists "${name}" with (force)`);
  await adminClient.query(`create database "${name}"`);
  await adminClient.end();

  const database = await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' });
  await database.close();
  log(`database ${name} created and migrated`);

  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    // A bulk load of rows consistent by construction: skip the per-row foreign-key triggers.
    await client.query(`set session_replication_role = replica`);
    await client.query(`set synchronous_commit = off`);
    await client.query(`set maintenance_work_mem = '512MB'`);
    return client;
  };
  const main = await connect();

  // Secondary indexes are built once after the load, which is far cheaper than row by row.
  const bulkTables = [
    'users',
    'forum_topics',
    'forum_replies',
    'forum_reactions',
    'forum_helpful',
    'forum_topic_reads',
  ];
  const indexes = (
    await main.query<{ name: string; def: string; constraint: string | null; table: string }>(
      // Primary keys others refer to (members, topics) stay; every other index goes for the load.
      `select i.indexname as name, i.indexdef as def, c.conname as constraint, i.tablename as table
         from pg_indexes i
         left join pg_constraint c on c.conname = i.indexname and c.contype = 'p'
        where i.schemaname = 'public' and i.tablename = any($1)
          and not (i.tablename in ('users', 'forum_topics') and c.conname is not null)`,
      [bulkTables],
    )
  ).rows;
  for (const index of indexes) {
    if (index.constraint) {
      await main.query(`alter table ${index.table} drop constraint "${index.constraint}"`);
    } else {
      await main.query(`drop index "${index.name}"`);
    }
  }

  const categories = (
    await main.query<{ id: string; slug: string; tip_theme: string | null }>(
      `insert into forum_categories (slug, name, description, tip_theme, sort_order)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])
       returning id, slug, tip_theme`,
      [
        seededCategories.map((c) => c.slug),
        seededCategories.map((c) => c.name),
        seededCategories.map((c) => c.description),
        seededCategories.map((c) => c.tipTheme),
        seededCategories.map((c) => c.sortOrder),
      ],
    )
  ).rows;
  // Busier and quieter parts of the forum.
  const categoryWeights: Record<string, number> = {
    introductions: 8,
    feelings: 18,
    'daily-life': 16,
    'health-services': 9,
    'speech-aphasia': 10,
    moving: 10,
    caregivers: 11,
    milestones: 8,
    'young-stroke': 5,
    'back-to-work': 5,
  };
  const weightSum = categories.reduce((s, c) => s + (categoryWeights[c.slug] ?? 5), 0);

  const r = randomFrom(20_261_121);
  const end = Math.floor(Date.now() / DAY) * DAY; // today, midnight UTC
  const start = end - YEARS * 365 * DAY;
  const membersFrom = start - 60 * DAY;

  // Members joined steadily; older members are more active.
  const members: Member[] = [];
  const users = new CopyWriter(await connect(), 'users', [
    'id',
    'email',
    'email_verified_at',
    'display_name',
    'role',
    'site_role',
    'trust_level',
    'country',
    'adult_confirmed_at',
    'last_seen_at',
    'created_at',
    'updated_at',
  ]).start();
  for (let i = 0; i < SIZES.members; i++) {
    const createdAt = membersFrom + Math.floor(((end - membersFrom) * i) / SIZES.members);
    const member = { id: r.uuid(), createdAt };
    members.push(member);
    const joined = new Date(createdAt);
    await users.row([
      member.id,
      `member${i}@bench.invalid`,
      joined,
      `${r.pick(firstNames)} ${r.pick(lastInitials)}.`,
      r.pick(roles),
      i % 2000 === 1 ? 'moderator' : i === 0 ? 'admin' : 'member',
      Math.min(3, r.int(5)),
      r.pick(['GB', 'GB', 'IE', 'US', 'CA', 'AU', 'NZ', null]),
      joined,
      new Date(createdAt + Math.floor(r.next() * (end - createdAt))),
      joined,
      joined,
    ]);
  }
  await users.end();
  log(`${users.rows} members`);

  /** An author who had joined by time t, leaning towards the longer-standing members. */
  const authorAt = (t: number): Member => {
    const joined = Math.max(
      1,
      Math.floor((SIZES.members * (t - membersFrom)) / (end - membersFrom)),
    );
    return members[Math.floor(joined * r.next() ** 1.6)]!;
  };
  const otherMember = (t: number, not: string): Member => {
    for (;;) {
      const m = authorAt(t);
      if (m.id !== not) return m;
    }
  };

  // Replies per topic: long-tailed (most threads short, some very long), exactly 1,000,000 in all.
  const counts = Array.from({ length: SIZES.topics }, () =>
    Math.max(0, Math.round(Math.exp(Math.log(20) - 0.5 + r.normal()))),
  );
  let total = counts.reduce((a, b) => a + b, 0);
  while (total !== SIZES.replies) {
    const i = r.int(SIZES.topics);
    if (total < SIZES.replies) {
      counts[i]!++;
      total++;
    } else if (counts[i]! > 0) {
      counts[i]!--;
      total--;
    }
  }

  const topicColumns = [
    'id',
    'category_id',
    'author_id',
    'client_key',
    'title',
    'body',
    'body_html',
    'body_text',
    'tip_theme',
    'reply_count',
    'helpful_count',
    'last_activity_at',
    'created_at',
    'edited_at',
    'deleted_at',
  ];
  const replyColumns = [
    'id',
    'topic_id',
    'author_id',
    'client_key',
    'body',
    'body_html',
    'body_text',
    'tip_theme',
    'helpful_count',
    'created_at',
    'edited_at',
    'deleted_at',
  ];
  const topics = new CopyWriter(main, 'forum_topics', topicColumns).start();
  const replies = new CopyWriter(await connect(), 'forum_replies', replyColumns).start();
  const reactions = new CopyWriter(await connect(), 'forum_reactions', [
    'post_id',
    'post_kind',
    'user_id',
    'kind',
    'created_at',
  ]).start();
  const helpful = new CopyWriter(await connect(), 'forum_helpful', [
    'post_id',
    'post_kind',
    'user_id',
    'created_at',
  ]).start();
  const reads = new CopyWriter(await connect(), 'forum_topic_reads', [
    'user_id',
    'topic_id',
    'last_read_at',
  ]).start();
  const topicsPerCategory = new Map<string, number>();

  /** Reactions and "This helped me" marks from other members, after the post was written. */
  const responses = async (
    postId: string,
    kind: 'topic' | 'reply',
    authorId: string,
    at: number,
    tips: boolean,
  ): Promise<number> => {
    const reacting = kind === 'topic' ? 0.6 : 0.15;
    if (r.next() < reacting) {
      const seen = new Set<string>();
      for (let n = 1 + Math.floor(r.exp(kind === 'topic' ? 2 : 0.6)); n > 0; n--) {
        const who = otherMember(end, authorId);
        const what = r.pick(reactionKinds);
        if (seen.has(who.id + what)) continue;
        seen.add(who.id + what);
        const when = new Date(Math.max(at, who.createdAt) + Math.floor(r.exp(DAY)));
        await reactions.row([postId, kind, who.id, what, new Date(Math.min(end, when.getTime()))]);
      }
    }
    if (!tips || r.next() >= (kind === 'topic' ? 0.2 : 0.08)) return 0;
    const markers = new Set<string>();
    for (let n = 1 + Math.floor(r.exp(1)); n > 0; n--) {
      const who = otherMember(end, authorId);
      if (markers.has(who.id)) continue;
      markers.add(who.id);
      const when = Math.min(end, Math.max(at, who.createdAt) + Math.floor(r.exp(3 * DAY)));
      await helpful.row([postId, kind, who.id, new Date(when)]);
    }
    return markers.size;
  };

  let repliesDone = 0;
  for (let t = 0; t < SIZES.topics; t++) {
    let pickAt = r.next() * weightSum;
    let category = categories[0]!;
    for (const c of categories) {
      pickAt -= categoryWeights[c.slug] ?? 5;
      if (pickAt < 0) {
        category = c;
        break;
      }
    }
    // The forum grew: more topics in recent months.
    const createdAt = start + Math.floor((end - start - DAY) * Math.sqrt(r.next()));
    const author = authorAt(createdAt);
    const topicId = r.uuid();
    const tips = category.tip_theme !== null;

    // Replies come quickly at first, then slow down; a thread never runs past today.
    const n = counts[t]!;
    const offsets: number[] = [];
    let offset = 0;
    for (let i = 0; i < n; i++) {
      offset += Math.floor(r.exp(2 * 3_600_000 * (1 + i / 5)));
      offsets.push(offset);
    }
    const room = end - createdAt - 60_000;
    const squeeze = offset > room ? room / offset : 1;
    const readers = new Map<string, number>([[author.id, createdAt]]);
    let lastActivity = createdAt;
    for (let i = 0; i < n; i++) {
      const at = createdAt + Math.max(1000 * (i + 1), Math.floor(offsets[i]! * squeeze));
      lastActivity = Math.max(lastActivity, at);
      const replier = authorAt(at);
      const replyId = r.uuid();
      const body = replyBody(r);
      const rendered = renderPost(body);
      const marks = await responses(replyId, 'reply', replier.id, at, tips);
      const deleted = r.next() < 0.004;
      const edited = !deleted && r.next() < 0.03;
      await replies.row([
        replyId,
        topicId,
        replier.id,
        r.uuid(),
        body,
        rendered.html,
        rendered.text,
        category.tip_theme,
        marks,
        new Date(at),
        edited ? new Date(at + Math.floor(r.exp(3_600_000))) : null,
        deleted ? new Date(at + Math.floor(r.exp(DAY))) : null,
      ]);
      readers.set(replier.id, at);
    }
    repliesDone += n;

    const body = topicBody(r);
    const rendered = renderPost(body);
    const marks = await responses(topicId, 'topic', author.id, createdAt, tips);
    const deleted = r.next() < 0.002;
    await topics.row([
      topicId,
      category.id,
      author.id,
      r.uuid(),
      topicTitles[r.int(topicTitles.length)]!(r),
      body,
      rendered.html,
      rendered.text,
      category.tip_theme,
      n,
      marks,
      new Date(lastActivity),
      new Date(createdAt),
      r.next() < 0.05 ? new Date(createdAt + Math.floor(r.exp(3_600_000))) : null,
      deleted ? new Date(createdAt + Math.floor(r.exp(DAY))) : null,
    ]);
    if (!deleted) topicsPerCategory.set(category.id, (topicsPerCategory.get(category.id) ?? 0) + 1);
    for (const [userId, at] of readers) await reads.row([userId, topicId, new Date(at)]);
    if ((t + 1) % 10_000 === 0) {
      log(`${t + 1} topics, ${repliesDone} replies (${seconds(started)})`);
    }
  }
  for (const writer of [topics, replies, reactions, helpful, reads]) await writer.end();
  log(
    `loaded ${topics.rows} topics, ${replies.rows} replies, ${reactions.rows} reactions, ` +
      `${helpful.rows} helpful marks, ${reads.rows} topic reads (${seconds(started)})`,
  );

  for (const [id, n] of topicsPerCategory) {
    await main.query('update forum_categories set topic_count = $2 where id = $1', [id, n]);
  }

  // Rebuild the indexes two at a time (this machine has two cores), biggest first.
  const queue = [...indexes].sort((a, b) => weight(b) - weight(a));
  const builders = [main, await connect()];
  await Promise.all(
    builders.map(async (client) => {
      for (let index = queue.shift(); index; index = queue.shift()) {
        const began = performance.now();
        if (index.constraint) {
          const columns = /\((.*)\)$/.exec(index.def)?.[1];
          await client.query(
            `alter table ${index.table} add constraint "${index.constraint}" primary key (${columns})`,
          );
        } else {
          await client.query(index.def);
        }
        log(`  index ${index.name} (${seconds(began)})`);
      }
    }),
  );
  await main.query('vacuum analyze');
  log(`indexes rebuilt and analysed (${seconds(started)})`);
  await Promise.all(clients.map((client) => client.end()));
  return performance.now() - started;
}

/** Rough build cost, so the slow GIN indexes start first. */
function weight(index: { def: string; table: string }): number {
  return (index.table === 'forum_replies' ? 10 : 1) * (/using gin/i.test(index.def) ? 10 : 1);
}

function seconds(since: number): string {
  return `${Math.round((performance.now() - since) / 1000)} s`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ms = await seedLarge();
  console.log(`seeded in ${Math.round(ms / 1000)} s`);
  process.exit(0);
}
