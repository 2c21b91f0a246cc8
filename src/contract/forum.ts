import { z } from 'zod';
import { MemberRole } from './accounts';
import { hasControlCharacter, WrittenText } from './common';
import { forumLimits } from './forum-limits';
import { postKinds, reactionKinds, tipThemes } from './values';

export const TipTheme = z.enum(tipThemes);
export type TipTheme = z.infer<typeof TipTheme>;
export const ReactionKind = z.enum(reactionKinds);
export type ReactionKind = z.infer<typeof ReactionKind>;
export const PostKind = z.enum(postKinds);
export type PostKind = z.infer<typeof PostKind>;

/** An opaque position in a list, handed back to get the next page. */
export const Cursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'forum.fields.cursor.invalid' });

export const Category = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  tipTheme: TipTheme.nullable(),
  topicCount: z.number().int(),
  newCount: z.number().int().describe('Topics started since my last visit to this category'),
});
export type Category = z.infer<typeof Category>;

export const CategoriesResponse = z.object({ categories: z.array(Category) });
export type CategoriesResponse = z.infer<typeof CategoriesResponse>;

export const CategoryInput = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'forum.fields.slug.invalid' })
      .max(60),
    name: WrittenText.min(2).max(80),
    description: WrittenText.min(2).max(300),
    tipTheme: TipTheme.nullable(),
    sortOrder: z.number().int().min(0).max(1000),
  })
  .strict();
export type CategoryInput = z.infer<typeof CategoryInput>;

export const Author = z.object({
  id: z.uuid().nullable(),
  displayName: z.string(),
  role: MemberRole.nullable(),
});
export type Author = z.infer<typeof Author>;

export const Reactions = z.object({
  me_too: z.number().int(),
  thank_you: z.number().int(),
  sending_strength: z.number().int(),
  mine: z.array(ReactionKind),
});
export type Reactions = z.infer<typeof Reactions>;

/** Why a post or topic is folded away for me: I ignore (or block) its writer; null: it is not. */
export const HiddenBecause = z.enum(['ignored']).nullable();
export type HiddenBecause = z.infer<typeof HiddenBecause>;

export const TopicSummary = z.object({
  id: z.uuid(),
  /** Null for a topic on a group's board. */
  categoryId: z.uuid().nullable(),
  title: z.string(),
  author: Author,
  replyCount: z.number().int(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  unread: z.boolean(),
  isNew: z.boolean(),
  /** Started by someone I ignore or block: the list folds it away, with "Show it". */
  hiddenBecause: HiddenBecause,
});
export type TopicSummary = z.infer<typeof TopicSummary>;

export const TopicListQuery = z.object({ cursor: Cursor.optional() });

export const TopicListResponse = z.object({
  category: Category,
  topics: z.array(TopicSummary),
  nextCursor: z.string().nullable(),
});
export type TopicListResponse = z.infer<typeof TopicListResponse>;

/** Why a moderator removed someone's post: a few one-tap reasons, or 'other' with words. */
export const removalReasons = [
  'unkind',
  'private_details',
  'selling',
  'harmful_advice',
  'other',
] as const;
export const RemovalReason = z.enum(removalReasons);
export type RemovalReason = z.infer<typeof RemovalReason>;

/** A moderator's removal of a post, shown to staff only, so it can be reviewed and undone. */
export const Removal = z.object({
  reason: RemovalReason,
  /** The moderator's own words (always given for 'other'). */
  note: z.string().nullable(),
  by: Author,
  at: z.string(),
  /** The removed words, sanitised like any post, for staff to review. */
  bodyHtml: z.string(),
});
export type Removal = z.infer<typeof Removal>;

export const RemovalBody = z
  .object({
    reason: RemovalReason,
    note: WrittenText.max(forumLimits.removalNote.max, {
      error: 'forum.fields.removalNote.tooLong',
    }).optional(),
  })
  .strict()
  .refine(
    (v) => v.reason !== 'other' || (v.note ?? '').trim().length >= forumLimits.removalNote.min,
    { error: 'forum.fields.removalNote.required', path: ['note'] },
  );
export type RemovalBody = z.infer<typeof RemovalBody>;

export const Post = z.object({
  id: z.uuid(),
  kind: PostKind,
  author: Author,
  /** Sanitised on the server: safe to put in the page as it is. */
  bodyHtml: z.string(),
  /** The markdown as written, only for its author (to edit it). */
  body: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  reactions: Reactions,
  helpfulCount: z.number().int(),
  markedHelpful: z.boolean(),
  canEdit: z.boolean(),
  /** "Delete my post": the author's own. */
  canDelete: z.boolean(),
  /** "Remove this post": staff, on someone else's post, with a reason. */
  canRemove: z.boolean(),
  /** Staff may put back a post a moderator removed. */
  canRestore: z.boolean(),
  /** Set only for staff, while a moderator's removal holds. */
  removal: Removal.nullable(),
  /** Waiting for a moderator: only its author and moderators see it for now. */
  held: z.boolean(),
  /**
   * Written by someone I ignore or block: the page folds it away, with "Show it". The words
   * are still sent, so showing it needs no other request.
   */
  hiddenBecause: HiddenBecause,
  /** The words shown are a moderator's change (with a reason); the author's are kept. */
  editedByModerator: z.boolean(),
});
export type Post = z.infer<typeof Post>;

export const TopicPageQuery = z
  .object({
    /** The replies after this place: a page's nextCursor. */
    cursor: Cursor.optional(),
    /** The replies before this place: a page's previousCursor. */
    before: Cursor.optional(),
    /**
     * The page that holds this reply, as "Show more replies" would reach it (a link to
     * `#post-<id>`); the first page when the person may not see that reply here.
     */
    reply: z.uuid({ error: 'forum.fields.reply.invalid' }).optional(),
  })
  .refine((q) => [q.cursor, q.before, q.reply].filter((v) => v !== undefined).length <= 1, {
    error: 'forum.fields.cursor.oneOnly',
    path: ['cursor'],
  });
export type TopicPageQuery = z.infer<typeof TopicPageQuery>;

export const TopicPage = z.object({
  topic: z.object({
    id: z.uuid(),
    title: z.string(),
    category: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
    groupId: z.uuid().nullable(),
    tipTheme: TipTheme.nullable(),
    replyCount: z.number().int(),
    bookmarked: z.boolean(),
    /** False on a group's board for those who may read it but not write (not members). */
    canReply: z.boolean(),
    post: Post,
  }),
  replies: z.array(Post),
  nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page'),
  previousCursor: z
    .string()
    .nullable()
    .describe('Pass as ?before= for the page before; null on the first page'),
  /** Which page of replies this is, 1 for the first, as the buttons count them. */
  page: z.number().int().min(1),
});
export type TopicPage = z.infer<typeof TopicPage>;

export const Title = WrittenText.min(forumLimits.title.min, {
  error: 'forum.fields.title.tooShort',
}).max(forumLimits.title.max, { error: 'forum.fields.title.tooLong' });
export const Body = WrittenText.min(forumLimits.body.min, {
  error: 'forum.fields.body.required',
}).max(forumLimits.body.max, { error: 'forum.fields.body.tooLong' });
/** Made by the app once per post it sends, so a double tap posts once. */
export const IdempotencyKey = z.uuid({ error: 'forum.fields.idempotencyKey.invalid' });

export const NewTopicBody = z
  .object({
    categoryId: z.uuid(),
    title: Title,
    body: Body,
    tipTheme: TipTheme.nullable().optional(),
    idempotencyKey: IdempotencyKey,
  })
  .strict();
export type NewTopicBody = z.infer<typeof NewTopicBody>;

export const NewReplyBody = z.object({ body: Body, idempotencyKey: IdempotencyKey }).strict();
export type NewReplyBody = z.infer<typeof NewReplyBody>;

export const EditTopicBody = z
  .object({ title: Title.optional(), body: Body.optional() })
  .strict()
  .refine((v) => v.title !== undefined || v.body !== undefined, {
    error: 'fields.generic.required',
  });
export type EditTopicBody = z.infer<typeof EditTopicBody>;

export const EditReplyBody = z.object({ body: Body }).strict();
export type EditReplyBody = z.infer<typeof EditReplyBody>;

/**
 * What the writer hears back about their words. `support`: they may be going through
 * something very hard, so the app shows supportive words and crisis lines (never a block).
 * `personalDetails`: the words hold a phone number, an email or a street address.
 */
export const WritingCare = z.object({
  support: z.boolean(),
  personalDetails: z.array(z.enum(['phone', 'email', 'address'])),
});
export type WritingCare = z.infer<typeof WritingCare>;

export const Created = z.object({
  id: z.uuid(),
  topicId: z.uuid(),
  /** Waiting for a moderator: only the writer and moderators see it for now. */
  held: z.boolean(),
  /** Held because a moderator reads a new member's first posts (not because of its words). */
  review: z.boolean(),
  care: WritingCare,
});
export type Created = z.infer<typeof Created>;

export const Revision = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  body: z.string(),
  editedAt: z.string(),
  editor: Author,
});
export const RevisionsResponse = z.object({ revisions: z.array(Revision) });
export type RevisionsResponse = z.infer<typeof RevisionsResponse>;

export const PostParams = z.object({ kind: PostKind, id: z.uuid() });
export const ReactionParams = PostParams.extend({ reaction: ReactionKind });

export const TipsQuery = z.object({ theme: TipTheme, cursor: Cursor.optional() });
export const Tip = z.object({
  kind: PostKind,
  id: z.uuid(),
  topicId: z.uuid(),
  topicTitle: z.string(),
  excerpt: z.string(),
  helpfulCount: z.number().int(),
  author: Author,
});
export type Tip = z.infer<typeof Tip>;
export const TipsResponse = z.object({
  theme: TipTheme,
  tips: z.array(Tip),
  nextCursor: z.string().nullable(),
});
export type TipsResponse = z.infer<typeof TipsResponse>;

export const SearchQuery = z.object({
  q: WrittenText.min(forumLimits.search.min, { error: 'forum.fields.search.tooShort' }).max(
    forumLimits.search.max,
  ),
  category: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(50).default(1),
});
export const SearchResult = z.object({
  kind: PostKind,
  id: z.uuid(),
  topicId: z.uuid(),
  topicTitle: z.string(),
  categoryName: z.string(),
  /** Plain text; the words that matched sit between \uE000 and \uE001. */
  snippet: z.string(),
  createdAt: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;
export const SearchResponse = z.object({
  results: z.array(SearchResult),
  page: z.number().int(),
  hasMore: z.boolean(),
  /** Words that find something, offered when the words asked for found nothing ("Did you mean"). */
  suggestion: z.string().optional(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

/** Drafts are kept per place: a new topic in a category, or a reply to a topic. */
export const DraftKey = z
  .string()
  .regex(/^(topic|reply)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: 'forum.fields.draftKey.invalid',
  });
export const DraftParams = z.object({ key: DraftKey });
/** A draft keeps its words exactly as typed (no trimming), but the database cannot hold a NUL. */
const DraftText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !hasControlCharacter(text));
export const DraftBody = z
  .object({ title: DraftText(forumLimits.title.max), body: DraftText(forumLimits.body.max) })
  .strict();
export type DraftBody = z.infer<typeof DraftBody>;
export const Draft = z.object({
  key: z.string(),
  title: z.string(),
  body: z.string(),
  updatedAt: z.string(),
  /** Screened as it is saved (every ~2 s while writing): see WritingCare. */
  care: WritingCare.optional(),
});
export type Draft = z.infer<typeof Draft>;
export const DraftResponse = z.object({ draft: Draft.nullable() });
export type DraftResponse = z.infer<typeof DraftResponse>;

/** A bookmarked topic: in a category, or on a group's board (then `group` says which group). */
export const BookmarkedTopic = TopicSummary.extend({
  group: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .describe('The group whose board the topic is on; its page is /groups/{id}'),
});
export type BookmarkedTopic = z.infer<typeof BookmarkedTopic>;

export const BookmarksResponse = z.object({ topics: z.array(BookmarkedTopic) });
export type BookmarksResponse = z.infer<typeof BookmarksResponse>;

export const ImageUploaded = z.object({
  id: z.uuid(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type ImageUploaded = z.infer<typeof ImageUploaded>;
