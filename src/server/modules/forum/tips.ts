// The tips library: the most helpful posts of a theme, from topics and replies alike.
import { sql } from 'drizzle-orm';
import type { PostKind, TipsResponse, TipTheme } from '../../../contract/forum';
import { queryRows } from '../../db';
import { afterPosition, decodeCursor, pageOf } from '../../lib/pagination';
import type { ForumDeps } from './deps';
import { authorsFor, excerpt } from './present';
import { forumReplies, forumTopics } from './tables';

const TIPS_PER_PAGE = 20;

/**
 * The most helpful tips of a theme (never from private boards), most helpful first,
 * by the keyset (helpful count, id): each side of the union seeks to the cursor itself.
 */
export async function tips(
  { db, accounts }: ForumDeps,
  theme: TipTheme,
  cursor: string | undefined,
): Promise<TipsResponse> {
  const position = decodeCursor(cursor, 'number');
  const limit = TIPS_PER_PAGE;
  const afterTopic = afterPosition(
    { sort: forumTopics.helpfulCount, id: forumTopics.id },
    position,
    'desc',
  );
  const afterReply = afterPosition(
    { sort: forumReplies.helpfulCount, id: forumReplies.id },
    position,
    'desc',
  );
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
      (select 'topic' as kind, ${forumTopics.id} as id, ${forumTopics.id} as topic_id,
              ${forumTopics.title} as topic_title, ${forumTopics.bodyText} as body_text,
              ${forumTopics.helpfulCount} as helpful_count, ${forumTopics.authorId} as author_id
         from ${forumTopics}
        where ${forumTopics.tipTheme} = ${theme} and ${forumTopics.helpfulCount} > 0
          and ${forumTopics.groupId} is null and ${forumTopics.deletedAt} is null
          and ${forumTopics.heldAt} is null
          and ${afterTopic ?? sql`true`}
        order by ${forumTopics.helpfulCount} desc, ${forumTopics.id} desc limit ${limit + 1})
      union all
      (select 'reply', ${forumReplies.id}, ${forumReplies.topicId}, ${forumTopics.title},
              ${forumReplies.bodyText}, ${forumReplies.helpfulCount}, ${forumReplies.authorId}
         from ${forumReplies} join ${forumTopics} on ${forumTopics.id} = ${forumReplies.topicId}
        where ${forumReplies.tipTheme} = ${theme} and ${forumReplies.helpfulCount} > 0
          and ${forumReplies.groupId} is null and ${forumReplies.deletedAt} is null
          and ${forumReplies.heldAt} is null and ${forumTopics.deletedAt} is null
          and ${forumTopics.heldAt} is null
          and ${afterReply ?? sql`true`}
        order by ${forumReplies.helpfulCount} desc, ${forumReplies.id} desc limit ${limit + 1})
    ) tips
    order by helpful_count desc, id desc
    limit ${limit + 1}`,
  );
  const page = pageOf(found, limit, (r) => ({ at: Number(r.helpful_count), id: r.id }));
  const authorOf = await authorsFor(
    accounts,
    page.items.map((r) => r.author_id),
  );
  return {
    theme,
    tips: page.items.map((r) => ({
      kind: r.kind,
      id: r.id,
      topicId: r.topic_id,
      topicTitle: r.topic_title,
      excerpt: excerpt(r.body_text),
      helpfulCount: Number(r.helpful_count),
      author: authorOf(r.author_id),
    })),
    nextCursor: page.nextCursor,
  };
}
