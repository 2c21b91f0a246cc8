// What other modules may ask the forum about one person, each answer in one query.
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db';
import {
  forumCategories,
  forumReading,
  forumReplies,
  forumTopicReads,
  forumTopics,
} from './tables';

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

/** How much each of these people has read: topics opened, posts new to them, minutes reading. */
export async function readingOf(
  db: Db,
  userIds: string[],
): Promise<Map<string, { topicsEntered: number; postsRead: number; readingMinutes: number }>> {
  if (userIds.length === 0) return new Map();
  const [entered, reading] = await Promise.all([
    db
      .select({ userId: forumTopicReads.userId, topics: sql<number>`count(*)::int` })
      .from(forumTopicReads)
      .where(inArray(forumTopicReads.userId, userIds))
      .groupBy(forumTopicReads.userId),
    db
      .select({
        userId: forumReading.userId,
        postsRead: forumReading.postsRead,
        seconds: forumReading.secondsReading,
      })
      .from(forumReading)
      .where(inArray(forumReading.userId, userIds)),
  ]);
  const topicsOf = new Map(entered.map((r) => [r.userId, r.topics]));
  const readOf = new Map(reading.map((r) => [r.userId, r]));
  return new Map(
    userIds.map((id) => {
      const read = readOf.get(id);
      return [
        id,
        {
          topicsEntered: topicsOf.get(id) ?? 0,
          postsRead: read?.postsRead ?? 0,
          readingMinutes: Math.floor((read?.seconds ?? 0) / 60),
        },
      ];
    }),
  );
}

/** How many of this person's posts others can see now (not held, not taken down). */
export async function postsSeenByOthers(db: Db, userId: string): Promise<number> {
  const rows = await queryRows<{ seen: number }>(
    db,
    sql`select ((select count(*) from ${forumTopics} where ${forumTopics.authorId} = ${userId}
        and ${forumTopics.heldAt} is null and ${forumTopics.deletedAt} is null)
      + (select count(*) from ${forumReplies} where ${forumReplies.authorId} = ${userId}
        and ${forumReplies.heldAt} is null and ${forumReplies.deletedAt} is null))::int as seen`,
  );
  return Number(rows[0]?.seen ?? 0);
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
export type { HeldReason } from './tables';
