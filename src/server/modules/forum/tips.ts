// The tips library: the most helpful posts of a theme, from topics and replies alike.
import { sql } from 'drizzle-orm';
import type { PostKind, TipsResponse, TipTheme } from '../../../contract/forum';
import { queryRows } from '../../db';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { ForumDeps } from './deps';
import { authorsFor, excerpt } from './present';
import { forumReplies, forumTopics } from './tables';

const TIPS_PER_PAGE = 20;

/** The most helpful tips of a theme (never from private boards), by an offset cursor. */
export async function tips(
  { db, accounts }: ForumDeps,
  theme: TipTheme,
  cursor: string | undefined,
): Promise<TipsResponse> {
  const offset = cursor ? decodeOffset(cursor) : 0;
  const limit = TIPS_PER_PAGE;
  const found = await queryRows<{
    kind: PostKind;
    id: string;
    topic_id: string;
    topic_title: string;
    body_text: string;
    helpful_count: number;
    author_id: string | null;
  }>(
    db,
    sql`
    select * from (
      (select 'topic' as kind, t.id, t.id as topic_id, t.title as topic_title, t.body_text,
              t.helpful_count, t.author_id
         from ${forumTopics} t
        where t.tip_theme = ${theme} and t.helpful_count > 0 and t.group_id is null and t.deleted_at is null
        order by t.helpful_count desc, t.id limit ${offset + limit + 1})
      union all
      (select 'reply', r.id, r.topic_id, t.title, r.body_text, r.helpful_count, r.author_id
         from ${forumReplies} r join ${forumTopics} t on t.id = r.topic_id
        where r.tip_theme = ${theme} and r.helpful_count > 0 and r.group_id is null
          and r.deleted_at is null and t.deleted_at is null
        order by r.helpful_count desc, r.id limit ${offset + limit + 1})
    ) tips
    order by helpful_count desc, id
    offset ${offset} limit ${limit + 1}`,
  );
  const rows = found.slice(0, limit);
  const authorOf = await authorsFor(
    accounts,
    rows.map((r) => r.author_id),
  );
  return {
    theme,
    tips: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      topicId: r.topic_id,
      topicTitle: r.topic_title,
      excerpt: excerpt(r.body_text),
      helpfulCount: Number(r.helpful_count),
      author: authorOf(r.author_id),
    })),
    nextCursor: found.length > limit ? encodeOffset(offset + limit) : null,
  };
}

function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeOffset(cursor: string): number {
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw problems.badRequest(t('forum.problems.badCursor'), {
      cursor: t('forum.fields.cursor.invalid'),
    });
  return Number(match[1]);
}
