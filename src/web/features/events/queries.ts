import { useQueryClient } from '@tanstack/react-query';

/** Query keys of gatherings; everything starts with 'events' so one refresh covers them all. */
export const eventsKeys = {
  all: ['events'] as const,
  upcoming: (search: string) => ['events', 'upcoming', search] as const,
  mine: ['events', 'mine'] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  group: (groupId: string) => ['events', 'group', groupId] as const,
};

/** Refreshes everything about gatherings, after a change. */
export function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: eventsKeys.all });
}
