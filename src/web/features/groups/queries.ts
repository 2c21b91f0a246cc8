/**
 * Query keys of groups, in one place so a change refreshes the right lists. Everything
 * starts with 'groups', so `groupsKeys.all` refreshes the lot after a membership changes.
 */
export const groupsKeys = {
  all: ['groups'] as const,
  directory: (search: string) => ['groups', 'directory', search] as const,
  mine: ['groups', 'mine'] as const,
  detail: (id: string) => ['groups', 'detail', id] as const,
  members: (id: string) => ['groups', 'members', id] as const,
  requests: (id: string) => ['groups', 'requests', id] as const,
  board: (id: string) => ['groups', 'board', id] as const,
  fitsMePrefill: ['groups', 'fits-me', 'prefill'] as const,
  organisations: ['groups', 'organisations'] as const,
  organisationGroups: (organisationId: string) =>
    ['groups', 'organisation-groups', organisationId] as const,
};
