// A group's board: forum topics that belong to the group (the forum keeps them).
import type { BoardResponse, BoardTopicBody } from '../../../contract/groups';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { GroupsDeps } from './deps';
import { canPostOnBoard, canSeeGroupInside } from './permissions';
import { loadGroup } from './queries';
import { standingOf } from './standing';

/** The group's board: forum topics that belong to the group, for those who may see it. */
export async function board(
  { db, boardTopics }: GroupsDeps,
  actor: Actor,
  groupId: string,
  cursor: string | undefined,
): Promise<BoardResponse> {
  const group = await loadGroup(db, groupId);
  if (!canSeeGroupInside(actor, await standingOf(db, actor, group))) {
    throw problems.forbidden(t('groups.problems.membersOnly'));
  }
  if (!boardTopics) return { topics: [], nextCursor: null };
  const list = await boardTopics.groupTopicList(actor, groupId, cursor);
  return {
    topics: list.topics.map((topic) => ({
      id: topic.id,
      title: topic.title,
      author: { displayName: topic.author.displayName },
      replyCount: topic.replyCount,
      lastActivityAt: topic.lastActivityAt,
    })),
    nextCursor: list.nextCursor,
  };
}

/** Start a topic on the group's board: members only. */
export async function postOnBoard(
  { db, boardTopics }: GroupsDeps,
  actor: Actor,
  groupId: string,
  body: BoardTopicBody,
  language?: string,
): Promise<{ topicId: string; held: boolean; review: boolean }> {
  const group = await loadGroup(db, groupId);
  if (!canPostOnBoard(actor, await standingOf(db, actor, group))) {
    throw problems.forbidden(t('groups.problems.membersOnly'));
  }
  if (!boardTopics) throw problems.unavailable();
  const created = await boardTopics.createTopic(actor, { ...body, groupId }, language);
  return { topicId: created.topicId, held: created.held, review: created.review };
}
