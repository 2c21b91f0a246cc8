// Reading a topic: the opening post and a page of replies, as this person sees them.
import { and, asc, count, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { TopicPage, TopicPageQuery } from '../../../contract/forum';
import { REPLIES_PER_PAGE } from '../../../contract/values';
import type { Db } from '../../db';
import { type Actor, isModerator } from '../../lib/access';
import { t } from '../../lib/i18n';
import { afterPosition, decodeCursor, encodeCursor, type Position } from '../../lib/pagination';
import { foldedWriters } from './blocking';
import type { ForumDeps } from './deps';
import { changedByModerators } from './moderator-edit';
import { canReply, canReviewRemovals } from './permissions';
import { authorsFor, toPost, topicFacts } from './present';
import { helpfulMarksBy, reactionsFor } from './queries';
import { recordReading } from './reads';
import { removalsFor } from './removals';
import { type StaffViewLog, staffSightsOn, unlogged } from './staff-views';
import { forumBookmarks, forumReplies } from './tables';
import { boardRights, visibleTopic } from './visibility';

/**
 * A topic with a page of its replies, oldest first; reading it marks it read. Staff shown what
 * only staff see (held posts, a board closed to them as members) are written to the audit log.
 */
export async function topicPage(
  deps: ForumDeps & { staffViews?: StaffViewLog | undefined },
  actor: Actor,
  topicId: string,
  place: TopicPageQuery,
): Promise<TopicPage> {
  const { db } = deps;
  // The replies are read alongside the topic; nothing is sent unless the topic may be seen.
  const [{ topic, writes }, { replies, nextCursor, previousCursor, page }] = await Promise.all([
    visibleTopic(deps, actor, topicId),
    repliesPage(db, actor, topicId, place),
  ]);
  const postIds = [topic.id, ...replies.map((r) => r.id)];
  const [folded, authorOf, reactions, helpful, bookmark, category, removals, changed] =
    await Promise.all([
      foldedWriters(deps, actor, [topic.authorId, ...replies.map((r) => r.authorId)]),
      authorsFor(deps.accounts, [topic.authorId, ...replies.map((r) => r.authorId)]),
      reactionsFor(db, actor.userId, postIds),
      helpfulMarksBy(db, actor.userId, postIds),
      db
        .select({ topicId: forumBookmarks.topicId })
        .from(forumBookmarks)
        .where(and(eq(forumBookmarks.userId, actor.userId), eq(forumBookmarks.topicId, topic.id)))
        .limit(1),
      topic.categoryId ? deps.categories.byId(topic.categoryId) : null,
      removalsFor(deps, actor, [topic, ...replies]),
      changedByModerators(db, [topic, ...replies]),
      recordReading(db, actor.userId, topic.id, deps.now(), [
        topic.createdAt,
        ...replies.map((r) => r.createdAt),
      ]),
    ]);
  const post = (kind: 'topic' | 'reply', row: (typeof replies)[number] | typeof topic) =>
    toPost(
      actor,
      kind,
      row,
      authorOf(row.authorId),
      reactions.get(row.id),
      helpful.has(row.id),
      writes,
      removals.get(row.id) ?? null,
      folded(row.authorId),
      changed.has(row.id),
    );
  await auditStaffSight(deps, actor, topic, replies);
  return {
    topic: {
      id: topic.id,
      title: topic.deletedAt ? t('forum.server.removedTitle') : topic.title,
      category: category ?? { id: topic.groupId ?? topic.id, slug: '', name: '' },
      groupId: topic.groupId,
      tipTheme: topic.tipTheme,
      replyCount: topic.replyCount,
      bookmarked: bookmark.length > 0,
      canReply: canReply(actor, topicFacts(topic), true, writes),
      post: post('topic', topic),
    },
    replies: replies.map((r) => post('reply', r)),
    nextCursor,
    previousCursor,
    page,
  };
}

const replyOrder = { sort: forumReplies.createdAt, id: forumReplies.id };
const replyColumns = {
  id: forumReplies.id,
  groupId: forumReplies.groupId,
  authorId: forumReplies.authorId,
  body: forumReplies.body,
  bodyHtml: forumReplies.bodyHtml,
  helpfulCount: forumReplies.helpfulCount,
  createdAt: forumReplies.createdAt,
  editedAt: forumReplies.editedAt,
  deletedAt: forumReplies.deletedAt,
  heldAt: forumReplies.heldAt,
};
/**
 * The replies a topic's list holds, as this person is shown them: a held reply only to its
 * author and to moderators. Every page, count and linked reply reads these, so anything left
 * out of the list must be left out here, or page edges would disagree.
 */
const listedIn = (topicId: string, viewer: Actor): SQL =>
  isModerator(viewer)
    ? eq(forumReplies.topicId, topicId)
    : and(
        eq(forumReplies.topicId, topicId),
        or(isNull(forumReplies.heldAt), eq(forumReplies.authorId, viewer.userId)),
      )!;
const positionOf = (reply: { createdAt: Date; id: string }): Position => ({
  at: reply.createdAt,
  id: reply.id,
});

/**
 * One page of the topic's replies, oldest first: after a cursor, before one, or the page
 * that holds a linked reply. Pages start every REPLIES_PER_PAGE replies from the first, so
 * each way in meets the same pages and their cursors.
 */
async function repliesPage(db: Db, actor: Actor, topicId: string, place: TopicPageQuery) {
  const before = decodeCursor(place.before);
  if (before) {
    // Read back from the cursor, then show them oldest first like every other page; the
    // page after it is the one the cursor came from.
    const found = await readReplies(db, actor, topicId, before, 'desc');
    const replies = found.slice(0, REPLIES_PER_PAGE).reverse();
    return withCursors(
      db,
      actor,
      topicId,
      replies,
      true,
      found.length > REPLIES_PER_PAGE ? null : 0,
    );
  }
  const start = place.reply
    ? await linkedReplyStart(db, actor, topicId, place.reply)
    : { after: decodeCursor(place.cursor), earlier: place.cursor ? null : 0 };
  const found = await readReplies(db, actor, topicId, start.after, 'asc');
  const more = found.length > REPLIES_PER_PAGE;
  return withCursors(db, actor, topicId, found.slice(0, REPLIES_PER_PAGE), more, start.earlier);
}

type ListedReply = Awaited<ReturnType<typeof readReplies>>[number];

/**
 * A page's cursors both ways and its number, from how many replies come before it
 * (`earlier`, counted here when null).
 */
async function withCursors(
  db: Db,
  actor: Actor,
  topicId: string,
  replies: ListedReply[],
  more: boolean,
  earlier: number | null,
) {
  const first = replies[0];
  const last = replies.at(-1);
  // An empty page past the end comes after every reply.
  const before =
    earlier ?? (await countBefore(db, actor, topicId, first ? positionOf(first) : null));
  return {
    replies,
    nextCursor: more && last ? encodeCursor(positionOf(last)) : null,
    previousCursor: before > 0 && first ? encodeCursor(positionOf(first)) : null,
    page: Math.floor(before / REPLIES_PER_PAGE) + 1,
  };
}

/** Up to a page and one more of the replies after (asc) or before (desc) a position. */
function readReplies(
  db: Db,
  actor: Actor,
  topicId: string,
  from: Position | null,
  direction: 'asc' | 'desc',
) {
  const order = direction === 'asc' ? asc : desc;
  return db
    .select(replyColumns)
    .from(forumReplies)
    .where(and(listedIn(topicId, actor), afterPosition(replyOrder, from, direction)))
    .orderBy(order(forumReplies.createdAt), order(forumReplies.id))
    .limit(REPLIES_PER_PAGE + 1);
}

/** How many of the topic's replies come before a position (all of them for null). */
async function countBefore(
  db: Db,
  actor: Actor,
  topicId: string,
  position: Position | null,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(forumReplies)
    .where(and(listedIn(topicId, actor), beforePosition(position)));
  return row?.n ?? 0;
}

/** Rows before a position in (created, id) order: those after it, walking back. */
const beforePosition = (position: Position | null): SQL | undefined =>
  afterPosition(replyOrder, position, 'desc');

/**
 * Where the page that holds a linked reply starts: after the last reply of the page before
 * it, with how many replies come earlier. A reply of another topic, or one taken from view
 * (unless the person is staff, who still read removed posts), starts at the first page, as
 * if no reply were named: the answer tells nothing of it.
 */
async function linkedReplyStart(
  db: Db,
  actor: Actor,
  topicId: string,
  replyId: string,
): Promise<{ after: Position | null; earlier: number }> {
  const firstPage = { after: null, earlier: 0 };
  const [linked] = await db
    .select({
      createdAt: forumReplies.createdAt,
      id: forumReplies.id,
      deletedAt: forumReplies.deletedAt,
    })
    .from(forumReplies)
    .where(and(eq(forumReplies.id, replyId), listedIn(topicId, actor)))
    .limit(1);
  if (!linked || (linked.deletedAt && !canReviewRemovals(actor))) return firstPage;
  const position = positionOf(linked);
  const before = await countBefore(db, actor, topicId, position);
  const earlier = before - (before % REPLIES_PER_PAGE);
  if (earlier === 0) return firstPage;
  // The page before ends `before - earlier` replies back from the linked one.
  const [last] = await db
    .select({ createdAt: forumReplies.createdAt, id: forumReplies.id })
    .from(forumReplies)
    .where(and(listedIn(topicId, actor), beforePosition(position)))
    .orderBy(desc(forumReplies.createdAt), desc(forumReplies.id))
    .offset(before - earlier)
    .limit(1);
  return last ? { after: positionOf(last), earlier } : firstPage;
}

/** Writes to the audit log what this page showed the person only because they are staff. */
async function auditStaffSight(
  deps: ForumDeps & { staffViews?: StaffViewLog | undefined },
  actor: Actor,
  topic: { id: string; groupId: string | null; authorId: string | null; heldAt: Date | null },
  replies: { authorId: string | null; heldAt: Date | null }[],
): Promise<void> {
  if (!isModerator(actor)) return;
  // The board as they would see it with their site role taken away.
  const seesBoardAsMember =
    topic.groupId === null ||
    (await boardRights(deps, { ...actor, siteRole: 'member' }, [topic.groupId])).sees(
      topic.groupId,
    );
  const sight = staffSightsOn(actor, { topic, posts: [topic, ...replies], seesBoardAsMember });
  if (sight) await (deps.staffViews ?? unlogged).staffSaw(sight);
}
