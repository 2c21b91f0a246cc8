import {
  type InfiniteData,
  type QueryClient,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import type {
  BookmarksResponse,
  CategoriesResponse,
  Post,
  TipsResponse,
  TipTheme,
  TopicListResponse,
  TopicPage,
} from '../../../contract/forum';
import { api } from '../../api';

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
    queryFn: () => api<CategoriesResponse>('/forum/categories'),
    enabled,
  });
}

const cursorParam = (cursor: string | null) =>
  cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';

/** A category's topics, one page at a time: pages are added only when the person asks. */
export function useTopicList(slug: string) {
  return useInfiniteQuery({
    queryKey: forumKeys.category(slug),
    queryFn: ({ pageParam }) =>
      api<TopicListResponse>(
        `/forum/categories/${encodeURIComponent(slug)}/topics${cursorParam(pageParam)}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useTopicPage(id: string) {
  return useInfiniteQuery({
    queryKey: forumKeys.topic(id),
    queryFn: ({ pageParam }) =>
      api<TopicPage>(`/forum/topics/${encodeURIComponent(id)}${cursorParam(pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useTips(theme: TipTheme | null) {
  return useInfiniteQuery({
    queryKey: forumKeys.tips(theme ?? 'daily_living'),
    queryFn: ({ pageParam }) =>
      api<TipsResponse>(
        `/forum/tips?theme=${theme}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: theme !== null,
  });
}

export function useBookmarks() {
  return useQuery({
    queryKey: forumKeys.bookmarks,
    queryFn: () => api<BookmarksResponse>('/forum/bookmarks'),
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
