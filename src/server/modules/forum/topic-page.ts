// Reading a topic: the opening post and a page of replies, as this person sees them.
import { and, asc, eq } from 'drizzle-orm';
import type { TopicPage } from '../../../contract/forum';
import { REPLIES_PER_PAGE } from '../../../contract/values';
import type { Actor } from '../../lib/access';
import { t } from '../../lib/i18n';
import { afterPosition, decodeCursor, pageOf } from '../../lib/pagination';
import type { ForumDeps } from './deps';
import { canReply } from './permissions';
import { authorsFor, toPost, topicFacts } from './present';
import { helpfulMarksBy, markRead, reactionsFor } from './queries';
import { removalsFor } from './removals';
import { forumBookmarks, forumReplies } from './tables';
import { visibleTopic } from './visibility';

/** A topic with a page of its replies, oldest first; reading it marks it read. */
export async function topicPage(
  deps: ForumDeps,
  actor: Actor,
  topicId: string,
  cursor: string | undefined,
): Promise<TopicPage> {
  const { db } = deps;
  const after = afterPosition(
    { sort: forumReplies.createdAt, id: forumReplies.id },
    decodeCursor(cursor),
    'asc',
  );
  // The replies are read alongside the topic; nothing is sent unless the topic may be seen.
  const [{ topic, writes }, rows] = await Promise.all([
    visibleTopic(deps, actor, topicId),
    db
      .select({
        id: forumReplies.id,
        groupId: forumReplies.groupId,
        authorId: forumReplies.authorId,
        body: forumReplies.body,
        bodyHtml: forumReplies.bodyHtml,
        helpfulCount: forumReplies.helpfulCount,
        createdAt: forumReplies.createdAt,
        editedAt: forumReplies.editedAt,
        deletedAt: forumReplies.deletedAt,
      })
      .from(forumReplies)
      .where(and(eq(forumReplies.topicId, topicId), after))
      .orderBy(asc(forumReplies.createdAt), asc(forumReplies.id))
      .limit(REPLIES_PER_PAGE + 1),
  ]);
  const { items: replies, nextCursor } = pageOf(rows, REPLIES_PER_PAGE, (reply) => ({
    at: reply.createdAt,
    id: reply.id,
  }));
  const postIds = [topic.id, ...replies.map((r) => r.id)];
  const [authorOf, reactions, helpful, bookmark, category, removals] = await Promise.all([
    authorsFor(deps.accounts, [topic.authorId, ...replies.map((r) => r.authorId)]),
    reactionsFor(db, actor.userId, postIds),
    helpfulMarksBy(db, actor.userId, postIds),
    db
      .select({ topicId: forumBookmarks.topicId })
      .from(forumBookmarks)
      .where(and(eq(forumBookmarks.userId, actor.userId), eq(forumBookmarks.topicId, topic.id)))
      .limit(1),
    topic.categoryId ? deps.categories.byId(topic.categoryId) : null,
    removalsFor(deps, actor, [topic, ...replies]),
    markRead(db, actor.userId, topic.id, deps.now()),
  ]);
  const post = (kind: 'topic' | 'reply', row: (typeof replies)[number] | typeof topic) =>
    toPost(
      actor,
      kind,
      row,
      authorOf(row.authorId),
      reactions.get(row.id),
      helpful.has(row.id),
      writes,
      removals.get(row.id) ?? null,
    );
  return {
    topic: {
      id: topic.id,
      title: topic.deletedAt ? t('forum.server.removedTitle') : topic.title,
      category: category ?? { id: topic.groupId ?? topic.id, slug: '', name: '' },
      groupId: topic.groupId,
      tipTheme: topic.tipTheme,
      replyCount: topic.replyCount,
      bookmarked: bookmark.length > 0,
      canReply: canReply(actor, topicFacts(topic), true, writes),
      post: post('topic', topic),
    },
    replies: replies.map((r) => post('reply', r)),
    nextCursor,
  };
}
