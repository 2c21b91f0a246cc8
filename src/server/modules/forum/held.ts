// Held posts: a moderator lets one be seen. It is counted and told of then, as if just sent.
import { eq, sql } from 'drizzle-orm';
import type { PostKind } from '../../../contract/forum';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { renderPost } from '../../lib/markdown';
import type { ForumDeps } from './deps';
import { canReviewRemovals } from './permissions';
import { addToTopicCount } from './queries';
import { forumReplies, forumTopics } from './tables';
import { authorToTell, mentionEvent, mentionedToTell, replyEvents } from './telling';

/**
 * Lets a held post be seen by everyone who may read where it is. Answers false when it was not
 * held (already let through, or never held): a second tap changes nothing.
 */
export async function releaseHeld(
  deps: ForumDeps,
  moderator: Actor,
  kind: PostKind,
  id: string,
): Promise<boolean> {
  if (!canReviewRemovals(moderator)) throw problems.forbidden();
  const [row] =
    kind === 'topic'
      ? await deps.db
          .select({
            topicId: forumTopics.id,
            authorId: forumTopics.authorId,
            heldAt: forumTopics.heldAt,
            body: forumTopics.body,
          })
          .from(forumTopics)
          .where(eq(forumTopics.id, id))
      : await deps.db
          .select({
            topicId: forumReplies.topicId,
            authorId: forumReplies.authorId,
            heldAt: forumReplies.heldAt,
            body: forumReplies.body,
          })
          .from(forumReplies)
          .where(eq(forumReplies.id, id));
  if (!row) throw problems.notFound(t('forum.problems.postNotFound'));
  if (row.heldAt === null) return false;
  const [topic] = await deps.db
    .select({
      title: forumTopics.title,
      authorId: forumTopics.authorId,
      groupId: forumTopics.groupId,
      categoryId: forumTopics.categoryId,
    })
    .from(forumTopics)
    .where(eq(forumTopics.id, row.topicId));
  if (!topic) throw problems.notFound(t('forum.problems.postNotFound'));
  // Who is told is asked before the transaction (embedded PGlite has one connection), with
  // the writer's own limits: a held post does not get round the mention cap.
  const where = { topicId: row.topicId, title: topic.title, groupId: topic.groupId };
  const writer: Actor = {
    userId: row.authorId ?? '',
    sessionId: '',
    siteRole: 'member',
    trustLevel: 0,
  };
  const mentioned = row.authorId
    ? await mentionedToTell(deps, writer, where, renderPost(row.body).mentions)
    : [];
  const topicAuthor = kind === 'reply' ? await authorToTell(deps, where, topic.authorId) : [];
  const at = deps.now();
  return deps.jobs.transaction(async (tx, enqueue) => {
    const table = kind === 'topic' ? forumTopics : forumReplies;
    const [released] = await tx
      .update(table)
      .set({ heldAt: null, heldReason: null })
      .where(sql`${table.id} = ${id} and ${table.heldAt} is not null`)
      .returning({ id: table.id });
    if (!released) return false;
    if (kind === 'reply') {
      await tx
        .update(forumTopics)
        .set({ replyCount: sql`${forumTopics.replyCount} + 1`, lastActivityAt: at })
        .where(eq(forumTopics.id, row.topicId));
    } else if (topic.categoryId) {
      await addToTopicCount(tx, topic.categoryId, 1);
    }
    if (row.authorId) {
      const events =
        kind === 'reply'
          ? replyEvents(writer, where, id, topicAuthor, mentioned)
          : mentioned.length > 0
            ? [mentionEvent(writer, where, 'topic', id, mentioned)]
            : [];
      await deps.notifications.notify(tx, enqueue, events);
    }
    return true;
  });
}
