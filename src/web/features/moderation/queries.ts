import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getAuditLog, getCase, getQueue } from '../../api/moderation';

/** Query keys of moderation, under the person's id, so one moderator never sees another's view. */
export const moderationKeys = {
  all: ['moderation'] as const,
  queue: (userId: string) => ['moderation', userId, 'queue'] as const,
  case: (userId: string, id: string) => ['moderation', userId, 'case', id] as const,
  audit: (userId: string) => ['moderation', userId, 'audit'] as const,
};

/** The queue in the server's order; more pages only when the moderator asks. */
export function useQueue(userId: string) {
  return useInfiniteQuery({
    queryKey: moderationKeys.queue(userId),
    queryFn: ({ pageParam }) => getQueue(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One case. Not retried: a 403 or 404 is an answer, said in words at once. */
export function useCase(userId: string, id: string) {
  return useQuery({
    queryKey: moderationKeys.case(userId, id),
    queryFn: () => getCase(id),
    retry: false,
    // Each look is written to the audit log: do not look again just because the window moved.
    refetchOnWindowFocus: false,
  });
}

/** The audit log, newest first. */
export function useAuditLog(userId: string) {
  return useInfiniteQuery({
    queryKey: moderationKeys.audit(userId),
    queryFn: ({ pageParam }) => getAuditLog(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: false,
  });
}
