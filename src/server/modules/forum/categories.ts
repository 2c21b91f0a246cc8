// The forum's categories: the list with what is new since my last look, and an
// administrator's changes to them.
import { asc, count, eq, sql } from 'drizzle-orm';
import type { CategoriesResponse, Category, CategoryInput } from '../../../contract/forum';
import { type Db, queryRows } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { seededCategories } from './categories.data';
import type { ForumDeps } from './deps';
import { canManageCategories } from './permissions';
import { toCategory } from './present';
import { forumCategories, forumCategoryVisits, forumTopics } from './tables';

type CategoryRow = typeof forumCategories.$inferSelect;

const CATEGORY_CACHE_MS = 30_000;

export type CategoryCache = ReturnType<typeof createCategoryCache>;

/**
 * Categories change rarely (an administrator's edit): each process keeps them a short while,
 * which spares the busiest page, a category's topic list, one round trip to the database.
 */
export function createCategoryCache(db: Db) {
  const cache = new Map<string, { row: CategoryRow; until: number }>();
  return {
    async byId(id: string): Promise<{ id: string; slug: string; name: string }> {
      for (const { row, until } of cache.values()) {
        if (row.id === id && until > Date.now())
          return { id: row.id, slug: row.slug, name: row.name };
      }
      const [category] = await db
        .select()
        .from(forumCategories)
        .where(eq(forumCategories.id, id))
        .limit(1);
      if (!category) throw problems.notFound(t('forum.problems.categoryNotFound'));
      cache.set(category.slug, { row: category, until: Date.now() + CATEGORY_CACHE_MS });
      return { id: category.id, slug: category.slug, name: category.name };
    },

    async bySlug(slug: string): Promise<CategoryRow> {
      const cached = cache.get(slug);
      if (cached && cached.until > Date.now()) return cached.row;
      const [category] = await db
        .select()
        .from(forumCategories)
        .where(eq(forumCategories.slug, slug))
        .limit(1);
      if (!category) throw problems.notFound(t('forum.problems.categoryNotFound'));
      cache.set(slug, { row: category, until: Date.now() + CATEGORY_CACHE_MS });
      return category;
    },

    clear(): void {
      cache.clear();
    },
  };
}

/** Puts the starting categories in on first start; never overwrites an administrator's. */
export async function ensureSeeded({ db }: ForumDeps): Promise<void> {
  const [row] = await db.select({ n: count() }).from(forumCategories);
  if (Number(row?.n ?? 0) > 0) return;
  await db.insert(forumCategories).values(seededCategories).onConflictDoNothing();
}

export async function categories({ db }: ForumDeps, actor: Actor): Promise<CategoriesResponse> {
  const rows = await db
    .select()
    .from(forumCategories)
    .orderBy(asc(forumCategories.sortOrder), asc(forumCategories.name));
  const visits = await db
    .select({ categoryId: forumCategoryVisits.categoryId, since: forumCategoryVisits.lastVisitAt })
    .from(forumCategoryVisits)
    .where(eq(forumCategoryVisits.userId, actor.userId));
  const since = new Map(visits.map((v) => [v.categoryId, v.since]));
  // Activity since my last look, capped: "99+" is all a person needs to know.
  const counts = await Promise.all(
    rows.map(async (category) => {
      const from = since.get(category.id);
      if (!from) return Math.min(category.topicCount, 99);
      const [n] = await queryRows<{ n: number }>(
        db,
        sql`
        select count(*)::int as n from (
          select 1 from ${forumTopics}
          where ${forumTopics.categoryId} = ${category.id} and ${forumTopics.groupId} is null
            and ${forumTopics.deletedAt} is null and ${forumTopics.heldAt} is null
            and ${forumTopics.lastActivityAt} > ${from}
          limit 99) recent`,
      );
      return Number(n?.n ?? 0);
    }),
  );
  return { categories: rows.map((row, i) => toCategory(row, counts[i] ?? 0)) };
}

/** The category a new topic goes in, with the tip theme its topics take by default. */
export async function categoryForNewTopic({ db }: ForumDeps, categoryId: string | undefined) {
  if (!categoryId) throw problems.invalid({ categoryId: t('forum.fields.categoryId.unknown') });
  const [category] = await db
    .select({ id: forumCategories.id, tipTheme: forumCategories.tipTheme })
    .from(forumCategories)
    .where(eq(forumCategories.id, categoryId))
    .limit(1);
  if (!category) throw problems.invalid({ categoryId: t('forum.fields.categoryId.unknown') });
  return category;
}

const slugTaken = () =>
  problems.conflict(t('forum.problems.slugTaken'), { slug: t('forum.problems.slugTaken') });

export async function createCategory(
  deps: ForumDeps,
  actor: Actor,
  input: CategoryInput,
): Promise<Category> {
  if (!canManageCategories(actor)) throw problems.forbidden();
  const [row] = await deps.db
    .insert(forumCategories)
    .values(input)
    .onConflictDoNothing()
    .returning();
  if (!row) throw slugTaken();
  deps.categories.clear();
  return toCategory(row, 0);
}

export async function updateCategory(
  deps: ForumDeps,
  actor: Actor,
  id: string,
  input: CategoryInput,
): Promise<Category> {
  if (!canManageCategories(actor)) throw problems.forbidden();
  const [taken] = await deps.db
    .select({ id: forumCategories.id })
    .from(forumCategories)
    .where(eq(forumCategories.slug, input.slug));
  if (taken && taken.id !== id) throw slugTaken();
  const [row] = await deps.db
    .update(forumCategories)
    .set(input)
    .where(eq(forumCategories.id, id))
    .returning();
  if (!row) throw problems.notFound(t('forum.problems.categoryNotFound'));
  deps.categories.clear();
  return toCategory(row, 0);
}
