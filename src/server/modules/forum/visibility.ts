// Loading what a person may see, with the board rights the rules need: every use case
// that acts on a topic or a post starts here.
import type { PostKind } from '../../../contract/forum';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { ForumDeps } from './deps';
import { canSeeTopic, type PostFacts } from './permissions';
import { topicFacts } from './present';
import { replyFactsById, type TopicView, topicById } from './queries';

/** Where a person may read and write: a category (null) is every member's, a board its group's. */
export interface BoardRights {
  sees(groupId: string | null): boolean;
  writes(groupId: string | null): boolean;
}

/** The person's rights on all these boards, asked of the groups module once. */
export async function boardRights(
  { groupBoards }: ForumDeps,
  actor: Actor | null,
  groupIds: (string | null)[],
): Promise<BoardRights> {
  const boards = [...new Set(groupIds.filter((id): id is string => id !== null))];
  const access =
    actor && boards.length > 0
      ? await groupBoards.boardAccess(actor, boards)
      : { see: new Set<string>(), write: new Set<string>() };
  return {
    sees: (groupId) => groupId === null || (actor !== null && access.see.has(groupId)),
    writes: (groupId) => actor !== null && (groupId === null || access.write.has(groupId)),
  };
}

/**
 * Loads a topic the actor may see, or answers 404 (a hidden board is not even confirmed),
 * with whether they may write where it sits.
 */
export async function visibleTopic(
  deps: ForumDeps,
  actor: Actor,
  topicId: string,
): Promise<{ topic: TopicView; writes: boolean }> {
  const topic = await topicById(deps.db, topicId);
  if (!topic) throw problems.notFound(t('forum.problems.topicNotFound'));
  const rights = await boardRights(deps, actor, [topic.groupId]);
  if (!canSeeTopic(actor, topicFacts(topic), rights.sees(topic.groupId))) {
    throw problems.notFound(t('forum.problems.topicNotFound'));
  }
  return { topic, writes: rights.writes(topic.groupId) };
}

/** Loads a post the actor may see, with the facts permissions need. */
export async function visiblePost(
  deps: ForumDeps,
  actor: Actor,
  kind: PostKind,
  id: string,
): Promise<{ facts: PostFacts; topicId: string; title: string; writes: boolean }> {
  if (kind === 'topic') {
    const { topic, writes } = await visibleTopic(deps, actor, id);
    return { facts: topicFacts(topic), topicId: topic.id, title: topic.title, writes };
  }
  const reply = await replyFactsById(deps.db, id);
  if (!reply) throw problems.notFound(t('forum.problems.postNotFound'));
  // A held reply is as unknown as one that never was, but to its author and moderators.
  const held = reply.heldAt !== null;
  if (held && reply.authorId !== actor.userId && !isModerator(actor)) {
    throw problems.notFound(t('forum.problems.postNotFound'));
  }
  const { topic, writes } = await visibleTopic(deps, actor, reply.topicId);
  return {
    facts: {
      authorId: reply.authorId,
      deleted: reply.deletedAt !== null || topic.deletedAt !== null,
      groupId: reply.groupId,
      held,
    },
    topicId: topic.id,
    title: topic.title,
    writes,
  };
}
