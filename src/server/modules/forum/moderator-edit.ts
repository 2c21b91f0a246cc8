// A moderator changes a post's words, with a reason, inside moderation's transaction: the
// moderation module decides who may and why; nothing here checks a person. The earlier words
// are kept as a revision, as an author's own edit keeps them, and the post says it was changed
// by a moderator until its author changes it again (the newest revision is not theirs).
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { PostKind } from '../../../contract/forum';
import type { Db, Tx } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { imageIdsIn, renderPost } from '../../lib/markdown';
import { shownWords } from './care';
import type { ForumDeps } from './deps';
import { lockedPost, recordImageUses } from './queries';
import { forumImageUses, forumReplies, forumRevisions, forumTopics } from './tables';
import { renderChecked } from './writing';

/** A moderator's new words for a post; a title only for a topic (a reply's is ignored). */
export interface ModeratorWords {
  body: string;
  title?: string | undefined;
}

export type ModeratorEditResult =
  | { result: 'edited'; revisionId: string }
  /** Taken from view (by its author, or a moderator): there is nothing to change. */
  | { result: 'gone' }
  | { result: 'missing' };

/**
 * Changes a post's words as a moderator. The words are checked like any post's; pictures may
 * stay or go, but none may be added (they would be the moderator's, not the author's).
 * Runs in `tx` when given (moderation's, holding its action and audit row), else in its own.
 */
export async function editAsModerator(
  deps: Pick<ForumDeps, 'db' | 'now'>,
  tx: Tx | undefined,
  moderator: Actor,
  kind: PostKind,
  id: string,
  words: ModeratorWords,
): Promise<ModeratorEditResult> {
  const rendered = renderChecked(words.body);
  const work = async (tx: Tx): Promise<ModeratorEditResult> => {
    const found = await lockedPost(tx, kind, id);
    if (!found) return { result: 'missing' };
    if (found.row.deletedAt || found.topic.deletedAt) return { result: 'gone' };
    const imageIds = [...new Set(imageIdsIn(rendered.images))];
    if (imageIds.length > 0) {
      const kept = await tx
        .select({ imageId: forumImageUses.imageId })
        .from(forumImageUses)
        .where(
          and(
            eq(forumImageUses.postKind, kind),
            eq(forumImageUses.postId, id),
            inArray(forumImageUses.imageId, imageIds),
          ),
        );
      if (kept.length !== imageIds.length) {
        throw problems.invalid({ body: t('forum.fields.body.imageNotYours') });
      }
    }
    const [revision] = await tx
      .insert(forumRevisions)
      .values({
        postId: id,
        postKind: kind,
        editorId: moderator.userId,
        title: kind === 'topic' ? found.topic.title : null,
        body: found.row.body,
      })
      .returning({ id: forumRevisions.id });
    if (!revision) throw problems.internal();
    const change = {
      body: words.body,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      editedAt: deps.now(),
    };
    if (kind === 'topic') {
      await tx
        .update(forumTopics)
        .set({ ...change, ...(words.title !== undefined ? { title: words.title } : {}) })
        .where(eq(forumTopics.id, id));
    } else {
      await tx.update(forumReplies).set(change).where(eq(forumReplies.id, id));
    }
    await recordImageUses(tx, { kind, id, topicId: found.topic.id }, imageIds);
    return { result: 'edited', revisionId: revision.id };
  };
  return tx ? work(tx) : deps.db.transaction(work);
}

/**
 * Puts back the author's words a moderator's edit replaced (an appeal overturned it), if the
 * words shown are still that edit's: words the author wrote since are theirs and stay.
 * The moderator's words are kept as a revision credited to the author, since the step puts
 * back what they wrote: the post then no longer says a moderator changed it. Who undid the
 * edit is on the moderation action and in the audit log.
 */
export async function undoModeratorEdit(
  deps: Pick<ForumDeps, 'screening'>,
  tx: Tx,
  kind: PostKind,
  id: string,
  revisionId: string,
  at: Date,
): Promise<'restored' | 'changed_since' | 'missing'> {
  const found = await lockedPost(tx, kind, id);
  if (!found) return 'missing';
  const [newest] = await tx
    .select({ id: forumRevisions.id, title: forumRevisions.title, body: forumRevisions.body })
    .from(forumRevisions)
    .where(and(eq(forumRevisions.postId, id), eq(forumRevisions.postKind, kind)))
    .orderBy(desc(forumRevisions.createdAt), desc(forumRevisions.id))
    .limit(1);
  if (!newest || newest.id !== revisionId) return 'changed_since';
  await tx.insert(forumRevisions).values({
    postId: id,
    postKind: kind,
    editorId: found.row.authorId,
    title: kind === 'topic' ? found.topic.title : null,
    body: found.row.body,
  });
  // The author's words were checked when they wrote them: rendered again as they were, with
  // watched words hidden as they would be now.
  const rendered = renderPost(newest.body);
  const { hide } = await deps.screening.watched(rendered.text);
  const shown = shownWords(deps, newest.body, rendered, hide);
  const change = {
    body: newest.body,
    bodyHtml: shown.html,
    bodyText: shown.text,
    editedAt: at,
  };
  if (kind === 'topic') {
    await tx
      .update(forumTopics)
      .set({ ...change, ...(newest.title !== null ? { title: newest.title } : {}) })
      .where(eq(forumTopics.id, id));
  } else {
    await tx.update(forumReplies).set(change).where(eq(forumReplies.id, id));
  }
  await recordImageUses(tx, { kind, id, topicId: found.topic.id }, imageIdsIn(rendered.images));
  return 'restored';
}

/**
 * A post's words as written (markdown), for a moderator to start from; null if gone. For
 * someone who is not a site moderator (a facilitator on their board), watched words to hide
 * stay hidden.
 */
export async function wordsOf(
  deps: Pick<ForumDeps, 'db' | 'screening'>,
  kind: PostKind,
  id: string,
  asModerator = true,
): Promise<{ title: string | null; body: string } | null> {
  const words = await wordsAsWritten(deps.db, kind, id);
  if (!words || asModerator) return words;
  const { hide } = await deps.screening.watched(`${words.title ?? ''}\n${words.body}`);
  if (hide.length === 0) return words;
  return {
    title: words.title === null ? null : deps.screening.hideWords(words.title, hide),
    body: deps.screening.hideWords(words.body, hide),
  };
}

async function wordsAsWritten(
  db: Db,
  kind: PostKind,
  id: string,
): Promise<{ title: string | null; body: string } | null> {
  if (kind === 'topic') {
    const [row] = await db
      .select({
        title: forumTopics.title,
        body: forumTopics.body,
        deletedAt: forumTopics.deletedAt,
      })
      .from(forumTopics)
      .where(eq(forumTopics.id, id))
      .limit(1);
    return row && !row.deletedAt ? { title: row.title, body: row.body } : null;
  }
  const [row] = await db
    .select({ body: forumReplies.body, deletedAt: forumReplies.deletedAt })
    .from(forumReplies)
    .where(eq(forumReplies.id, id))
    .limit(1);
  return row && !row.deletedAt ? { title: null, body: row.body } : null;
}

/**
 * Of these posts, those whose words shown now are a moderator's change: the newest revision
 * was made by someone other than the author (a moderator whose account is gone counts as no
 * one). Only edited posts are asked about, in one query.
 */
export async function changedByModerators(
  db: Db,
  posts: { id: string; authorId: string | null; editedAt: Date | null }[],
): Promise<Set<string>> {
  const edited = posts.filter((p) => p.editedAt !== null);
  if (edited.length === 0) return new Set();
  const newest = await db
    .selectDistinctOn([forumRevisions.postId], {
      postId: forumRevisions.postId,
      editorId: forumRevisions.editorId,
    })
    .from(forumRevisions)
    .where(
      inArray(
        forumRevisions.postId,
        edited.map((p) => p.id),
      ),
    )
    .orderBy(forumRevisions.postId, desc(forumRevisions.createdAt), desc(forumRevisions.id));
  const authorOf = new Map(edited.map((p) => [p.id, p.authorId]));
  return new Set(
    newest
      .filter((r) => r.editorId !== null && r.editorId !== authorOf.get(r.postId))
      .map((r) => r.postId),
  );
}
