import { useQuery } from '@tanstack/react-query';
import type { DirectoryResponse, GroupSummary } from '../../../contract/groups';
import { getDirectory, getOrganisations } from '../../api/groups';
import { useMe } from '../../session';
import { groupsKeys } from './queries';

/** The organisations I run (every one, for a site admin). The server decides; we only ask. */
export function useMyOrganisations() {
  const me = useMe();
  const user = me.data?.user;
  return useQuery({
    queryKey: groupsKeys.organisations,
    queryFn: getOrganisations,
    enabled: Boolean(user),
    staleTime: 30_000,
  });
}

/** Pages of 20 to fetch at most for one organisation (a thousand groups). */
const MAX_DIRECTORY_PAGES = 50;

/** One organisation's groups, from the directory filtered to that organisation. */
export function useOrganisationGroups(organisationId: string) {
  return useQuery({
    queryKey: groupsKeys.organisationGroups(organisationId),
    queryFn: async () => {
      const found: GroupSummary[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_DIRECTORY_PAGES; page++) {
        const result: DirectoryResponse = await getDirectory({
          organisation: organisationId,
          cursor: cursor ?? undefined,
        });
        found.push(...result.groups);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return found;
    },
  });
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A member's id from a link to their profile (/members/<id>) or from the id itself. */
export function memberIdFrom(text: string): string | null {
  return uuid.exec(text.trim())?.[0]?.toLowerCase() ?? null;
}
