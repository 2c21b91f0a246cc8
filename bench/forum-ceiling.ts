// The ceiling for the forum bench: a bare Fastify server that runs the same SQL as the
// forum's read endpoints with node-postgres, and nothing else (no auth hook, no zod, no
// drizzle, no permissions). Run as a child of bench/forum.ts; never part of the app.
// Keep each query in step with src/server/modules/forum/service.ts.
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import pg from 'pg';

const url = process.env.DATABASE_URL!;
const secret = process.env.SESSION_SECRET!;
const port = Number(process.env.PORT);
const TOPICS_PER_PAGE = 20;
const REPLIES_PER_PAGE = 50;
const NEW_VISIT_AFTER_MS = 30 * 60 * 1000;

// The app's pool is the same size (src/server/db/index.ts).
const pool = new pg.Pool({ connectionString: url, max: 10 });
pool.on('error', () => {});
const app = Fastify({ logger: false });

const list = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');
const rows = async <T = Record<string, unknown>>(text: string, values: unknown[]) =>
  (await pool.query(text, values)).rows as T[];

/** The session lookup the auth hook makes on every request. */
async function actor(cookie: string | undefined) {
  const token = /bt_session=([A-Za-z0-9_-]{43})/.exec(cookie ?? '')?.[1];
  if (!token) return null;
  const hash = createHmac('sha256', secret).update(token).digest('base64url');
  const [row] = await rows<{ user_id: string }>(
    `select sessions.id, sessions.user_id, sessions.last_used_at, users.site_role, users.trust_level
       from sessions inner join users on users.id = sessions.user_id
      where (sessions.token_hash = $1 and sessions.expires_at > $2) limit $3`,
    [hash, new Date(), 1],
  );
  return row ? row.user_id : null;
}

async function authors(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id) => id !== null))];
  const found = unique.length
    ? await rows<{ id: string; display_name: string; role: string }>(
        `select id, display_name, role from users where users.id in (${list(1, unique.length)})`,
        unique,
      )
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  return (id: string | null) => {
    const p = id ? byId.get(id) : undefined;
    return p
      ? { id, displayName: p.display_name, role: p.role }
      : { id: null, displayName: 'A former member', role: null };
  };
}

function cursorOf(value: string | undefined): { at: Date; id: string } | null {
  if (!value) return null;
  const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as string[];
  return { at: new Date(at!), id: id! };
}
const cursorFor = (at: Date, id: string) =>
  Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

interface TopicListRow {
  id: string;
  category_id: string;
  author_id: string | null;
  title: string;
  reply_count: number;
  created_at: Date;
  last_activity_at: Date;
  last_read_at: Date | null;
}

// As the app: each process keeps the categories for 30 s.
type CategoryRow = Record<string, unknown> & { id: string; slug: string; name: string };
const categoryCache = new Map<string, { row: CategoryRow; until: number }>();
async function categoryBySlug(slug: string): Promise<CategoryRow | undefined> {
  const cached = categoryCache.get(slug);
  if (cached && cached.until > Date.now()) return cached.row;
  const [category] = await rows<CategoryRow>(
    `select id, slug, name, description, tip_theme, sort_order, topic_count, created_at
       from forum_categories where forum_categories.slug = $1 limit $2`,
    [slug, 1],
  );
  if (category) categoryCache.set(slug, { row: category, until: Date.now() + 30_000 });
  return category;
}
async function categoryById(id: string) {
  for (const { row, until } of categoryCache.values()) {
    if (row.id === id && until > Date.now()) return { id: row.id, slug: row.slug, name: row.name };
  }
  const [category] = await rows<CategoryRow>(
    `select id, slug, name, description, tip_theme, sort_order, topic_count, created_at
       from forum_categories where forum_categories.id = $1 limit $2`,
    [id, 1],
  );
  if (category) categoryCache.set(category.slug, { row: category, until: Date.now() + 30_000 });
  return category ? { id: category.id, slug: category.slug, name: category.name } : undefined;
}

app.get<{ Params: { slug: string }; Querystring: { cursor?: string } }>(
  '/api/forum/categories/:slug/topics',
  async (request, reply) => {
    const userId = await actor(request.headers.cookie);
    if (!userId) return reply.code(401).send({ title: 'sign in' });
    const category = await categoryBySlug(request.params.slug);
    if (!category) return reply.code(404).send({ title: 'not found' });
    const position = cursorOf(request.query.cursor);
    const topicsQuery = position
      ? await rows<TopicListRow>(
          `select id, category_id, group_id, author_id, title, reply_count, created_at, last_activity_at,
                  forum_topic_reads.last_read_at
             from forum_topics
             left join forum_topic_reads on (forum_topic_reads.topic_id = forum_topics.id
                                             and forum_topic_reads.user_id = $7)
            where ((forum_topics.category_id = $1 and forum_topics.group_id is null)
                   and forum_topics.deleted_at is null
                   and (forum_topics.last_activity_at <= $2
                        and (forum_topics.last_activity_at < $3
                             or (forum_topics.last_activity_at = $4 and forum_topics.id < $5))))
            order by forum_topics.last_activity_at desc, forum_topics.id desc limit $6`,
          [
            category.id,
            position.at,
            position.at,
            position.at,
            position.id,
            TOPICS_PER_PAGE + 1,
            userId,
          ],
        )
      : await rows<TopicListRow>(
          `select id, category_id, group_id, author_id, title, reply_count, created_at, last_activity_at,
                  forum_topic_reads.last_read_at
             from forum_topics
             left join forum_topic_reads on (forum_topic_reads.topic_id = forum_topics.id
                                             and forum_topic_reads.user_id = $3)
            where ((forum_topics.category_id = $1 and forum_topics.group_id is null)
                   and forum_topics.deleted_at is null)
            order by forum_topics.last_activity_at desc, forum_topics.id desc limit $2`,
          [category.id, TOPICS_PER_PAGE + 1, userId],
        );
    // As the app: the topics and the visit record are read at the same time.
    const visitQuery = async (): Promise<Date | null> => {
      let since: Date | null = null;
      if (!position) {
        const now = new Date();
        const [visit] = await rows<{ previous_visit_at: Date | null; last_visit_at: Date }>(
          `select user_id, category_id, previous_visit_at, last_visit_at from forum_category_visits
          where (forum_category_visits.user_id = $1 and forum_category_visits.category_id = $2) limit $3`,
          [userId, category.id, 1],
        );
        if (!visit) {
          await rows(
            `insert into forum_category_visits (user_id, category_id, previous_visit_at, last_visit_at)
           values ($1, $2, default, $3) on conflict do nothing`,
            [userId, category.id, now],
          );
        } else if (now.getTime() - visit.last_visit_at.getTime() > NEW_VISIT_AFTER_MS) {
          await rows(
            `update forum_category_visits set previous_visit_at = $1, last_visit_at = $2
            where (forum_category_visits.user_id = $3 and forum_category_visits.category_id = $4)`,
            [visit.last_visit_at, now, userId, category.id],
          );
          since = visit.last_visit_at;
        } else {
          since = visit.previous_visit_at;
        }
      }
      return since;
    };
    const [found, since] = await Promise.all([topicsQuery, visitQuery()]);
    const page = found.slice(0, TOPICS_PER_PAGE);
    const authorOf = await authors(page.map((r) => r.author_id));
    const last = page.at(-1);
    return {
      category: { ...category, newCount: 0 },
      topics: page.map((row) => {
        const lastRead = row.last_read_at;
        return {
          id: row.id,
          categoryId: row.category_id,
          title: row.title,
          author: authorOf(row.author_id),
          replyCount: row.reply_count,
          createdAt: row.created_at.toISOString(),
          lastActivityAt: row.last_activity_at.toISOString(),
          unread: !lastRead || lastRead < row.last_activity_at,
          isNew: since !== null && row.created_at > since && row.author_id !== userId,
        };
      }),
      nextCursor:
        found.length > TOPICS_PER_PAGE && last ? cursorFor(last.last_activity_at, last.id) : null,
    };
  },
);

interface PostRow {
  id: string;
  author_id: string | null;
  group_id: string | null;
  body: string;
  body_html: string;
  helpful_count: number;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

app.get<{ Params: { id: string } }>('/api/forum/topics/:id', async (request, reply) => {
  const userId = await actor(request.headers.cookie);
  if (!userId) return reply.code(401).send({ title: 'sign in' });
  // As the app: the topic (without its search vector and plain text) and its replies together.
  const [[topic], found] = await Promise.all([
    rows<
      PostRow & {
        title: string;
        category_id: string | null;
        tip_theme: string | null;
        reply_count: number;
      }
    >(
      `select id, category_id, group_id, author_id, title, body, body_html, tip_theme, reply_count,
              helpful_count, last_activity_at, created_at, edited_at, deleted_at
         from forum_topics where forum_topics.id = $1 limit $2`,
      [request.params.id, 1],
    ),
    rows<PostRow>(
      `select id, group_id, author_id, body, body_html, helpful_count, created_at, edited_at, deleted_at
         from forum_replies where forum_replies.topic_id = $1
        order by forum_replies.created_at asc, forum_replies.id asc limit $2`,
      [request.params.id, REPLIES_PER_PAGE + 1],
    ),
  ]);
  if (!topic || topic.group_id !== null || topic.deleted_at !== null) {
    return reply.code(404).send({ title: 'not found' });
  }
  const replies = found.slice(0, REPLIES_PER_PAGE);
  const postIds = [topic.id, ...replies.map((r) => r.id)];
  const now = new Date();
  const [authorOf, reactions, helpful, bookmark, category] = await Promise.all([
    authors([topic.author_id, ...replies.map((r) => r.author_id)]),
    rows<{ post_id: string; kind: string; count: string; bool_or: boolean }>(
      `select post_id, kind, count(*), bool_or(user_id = $1) from forum_reactions
        where forum_reactions.post_id in (${list(2, postIds.length)})
        group by forum_reactions.post_id, forum_reactions.kind`,
      [userId, ...postIds],
    ),
    rows<{ post_id: string }>(
      `select post_id from forum_helpful
        where (forum_helpful.user_id = $1 and forum_helpful.post_id in (${list(2, postIds.length)}))`,
      [userId, ...postIds],
    ),
    rows(
      `select topic_id from forum_bookmarks
        where (forum_bookmarks.user_id = $1 and forum_bookmarks.topic_id = $2) limit $3`,
      [userId, topic.id, 1],
    ),
    topic.category_id ? categoryById(topic.category_id).then((c) => [c]) : Promise.resolve([]),
    rows(
      `insert into forum_topic_reads (user_id, topic_id, last_read_at) values ($1, $2, $3)
       on conflict (user_id, topic_id) do update set last_read_at = $4`,
      [userId, topic.id, now, now],
    ),
  ]);
  const byPost = new Map<string, Record<string, unknown> & { mine: string[] }>();
  for (const r of reactions) {
    const entry = byPost.get(r.post_id) ?? {
      me_too: 0,
      thank_you: 0,
      sending_strength: 0,
      mine: [],
    };
    entry[r.kind] = Number(r.count);
    if (r.bool_or) entry.mine.push(r.kind);
    byPost.set(r.post_id, entry);
  }
  const marked = new Set(helpful.map((h) => h.post_id));
  const post = (kind: 'topic' | 'reply', row: PostRow) => {
    const deleted = row.deleted_at !== null;
    const own = row.author_id === userId;
    return {
      id: row.id,
      kind,
      author: authorOf(row.author_id),
      bodyHtml: deleted ? '' : row.body_html,
      body: !deleted && own ? row.body : null,
      createdAt: row.created_at.toISOString(),
      editedAt: row.edited_at?.toISOString() ?? null,
      deleted,
      reactions: byPost.get(row.id) ?? { me_too: 0, thank_you: 0, sending_strength: 0, mine: [] },
      helpfulCount: row.helpful_count,
      markedHelpful: marked.has(row.id),
      canEdit: own && !deleted,
      canDelete: own && !deleted,
    };
  };
  const last = replies.at(-1);
  return {
    topic: {
      id: topic.id,
      title: topic.title,
      category: category[0],
      groupId: topic.group_id,
      tipTheme: topic.tip_theme,
      replyCount: topic.reply_count,
      bookmarked: bookmark.length > 0,
      post: post('topic', topic),
    },
    replies: replies.map((r) => post('reply', r)),
    nextCursor:
      found.length > REPLIES_PER_PAGE && last ? cursorFor(last.created_at, last.id) : null,
  };
});

/** The search query, word for word as service.ts has it. */
export const SEARCH_SQL = `
        with q as (select websearch_to_tsquery($1::regconfig, $2) as q),
        hits as (
          (select 'topic' as kind, t.id, t.id as topic_id, t.title as topic_title, t.category_id,
                  t.body_text, t.created_at, ts_rank(t.search, q.q) as rank
             from "forum_topics" t, q
            where t.search @@ q.q and t.group_id is null and t.deleted_at is null
              and ($3::uuid is null or t.category_id = $4::uuid)
            order by rank desc, t.created_at desc, t.id desc limit $5)
          union all
          (select 'reply', r.id, r.topic_id, t.title, t.category_id, r.body_text, r.created_at,
                  ts_rank(r.search, q.q) * 0.9
             from "forum_replies" r join "forum_topics" t on t.id = r.topic_id, q
            where r.search @@ q.q and r.group_id is null and r.deleted_at is null and t.deleted_at is null
              and ($6::uuid is null or t.category_id = $7::uuid)
            order by 8 desc, r.created_at desc, r.id desc limit $8)
        ),
        page as (select * from hits order by rank desc, created_at desc, id desc offset $9 limit $10)
        select page.kind, page.id, page.topic_id, page.topic_title, c.name as category_name, page.created_at,
               ts_headline($11::regconfig, page.body_text, q.q,
                 'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') as snippet
          from page join "forum_categories" c on c.id = page.category_id, q
         order by page.rank desc, page.created_at desc, page.id desc`;

app.get<{ Querystring: { q: string; page?: string } }>(
  '/api/forum/search',
  async (request, reply) => {
    const userId = await actor(request.headers.cookie);
    if (!userId) return reply.code(401).send({ title: 'sign in' });
    const perPage = 20;
    const page = Number(request.query.page ?? 1);
    const offset = (page - 1) * perPage;
    const found = await rows<Record<string, unknown> & { created_at: Date }>(SEARCH_SQL, [
      'english',
      request.query.q.trim(),
      null,
      null,
      offset + perPage + 1,
      null,
      null,
      offset + perPage + 1,
      offset,
      perPage + 1,
      'english',
    ]);
    return {
      results: found.slice(0, perPage).map((r) => ({
        kind: r.kind,
        id: r.id,
        topicId: r.topic_id,
        topicTitle: r.topic_title,
        categoryName: r.category_name,
        snippet: r.snippet,
        createdAt: new Date(r.created_at).toISOString(),
      })),
      page,
      hasMore: found.length > perPage,
    };
  },
);

app.get('/api/health', async () => ({ ok: true }));

// Imported by bench/forum.ts for SEARCH_SQL alone: it only listens when run.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await app.listen({ port, host: '127.0.0.1' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      await app.close();
      await pool.end();
      process.exit(0);
    });
  }
}
