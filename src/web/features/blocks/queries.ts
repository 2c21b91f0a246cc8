import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getBlockFor, getBlocks } from '../../api/blocks';

/** Query keys of my list, under my id, so one person never sees another's. */
export const blocksKeys = {
  all: ['blocks'] as const,
  list: (userId: string) => ['blocks', userId, 'list'] as const,
  about: (userId: string, otherId: string) => ['blocks', userId, 'about', otherId] as const,
};

/** My list, newest first; more pages only when the person asks. */
export function useBlockList(userId: string) {
  return useInfiniteQuery({
    queryKey: blocksKeys.list(userId),
    queryFn: ({ pageParam }) => getBlocks(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** My choice about one other person (their profile page asks). */
export function useBlockAbout(userId: string, otherId: string) {
  return useQuery({
    queryKey: blocksKeys.about(userId, otherId),
    queryFn: () => getBlockFor(otherId),
  });
}
