// What other modules may ask the forum about one person, each answer in one query.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db';
import { forumCategories, forumReplies, forumTopicReads, forumTopics } from './tables';

export interface TopicWithNewReplies {
  topicId: string;
  title: string;
  /** Null for a topic in a forum category. */
  groupId: string | null;
  categoryName: string | null;
  newReplies: number;
  latestAt: Date;
}

/**
 * Topics the person started or replied in that others have replied to since the person
 * last read them, newest first. Topics on group boards come with their group, for the
 * caller to keep only the boards the person may still read.
 */
export async function topicsWithNewReplies(
  db: Db,
  userId: string,
  limit = 50,
): Promise<TopicWithNewReplies[]> {
  // Posting marks a topic read, so every topic the person took part in has a read marker:
  // the marker (keyed by person) leads, and each topic's replies are found by their index.
  const mine = sql`exists (select 1 from ${forumReplies} own where own.topic_id = ${forumTopics.id} and own.author_id = ${userId} and own.deleted_at is null)`;
  const rows = await db
    .select({
      topicId: forumTopics.id,
      title: forumTopics.title,
      groupId: forumTopics.groupId,
      categoryName: forumCategories.name,
      newReplies: sql<number>`count(${forumReplies.id})::int`,
      latestAt: sql<Date>`max(${forumReplies.createdAt})`.mapWith((v) => new Date(v)),
    })
    .from(forumTopicReads)
    .innerJoin(forumTopics, eq(forumTopics.id, forumTopicReads.topicId))
    .leftJoin(forumCategories, eq(forumCategories.id, forumTopics.categoryId))
    .innerJoin(
      forumReplies,
      and(
        eq(forumReplies.topicId, forumTopics.id),
        sql`${forumReplies.createdAt} > ${forumTopicReads.lastReadAt}`,
        isNull(forumReplies.deletedAt),
        isNull(forumReplies.heldAt),
        or(isNull(forumReplies.authorId), sql`${forumReplies.authorId} <> ${userId}`),
      ),
    )
    .where(
      and(
        eq(forumTopicReads.userId, userId),
        isNull(forumTopics.deletedAt),
        or(isNull(forumTopics.heldAt), eq(forumTopics.authorId, userId)),
        or(eq(forumTopics.authorId, userId), mine),
      ),
    )
    .groupBy(forumTopics.id, forumCategories.name)
    .orderBy(desc(sql`max(${forumReplies.createdAt})`), desc(forumTopics.id))
    .limit(limit);
  return rows;
}

/** True when the person has written anything in the forum that is still there. */
export async function hasPosted(db: Db, userId: string): Promise<boolean> {
  const rows = await queryRows<{ posted: boolean }>(
    db,
    sql`select (exists (select 1 from ${forumTopics} where ${forumTopics.authorId} = ${userId} and ${forumTopics.deletedAt} is null)
      or exists (select 1 from ${forumReplies} where ${forumReplies.authorId} = ${userId} and ${forumReplies.deletedAt} is null)) as posted`,
  );
  return Boolean(rows[0]?.posted);
}

/** Some forum categories by their slugs (Introductions, the carers' part), for links. */
export async function categoriesBySlug(
  db: Db,
  slugs: string[],
): Promise<Map<string, { slug: string; name: string }>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .select({ slug: forumCategories.slug, name: forumCategories.name })
    .from(forumCategories)
    .where(inArray(forumCategories.slug, slugs));
  return new Map(rows.map((row) => [row.slug, row]));
}

// For the moderation module: posts' words and threads for a case, and taking posts from view.
export {
  holdForReports,
  isHeld,
  type ModeratedPost,
  postsForModeration,
  putBackPost,
  takeDownPost,
  threadAround,
} from './moderating';
