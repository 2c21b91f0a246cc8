/** Query keys of gatherings; everything starts with 'events' so one refresh covers them all. */
export const eventsKeys = {
  all: ['events'] as const,
  upcoming: (search: string) => ['events', 'upcoming', search] as const,
  mine: ['events', 'mine'] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  group: (groupId: string) => ['events', 'group', groupId] as const,
};
