import { useQuery } from '@tanstack/react-query';
import type {
  DirectoryResponse,
  GroupSummary,
  OrganisationsResponse,
} from '../../../contract/groups';
import { api } from '../../api';
import { useMe } from '../../session';

export const organisationsKey = ['groups', 'organisations'] as const;

/** The organisations I run (every one, for a site admin). The server decides; we only ask. */
export function useMyOrganisations() {
  const me = useMe();
  const user = me.data?.user;
  return useQuery({
    queryKey: organisationsKey,
    queryFn: () => api<OrganisationsResponse>('/organisations'),
    enabled: Boolean(user),
    staleTime: 30_000,
  });
}

/** Pages of 20 to fetch at most for one organisation (a thousand groups). */
const MAX_DIRECTORY_PAGES = 50;

/** One organisation's groups, from the directory filtered to that organisation. */
export function useOrganisationGroups(organisationId: string) {
  return useQuery({
    queryKey: ['groups', 'organisation-groups', organisationId],
    queryFn: async () => {
      const found: GroupSummary[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_DIRECTORY_PAGES; page++) {
        const query = `?organisation=${organisationId}${cursor ? `&cursor=${cursor}` : ''}`;
        const result: DirectoryResponse = await api<DirectoryResponse>(`/groups${query}`);
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
