// The forum's use cases, put together over their deps: what routes and other wiring call.
// Each use case lives in the file named for what it does; this index only assembles them.
import type { PostKind, SearchResponse } from '../../../contract/forum';
import * as bookmarks from './bookmarks';
import * as categories from './categories';
import { type ForumDeps, type ForumServiceDeps, forumDeps } from './deps';
import * as drafts from './drafts';
import * as held from './held';
import * as images from './images';
import * as moderatorEdit from './moderator-edit';
import * as reactions from './reactions';
import * as removals from './removals';
import * as replies from './replies';
import { createForumSearch, type SearchInput } from './search';
import type { StaffViewLog } from './staff-views';
import * as tips from './tips';
import { topicPage } from './topic-page';
import * as topics from './topics';
import { searchConfigFor } from './writing';

export type ForumService = ReturnType<typeof createForumService>;

export function createForumService(
  serviceDeps: ForumServiceDeps & {
    /** Where staff views of held posts and closed boards are written (the audit log). */
    staffViews?: StaffViewLog | undefined;
  },
) {
  const deps = forumDeps(serviceDeps);
  const reading = { ...deps, staffViews: serviceDeps.staffViews };
  /** A use case with its deps given: the same function, called as (actor, ...). */
  const use =
    <A extends unknown[], R>(useCase: (deps: ForumDeps, ...args: A) => R) =>
    (...args: A): R =>
      useCase(deps, ...args);
  const searchForum = createForumSearch(deps.db);

  return {
    ensureSeeded: use(categories.ensureSeeded),
    categories: use(categories.categories),
    createCategory: use(categories.createCategory),
    updateCategory: use(categories.updateCategory),

    topicList: use(topics.topicList),
    groupTopicList: use(topics.groupTopicList),
    createTopic: use(topics.createTopic),
    editTopic: use(topics.editTopic),
    topicPage: (...args: Tail<typeof topicPage>) => topicPage(reading, ...args),

    createReply: use(replies.createReply),
    editReply: use(replies.editReply),

    deletePost: use(removals.deletePost),
    removePost: use(removals.removePost),
    restorePost: use(removals.restorePost),
    /** A moderator lets a held post be seen; it is counted and told of then. */
    releaseHeld: use(held.releaseHeld),
    revisions: use(removals.revisions),
    /**
     * For moderation, inside its transaction: a moderator's edit with a reason, undoing it
     * after an appeal, and a post's words as written. Moderation decides who may.
     */
    editAsModerator: use(moderatorEdit.editAsModerator),
    undoModeratorEdit: use(moderatorEdit.undoModeratorEdit),
    wordsOf: (kind: PostKind, id: string, asModerator?: boolean) =>
      moderatorEdit.wordsOf(deps, kind, id, asModerator),
    changedByModerators: (posts: Parameters<typeof moderatorEdit.changedByModerators>[1]) =>
      moderatorEdit.changedByModerators(deps.db, posts),

    setReaction: use(reactions.setReaction),
    setHelpful: use(reactions.setHelpful),

    setBookmark: use(bookmarks.setBookmark),
    bookmarks: use(bookmarks.bookmarks),

    tips: use(tips.tips),

    /** Ranked full-text search over topics and replies, with the matching words marked. */
    search: (query: SearchInput, language?: string): Promise<SearchResponse> =>
      searchForum(query, searchConfigFor(language)),

    draft: use(drafts.draft),
    saveDraft: use(drafts.saveDraft),
    deleteDraft: use(drafts.deleteDraft),

    uploadImage: use(images.uploadImage),
    image: use(images.image),
  };
}

/** A use case's arguments after its deps. */
type Tail<F> = F extends (deps: never, ...args: infer A) => unknown ? A : never;
