// Bookmarks: topics a person keeps to come back to.
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { BookmarkedTopic } from '../../../contract/forum';
import type { Actor } from '../../lib/access';
import { t } from '../../lib/i18n';
import type { ForumDeps } from './deps';
import { topicListColumns } from './queries';
import { forumBookmarks, forumTopics } from './tables';
import { topicSummaries } from './topics';
import { boardRights, visibleTopic } from './visibility';

/** How many bookmarks the list shows, newest first. */
const BOOKMARKS_SHOWN = 200;

export async function setBookmark(
  deps: ForumDeps,
  actor: Actor,
  topicId: string,
  on: boolean,
): Promise<void> {
  const { topic } = await visibleTopic(deps, actor, topicId);
  if (on) {
    await deps.db
      .insert(forumBookmarks)
      .values({ userId: actor.userId, topicId: topic.id })
      .onConflictDoNothing();
  } else {
    await deps.db
      .delete(forumBookmarks)
      .where(and(eq(forumBookmarks.userId, actor.userId), eq(forumBookmarks.topicId, topic.id)));
  }
}

/**
 * My bookmarks, newest first. A topic on a group's board shows with its group, and only
 * while I may still see that board: after leaving the group it is left out (its title
 * is the group's, not mine), and it comes back if I join again.
 */
export async function bookmarks(deps: ForumDeps, actor: Actor): Promise<BookmarkedTopic[]> {
  const rows = await deps.db
    .select(topicListColumns)
    .from(forumBookmarks)
    .innerJoin(forumTopics, eq(forumTopics.id, forumBookmarks.topicId))
    .where(
      and(
        eq(forumBookmarks.userId, actor.userId),
        isNull(forumTopics.deletedAt),
        or(isNull(forumTopics.heldAt), eq(forumTopics.authorId, actor.userId)),
      ),
    )
    .orderBy(desc(forumBookmarks.createdAt))
    .limit(BOOKMARKS_SHOWN);
  // One question for all the boards, not one per bookmark.
  const rights = await boardRights(
    deps,
    actor,
    rows.map((r) => r.groupId),
  );
  const visible = rows.filter((row) => rights.sees(row.groupId));
  const seenBoards = [
    ...new Set(visible.map((r) => r.groupId).filter((id): id is string => id !== null)),
  ];
  const [names, listed] = await Promise.all([
    // The names are for showing only: without one the topic still shows, as "a group's board".
    seenBoards.length > 0
      ? deps.groupBoards.groupNames(seenBoards).catch(() => new Map<string, string>())
      : new Map<string, string>(),
    topicSummaries(deps, actor, visible, null),
  ]);
  return listed.map((summary, i) => {
    const groupId = visible[i]!.groupId;
    return {
      ...summary,
      group: groupId
        ? { id: groupId, name: names.get(groupId) ?? t('forum.server.groupBoard') }
        : null,
    };
  });
}
