// Reactions (me too, thank you, sending strength) and "this helped me", on other people's posts.
import { and, eq, sql } from 'drizzle-orm';
import type { PostKind, ReactionKind, Reactions } from '../../../contract/forum';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { ForumDeps } from './deps';
import { canMarkHelpful, canReactTo, canWriteOn } from './permissions';
import { reactionZero } from './present';
import { reactionsFor } from './queries';
import { forumHelpful, forumReactions, forumReplies, forumTopics } from './tables';
import { helpfulEvent, reactionEvent } from './telling';
import { visiblePost } from './visibility';
import { spend } from './writing';

export async function setReaction(
  deps: ForumDeps,
  actor: Actor,
  kind: PostKind,
  id: string,
  reaction: ReactionKind,
  on: boolean,
): Promise<Reactions> {
  const { db } = deps;
  const { facts, writes, topicId, title } = await visiblePost(deps, actor, kind, id);
  if (!canWriteOn(actor, facts, writes)) {
    throw problems.forbidden(t('forum.problems.boardMembersOnly'));
  }
  if (!canReactTo(actor, facts, writes)) throw problems.forbidden(t('forum.problems.ownPost'));
  await spend(deps, 'forumReactionPerUser', actor);
  if (on) {
    await deps.jobs.transaction(async (tx, enqueue) => {
      const added = await tx
        .insert(forumReactions)
        .values({ postId: id, postKind: kind, userId: actor.userId, kind: reaction })
        .onConflictDoNothing()
        .returning({ postId: forumReactions.postId });
      if (added.length === 0) return;
      const post = { kind, id, authorId: facts.authorId, topicId, title };
      await deps.notifications.notify(tx, enqueue, reactionEvent(actor, post, reaction));
    });
  } else {
    await db
      .delete(forumReactions)
      .where(
        and(
          eq(forumReactions.postId, id),
          eq(forumReactions.userId, actor.userId),
          eq(forumReactions.kind, reaction),
        ),
      );
  }
  return (await reactionsFor(db, actor.userId, [id])).get(id) ?? reactionZero();
}

export async function setHelpful(
  deps: ForumDeps,
  actor: Actor,
  kind: PostKind,
  id: string,
  on: boolean,
): Promise<{ helpfulCount: number }> {
  const { facts, writes, topicId, title } = await visiblePost(deps, actor, kind, id);
  if (!canWriteOn(actor, facts, writes)) {
    throw problems.forbidden(t('forum.problems.boardMembersOnly'));
  }
  if (!canMarkHelpful(actor, facts, writes)) throw problems.forbidden(t('forum.problems.ownPost'));
  await spend(deps, 'forumReactionPerUser', actor);
  const table = kind === 'topic' ? forumTopics : forumReplies;
  return deps.jobs.transaction(async (tx, enqueue) => {
    const changed = on
      ? await tx
          .insert(forumHelpful)
          .values({ postId: id, postKind: kind, userId: actor.userId })
          .onConflictDoNothing()
          .returning({ postId: forumHelpful.postId })
      : await tx
          .delete(forumHelpful)
          .where(and(eq(forumHelpful.postId, id), eq(forumHelpful.userId, actor.userId)))
          .returning({ postId: forumHelpful.postId });
    const step = changed.length === 0 ? 0 : on ? 1 : -1;
    if (step === 1) {
      const post = { kind, id, authorId: facts.authorId, topicId, title };
      await deps.notifications.notify(tx, enqueue, helpfulEvent(actor, post));
    }
    const [row] = await tx
      .update(table)
      .set({ helpfulCount: sql`greatest(${table.helpfulCount} + ${step}, 0)` })
      .where(eq(table.id, id))
      .returning({ helpfulCount: table.helpfulCount });
    return { helpfulCount: row?.helpfulCount ?? 0 };
  });
}
