import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type { Post, TipTheme, TopicPage } from '../../../contract/forum';
import {
  getBookmarks,
  getCategories,
  getCategoryTopics,
  getTips,
  getTopicPage,
  type TopicPlace,
} from '../../api/forum';

/** Query keys of the forum, in one place so changes refresh the right lists. */
export const forumKeys = {
  all: ['forum'] as const,
  categories: ['forum', 'categories'] as const,
  category: (slug: string) => ['forum', 'category', slug] as const,
  topic: (id: string) => ['forum', 'topic', id] as const,
  tips: (theme: TipTheme) => ['forum', 'tips', theme] as const,
  bookmarks: ['forum', 'bookmarks'] as const,
  search: (q: string, category: string, page: number) =>
    ['forum', 'search', q, category, page] as const,
};

export function useCategories(enabled = true) {
  return useQuery({
    queryKey: forumKeys.categories,
    queryFn: getCategories,
    enabled,
  });
}

/** A category's topics, one page at a time: pages are added only when the person asks. */
export function useTopicList(slug: string) {
  return useInfiniteQuery({
    queryKey: forumKeys.category(slug),
    queryFn: ({ pageParam }) => getCategoryTopics(slug, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** A topic and its replies a page at a time, both ways from where the person came in. */
export function useTopicPage(id: string) {
  return useInfiniteQuery({
    queryKey: forumKeys.topic(id),
    queryFn: ({ pageParam }) => getTopicPage(id, pageParam),
    initialPageParam: {} as TopicPlace,
    getNextPageParam: (last): TopicPlace | null =>
      last.nextCursor ? { cursor: last.nextCursor } : null,
    getPreviousPageParam: (first): TopicPlace | null =>
      first.previousCursor ? { before: first.previousCursor } : null,
  });
}

export function useTips(theme: TipTheme | null) {
  return useInfiniteQuery({
    queryKey: forumKeys.tips(theme ?? 'daily_living'),
    queryFn: ({ pageParam }) =>
      getTips({ theme: theme ?? 'daily_living', cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: theme !== null,
  });
}

export function useBookmarks() {
  return useQuery({
    queryKey: forumKeys.bookmarks,
    queryFn: getBookmarks,
  });
}

/** Changes one post in the cached topic page, after the server said yes. */
export function updateCachedPost(
  client: QueryClient,
  topicId: string,
  postId: string,
  change: (post: Post) => Post,
) {
  client.setQueryData<InfiniteData<TopicPage>>(forumKeys.topic(topicId), (data) => {
    if (!data) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        topic:
          page.topic.post.id === postId
            ? { ...page.topic, post: change(page.topic.post) }
            : page.topic,
        replies: page.replies.map((reply) => (reply.id === postId ? change(reply) : reply)),
      })),
    };
  });
}
