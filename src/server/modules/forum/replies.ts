// Replies: answering a topic, and changing one's own reply.
import { and, eq, sql } from 'drizzle-orm';
import type { Created, EditReplyBody, NewReplyBody } from '../../../contract/forum';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { checkNotBlockedBy } from './blocking';
import { lookAtEdit, screenSending } from './care';
import type { ForumDeps } from './deps';
import { checkImagesUsable } from './images';
import { checkNewcomerRules, waitsForReview } from './newcomers';
import { canEditPost, canReply, canWriteOn } from './permissions';
import { topicFacts } from './present';
import { lockedPost, markRead, type ReplyRow, recordImageUses } from './queries';
import { forumDrafts, forumReplies, forumRevisions, forumTopics } from './tables';
import { authorToTell, mentionedToTell, replyEvents } from './telling';
import { visiblePost, visibleTopic } from './visibility';
import { renderChecked, searchConfigFor, spend } from './writing';

export async function createReply(
  deps: ForumDeps,
  actor: Actor,
  topicId: string,
  input: NewReplyBody,
  language?: string,
): Promise<Created> {
  const rendered = renderChecked(input.body);
  const { topic, writes } = await visibleTopic(deps, actor, topicId);
  if (!canWriteOn(actor, topic, writes)) {
    throw problems.forbidden(t('forum.problems.boardMembersOnly'));
  }
  if (!canReply(actor, topicFacts(topic), true, writes))
    throw problems.conflict(t('forum.problems.topicClosed'));
  await checkNotBlockedBy(deps, actor, topic.authorId);
  await checkNewcomerRules(deps, actor, rendered);
  const imageIds = await checkImagesUsable(deps, actor, rendered.images);
  await spend(deps, 'forumReplyPerUser', actor);
  const where = { topicId: topic.id, title: topic.title, groupId: topic.groupId };
  const mentioned = await mentionedToTell(deps, actor, where, rendered.mentions);
  const author = await authorToTell(deps, where, topic.authorId);
  const { screened, shown } = await screenSending(deps, input, rendered, language);
  const review = !screened.held && (screened.watchedHold || (await waitsForReview(deps, actor)));
  const held = screened.held || review;
  const current = deps.now();
  return deps.jobs.transaction(async (tx, enqueue) => {
    // The topic is locked first, as an edit of it does: the insert below also adds words
    // to the search word list (a trigger), and one lock order keeps the two from deadlocking.
    await tx
      .select({ id: forumTopics.id })
      .from(forumTopics)
      .where(eq(forumTopics.id, topic.id))
      .for('update');
    const [created] = await tx
      .insert(forumReplies)
      .values({
        topicId: topic.id,
        groupId: topic.groupId,
        authorId: actor.userId,
        clientKey: input.idempotencyKey,
        body: input.body,
        bodyHtml: shown.html,
        bodyText: shown.text,
        language: searchConfigFor(language),
        tipTheme: topic.tipTheme,
        createdAt: current,
        heldAt: held ? current : null,
        heldReason: screened.held ? 'screening' : review ? 'review' : null,
      })
      .onConflictDoNothing({ target: [forumReplies.authorId, forumReplies.clientKey] })
      .returning({ id: forumReplies.id });
    if (!created) {
      // The same reply sent twice (a double tap, a retry): answer with the first one.
      const [existing] = await tx
        .select({
          id: forumReplies.id,
          topicId: forumReplies.topicId,
          heldAt: forumReplies.heldAt,
        })
        .from(forumReplies)
        .where(
          and(
            eq(forumReplies.authorId, actor.userId),
            eq(forumReplies.clientKey, input.idempotencyKey),
          ),
        );
      const wasHeld = existing!.heldAt !== null;
      return {
        id: existing!.id,
        topicId: existing!.topicId,
        held: wasHeld,
        review: wasHeld && review,
        care: screened.care,
      };
    }
    const post = {
      kind: 'reply' as const,
      id: created.id,
      topicId: topic.id,
      authorId: actor.userId,
      groupId: topic.groupId,
    };
    if (screened.caseNeeded) {
      await deps.cases.lookAt(tx, enqueue, { post, why: 'screening', tier: screened.tier });
    }
    // A post the screening held waits for that (crisis) case alone; a flag adds nothing to it.
    if (review || (screened.watchedFlag && !screened.held)) {
      await deps.cases.lookAt(tx, enqueue, { post, why: 'review', tier: 'none' });
    }
    // A held reply is not counted or told of until a moderator lets it be seen.
    if (!held) {
      await tx
        .update(forumTopics)
        .set({ replyCount: sql`${forumTopics.replyCount} + 1`, lastActivityAt: current })
        .where(eq(forumTopics.id, topic.id));
    }
    await recordImageUses(tx, { kind: 'reply', id: created.id, topicId: topic.id }, imageIds);
    await tx
      .delete(forumDrafts)
      .where(and(eq(forumDrafts.userId, actor.userId), eq(forumDrafts.key, `reply-${topic.id}`)));
    await markRead(tx, actor.userId, topic.id, current);
    if (!held) {
      await deps.notifications.notify(
        tx,
        enqueue,
        replyEvents(actor, where, created.id, author, mentioned),
      );
    }
    return { id: created.id, topicId: topic.id, held, review, care: screened.care };
  });
}

/** Changes my reply; the earlier words are kept as a revision for moderators. */
export async function editReply(
  deps: ForumDeps,
  actor: Actor,
  replyId: string,
  input: EditReplyBody,
): Promise<void> {
  const rendered = renderChecked(input.body);
  const { topicId, facts: visibleFacts, writes } = await visiblePost(deps, actor, 'reply', replyId);
  if (!canEditPost(actor, visibleFacts, writes)) throw problems.forbidden();
  await checkNewcomerRules(deps, actor, rendered);
  // An edit is screened as a new post is: a blocked word is refused, a hidden one hidden, and
  // worrying or watched words bring a moderator (the post stays as it is seen meanwhile).
  const { screened, shown } = await screenSending(deps, input, rendered);
  const imageIds = await checkImagesUsable(deps, actor, rendered.images, {
    kind: 'reply',
    id: replyId,
  });
  await spend(deps, 'forumEditPerUser', actor);
  await deps.jobs.transaction(async (tx, enqueue) => {
    const found = await lockedPost(tx, 'reply', replyId);
    const reply = found?.row as ReplyRow | undefined;
    if (!reply || reply.topicId !== topicId)
      throw problems.notFound(t('forum.problems.postNotFound'));
    const facts = {
      authorId: reply.authorId,
      deleted: reply.deletedAt !== null,
      groupId: reply.groupId,
    };
    if (!canEditPost(actor, facts, writes)) throw problems.forbidden();
    await tx.insert(forumRevisions).values({
      postId: reply.id,
      postKind: 'reply',
      editorId: actor.userId,
      title: null,
      body: reply.body,
    });
    await tx
      .update(forumReplies)
      .set({
        body: input.body,
        bodyHtml: shown.html,
        bodyText: shown.text,
        editedAt: deps.now(),
      })
      .where(eq(forumReplies.id, reply.id));
    await recordImageUses(tx, { kind: 'reply', id: reply.id, topicId }, imageIds);
    const post = {
      kind: 'reply' as const,
      id: reply.id,
      topicId,
      authorId: reply.authorId ?? actor.userId,
      groupId: reply.groupId,
    };
    await lookAtEdit(deps, tx, enqueue, post, screened);
  });
}
