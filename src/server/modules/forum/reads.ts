// What a person has looked at: their visits to each category, for "new since your last visit".
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../lib/access';
import type { ForumDeps } from './deps';
import { forumCategoryVisits } from './tables';

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
