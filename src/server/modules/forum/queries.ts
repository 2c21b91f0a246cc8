// Drizzle reads and writes that several forum use cases share. No rules here: who may do
// what is decided by the use cases, with permissions.ts.
import { and, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PostKind, Reactions } from '../../../contract/forum';
import { TOPICS_PER_PAGE } from '../../../contract/values';
import type { Db, Tx } from '../../db';
import { afterPosition, decodeCursor, pageOf } from '../../lib/pagination';
import { reactionZero } from './present';
import {
  forumCategories,
  forumHelpful,
  forumImageUses,
  forumReactions,
  forumRemovals,
  forumReplies,
  forumTopicReads,
  forumTopics,
} from './tables';

export type TopicRow = typeof forumTopics.$inferSelect;
export type ReplyRow = typeof forumReplies.$inferSelect;

/** What the forum reads of a topic: not the search vector nor the plain text, the bulk of a row. */
const topicColumns = {
  id: forumTopics.id,
  categoryId: forumTopics.categoryId,
  groupId: forumTopics.groupId,
  authorId: forumTopics.authorId,
  title: forumTopics.title,
  body: forumTopics.body,
  bodyHtml: forumTopics.bodyHtml,
  tipTheme: forumTopics.tipTheme,
  replyCount: forumTopics.replyCount,
  helpfulCount: forumTopics.helpfulCount,
  lastActivityAt: forumTopics.lastActivityAt,
  createdAt: forumTopics.createdAt,
  editedAt: forumTopics.editedAt,
  deletedAt: forumTopics.deletedAt,
  heldAt: forumTopics.heldAt,
};
export type TopicView = Pick<TopicRow, keyof typeof topicColumns>;

export async function topicById(db: Db, topicId: string): Promise<TopicView | undefined> {
  const [topic] = await db
    .select(topicColumns)
    .from(forumTopics)
    .where(eq(forumTopics.id, topicId))
    .limit(1);
  return topic;
}

/** What deciding about a reply needs: where it sits, who wrote it, whether it is gone. */
export async function replyFactsById(db: Db, replyId: string) {
  const [reply] = await db
    .select({
      id: forumReplies.id,
      topicId: forumReplies.topicId,
      authorId: forumReplies.authorId,
      deletedAt: forumReplies.deletedAt,
      groupId: forumReplies.groupId,
      heldAt: forumReplies.heldAt,
    })
    .from(forumReplies)
    .where(eq(forumReplies.id, replyId))
    .limit(1);
  return reply;
}

/** The columns a topic list shows. */
export const topicListColumns = {
  id: forumTopics.id,
  categoryId: forumTopics.categoryId,
  groupId: forumTopics.groupId,
  authorId: forumTopics.authorId,
  title: forumTopics.title,
  replyCount: forumTopics.replyCount,
  createdAt: forumTopics.createdAt,
  lastActivityAt: forumTopics.lastActivityAt,
};

export type ListedTopic = Pick<
  TopicRow,
  | 'id'
  | 'categoryId'
  | 'groupId'
  | 'authorId'
  | 'title'
  | 'replyCount'
  | 'createdAt'
  | 'lastActivityAt'
> & { lastReadAt?: Date | null };

/** One page of live topics, newest activity first, after the cursor's position. */
export async function topicRows(
  db: Db,
  userId: string,
  where: SQL | undefined,
  cursor: string | undefined,
) {
  const after = afterPosition(
    { sort: forumTopics.lastActivityAt, id: forumTopics.id },
    decodeCursor(cursor),
    'desc',
  );
  // My read marker rides along in the same query (one round trip fewer on the busiest page).
  const rows = await db
    .select({ ...topicListColumns, lastReadAt: forumTopicReads.lastReadAt })
    .from(forumTopics)
    .leftJoin(
      forumTopicReads,
      and(eq(forumTopicReads.topicId, forumTopics.id), eq(forumTopicReads.userId, userId)),
    )
    .where(
      and(
        where,
        isNull(forumTopics.deletedAt),
        // A held topic is listed for its author alone (moderators find it in their queue).
        or(isNull(forumTopics.heldAt), eq(forumTopics.authorId, userId)),
        after,
      ),
    )
    .orderBy(desc(forumTopics.lastActivityAt), desc(forumTopics.id))
    .limit(TOPICS_PER_PAGE + 1);
  const { items, nextCursor } = pageOf<ListedTopic>(rows, TOPICS_PER_PAGE, (row) => ({
    at: row.lastActivityAt,
    id: row.id,
  }));
  return { page: items, nextCursor };
}

/** When the person last read each of these topics. */
export async function readMarkers(
  db: Db,
  userId: string,
  topicIds: string[],
): Promise<Map<string, Date>> {
  if (topicIds.length === 0) return new Map();
  const rows = await db
    .select({ topicId: forumTopicReads.topicId, lastReadAt: forumTopicReads.lastReadAt })
    .from(forumTopicReads)
    .where(and(eq(forumTopicReads.userId, userId), inArray(forumTopicReads.topicId, topicIds)));
  return new Map(rows.map((r) => [r.topicId, r.lastReadAt]));
}

/** Marks the topic read up to `at` (or, with onlyIfUnread, only when it has no marker yet). */
export async function markRead(
  db: Db | Tx,
  userId: string,
  topicId: string,
  at: Date,
  onlyIfUnread = false,
): Promise<void> {
  const insert = db.insert(forumTopicReads).values({ userId, topicId, lastReadAt: at });
  await (onlyIfUnread
    ? insert.onConflictDoNothing()
    : insert.onConflictDoUpdate({
        target: [forumTopicReads.userId, forumTopicReads.topicId],
        set: { lastReadAt: at },
      }));
}

/** A post and its topic, locked for the rest of the transaction. */
export async function lockedPost(tx: Tx, kind: PostKind, id: string) {
  if (kind === 'topic') {
    const [row] = await tx.select().from(forumTopics).where(eq(forumTopics.id, id)).for('update');
    return row ? { row, topic: row } : null;
  }
  const [row] = await tx.select().from(forumReplies).where(eq(forumReplies.id, id)).for('update');
  if (!row) return null;
  const [topic] = await tx.select().from(forumTopics).where(eq(forumTopics.id, row.topicId));
  return topic ? { row, topic } : null;
}

/** Takes a post from view inside a transaction; a topic also leaves its category's count. */
export async function hidePost(
  tx: Tx,
  kind: PostKind,
  id: string,
  topic: Pick<TopicRow, 'categoryId'>,
  at: Date,
) {
  if (kind === 'topic') {
    await tx.update(forumTopics).set({ deletedAt: at }).where(eq(forumTopics.id, id));
    if (topic.categoryId) await addToTopicCount(tx, topic.categoryId, -1);
  } else {
    await tx.update(forumReplies).set({ deletedAt: at }).where(eq(forumReplies.id, id));
  }
}

/** Counts a topic in or out of its category's number of topics (never below zero). */
export async function addToTopicCount(tx: Tx, categoryId: string, step: 1 | -1) {
  await tx
    .update(forumCategories)
    .set({
      topicCount:
        step > 0
          ? sql`${forumCategories.topicCount} + 1`
          : sql`greatest(${forumCategories.topicCount} - 1, 0)`,
    })
    .where(eq(forumCategories.id, categoryId));
}

/** Records which pictures a post shows now (replacing what it showed before an edit). */
export async function recordImageUses(
  tx: Tx,
  post: { kind: PostKind; id: string; topicId: string },
  imageIds: string[],
) {
  await tx
    .delete(forumImageUses)
    .where(and(eq(forumImageUses.postKind, post.kind), eq(forumImageUses.postId, post.id)));
  if (imageIds.length === 0) return;
  await tx
    .insert(forumImageUses)
    .values(
      imageIds.map((imageId) => ({
        imageId,
        postKind: post.kind,
        postId: post.id,
        topicId: post.topicId,
      })),
    )
    .onConflictDoNothing();
}

/** Each post's reaction counts, and which of them are the person's own. */
export async function reactionsFor(
  db: Db,
  userId: string,
  postIds: string[],
): Promise<Map<string, Reactions>> {
  const result = new Map<string, Reactions>();
  if (postIds.length === 0) return result;
  const rows = await db
    .select({
      postId: forumReactions.postId,
      kind: forumReactions.kind,
      n: count(),
      mine: sql<boolean>`bool_or(${forumReactions.userId} = ${userId})`,
    })
    .from(forumReactions)
    .where(inArray(forumReactions.postId, postIds))
    .groupBy(forumReactions.postId, forumReactions.kind);
  for (const row of rows) {
    const reactions = result.get(row.postId) ?? reactionZero();
    reactions[row.kind] = Number(row.n);
    if (row.mine) reactions.mine.push(row.kind);
    result.set(row.postId, reactions);
  }
  return result;
}

/** Which of these posts the person marked "this helped me". */
export async function helpfulMarksBy(
  db: Db,
  userId: string,
  postIds: string[],
): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .select({ postId: forumHelpful.postId })
    .from(forumHelpful)
    .where(and(eq(forumHelpful.userId, userId), inArray(forumHelpful.postId, postIds)));
  return new Set(rows.map((r) => r.postId));
}

/** The removals still in force on these posts. */
export async function openRemovals(db: Db, postIds: string[]) {
  return db
    .select({
      postId: forumRemovals.postId,
      removedBy: forumRemovals.removedBy,
      reason: forumRemovals.reason,
      note: forumRemovals.note,
      removedAt: forumRemovals.removedAt,
    })
    .from(forumRemovals)
    .where(and(inArray(forumRemovals.postId, postIds), isNull(forumRemovals.restoredAt)));
}
