// Topics: the lists of them, starting one, and changing one's own.
import { and, eq, isNull } from 'drizzle-orm';
import type {
  Created,
  EditTopicBody,
  NewTopicBody,
  TipTheme,
  TopicListResponse,
  TopicSummary,
} from '../../../contract/forum';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { renderPost } from '../../lib/markdown';
import { foldedWriters } from './blocking';
import { lookAtEdit, screenSending } from './care';
import { categoryForNewTopic } from './categories';
import type { ForumDeps } from './deps';
import { checkImagesUsable } from './images';
import { checkNewcomerRules, waitsForReview } from './newcomers';
import { canCreateTopic, canEditPost, canWriteOn } from './permissions';
import { authorsFor, toCategory, topicFacts, toTopicSummary } from './present';
import {
  addToTopicCount,
  type ListedTopic,
  lockedPost,
  markRead,
  readMarkers,
  recordImageUses,
  topicRows,
} from './queries';
import { recordVisit } from './reads';
import { forumDrafts, forumRevisions, forumTopics } from './tables';
import { mentionEvent, mentionedToTell } from './telling';
import { boardRights, visibleTopic } from './visibility';
import { renderChecked, searchConfigFor, spend } from './writing';

/** List rows as people see them; read markers come with the rows when topicRows fetched them. */
export async function topicSummaries(
  deps: ForumDeps,
  actor: Actor,
  rows: ListedTopic[],
  since: Date | null,
): Promise<TopicSummary[]> {
  const readsKnown = rows.every((r) => r.lastReadAt !== undefined);
  const [folded, authorOf, readAt] = await Promise.all([
    foldedWriters(
      deps,
      actor,
      rows.map((r) => r.authorId),
    ),
    authorsFor(
      deps.accounts,
      rows.map((r) => r.authorId),
    ),
    readsKnown
      ? new Map<string, Date>()
      : readMarkers(
          deps.db,
          actor.userId,
          rows.map((r) => r.id),
        ),
  ]);
  return rows.map((row) =>
    toTopicSummary(
      actor,
      row,
      authorOf(row.authorId),
      readsKnown ? row.lastReadAt : readAt.get(row.id),
      since,
      folded(row.authorId),
    ),
  );
}

export async function topicList(
  deps: ForumDeps,
  actor: Actor,
  slug: string,
  cursor: string | undefined,
): Promise<TopicListResponse> {
  const category = await deps.categories.bySlug(slug);
  const [{ page, nextCursor }, since] = await Promise.all([
    topicRows(
      deps.db,
      actor.userId,
      and(eq(forumTopics.categoryId, category.id), isNull(forumTopics.groupId)),
      cursor,
    ),
    cursor ? null : recordVisit(deps, actor, category.id),
  ]);
  return {
    category: toCategory(category, 0),
    topics: await topicSummaries(deps, actor, page, since),
    nextCursor,
  };
}

/** A group's board, for those the group lets in. */
export async function groupTopicList(
  deps: ForumDeps,
  actor: Actor,
  groupId: string,
  cursor: string | undefined,
) {
  const rights = await boardRights(deps, actor, [groupId]);
  if (!rights.sees(groupId)) throw problems.notFound(t('forum.problems.topicNotFound'));
  const { page, nextCursor } = await topicRows(
    deps.db,
    actor.userId,
    eq(forumTopics.groupId, groupId),
    cursor,
  );
  return { topics: await topicSummaries(deps, actor, page, null), nextCursor };
}

/** Starts a topic in a category, or on a group's board when groupId is given. */
export async function createTopic(
  deps: ForumDeps,
  actor: Actor,
  input: Omit<NewTopicBody, 'categoryId'> & { categoryId?: string; groupId?: string },
  language?: string,
): Promise<Created> {
  if (!canCreateTopic(actor)) throw problems.signInNeeded();
  const rendered = renderChecked(input.body);
  await checkNewcomerRules(deps, actor, rendered);
  const imageIds = await checkImagesUsable(deps, actor, rendered.images);
  let categoryId: string | null = null;
  let tipTheme: TipTheme | null = input.tipTheme ?? null;
  if (input.groupId) {
    const rights = await boardRights(deps, actor, [input.groupId]);
    if (!canWriteOn(actor, { groupId: input.groupId }, rights.writes(input.groupId))) {
      throw problems.forbidden(t('forum.problems.boardMembersOnly'));
    }
  } else {
    const category = await categoryForNewTopic(deps, input.categoryId);
    categoryId = category.id;
    if (input.tipTheme === undefined) tipTheme = category.tipTheme;
  }
  await spend(deps, 'forumTopicPerUser', actor);
  const where = { topicId: '', title: input.title, groupId: input.groupId ?? null };
  const mentioned = await mentionedToTell(deps, actor, where, rendered.mentions);
  const { screened, shown } = await screenSending(deps, input, rendered, language);
  const review = !screened.held && (screened.watchedHold || (await waitsForReview(deps, actor)));
  const held = screened.held || review;
  const { title } = input;
  const current = deps.now();
  return deps.jobs.transaction(async (tx, enqueue) => {
    const [created] = await tx
      .insert(forumTopics)
      .values({
        categoryId,
        groupId: input.groupId ?? null,
        authorId: actor.userId,
        clientKey: input.idempotencyKey,
        title,
        body: input.body,
        bodyHtml: shown.html,
        bodyText: shown.text,
        language: searchConfigFor(language),
        tipTheme,
        createdAt: current,
        lastActivityAt: current,
        heldAt: held ? current : null,
        heldReason: screened.held ? 'screening' : review ? 'review' : null,
      })
      .onConflictDoNothing({ target: [forumTopics.authorId, forumTopics.clientKey] })
      .returning({ id: forumTopics.id });
    if (!created) {
      // The same post sent twice (a double tap, a retry): answer with the first one.
      const [existing] = await tx
        .select({ id: forumTopics.id, heldAt: forumTopics.heldAt })
        .from(forumTopics)
        .where(
          and(
            eq(forumTopics.authorId, actor.userId),
            eq(forumTopics.clientKey, input.idempotencyKey),
          ),
        );
      const wasHeld = existing!.heldAt !== null;
      return {
        id: existing!.id,
        topicId: existing!.id,
        held: wasHeld,
        review: wasHeld && review,
        care: screened.care,
      };
    }
    const post = {
      kind: 'topic' as const,
      id: created.id,
      topicId: created.id,
      authorId: actor.userId,
      groupId: input.groupId ?? null,
    };
    if (screened.caseNeeded) {
      await deps.cases.lookAt(tx, enqueue, { post, why: 'screening', tier: screened.tier });
    }
    // A post the screening held waits for that (crisis) case alone; a flag adds nothing to it.
    if (review || (screened.watchedFlag && !screened.held)) {
      await deps.cases.lookAt(tx, enqueue, { post, why: 'review', tier: 'none' });
    }
    // A held topic is not counted or told of until a moderator lets it be seen.
    if (categoryId && !held) await addToTopicCount(tx, categoryId, 1);
    await recordImageUses(tx, { kind: 'topic', id: created.id, topicId: created.id }, imageIds);
    await tx
      .delete(forumDrafts)
      .where(
        and(
          eq(forumDrafts.userId, actor.userId),
          eq(forumDrafts.key, `topic-${input.groupId ?? categoryId}`),
        ),
      );
    await markRead(tx, actor.userId, created.id, current, true);
    if (mentioned.length > 0 && !held) {
      const about = { topicId: created.id, title };
      await deps.notifications.notify(tx, enqueue, [
        mentionEvent(actor, about, 'topic', created.id, mentioned),
      ]);
    }
    return { id: created.id, topicId: created.id, held, review, care: screened.care };
  });
}

/** Changes my topic; the earlier words are kept as a revision for moderators. */
export async function editTopic(
  deps: ForumDeps,
  actor: Actor,
  topicId: string,
  input: EditTopicBody,
): Promise<void> {
  const rendered = input.body !== undefined ? renderChecked(input.body) : null;
  const { topic: visible, writes } = await visibleTopic(deps, actor, topicId);
  if (!canEditPost(actor, topicFacts(visible), writes)) throw problems.forbidden();
  if (rendered) await checkNewcomerRules(deps, actor, rendered);
  // An edit is screened as a new post is: a blocked word is refused, a hidden one hidden, and
  // worrying or watched words bring a moderator (the post stays as it is seen meanwhile).
  const body = input.body ?? visible.body;
  const { screened, shown } = await screenSending(
    deps,
    { title: input.title, body },
    rendered ?? renderPost(body),
  );
  const { title } = input;
  const imageIds = rendered
    ? await checkImagesUsable(deps, actor, rendered.images, { kind: 'topic', id: topicId })
    : null;
  await spend(deps, 'forumEditPerUser', actor);
  await deps.jobs.transaction(async (tx, enqueue) => {
    const found = await lockedPost(tx, 'topic', topicId);
    const topic = found?.topic;
    if (!topic || !canEditPost(actor, topicFacts(topic), writes)) throw problems.forbidden();
    await tx.insert(forumRevisions).values({
      postId: topic.id,
      postKind: 'topic',
      editorId: actor.userId,
      title: topic.title,
      body: topic.body,
    });
    await tx
      .update(forumTopics)
      .set({
        ...(title !== undefined ? { title } : {}),
        ...(input.body !== undefined
          ? { body: input.body, bodyHtml: shown.html, bodyText: shown.text }
          : {}),
        editedAt: deps.now(),
      })
      .where(eq(forumTopics.id, topic.id));
    if (imageIds) {
      await recordImageUses(tx, { kind: 'topic', id: topic.id, topicId: topic.id }, imageIds);
    }
    const post = {
      kind: 'topic' as const,
      id: topic.id,
      topicId: topic.id,
      authorId: topic.authorId ?? actor.userId,
      groupId: topic.groupId,
    };
    await lookAtEdit(deps, tx, enqueue, post, screened);
  });
}
