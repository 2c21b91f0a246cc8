import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import sharp, { type OutputInfo } from 'sharp';
import type {
  Author,
  BookmarkedTopic,
  CategoriesResponse,
  Category,
  CategoryInput,
  Created,
  Draft,
  DraftBody,
  EditReplyBody,
  EditTopicBody,
  NewReplyBody,
  NewTopicBody,
  Post,
  PostKind,
  ReactionKind,
  Reactions,
  Removal,
  RemovalBody,
  RevisionsResponse,
  SearchResponse,
  TipsResponse,
  TipTheme,
  TopicListResponse,
  TopicPage,
  TopicSummary,
} from '../../../contract/forum';
import { FORUM_IMAGE_PATH, REPLIES_PER_PAGE, TOPICS_PER_PAGE } from '../../../contract/values';
import { type Db, queryRows, type Tx } from '../../db';
import { type Actor, isModerator } from '../../lib/access';
import { Problem, problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { imageIdsIn, imageProblems, renderPost } from '../../lib/markdown';
import type { LimitName, RateLimits } from '../../lib/rate-limit';
import type { Storage } from '../../lib/storage';
import type { AccountsService } from '../accounts/service';
import { seededCategories } from './categories.data';
import { decodeCursor, encodeCursor } from './cursor';
import {
  canCreateTopic,
  canDeletePost,
  canEditPost,
  canEmbedImage,
  canManageCategories,
  canMarkHelpful,
  canReactTo,
  canRemovePost,
  canReply,
  canRestorePost,
  canReviewRemovals,
  canSeeImage,
  canSeeRevisions,
  canSeeTopic,
  canWriteOn,
  type PostFacts,
} from './permissions';
import { createForumSearch } from './search';
import {
  forumBookmarks,
  forumCategories,
  forumCategoryVisits,
  forumDrafts,
  forumHelpful,
  forumImages,
  forumImageUses,
  forumReactions,
  forumRemovals,
  forumReplies,
  forumRevisions,
  forumTopicReads,
  forumTopics,
} from './tables';

/** What the forum asks of the groups module about a group's private board. */
export interface GroupBoards {
  /** Reading the board: who the group lets in. */
  canSeeBoard(actor: Actor, groupId: string): Promise<boolean>;
  /** Writing on the board (topics, replies, edits, reactions): the group's members. */
  canPostOnBoard(actor: Actor, groupId: string): Promise<boolean>;
  /** The group's name, to show where a board topic is (null when there is no such group). */
  groupName?(actor: Actor, groupId: string): Promise<string | null>;
}

/** Until the groups module says otherwise, a group's board is closed to everyone. */
const closedBoards: GroupBoards = {
  canSeeBoard: async () => false,
  canPostOnBoard: async () => false,
};

interface Deps {
  db: Db;
  accounts: AccountsService;
  storage: Storage;
  /** Per-person limits on writing (limitRules in lib/rate-limit.ts). */
  limits: RateLimits;
  groupBoards?: GroupBoards;
  now?: (() => Date) | undefined;
}

/** The text-search configuration for a post's language; only English strings exist yet. */
export function searchConfigFor(language: string | undefined): string {
  return !language || language === 'en' || language.startsWith('en-') ? 'english' : 'simple';
}

export const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
/** Unfinished posts a person may keep on the server; updating one they have always works. */
export const MAX_DRAFTS_PER_PERSON = 50;
const IMAGE_MAX_SIDE = 1600;
const ACCEPTED_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
/** A visit this long after the last one starts a new "since your last visit". */
const NEW_VISIT_AFTER_MS = 30 * 60 * 1000;

const reactionZero = (): Reactions => ({ me_too: 0, thank_you: 0, sending_strength: 0, mine: [] });

type TopicRow = typeof forumTopics.$inferSelect;
type ReplyRow = typeof forumReplies.$inferSelect;

export type ForumService = ReturnType<typeof createForumService>;

/** Who may see a picture: every member (it is in a category's post), or fewer (board, or unused). */
export type ImageAudience = 'members' | 'restricted';

export function createForumService({
  db,
  accounts,
  storage,
  limits,
  groupBoards = closedBoards,
  now = () => new Date(),
}: Deps) {
  const searchForum = createForumSearch(db);
  const topicFacts = (topic: Pick<TopicRow, 'authorId' | 'deletedAt' | 'groupId'>): PostFacts => ({
    authorId: topic.authorId,
    deleted: topic.deletedAt !== null,
    groupId: topic.groupId,
  });

  async function seesBoard(actor: Actor | null, groupId: string | null): Promise<boolean> {
    if (groupId === null) return true;
    return actor !== null && groupBoards.canSeeBoard(actor, groupId);
  }

  /** May this person write where the post sits? Every member in a category; members on a board. */
  async function writesOnBoard(actor: Actor | null, groupId: string | null): Promise<boolean> {
    if (groupId === null) return actor !== null;
    return actor !== null && groupBoards.canPostOnBoard(actor, groupId);
  }

  /**
   * Counts one write against the person's limit. The 429 says, in plain words, that the words
   * are kept: nothing was written, and no draft is thrown away.
   */
  async function spend(name: LimitName, actor: Actor): Promise<void> {
    try {
      await limits.consume(name, actor.userId);
    } catch (error) {
      if (error instanceof Problem && error.status === 429) {
        const seconds = Number(error.headers['retry-after'] ?? 60);
        throw new Problem(
          429,
          error.type,
          t('forum.problems.writingTooFast', { minutes: Math.max(1, Math.ceil(seconds / 60)) }),
          undefined,
          error.headers,
        );
      }
      throw error;
    }
  }

  async function authorsFor(ids: (string | null)[]): Promise<(id: string | null) => Author> {
    const known = await accounts.authorsByIds(ids.filter((id): id is string => id !== null));
    return (id) => {
      const person = id ? known.get(id) : undefined;
      return person
        ? { id, displayName: person.displayName, role: person.role }
        : { id: null, displayName: t('forum.server.formerMember'), role: null };
    };
  }

  /** What the forum reads of a topic: not the search vector nor the plain text, the bulk of a row. */
  const topicColumns = {
    id: forumTopics.id,
    categoryId: forumTopics.categoryId,
    groupId: forumTopics.groupId,
    authorId: forumTopics.authorId,
    title: forumTopics.title,
    body: forumTopics.body,
    bodyHtml: forumTopics.bodyHtml,
    tipTheme: forumTopics.tipTheme,
    replyCount: forumTopics.replyCount,
    helpfulCount: forumTopics.helpfulCount,
    lastActivityAt: forumTopics.lastActivityAt,
    createdAt: forumTopics.createdAt,
    editedAt: forumTopics.editedAt,
    deletedAt: forumTopics.deletedAt,
  };
  type VisibleTopic = Pick<TopicRow, keyof typeof topicColumns>;

  /** Loads a topic the actor may see, or answers 404 (a hidden board is not even confirmed). */
  async function visibleTopic(actor: Actor, topicId: string): Promise<VisibleTopic> {
    const [topic] = await db
      .select(topicColumns)
      .from(forumTopics)
      .where(eq(forumTopics.id, topicId))
      .limit(1);
    if (!topic || !canSeeTopic(actor, topicFacts(topic), await seesBoard(actor, topic.groupId))) {
      throw problems.notFound(t('forum.problems.topicNotFound'));
    }
    return topic;
  }

  // Categories change rarely (an administrator's edit): each process keeps them a short while,
  // which spares the busiest page, a category's topic list, one round trip to the database.
  const categoryCache = new Map<
    string,
    { row: typeof forumCategories.$inferSelect; until: number }
  >();
  const CATEGORY_CACHE_MS = 30_000;

  async function categoryById(id: string) {
    for (const { row, until } of categoryCache.values()) {
      if (row.id === id && until > Date.now())
        return { id: row.id, slug: row.slug, name: row.name };
    }
    const [category] = await db
      .select()
      .from(forumCategories)
      .where(eq(forumCategories.id, id))
      .limit(1);
    if (!category) throw problems.notFound(t('forum.problems.categoryNotFound'));
    categoryCache.set(category.slug, { row: category, until: Date.now() + CATEGORY_CACHE_MS });
    return { id: category.id, slug: category.slug, name: category.name };
  }

  async function categoryBySlug(slug: string) {
    const cached = categoryCache.get(slug);
    if (cached && cached.until > Date.now()) return cached.row;
    const [category] = await db
      .select()
      .from(forumCategories)
      .where(eq(forumCategories.slug, slug))
      .limit(1);
    if (!category) throw problems.notFound(t('forum.problems.categoryNotFound'));
    categoryCache.set(slug, { row: category, until: Date.now() + CATEGORY_CACHE_MS });
    return category;
  }

  /** Checks a post's words: pictures need alt text and must be our own uploads. */
  function renderChecked(body: string) {
    const rendered = renderPost(body);
    const problem = imageProblems(rendered.images);
    if (problem) throw problems.invalid({ body: t(`forum.${problem}`) });
    if (rendered.text.length === 0 && rendered.images.length === 0) {
      throw problems.invalid({ body: t('forum.fields.body.required') });
    }
    return rendered;
  }

  /**
   * The pictures a post shows must exist and be the writer's own uploads (an edit may keep
   * those the post already showed). Answers their ids, to record the post's use of them.
   */
  async function checkImagesUsable(
    actor: Actor,
    images: { src: string }[],
    post?: { kind: PostKind; id: string },
  ): Promise<string[]> {
    const ids = [...new Set(imageIdsIn(images.map((i) => ({ ...i, alt: '' }))))];
    if (ids.length === 0) return ids;
    const found = await db
      .select({ id: forumImages.id, uploaderId: forumImages.uploaderId })
      .from(forumImages)
      .where(inArray(forumImages.id, ids));
    if (found.length !== ids.length)
      throw problems.invalid({ body: t('forum.fields.body.imageSource') });
    const foreign = found.filter((image) => !canEmbedImage(actor, image, false));
    if (foreign.length === 0) return ids;
    const kept = post
      ? await db
          .select({ imageId: forumImageUses.imageId })
          .from(forumImageUses)
          .where(
            and(
              eq(forumImageUses.postKind, post.kind),
              eq(forumImageUses.postId, post.id),
              inArray(
                forumImageUses.imageId,
                foreign.map((image) => image.id),
              ),
            ),
          )
      : [];
    const inThisPost = new Set(kept.map((k) => k.imageId));
    if (foreign.some((image) => !canEmbedImage(actor, image, inThisPost.has(image.id)))) {
      throw problems.invalid({ body: t('forum.fields.body.imageNotYours') });
    }
    return ids;
  }

  /** Records which pictures a post shows now (replacing what it showed before an edit). */
  async function recordImageUses(
    tx: Parameters<Parameters<Db['transaction']>[0]>[0],
    post: { kind: PostKind; id: string; topicId: string },
    imageIds: string[],
  ) {
    await tx
      .delete(forumImageUses)
      .where(and(eq(forumImageUses.postKind, post.kind), eq(forumImageUses.postId, post.id)));
    if (imageIds.length === 0) return;
    await tx
      .insert(forumImageUses)
      .values(
        imageIds.map((imageId) => ({
          imageId,
          postKind: post.kind,
          postId: post.id,
          topicId: post.topicId,
        })),
      )
      .onConflictDoNothing();
  }

  async function reactionsFor(actor: Actor, postIds: string[]): Promise<Map<string, Reactions>> {
    const result = new Map<string, Reactions>();
    if (postIds.length === 0) return result;
    const rows = await db
      .select({
        postId: forumReactions.postId,
        kind: forumReactions.kind,
        n: count(),
        mine: sql<boolean>`bool_or(${forumReactions.userId} = ${actor.userId})`,
      })
      .from(forumReactions)
      .where(inArray(forumReactions.postId, postIds))
      .groupBy(forumReactions.postId, forumReactions.kind);
    for (const row of rows) {
      const reactions = result.get(row.postId) ?? reactionZero();
      reactions[row.kind] = Number(row.n);
      if (row.mine) reactions.mine.push(row.kind);
      result.set(row.postId, reactions);
    }
    return result;
  }

  async function helpfulMarksBy(actor: Actor, postIds: string[]): Promise<Set<string>> {
    if (postIds.length === 0) return new Set();
    const rows = await db
      .select({ postId: forumHelpful.postId })
      .from(forumHelpful)
      .where(and(eq(forumHelpful.userId, actor.userId), inArray(forumHelpful.postId, postIds)));
    return new Set(rows.map((r) => r.postId));
  }

  function toPost(
    actor: Actor,
    kind: PostKind,
    row: Pick<
      ReplyRow,
      | 'id'
      | 'authorId'
      | 'body'
      | 'bodyHtml'
      | 'createdAt'
      | 'editedAt'
      | 'deletedAt'
      | 'helpfulCount'
    > & { groupId: string | null },
    author: Author,
    reactions: Reactions | undefined,
    helpful: boolean,
    writes: boolean,
    /** A moderator's removal of it, loaded only for staff. */
    removal: Removal | null = null,
  ): Post {
    const facts: PostFacts = {
      authorId: row.authorId,
      deleted: row.deletedAt !== null,
      groupId: row.groupId,
    };
    const deleted = row.deletedAt !== null;
    return {
      id: row.id,
      kind,
      author,
      bodyHtml: deleted ? '' : row.bodyHtml,
      body: !deleted && row.authorId === actor.userId ? row.body : null,
      createdAt: row.createdAt.toISOString(),
      editedAt: row.editedAt?.toISOString() ?? null,
      deleted,
      reactions: reactions ?? reactionZero(),
      helpfulCount: row.helpfulCount,
      markedHelpful: helpful,
      canEdit: canEditPost(actor, facts, writes),
      canDelete: canDeletePost(actor, facts),
      canRemove: canRemovePost(actor, facts),
      canRestore: canRestorePost(actor, removal !== null),
      removal,
    };
  }

  /**
   * Staff see why a moderator removed each of these posts, and the removed words; for
   * anyone else nothing is read and every post shows the plain removed placeholder.
   */
  async function removalsFor(
    actor: Actor,
    posts: { id: string; deletedAt: Date | null; bodyHtml: string }[],
  ): Promise<Map<string, Removal>> {
    const result = new Map<string, Removal>();
    const removed = posts.filter((p) => p.deletedAt !== null);
    if (!canReviewRemovals(actor) || removed.length === 0) return result;
    const rows = await db
      .select({
        postId: forumRemovals.postId,
        removedBy: forumRemovals.removedBy,
        reason: forumRemovals.reason,
        note: forumRemovals.note,
        removedAt: forumRemovals.removedAt,
      })
      .from(forumRemovals)
      .where(
        and(
          inArray(
            forumRemovals.postId,
            removed.map((p) => p.id),
          ),
          isNull(forumRemovals.restoredAt),
        ),
      );
    if (rows.length === 0) return result;
    const byOf = await authorsFor(rows.map((r) => r.removedBy));
    const html = new Map(removed.map((p) => [p.id, p.bodyHtml]));
    for (const row of rows) {
      result.set(row.postId, {
        reason: row.reason,
        note: row.note,
        by: byOf(row.removedBy),
        at: row.removedAt.toISOString(),
        bodyHtml: html.get(row.postId) ?? '',
      });
    }
    return result;
  }

  /** Takes a post from view inside a transaction; a topic also leaves its category's count. */
  async function hidePost(
    tx: Tx,
    kind: PostKind,
    id: string,
    topic: Pick<TopicRow, 'categoryId'>,
    at: Date,
  ) {
    if (kind === 'topic') {
      await tx.update(forumTopics).set({ deletedAt: at }).where(eq(forumTopics.id, id));
      if (topic.categoryId) {
        await tx
          .update(forumCategories)
          .set({ topicCount: sql`greatest(${forumCategories.topicCount} - 1, 0)` })
          .where(eq(forumCategories.id, topic.categoryId));
      }
    } else {
      await tx.update(forumReplies).set({ deletedAt: at }).where(eq(forumReplies.id, id));
    }
  }

  type ListedTopic = Pick<
    TopicRow,
    | 'id'
    | 'categoryId'
    | 'groupId'
    | 'authorId'
    | 'title'
    | 'replyCount'
    | 'createdAt'
    | 'lastActivityAt'
  > & { lastReadAt?: Date | null };

  /** List rows as people see them; read markers come with the rows when topicRows fetched them. */
  async function summaries(
    actor: Actor,
    rows: ListedTopic[],
    since: Date | null,
  ): Promise<TopicSummary[]> {
    const readsKnown = rows.every((r) => r.lastReadAt !== undefined);
    const [authorOf, reads] = await Promise.all([
      authorsFor(rows.map((r) => r.authorId)),
      rows.length === 0 || readsKnown
        ? []
        : db
            .select({ topicId: forumTopicReads.topicId, lastReadAt: forumTopicReads.lastReadAt })
            .from(forumTopicReads)
            .where(
              and(
                eq(forumTopicReads.userId, actor.userId),
                inArray(
                  forumTopicReads.topicId,
                  rows.map((r) => r.id),
                ),
              ),
            ),
    ]);
    const readAt = new Map(reads.map((r) => [r.topicId, r.lastReadAt]));
    return rows.map((row) => {
      const lastRead = readsKnown ? row.lastReadAt : readAt.get(row.id);
      return {
        id: row.id,
        categoryId: row.categoryId,
        title: row.title,
        author: authorOf(row.authorId),
        replyCount: row.replyCount,
        createdAt: row.createdAt.toISOString(),
        lastActivityAt: row.lastActivityAt.toISOString(),
        unread: !lastRead || lastRead < row.lastActivityAt,
        isNew: since !== null && row.createdAt > since && row.authorId !== actor.userId,
      };
    });
  }

  const topicListColumns = {
    id: forumTopics.id,
    categoryId: forumTopics.categoryId,
    groupId: forumTopics.groupId,
    authorId: forumTopics.authorId,
    title: forumTopics.title,
    replyCount: forumTopics.replyCount,
    createdAt: forumTopics.createdAt,
    lastActivityAt: forumTopics.lastActivityAt,
  };

  /** One page of live topics, newest activity first, after the cursor's position. */
  async function topicRows(actor: Actor, where: ReturnType<typeof eq>, cursor: string | undefined) {
    const position = decodeCursor(cursor);
    // The plain bound lets the index seek to the cursor; the OR alone is a filter over every row before it.
    const after = position
      ? and(
          lte(forumTopics.lastActivityAt, position.at),
          or(
            lt(forumTopics.lastActivityAt, position.at),
            and(eq(forumTopics.lastActivityAt, position.at), lt(forumTopics.id, position.id)),
          ),
        )
      : undefined;
    // My read marker rides along in the same query (one round trip fewer on the busiest page).
    const rows = await db
      .select({ ...topicListColumns, lastReadAt: forumTopicReads.lastReadAt })
      .from(forumTopics)
      .leftJoin(
        forumTopicReads,
        and(eq(forumTopicReads.topicId, forumTopics.id), eq(forumTopicReads.userId, actor.userId)),
      )
      .where(and(where, isNull(forumTopics.deletedAt), after))
      .orderBy(desc(forumTopics.lastActivityAt), desc(forumTopics.id))
      .limit(TOPICS_PER_PAGE + 1);
    const page: ListedTopic[] = rows.slice(0, TOPICS_PER_PAGE);
    const last = page.at(-1);
    const nextCursor =
      rows.length > TOPICS_PER_PAGE && last
        ? encodeCursor({ at: last.lastActivityAt, id: last.id })
        : null;
    return { page, nextCursor };
  }

  async function recordVisit(actor: Actor, categoryId: string): Promise<Date | null> {
    const current = now();
    const [visit] = await db
      .select()
      .from(forumCategoryVisits)
      .where(
        and(
          eq(forumCategoryVisits.userId, actor.userId),
          eq(forumCategoryVisits.categoryId, categoryId),
        ),
      )
      .limit(1);
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
        .where(
          and(
            eq(forumCategoryVisits.userId, actor.userId),
            eq(forumCategoryVisits.categoryId, categoryId),
          ),
        );
      return visit.lastVisitAt;
    }
    return visit.previousVisitAt;
  }

  function toCategory(row: typeof forumCategories.$inferSelect, newCount: number): Category {
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      tipTheme: row.tipTheme,
      topicCount: row.topicCount,
      newCount,
    };
  }

  async function lockedPost(
    tx: Parameters<Parameters<Db['transaction']>[0]>[0],
    kind: PostKind,
    id: string,
  ) {
    if (kind === 'topic') {
      const [row] = await tx.select().from(forumTopics).where(eq(forumTopics.id, id)).for('update');
      return row ? { row, topic: row } : null;
    }
    const [row] = await tx.select().from(forumReplies).where(eq(forumReplies.id, id)).for('update');
    if (!row) return null;
    const [topic] = await tx.select().from(forumTopics).where(eq(forumTopics.id, row.topicId));
    return topic ? { row, topic } : null;
  }

  /** Loads a post the actor may see, with the facts permissions need. */
  async function visiblePost(actor: Actor, kind: PostKind, id: string) {
    if (kind === 'topic') {
      const topic = await visibleTopic(actor, id);
      return { facts: topicFacts(topic), topicId: topic.id };
    }
    const [reply] = await db
      .select({
        id: forumReplies.id,
        topicId: forumReplies.topicId,
        authorId: forumReplies.authorId,
        deletedAt: forumReplies.deletedAt,
        groupId: forumReplies.groupId,
      })
      .from(forumReplies)
      .where(eq(forumReplies.id, id))
      .limit(1);
    if (!reply) throw problems.notFound(t('forum.problems.postNotFound'));
    const topic = await visibleTopic(actor, reply.topicId);
    return {
      facts: {
        authorId: reply.authorId,
        deleted: reply.deletedAt !== null || topic.deletedAt !== null,
        groupId: reply.groupId,
      },
      topicId: topic.id,
    };
  }

  return {
    /** Puts the starting categories in on first start; never overwrites an administrator's. */
    async ensureSeeded(): Promise<void> {
      const [row] = await db.select({ n: count() }).from(forumCategories);
      if (Number(row?.n ?? 0) > 0) return;
      await db.insert(forumCategories).values(seededCategories).onConflictDoNothing();
    },

    async categories(actor: Actor): Promise<CategoriesResponse> {
      const rows = await db
        .select()
        .from(forumCategories)
        .orderBy(asc(forumCategories.sortOrder), asc(forumCategories.name));
      const visits = await db
        .select({
          categoryId: forumCategoryVisits.categoryId,
          since: forumCategoryVisits.lastVisitAt,
        })
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
                and ${forumTopics.deletedAt} is null and ${forumTopics.lastActivityAt} > ${from}
              limit 99) recent`,
          );
          return Number(n?.n ?? 0);
        }),
      );
      return { categories: rows.map((row, i) => toCategory(row, counts[i] ?? 0)) };
    },

    async topicList(
      actor: Actor,
      slug: string,
      cursor: string | undefined,
    ): Promise<TopicListResponse> {
      const category = await categoryBySlug(slug);
      const [{ page, nextCursor }, since] = await Promise.all([
        topicRows(
          actor,
          and(eq(forumTopics.categoryId, category.id), isNull(forumTopics.groupId)) as ReturnType<
            typeof eq
          >,
          cursor,
        ),
        cursor ? null : recordVisit(actor, category.id),
      ]);
      return {
        category: toCategory(category, 0),
        topics: await summaries(actor, page, since),
        nextCursor,
      };
    },

    /** A group's board, for those the group lets in. */
    async groupTopicList(actor: Actor, groupId: string, cursor: string | undefined) {
      if (!(await seesBoard(actor, groupId)))
        throw problems.notFound(t('forum.problems.topicNotFound'));
      const { page, nextCursor } = await topicRows(actor, eq(forumTopics.groupId, groupId), cursor);
      return { topics: await summaries(actor, page, null), nextCursor };
    },

    /** Starts a topic in a category, or on a group's board when groupId is given. */
    async createTopic(
      actor: Actor,
      input: Omit<NewTopicBody, 'categoryId'> & { categoryId?: string; groupId?: string },
      language?: string,
    ): Promise<Created> {
      if (!canCreateTopic(actor)) throw problems.signInNeeded();
      const rendered = renderChecked(input.body);
      const imageIds = await checkImagesUsable(actor, rendered.images);
      let categoryId: string | null = null;
      let tipTheme: TipTheme | null = input.tipTheme ?? null;
      if (input.groupId) {
        const writes = await writesOnBoard(actor, input.groupId);
        if (!canWriteOn(actor, { groupId: input.groupId }, writes)) {
          throw problems.forbidden(t('forum.problems.boardMembersOnly'));
        }
      } else {
        if (!input.categoryId) {
          throw problems.invalid({ categoryId: t('forum.fields.categoryId.unknown') });
        }
        const [category] = await db
          .select({ id: forumCategories.id, tipTheme: forumCategories.tipTheme })
          .from(forumCategories)
          .where(eq(forumCategories.id, input.categoryId))
          .limit(1);
        if (!category) throw problems.invalid({ categoryId: t('forum.fields.categoryId.unknown') });
        categoryId = category.id;
        if (input.tipTheme === undefined) tipTheme = category.tipTheme;
      }
      await spend('forumTopicPerUser', actor);
      const current = now();
      return db.transaction(async (tx) => {
        const [created] = await tx
          .insert(forumTopics)
          .values({
            categoryId,
            groupId: input.groupId ?? null,
            authorId: actor.userId,
            clientKey: input.idempotencyKey,
            title: input.title,
            body: input.body,
            bodyHtml: rendered.html,
            bodyText: rendered.text,
            language: searchConfigFor(language),
            tipTheme,
            createdAt: current,
            lastActivityAt: current,
          })
          .onConflictDoNothing({ target: [forumTopics.authorId, forumTopics.clientKey] })
          .returning({ id: forumTopics.id });
        if (!created) {
          // The same post sent twice (a double tap, a retry): answer with the first one.
          const [existing] = await tx
            .select({ id: forumTopics.id })
            .from(forumTopics)
            .where(
              and(
                eq(forumTopics.authorId, actor.userId),
                eq(forumTopics.clientKey, input.idempotencyKey),
              ),
            );
          return { id: existing!.id, topicId: existing!.id };
        }
        if (categoryId) {
          await tx
            .update(forumCategories)
            .set({ topicCount: sql`${forumCategories.topicCount} + 1` })
            .where(eq(forumCategories.id, categoryId));
        }
        await recordImageUses(tx, { kind: 'topic', id: created.id, topicId: created.id }, imageIds);
        await tx
          .delete(forumDrafts)
          .where(
            and(
              eq(forumDrafts.userId, actor.userId),
              eq(forumDrafts.key, `topic-${input.groupId ?? categoryId}`),
            ),
          );
        await tx
          .insert(forumTopicReads)
          .values({ userId: actor.userId, topicId: created.id, lastReadAt: current })
          .onConflictDoNothing();
        return { id: created.id, topicId: created.id };
      });
    },

    async topicPage(actor: Actor, topicId: string, cursor: string | undefined): Promise<TopicPage> {
      const position = decodeCursor(cursor);
      const after = position
        ? and(
            gte(forumReplies.createdAt, position.at),
            or(
              gt(forumReplies.createdAt, position.at),
              and(eq(forumReplies.createdAt, position.at), gt(forumReplies.id, position.id)),
            ),
          )
        : undefined;
      // The replies are read alongside the topic; nothing is sent unless the topic may be seen.
      const [topic, rows] = await Promise.all([
        visibleTopic(actor, topicId),
        db
          .select({
            id: forumReplies.id,
            groupId: forumReplies.groupId,
            authorId: forumReplies.authorId,
            body: forumReplies.body,
            bodyHtml: forumReplies.bodyHtml,
            helpfulCount: forumReplies.helpfulCount,
            createdAt: forumReplies.createdAt,
            editedAt: forumReplies.editedAt,
            deletedAt: forumReplies.deletedAt,
          })
          .from(forumReplies)
          .where(and(eq(forumReplies.topicId, topicId), after))
          .orderBy(asc(forumReplies.createdAt), asc(forumReplies.id))
          .limit(REPLIES_PER_PAGE + 1),
      ]);
      const replies = rows.slice(0, REPLIES_PER_PAGE);
      const last = replies.at(-1);
      const postIds = [topic.id, ...replies.map((r) => r.id)];
      const readAt = now();
      const [authorOf, reactions, helpful, bookmark, category, writes, removals] =
        await Promise.all([
          authorsFor([topic.authorId, ...replies.map((r) => r.authorId)]),
          reactionsFor(actor, postIds),
          helpfulMarksBy(actor, postIds),
          db
            .select({ topicId: forumBookmarks.topicId })
            .from(forumBookmarks)
            .where(
              and(eq(forumBookmarks.userId, actor.userId), eq(forumBookmarks.topicId, topic.id)),
            )
            .limit(1),
          topic.categoryId ? categoryById(topic.categoryId).then((c) => [c]) : Promise.resolve([]),
          writesOnBoard(actor, topic.groupId),
          removalsFor(actor, [topic, ...replies]),
          db
            .insert(forumTopicReads)
            .values({ userId: actor.userId, topicId: topic.id, lastReadAt: readAt })
            .onConflictDoUpdate({
              target: [forumTopicReads.userId, forumTopicReads.topicId],
              set: { lastReadAt: readAt },
            }),
        ]);
      return {
        topic: {
          id: topic.id,
          title: topic.deletedAt ? t('forum.server.removedTitle') : topic.title,
          category: category[0] ?? { id: topic.groupId ?? topic.id, slug: '', name: '' },
          groupId: topic.groupId,
          tipTheme: topic.tipTheme,
          replyCount: topic.replyCount,
          bookmarked: bookmark.length > 0,
          canReply: canReply(actor, topicFacts(topic), true, writes),
          post: toPost(
            actor,
            'topic',
            topic,
            authorOf(topic.authorId),
            reactions.get(topic.id),
            helpful.has(topic.id),
            writes,
            removals.get(topic.id) ?? null,
          ),
        },
        replies: replies.map((r) =>
          toPost(
            actor,
            'reply',
            r,
            authorOf(r.authorId),
            reactions.get(r.id),
            helpful.has(r.id),
            writes,
            removals.get(r.id) ?? null,
          ),
        ),
        nextCursor:
          rows.length > REPLIES_PER_PAGE && last
            ? encodeCursor({ at: last.createdAt, id: last.id })
            : null,
      };
    },

    async createReply(
      actor: Actor,
      topicId: string,
      input: NewReplyBody,
      language?: string,
    ): Promise<Created> {
      const topic = await visibleTopic(actor, topicId);
      const writes = await writesOnBoard(actor, topic.groupId);
      if (!canWriteOn(actor, topic, writes)) {
        throw problems.forbidden(t('forum.problems.boardMembersOnly'));
      }
      if (!canReply(actor, topicFacts(topic), true, writes))
        throw problems.conflict(t('forum.problems.topicClosed'));
      const rendered = renderChecked(input.body);
      const imageIds = await checkImagesUsable(actor, rendered.images);
      await spend('forumReplyPerUser', actor);
      const current = now();
      return db.transaction(async (tx) => {
        // The topic is locked first, as an edit of it does: the insert below also adds words
        // to the search word list (a trigger), and one lock order keeps the two from deadlocking.
        await tx
          .select({ id: forumTopics.id })
          .from(forumTopics)
          .where(eq(forumTopics.id, topic.id))
          .for('update');
        const [created] = await tx
          .insert(forumReplies)
          .values({
            topicId: topic.id,
            groupId: topic.groupId,
            authorId: actor.userId,
            clientKey: input.idempotencyKey,
            body: input.body,
            bodyHtml: rendered.html,
            bodyText: rendered.text,
            language: searchConfigFor(language),
            tipTheme: topic.tipTheme,
            createdAt: current,
          })
          .onConflictDoNothing({ target: [forumReplies.authorId, forumReplies.clientKey] })
          .returning({ id: forumReplies.id });
        if (!created) {
          const [existing] = await tx
            .select({ id: forumReplies.id, topicId: forumReplies.topicId })
            .from(forumReplies)
            .where(
              and(
                eq(forumReplies.authorId, actor.userId),
                eq(forumReplies.clientKey, input.idempotencyKey),
              ),
            );
          return { id: existing!.id, topicId: existing!.topicId };
        }
        await tx
          .update(forumTopics)
          .set({ replyCount: sql`${forumTopics.replyCount} + 1`, lastActivityAt: current })
          .where(eq(forumTopics.id, topic.id));
        await recordImageUses(tx, { kind: 'reply', id: created.id, topicId: topic.id }, imageIds);
        await tx
          .delete(forumDrafts)
          .where(
            and(eq(forumDrafts.userId, actor.userId), eq(forumDrafts.key, `reply-${topic.id}`)),
          );
        await tx
          .insert(forumTopicReads)
          .values({ userId: actor.userId, topicId: topic.id, lastReadAt: current })
          .onConflictDoUpdate({
            target: [forumTopicReads.userId, forumTopicReads.topicId],
            set: { lastReadAt: current },
          });
        return { id: created.id, topicId: topic.id };
      });
    },

    async editTopic(actor: Actor, topicId: string, input: EditTopicBody): Promise<void> {
      const visible = await visibleTopic(actor, topicId);
      const writes = await writesOnBoard(actor, visible.groupId);
      if (!canEditPost(actor, topicFacts(visible), writes)) throw problems.forbidden();
      const rendered = input.body !== undefined ? renderChecked(input.body) : null;
      const imageIds = rendered
        ? await checkImagesUsable(actor, rendered.images, { kind: 'topic', id: topicId })
        : null;
      await spend('forumEditPerUser', actor);
      await db.transaction(async (tx) => {
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
            ...(input.title !== undefined ? { title: input.title } : {}),
            ...(rendered && input.body !== undefined
              ? { body: input.body, bodyHtml: rendered.html, bodyText: rendered.text }
              : {}),
            editedAt: now(),
          })
          .where(eq(forumTopics.id, topic.id));
        if (imageIds) {
          await recordImageUses(tx, { kind: 'topic', id: topic.id, topicId: topic.id }, imageIds);
        }
      });
    },

    async editReply(actor: Actor, replyId: string, input: EditReplyBody): Promise<void> {
      const { topicId, facts: visibleFacts } = await visiblePost(actor, 'reply', replyId);
      const writes = await writesOnBoard(actor, visibleFacts.groupId);
      if (!canEditPost(actor, visibleFacts, writes)) throw problems.forbidden();
      const rendered = renderChecked(input.body);
      const imageIds = await checkImagesUsable(actor, rendered.images, {
        kind: 'reply',
        id: replyId,
      });
      await spend('forumEditPerUser', actor);
      await db.transaction(async (tx) => {
        const found = await lockedPost(tx, 'reply', replyId);
        const reply = found?.row as ReplyRow | undefined;
        if (!reply || reply.topicId !== topicId)
          throw problems.notFound(t('forum.problems.postNotFound'));
        const facts = {
          authorId: reply.authorId,
          deleted: reply.deletedAt !== null,
          groupId: reply.groupId,
        };
        if (!canEditPost(actor, facts, writes)) throw problems.forbidden();
        await tx.insert(forumRevisions).values({
          postId: reply.id,
          postKind: 'reply',
          editorId: actor.userId,
          title: null,
          body: reply.body,
        });
        await tx
          .update(forumReplies)
          .set({
            body: input.body,
            bodyHtml: rendered.html,
            bodyText: rendered.text,
            editedAt: now(),
          })
          .where(eq(forumReplies.id, reply.id));
        await recordImageUses(tx, { kind: 'reply', id: reply.id, topicId }, imageIds);
      });
    },

    /**
     * "Delete my post": the author's soft delete. The words go from view, the thread others
     * replied to stays. Someone else's post is removed by staff with removePost, with a reason.
     */
    async deletePost(actor: Actor, kind: PostKind, id: string): Promise<void> {
      const { facts } = await visiblePost(actor, kind, id);
      if (facts.authorId !== actor.userId && isModerator(actor)) {
        throw problems.forbidden(t('forum.problems.removeNeedsReason'));
      }
      // Gone already (a double tap, a retry): the same answer as the first time.
      if (facts.deleted && facts.authorId === actor.userId) return;
      if (!canDeletePost(actor, facts)) throw problems.forbidden();
      await db.transaction(async (tx) => {
        const found = await lockedPost(tx, kind, id);
        if (!found || found.row.deletedAt) return;
        await hidePost(tx, kind, id, found.topic, now());
      });
    },

    /**
     * Staff take someone else's post from view, with a reason. The post and the reason (who,
     * when, why) are kept, so the removal can be reviewed and undone with restorePost.
     * Telling the author comes with notifications.
     */
    async removePost(actor: Actor, kind: PostKind, id: string, input: RemovalBody): Promise<void> {
      const { facts, topicId } = await visiblePost(actor, kind, id);
      if (!canReviewRemovals(actor)) throw problems.forbidden();
      if (facts.authorId === actor.userId) throw problems.forbidden(t('forum.problems.removeOwn'));
      // Gone already (a double tap, or its author deleted it): the same answer as the first time.
      if (facts.deleted) return;
      if (!canRemovePost(actor, facts)) throw problems.forbidden();
      const note = input.note?.trim() ? input.note.trim() : null;
      await db.transaction(async (tx) => {
        const found = await lockedPost(tx, kind, id);
        if (!found || found.row.deletedAt) return;
        const at = now();
        await hidePost(tx, kind, id, found.topic, at);
        await tx
          .insert(forumRemovals)
          .values({
            postKind: kind,
            postId: id,
            topicId,
            removedBy: actor.userId,
            reason: input.reason,
            note,
            removedAt: at,
          })
          .onConflictDoNothing();
      });
    },

    /** Staff put back a post a moderator removed; the removal stays on record as undone. */
    async restorePost(actor: Actor, kind: PostKind, id: string): Promise<void> {
      if (!canReviewRemovals(actor)) throw problems.forbidden();
      await visiblePost(actor, kind, id);
      await db.transaction(async (tx) => {
        const found = await lockedPost(tx, kind, id);
        if (!found) throw problems.notFound(t('forum.problems.postNotFound'));
        const [open] = await tx
          .select({ id: forumRemovals.id })
          .from(forumRemovals)
          .where(
            and(
              eq(forumRemovals.postKind, kind),
              eq(forumRemovals.postId, id),
              isNull(forumRemovals.restoredAt),
            ),
          )
          .limit(1);
        // Back already (a double tap): the same answer as the first time.
        if (!open && !found.row.deletedAt) return;
        if (!canRestorePost(actor, open !== undefined) || !open) {
          throw problems.conflict(t('forum.problems.deletedByAuthor'));
        }
        const at = now();
        await tx
          .update(forumRemovals)
          .set({ restoredBy: actor.userId, restoredAt: at })
          .where(eq(forumRemovals.id, open.id));
        if (kind === 'topic') {
          await tx.update(forumTopics).set({ deletedAt: null }).where(eq(forumTopics.id, id));
          if (found.topic.categoryId) {
            await tx
              .update(forumCategories)
              .set({ topicCount: sql`${forumCategories.topicCount} + 1` })
              .where(eq(forumCategories.id, found.topic.categoryId));
          }
        } else {
          await tx.update(forumReplies).set({ deletedAt: null }).where(eq(forumReplies.id, id));
        }
      });
    },

    async revisions(actor: Actor, kind: PostKind, id: string): Promise<RevisionsResponse> {
      if (!canSeeRevisions(actor)) throw problems.forbidden();
      await visiblePost(actor, kind, id);
      const rows = await db
        .select()
        .from(forumRevisions)
        .where(and(eq(forumRevisions.postId, id), eq(forumRevisions.postKind, kind)))
        .orderBy(desc(forumRevisions.createdAt));
      const authorOf = await authorsFor(rows.map((r) => r.editorId));
      return {
        revisions: rows.map((r) => ({
          id: r.id,
          title: r.title,
          body: r.body,
          editedAt: r.createdAt.toISOString(),
          editor: authorOf(r.editorId),
        })),
      };
    },

    async setReaction(
      actor: Actor,
      kind: PostKind,
      id: string,
      reaction: ReactionKind,
      on: boolean,
    ): Promise<Reactions> {
      const { facts } = await visiblePost(actor, kind, id);
      const writes = await writesOnBoard(actor, facts.groupId);
      if (!canWriteOn(actor, facts, writes)) {
        throw problems.forbidden(t('forum.problems.boardMembersOnly'));
      }
      if (!canReactTo(actor, facts, writes)) throw problems.forbidden(t('forum.problems.ownPost'));
      await spend('forumReactionPerUser', actor);
      if (on) {
        await db
          .insert(forumReactions)
          .values({ postId: id, postKind: kind, userId: actor.userId, kind: reaction })
          .onConflictDoNothing();
      } else {
        await db
          .delete(forumReactions)
          .where(
            and(
              eq(forumReactions.postId, id),
              eq(forumReactions.userId, actor.userId),
              eq(forumReactions.kind, reaction),
            ),
          );
      }
      return (await reactionsFor(actor, [id])).get(id) ?? reactionZero();
    },

    async setHelpful(
      actor: Actor,
      kind: PostKind,
      id: string,
      on: boolean,
    ): Promise<{ helpfulCount: number }> {
      const { facts } = await visiblePost(actor, kind, id);
      const writes = await writesOnBoard(actor, facts.groupId);
      if (!canWriteOn(actor, facts, writes)) {
        throw problems.forbidden(t('forum.problems.boardMembersOnly'));
      }
      if (!canMarkHelpful(actor, facts, writes))
        throw problems.forbidden(t('forum.problems.ownPost'));
      await spend('forumReactionPerUser', actor);
      const table = kind === 'topic' ? forumTopics : forumReplies;
      return db.transaction(async (tx) => {
        const changed = on
          ? await tx
              .insert(forumHelpful)
              .values({ postId: id, postKind: kind, userId: actor.userId })
              .onConflictDoNothing()
              .returning({ postId: forumHelpful.postId })
          : await tx
              .delete(forumHelpful)
              .where(and(eq(forumHelpful.postId, id), eq(forumHelpful.userId, actor.userId)))
              .returning({ postId: forumHelpful.postId });
        const step = changed.length === 0 ? 0 : on ? 1 : -1;
        const [row] = await tx
          .update(table)
          .set({ helpfulCount: sql`greatest(${table.helpfulCount} + ${step}, 0)` })
          .where(eq(table.id, id))
          .returning({ helpfulCount: table.helpfulCount });
        return { helpfulCount: row?.helpfulCount ?? 0 };
      });
    },

    async setBookmark(actor: Actor, topicId: string, on: boolean): Promise<void> {
      const topic = await visibleTopic(actor, topicId);
      if (on) {
        await db
          .insert(forumBookmarks)
          .values({ userId: actor.userId, topicId: topic.id })
          .onConflictDoNothing();
      } else {
        await db
          .delete(forumBookmarks)
          .where(
            and(eq(forumBookmarks.userId, actor.userId), eq(forumBookmarks.topicId, topic.id)),
          );
      }
    },

    /**
     * My bookmarks, newest first. A topic on a group's board shows with its group, and only
     * while I may still see that board: after leaving the group it is left out (its title
     * is the group's, not mine), and it comes back if I join again.
     */
    async bookmarks(actor: Actor): Promise<BookmarkedTopic[]> {
      const rows = await db
        .select(topicListColumns)
        .from(forumBookmarks)
        .innerJoin(forumTopics, eq(forumTopics.id, forumBookmarks.topicId))
        .where(and(eq(forumBookmarks.userId, actor.userId), isNull(forumTopics.deletedAt)))
        .orderBy(desc(forumBookmarks.createdAt))
        .limit(200);
      const groupIds = [
        ...new Set(rows.map((r) => r.groupId).filter((id): id is string => id !== null)),
      ];
      // One question per group, not per bookmark.
      const boards = new Map(
        await Promise.all(
          groupIds.map(async (groupId) => {
            const sees = await seesBoard(actor, groupId);
            // The name is for showing only: without it the topic still shows, as "a group's board".
            const name = sees
              ? await groupBoards.groupName?.(actor, groupId).catch(() => null)
              : null;
            return [groupId, { sees, name: name ?? null }] as const;
          }),
        ),
      );
      const visible = rows.filter((row) => row.groupId === null || boards.get(row.groupId)?.sees);
      const listed = await summaries(actor, visible, null);
      return listed.map((summary, i) => {
        const groupId = visible[i]!.groupId;
        return {
          ...summary,
          group: groupId
            ? {
                id: groupId,
                name: boards.get(groupId)?.name ?? t('forum.server.groupBoard'),
              }
            : null,
        };
      });
    },

    /** The most helpful tips of a theme, from topics and replies alike (never private boards). */
    async tips(theme: TipTheme, cursor: string | undefined): Promise<TipsResponse> {
      const offset = cursor ? decodeOffset(cursor) : 0;
      const limit = 20;
      const found = await queryRows<{
        kind: PostKind;
        id: string;
        topic_id: string;
        topic_title: string;
        body_text: string;
        helpful_count: number;
        author_id: string | null;
      }>(
        db,
        sql`
        select * from (
          (select 'topic' as kind, t.id, t.id as topic_id, t.title as topic_title, t.body_text,
                  t.helpful_count, t.author_id
             from ${forumTopics} t
            where t.tip_theme = ${theme} and t.helpful_count > 0 and t.group_id is null and t.deleted_at is null
            order by t.helpful_count desc, t.id limit ${offset + limit + 1})
          union all
          (select 'reply', r.id, r.topic_id, t.title, r.body_text, r.helpful_count, r.author_id
             from ${forumReplies} r join ${forumTopics} t on t.id = r.topic_id
            where r.tip_theme = ${theme} and r.helpful_count > 0 and r.group_id is null
              and r.deleted_at is null and t.deleted_at is null
            order by r.helpful_count desc, r.id limit ${offset + limit + 1})
        ) tips
        order by helpful_count desc, id
        offset ${offset} limit ${limit + 1}`,
      );
      const rows = found.slice(0, limit);
      const authorOf = await authorsFor(rows.map((r) => r.author_id));
      return {
        theme,
        tips: rows.map((r) => ({
          kind: r.kind,
          id: r.id,
          topicId: r.topic_id,
          topicTitle: r.topic_title,
          excerpt: excerpt(r.body_text),
          helpfulCount: Number(r.helpful_count),
          author: authorOf(r.author_id),
        })),
        nextCursor: found.length > limit ? encodeOffset(offset + limit) : null,
      };
    },

    /** Ranked full-text search over topics and replies, with the matching words marked. */
    search(
      query: { q: string; category?: string | undefined; page: number },
      language?: string,
    ): Promise<SearchResponse> {
      return searchForum(query, searchConfigFor(language));
    },

    async draft(actor: Actor, key: string): Promise<Draft | null> {
      const [row] = await db
        .select()
        .from(forumDrafts)
        .where(and(eq(forumDrafts.userId, actor.userId), eq(forumDrafts.key, key)))
        .limit(1);
      return row
        ? { key: row.key, title: row.title, body: row.body, updatedAt: row.updatedAt.toISOString() }
        : null;
    },

    /** Keeps my words for later; a new place past MAX_DRAFTS_PER_PERSON is refused, an old one always saves. */
    async saveDraft(actor: Actor, key: string, input: DraftBody): Promise<Draft> {
      await spend('forumDraftSavePerUser', actor);
      const updatedAt = now();
      const set = { title: input.title, body: input.body, updatedAt };
      const updated = await db
        .update(forumDrafts)
        .set(set)
        .where(and(eq(forumDrafts.userId, actor.userId), eq(forumDrafts.key, key)))
        .returning({ key: forumDrafts.key });
      if (updated.length === 0) {
        const [kept] = await db
          .select({ n: count() })
          .from(forumDrafts)
          .where(eq(forumDrafts.userId, actor.userId));
        if (Number(kept?.n ?? 0) >= MAX_DRAFTS_PER_PERSON) {
          // Refused, not made room for: throwing away an older draft could lose someone's words.
          throw problems.conflict(
            t('forum.problems.tooManyDrafts', { max: MAX_DRAFTS_PER_PERSON }),
          );
        }
        await db
          .insert(forumDrafts)
          .values({ userId: actor.userId, key, ...set })
          .onConflictDoUpdate({ target: [forumDrafts.userId, forumDrafts.key], set });
      }
      return { key, title: input.title, body: input.body, updatedAt: updatedAt.toISOString() };
    },

    async deleteDraft(actor: Actor, key: string): Promise<void> {
      await db
        .delete(forumDrafts)
        .where(and(eq(forumDrafts.userId, actor.userId), eq(forumDrafts.key, key)));
    },

    /** Checks the file really is a picture, shrinks it and strips its metadata (places, dates). */
    async uploadImage(actor: Actor, data: Buffer) {
      if (!canCreateTopic(actor)) throw problems.signInNeeded();
      if (data.length > IMAGE_MAX_BYTES) throw problems.tooLarge();
      await spend('forumUploadPerUser', actor);
      const { fileTypeFromBuffer } = await import('file-type');
      const sniffed = await fileTypeFromBuffer(data);
      if (!sniffed || !ACCEPTED_IMAGES.has(sniffed.mime)) {
        throw problems.invalid(
          { image: t('forum.fields.image.kind') },
          t('forum.problems.imageKind'),
        );
      }
      let output: { data: Buffer; info: OutputInfo };
      try {
        output = await sharp(data, { animated: false, limitInputPixels: 40_000_000 })
          .rotate()
          .resize({
            width: IMAGE_MAX_SIDE,
            height: IMAGE_MAX_SIDE,
            fit: 'inside',
            withoutEnlargement: true,
          })
          .webp({ quality: 82 })
          .toBuffer({ resolveWithObject: true });
      } catch {
        throw problems.invalid(
          { image: t('forum.fields.image.broken') },
          t('forum.problems.imageKind'),
        );
      }
      const id = randomUUID();
      const storageKey = `forum/${id}.webp`;
      await storage.put(storageKey, output.data);
      await db.insert(forumImages).values({
        id,
        uploaderId: actor.userId,
        storageKey,
        mime: 'image/webp',
        width: output.info.width,
        height: output.info.height,
        bytes: output.data.length,
      });
      return {
        id,
        url: `${FORUM_IMAGE_PATH}${id}`,
        width: output.info.width,
        height: output.info.height,
      };
    },

    /**
     * A picture, for its uploader and for those who may see a live post that shows it.
     * Anyone else gets 404, as for a picture that does not exist, so ids are not confirmed.
     */
    async image(
      actor: Actor | null,
      id: string,
    ): Promise<{ data: Buffer; mime: string; audience: ImageAudience }> {
      const [row] = await db
        .select({
          uploaderId: forumImages.uploaderId,
          storageKey: forumImages.storageKey,
          mime: forumImages.mime,
        })
        .from(forumImages)
        .where(eq(forumImages.id, id))
        .limit(1);
      if (!row) throw problems.notFound();
      const uses = await db
        .select({
          groupId: forumTopics.groupId,
          topicDeletedAt: forumTopics.deletedAt,
          replyDeletedAt: forumReplies.deletedAt,
        })
        .from(forumImageUses)
        .innerJoin(forumTopics, eq(forumTopics.id, forumImageUses.topicId))
        .leftJoin(
          forumReplies,
          and(eq(forumImageUses.postKind, 'reply'), eq(forumReplies.id, forumImageUses.postId)),
        )
        .where(eq(forumImageUses.imageId, id));
      // A removed post (or a post in a removed topic) no longer shows its pictures.
      const live = uses.filter((u) => u.topicDeletedAt === null && u.replyDeletedAt === null);
      const facts = (groupId: string | null): PostFacts => ({
        authorId: null,
        deleted: false,
        groupId,
      });
      const inCategory = live.some((u) => u.groupId === null);
      let seesAUse = inCategory && canSeeTopic(actor, facts(null), true);
      if (!seesAUse) {
        const boards = [
          ...new Set(live.map((u) => u.groupId).filter((g): g is string => g !== null)),
        ];
        for (const groupId of boards) {
          if (canSeeTopic(actor, facts(groupId), await seesBoard(actor, groupId))) {
            seesAUse = true;
            break;
          }
        }
      }
      if (!canSeeImage(actor, row, seesAUse)) throw problems.notFound();
      const data = await storage.get(row.storageKey);
      if (!data) throw problems.notFound();
      return { data, mime: row.mime, audience: inCategory ? 'members' : 'restricted' };
    },

    async createCategory(actor: Actor, input: CategoryInput): Promise<Category> {
      if (!canManageCategories(actor)) throw problems.forbidden();
      const [row] = await db
        .insert(forumCategories)
        .values(input)
        .onConflictDoNothing()
        .returning();
      if (!row)
        throw problems.conflict(t('forum.problems.slugTaken'), {
          slug: t('forum.problems.slugTaken'),
        });
      categoryCache.clear();
      return toCategory(row, 0);
    },

    async updateCategory(actor: Actor, id: string, input: CategoryInput): Promise<Category> {
      if (!canManageCategories(actor)) throw problems.forbidden();
      const [taken] = await db
        .select({ id: forumCategories.id })
        .from(forumCategories)
        .where(eq(forumCategories.slug, input.slug));
      if (taken && taken.id !== id)
        throw problems.conflict(t('forum.problems.slugTaken'), {
          slug: t('forum.problems.slugTaken'),
        });
      const [row] = await db
        .update(forumCategories)
        .set(input)
        .where(eq(forumCategories.id, id))
        .returning();
      if (!row) throw problems.notFound(t('forum.problems.categoryNotFound'));
      categoryCache.clear();
      return toCategory(row, 0);
    },
  };
}

/** A short plain excerpt for lists: whole words, about 200 characters. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()} …`;
}

function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeOffset(cursor: string): number {
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw problems.badRequest(t('forum.problems.badCursor'), {
      cursor: t('forum.fields.cursor.invalid'),
    });
  return Number(match[1]);
}
