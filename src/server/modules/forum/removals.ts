// Taking posts from view: an author's "delete my post", staff removal with a reason (kept
// for review and undoing), putting a post back, and the edit history staff may read.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { PostKind, Removal, RemovalBody, RevisionsResponse } from '../../../contract/forum';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { ForumDeps } from './deps';
import {
  canDeletePost,
  canRemovePost,
  canRestorePost,
  canReviewRemovals,
  canSeeRevisions,
} from './permissions';
import { authorsFor } from './present';
import { addToTopicCount, hidePost, lockedPost, openRemovals } from './queries';
import { forumRemovals, forumReplies, forumRevisions, forumTopics } from './tables';
import { removalEvent } from './telling';
import { visiblePost } from './visibility';

/**
 * Staff see why a moderator removed each of these posts, and the removed words; for
 * anyone else nothing is read and every post shows the plain removed placeholder.
 */
export async function removalsFor(
  deps: ForumDeps,
  actor: Actor,
  posts: { id: string; deletedAt: Date | null; bodyHtml: string }[],
): Promise<Map<string, Removal>> {
  const result = new Map<string, Removal>();
  const removed = posts.filter((p) => p.deletedAt !== null);
  if (!canReviewRemovals(actor) || removed.length === 0) return result;
  const rows = await openRemovals(
    deps.db,
    removed.map((p) => p.id),
  );
  if (rows.length === 0) return result;
  const byOf = await authorsFor(
    deps.accounts,
    rows.map((r) => r.removedBy),
  );
  const html = new Map(removed.map((p) => [p.id, p.bodyHtml]));
  for (const row of rows) {
    result.set(row.postId, {
      reason: row.reason,
      note: row.note,
      by: byOf(row.removedBy),
      at: row.removedAt.toISOString(),
      bodyHtml: html.get(row.postId) ?? '',
    });
  }
  return result;
}

/**
 * "Delete my post": the author's soft delete. The words go from view, the thread others
 * replied to stays. Someone else's post is removed by staff with removePost, with a reason.
 */
export async function deletePost(
  deps: ForumDeps,
  actor: Actor,
  kind: PostKind,
  id: string,
): Promise<void> {
  const { facts } = await visiblePost(deps, actor, kind, id);
  if (facts.authorId !== actor.userId && isModerator(actor)) {
    throw problems.forbidden(t('forum.problems.removeNeedsReason'));
  }
  // Gone already (a double tap, a retry): the same answer as the first time.
  if (facts.deleted && facts.authorId === actor.userId) return;
  if (!canDeletePost(actor, facts)) throw problems.forbidden();
  await deps.db.transaction(async (tx) => {
    const found = await lockedPost(tx, kind, id);
    if (!found || found.row.deletedAt) return;
    await hidePost(tx, kind, id, found.topic, deps.now());
  });
}

/**
 * Staff take someone else's post from view, with a reason. The post and the reason (who,
 * when, why) are kept, so the removal can be reviewed and undone with restorePost.
 * Telling the author comes with notifications.
 */
export async function removePost(
  deps: ForumDeps,
  actor: Actor,
  kind: PostKind,
  id: string,
  input: RemovalBody,
): Promise<void> {
  const note = input.note?.trim() ? input.note.trim() : null;
  const { facts, topicId, title } = await visiblePost(deps, actor, kind, id);
  if (!canReviewRemovals(actor)) throw problems.forbidden();
  if (facts.authorId === actor.userId) throw problems.forbidden(t('forum.problems.removeOwn'));
  // Gone already (a double tap, or its author deleted it): the same answer as the first time.
  if (facts.deleted) return;
  if (!canRemovePost(actor, facts)) throw problems.forbidden();
  await deps.jobs.transaction(async (tx, enqueue) => {
    const found = await lockedPost(tx, kind, id);
    if (!found || found.row.deletedAt) return;
    const at = deps.now();
    await hidePost(tx, kind, id, found.topic, at);
    const [removal] = await tx
      .insert(forumRemovals)
      .values({
        postKind: kind,
        postId: id,
        topicId,
        removedBy: actor.userId,
        reason: input.reason,
        note,
        removedAt: at,
      })
      .onConflictDoNothing()
      .returning({ id: forumRemovals.id });
    if (removal) {
      const post = { kind, id, authorId: facts.authorId, topicId, title };
      await deps.notifications.notify(tx, enqueue, removalEvent(post, input.reason, removal.id));
    }
  });
}

/** Staff put back a post a moderator removed; the removal stays on record as undone. */
export async function restorePost(
  deps: ForumDeps,
  actor: Actor,
  kind: PostKind,
  id: string,
): Promise<void> {
  if (!canReviewRemovals(actor)) throw problems.forbidden();
  await visiblePost(deps, actor, kind, id);
  await deps.db.transaction(async (tx) => {
    const found = await lockedPost(tx, kind, id);
    if (!found) throw problems.notFound(t('forum.problems.postNotFound'));
    const [open] = await tx
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
    // Back already (a double tap): the same answer as the first time.
    if (!open && !found.row.deletedAt) return;
    if (!canRestorePost(actor, open !== undefined) || !open) {
      throw problems.conflict(t('forum.problems.deletedByAuthor'));
    }
    await tx
      .update(forumRemovals)
      .set({ restoredBy: actor.userId, restoredAt: deps.now() })
      .where(eq(forumRemovals.id, open.id));
    if (kind === 'topic') {
      await tx.update(forumTopics).set({ deletedAt: null }).where(eq(forumTopics.id, id));
      if (found.topic.categoryId) await addToTopicCount(tx, found.topic.categoryId, 1);
    } else {
      await tx.update(forumReplies).set({ deletedAt: null }).where(eq(forumReplies.id, id));
    }
  });
}

/** A post's earlier versions, newest first (moderators: they may hold words taken back). */
export async function revisions(
  deps: ForumDeps,
  actor: Actor,
  kind: PostKind,
  id: string,
): Promise<RevisionsResponse> {
  if (!canSeeRevisions(actor)) throw problems.forbidden();
  await visiblePost(deps, actor, kind, id);
  const rows = await deps.db
    .select()
    .from(forumRevisions)
    .where(and(eq(forumRevisions.postId, id), eq(forumRevisions.postKind, kind)))
    .orderBy(desc(forumRevisions.createdAt));
  const authorOf = await authorsFor(
    deps.accounts,
    rows.map((r) => r.editorId),
  );
  return {
    revisions: rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      editedAt: r.createdAt.toISOString(),
      editor: authorOf(r.editorId),
    })),
  };
}
