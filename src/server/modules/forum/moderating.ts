// What the moderation module asks of the forum: posts' words and threads for a case (even
// while hidden or held), and taking posts from view or back, inside moderation's transaction.
// Who may do these is decided by the moderation module; nothing here checks a person.
import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { PostKind, RemovalReason } from '../../../contract/forum';
import type { Db, Tx } from '../../db';
import { addToTopicCount, hidePost, lockedPost } from './queries';
import { forumRemovals, forumReplies, forumTopics, type HeldReason } from './tables';

/** A post as a moderator sees it. */
export interface ModeratedPost {
  kind: PostKind;
  id: string;
  topicId: string;
  /** The topic's title. */
  title: string;
  groupId: string | null;
  authorId: string | null;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  /** Its own deletion, or its topic's. */
  deleted: boolean;
  held: boolean;
}

const postKey = (kind: PostKind, id: string) => `${kind}:${id}`;

/** These posts, keyed `kind:id`; posts that do not exist are left out. Two queries at most. */
export async function postsForModeration(
  db: Db | Tx,
  refs: { kind: PostKind; id: string }[],
): Promise<Map<string, ModeratedPost>> {
  const result = new Map<string, ModeratedPost>();
  const topicIds = [...new Set(refs.filter((r) => r.kind === 'topic').map((r) => r.id))];
  const replyIds = [...new Set(refs.filter((r) => r.kind === 'reply').map((r) => r.id))];
  if (topicIds.length > 0) {
    const rows = await db
      .select({
        id: forumTopics.id,
        title: forumTopics.title,
        groupId: forumTopics.groupId,
        authorId: forumTopics.authorId,
        bodyHtml: forumTopics.bodyHtml,
        createdAt: forumTopics.createdAt,
        editedAt: forumTopics.editedAt,
        deletedAt: forumTopics.deletedAt,
        heldAt: forumTopics.heldAt,
      })
      .from(forumTopics)
      .where(inArray(forumTopics.id, topicIds));
    for (const r of rows) {
      result.set(postKey('topic', r.id), {
        kind: 'topic',
        id: r.id,
        topicId: r.id,
        title: r.title,
        groupId: r.groupId,
        authorId: r.authorId,
        bodyHtml: r.bodyHtml,
        createdAt: r.createdAt,
        editedAt: r.editedAt,
        deleted: r.deletedAt !== null,
        held: r.heldAt !== null,
      });
    }
  }
  if (replyIds.length > 0) {
    for (const post of await replyRows(db, inArray(forumReplies.id, replyIds))) {
      result.set(postKey('reply', post.id), post);
    }
  }
  return result;
}

async function replyRows(db: Db | Tx, where: SQL | undefined, order?: 'asc' | 'desc', limit = 0) {
  const query = db
    .select({
      id: forumReplies.id,
      topicId: forumReplies.topicId,
      title: forumTopics.title,
      groupId: forumReplies.groupId,
      authorId: forumReplies.authorId,
      bodyHtml: forumReplies.bodyHtml,
      createdAt: forumReplies.createdAt,
      editedAt: forumReplies.editedAt,
      deletedAt: forumReplies.deletedAt,
      topicDeletedAt: forumTopics.deletedAt,
      heldAt: forumReplies.heldAt,
    })
    .from(forumReplies)
    .innerJoin(forumTopics, eq(forumTopics.id, forumReplies.topicId))
    .where(where)
    .$dynamic();
  if (order) {
    const by = order === 'asc' ? asc : desc;
    query.orderBy(by(forumReplies.createdAt), by(forumReplies.id)).limit(limit);
  }
  const rows = await query;
  return rows.map(
    (r): ModeratedPost => ({
      kind: 'reply',
      id: r.id,
      topicId: r.topicId,
      title: r.title,
      groupId: r.groupId,
      authorId: r.authorId,
      bodyHtml: r.bodyHtml,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      deleted: r.deletedAt !== null || r.topicDeletedAt !== null,
      held: r.heldAt !== null,
    }),
  );
}

/**
 * The thread a post sits in, for a moderator: the topic's opening post and, for a reply,
 * up to `around` replies before and after it, in the order they were written.
 */
export async function threadAround(
  db: Db | Tx,
  post: ModeratedPost,
  around = 2,
): Promise<{ topicId: string; title: string; posts: ModeratedPost[] }> {
  const opening = (await postsForModeration(db, [{ kind: 'topic', id: post.topicId }])).get(
    postKey('topic', post.topicId),
  );
  const posts: ModeratedPost[] = opening ? [opening] : [];
  if (post.kind === 'reply') {
    // Not the post itself, even where the database keeps finer times than the app's clock.
    const inTopic = and(eq(forumReplies.topicId, post.topicId), ne(forumReplies.id, post.id));
    const before = await replyRows(
      db,
      and(
        inTopic,
        sql`(${forumReplies.createdAt}, ${forumReplies.id}) < (${post.createdAt.toISOString()}::timestamptz, ${post.id}::uuid)`,
      ),
      'desc',
      around,
    );
    const after = await replyRows(
      db,
      and(
        inTopic,
        sql`(${forumReplies.createdAt}, ${forumReplies.id}) > (${post.createdAt.toISOString()}::timestamptz, ${post.id}::uuid)`,
      ),
      'asc',
      around,
    );
    posts.push(...before.reverse(), post, ...after);
  }
  return { topicId: post.topicId, title: post.title, posts };
}

/** A moderator's removal reason and who decided (null: enough reports, no one person). */
export interface TakenDownBy {
  userId: string | null;
  reason: RemovalReason;
  note: string | null;
}

/**
 * Takes a post from view as staff removal does (forum_removals keeps who, when and why, so
 * forum staff see it and it can be put back). A held post is let go of its hold first, so
 * the counts stay right. 'gone': its author deleted it; 'missing': no such post.
 */
export async function takeDownPost(
  tx: Tx,
  kind: PostKind,
  id: string,
  by: TakenDownBy,
  at: Date,
): Promise<'hidden' | 'already' | 'gone' | 'missing'> {
  const found = await lockedPost(tx, kind, id);
  if (!found) return 'missing';
  if (found.row.deletedAt) {
    const [open] = await openRemoval(tx, kind, id);
    if (!open) return 'gone';
    await tx
      .update(forumRemovals)
      .set({ removedBy: by.userId, reason: by.reason, note: by.note })
      .where(eq(forumRemovals.id, open.id));
    return 'already';
  }
  if (found.row.heldAt) await unhold(tx, kind, id, found.topic);
  await hidePost(tx, kind, id, found.topic, at);
  await tx
    .insert(forumRemovals)
    .values({
      postKind: kind,
      postId: id,
      topicId: found.topic.id,
      removedBy: by.userId,
      reason: by.reason,
      note: by.note,
      removedAt: at,
    })
    .onConflictDoNothing();
  return 'hidden';
}

/** Puts back a post staff took down; the removal stays on record as undone. */
export async function putBackPost(
  tx: Tx,
  kind: PostKind,
  id: string,
  byUserId: string,
  at: Date,
): Promise<'restored' | 'not_hidden' | 'gone' | 'missing'> {
  const found = await lockedPost(tx, kind, id);
  if (!found) return 'missing';
  const [open] = await openRemoval(tx, kind, id);
  if (!open) return found.row.deletedAt ? 'gone' : 'not_hidden';
  await tx
    .update(forumRemovals)
    .set({ restoredBy: byUserId, restoredAt: at })
    .where(eq(forumRemovals.id, open.id));
  if (kind === 'topic') {
    await tx.update(forumTopics).set({ deletedAt: null }).where(eq(forumTopics.id, id));
    if (found.topic.categoryId && !found.row.heldAt) {
      await addToTopicCount(tx, found.topic.categoryId, 1);
    }
  } else {
    await tx.update(forumReplies).set({ deletedAt: null }).where(eq(forumReplies.id, id));
  }
  return 'restored';
}

/**
 * Holds a live post because enough people reported it: only its author and moderators see it
 * until a moderator decides. Held posts are not counted (forum/held.ts counts them on release).
 */
export async function holdForReports(
  tx: Tx,
  kind: PostKind,
  id: string,
  at: Date,
): Promise<boolean> {
  const found = await lockedPost(tx, kind, id);
  if (!found || found.row.deletedAt || found.row.heldAt) return false;
  if (kind === 'topic') {
    await tx
      .update(forumTopics)
      .set({ heldAt: at, heldReason: 'reports' })
      .where(eq(forumTopics.id, id));
    if (found.topic.categoryId) await addToTopicCount(tx, found.topic.categoryId, -1);
  } else {
    await tx
      .update(forumReplies)
      .set({ heldAt: at, heldReason: 'reports' })
      .where(eq(forumReplies.id, id));
    await tx
      .update(forumTopics)
      .set({ replyCount: sql`greatest(${forumTopics.replyCount} - 1, 0)` })
      .where(eq(forumTopics.id, found.topic.id));
  }
  return true;
}

/** Is this post held now (for any reason)? */
export async function isHeld(
  db: Db | Tx,
  kind: PostKind,
  id: string,
  /** Only when it is held for one of these reasons (a case lets through only what it held). */
  reasons?: readonly HeldReason[],
): Promise<boolean> {
  const table = kind === 'topic' ? forumTopics : forumReplies;
  const [row] = await db
    .select({ heldAt: table.heldAt, heldReason: table.heldReason })
    .from(table)
    .where(eq(table.id, id))
    .limit(1);
  if (!row?.heldAt) return false;
  return !reasons || (row.heldReason !== null && reasons.includes(row.heldReason));
}

async function openRemoval(tx: Tx, kind: PostKind, id: string) {
  return tx
    .select({ id: forumRemovals.id })
    .from(forumRemovals)
    .where(
      and(
        eq(forumRemovals.postKind, kind),
        eq(forumRemovals.postId, id),
        isNull(forumRemovals.restoredAt),
      ),
    )
    .limit(1);
}

/** Lets go of a hold without telling anyone, counting the post again (before a take-down). */
async function unhold(
  tx: Tx,
  kind: PostKind,
  id: string,
  topic: { id: string; categoryId: string | null },
) {
  if (kind === 'topic') {
    await tx
      .update(forumTopics)
      .set({ heldAt: null, heldReason: null })
      .where(eq(forumTopics.id, id));
    if (topic.categoryId) await addToTopicCount(tx, topic.categoryId, 1);
  } else {
    await tx
      .update(forumReplies)
      .set({ heldAt: null, heldReason: null })
      .where(eq(forumReplies.id, id));
    await tx
      .update(forumTopics)
      .set({ replyCount: sql`${forumTopics.replyCount} + 1` })
      .where(eq(forumTopics.id, topic.id));
  }
}
