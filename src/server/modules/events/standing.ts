// How a person stands with events, loaded before any rule is asked (permissions.ts): through
// the groups face, for many events at once.
import type { EventOwner } from '../../../contract/events';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { EventsDeps } from './deps';
import { canRunCommunityEvents, canRunEvent, type EventStanding } from './permissions';

export interface LoadedStanding extends EventStanding {
  owner: EventOwner;
  /** The organisation's own video service, where rooms are made. */
  videoBaseUrl: string | null;
}

interface Owned {
  id: string;
  ownerKind: EventOwner['kind'];
  groupId: string | null;
  organisationId: string | null;
}

/** Each event's owner and this person's standing with it (two queries at most). */
export async function standingsOf(
  deps: Pick<EventsDeps, 'groups'>,
  actor: Actor | null,
  rows: Owned[],
): Promise<Map<string, LoadedStanding>> {
  const groupIds = rows.flatMap((r) => (r.groupId ? [r.groupId] : []));
  const orgIds = rows.flatMap((r) => (r.organisationId ? [r.organisationId] : []));
  const [groups, orgs] = await Promise.all([
    deps.groups.groupEventStandings(actor, groupIds),
    deps.groups.organisationEventStandings(actor, orgIds),
  ]);
  const result = new Map<string, LoadedStanding>();
  for (const row of rows) {
    const org = row.organisationId ? orgs.get(row.organisationId) : undefined;
    const organisation =
      org && row.organisationId ? { id: row.organisationId, name: org.name } : null;
    const videoBaseUrl = org?.videoBaseUrl ?? null;
    if (row.ownerKind === 'group') {
      const group = row.groupId ? groups.get(row.groupId) : undefined;
      result.set(row.id, {
        see: group?.see ?? false,
        run: group?.run ?? false,
        owner: {
          kind: 'group',
          group: group && row.groupId ? { id: row.groupId, name: group.name } : null,
          organisation,
        },
        videoBaseUrl,
      });
    } else if (row.ownerKind === 'organisation') {
      result.set(row.id, {
        see: actor !== null,
        run: org?.run ?? false,
        owner: { kind: 'organisation', group: null, organisation },
        videoBaseUrl,
      });
    } else {
      result.set(row.id, {
        see: actor !== null,
        run: canRunCommunityEvents(actor),
        owner: { kind: 'community', group: null, organisation: null },
        videoBaseUrl: null,
      });
    }
  }
  return result;
}

/** One event's standing. */
export async function standingOf(
  deps: Pick<EventsDeps, 'groups'>,
  actor: Actor | null,
  row: Owned,
): Promise<LoadedStanding> {
  return (await standingsOf(deps, actor, [row])).get(row.id)!;
}

/** Refuses anyone who does not run the event. */
export function requireRunner(actor: Actor, standing: LoadedStanding) {
  if (!canRunEvent(actor, standing)) throw problems.forbidden(t('events.problems.notRunner'));
}
