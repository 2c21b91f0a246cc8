// What a person has looked at: their visits to each category, for "new since your last visit",
// and how much they have read, for their trust level.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import type { ForumDeps } from './deps';
import { forumCategoryVisits, forumReading, forumTopicReads } from './tables';

/** A visit this long after the last one starts a new "since your last visit". */
const NEW_VISIT_AFTER_MS = 30 * 60 * 1000;

/** Records a visit to the category; answers when the visit before this one began (null: the first). */
export async function recordVisit(
  { db, now }: ForumDeps,
  actor: Actor,
  categoryId: string,
): Promise<Date | null> {
  const current = now();
  const mine = and(
    eq(forumCategoryVisits.userId, actor.userId),
    eq(forumCategoryVisits.categoryId, categoryId),
  );
  const [visit] = await db.select().from(forumCategoryVisits).where(mine).limit(1);
  if (!visit) {
    await db
      .insert(forumCategoryVisits)
      .values({ userId: actor.userId, categoryId, lastVisitAt: current })
      .onConflictDoNothing();
    return null;
  }
  if (current.getTime() - visit.lastVisitAt.getTime() > NEW_VISIT_AFTER_MS) {
    await db
      .update(forumCategoryVisits)
      .set({ previousVisitAt: visit.lastVisitAt, lastVisitAt: current })
      .where(mine);
    return visit.lastVisitAt;
  }
  return visit.previousVisitAt;
}

/** Longest time one page counts as reading: a page left open is not hours of reading. */
const MOST_SECONDS_PER_PAGE = 120;

/**
 * Marks the topic read up to `at`, and adds to what the person has read: the posts on the page
 * newer than any they were shown here before (so each counts once, on whichever page), and the
 * time since the page they read before (at most two minutes). One statement, so the marker it
 * compares with is the one it replaces.
 */
export async function recordReading(
  db: Db,
  userId: string,
  topicId: string,
  at: Date,
  shown: Date[],
): Promise<void> {
  const times = JSON.stringify(shown.map((d) => d.toISOString()));
  const newest = shown.reduce((a, b) => (b > a ? b : a), new Date(0)).toISOString();
  await db.execute(sql`
    with previous as (
      select ${forumTopicReads.seenThrough} as seen from ${forumTopicReads}
      where ${forumTopicReads.userId} = ${userId} and ${forumTopicReads.topicId} = ${topicId}
    ), marked as (
      insert into ${forumTopicReads} (user_id, topic_id, last_read_at, seen_through)
      values (${userId}, ${topicId}, ${at.toISOString()}::timestamptz, ${newest}::timestamptz)
      on conflict (user_id, topic_id) do update set
        last_read_at = excluded.last_read_at,
        seen_through = greatest(${forumTopicReads}.seen_through, excluded.seen_through)
    )
    insert into ${forumReading} (user_id, posts_read, seconds_reading, last_view_at)
    values (
      ${userId},
      (select count(*) from jsonb_array_elements_text(${times}::jsonb) as shown(at)
        where shown.at::timestamptz > coalesce((select seen from previous), '-infinity')),
      0,
      ${at.toISOString()}::timestamptz
    )
    on conflict (user_id) do update set
      posts_read = ${forumReading}.posts_read + excluded.posts_read,
      seconds_reading = ${forumReading}.seconds_reading + least(
        greatest(extract(epoch from excluded.last_view_at - ${forumReading}.last_view_at), 0),
        ${MOST_SECONDS_PER_PAGE}
      )::int,
      last_view_at = greatest(${forumReading}.last_view_at, excluded.last_view_at)
  `);
}
