// The queue: crisis first, then safety, then the rest, oldest first within each. Staff see
// every case; facilitators the reports on their own group's boards.
import type { QueuePage } from '../../../contract/moderation';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { pageOf } from '../../lib/pagination';
import { authorsByIds } from '../accounts/face';
import { groupNames, groupsLedBy } from '../groups/face';
import type { ModerationDeps } from './deps';
import { canUseQueue, type ModeratorStanding } from './permissions';
import { toQueueItem } from './present';
import { QUEUE_PAGE, queuePlace, queuePosition, queueRows } from './queries';

/** How the person stands with moderation: staff, or the boards they run. */
export async function standingOf(deps: ModerationDeps, actor: Actor): Promise<ModeratorStanding> {
  const ledGroups = isModerator(actor)
    ? new Set<string>()
    : await groupsLedBy(deps.db, actor.userId);
  return { actor, ledGroups };
}

export async function queue(
  deps: ModerationDeps,
  actor: Actor,
  query: { cursor?: string | undefined },
): Promise<QueuePage> {
  // A cursor we never made is a 400 for anyone, before who they are is asked.
  const after = queuePosition(query.cursor);
  const standing = await standingOf(deps, actor);
  if (!canUseQueue(standing)) throw problems.forbidden();
  const staff = isModerator(actor);
  const rows = await queueRows(deps.db, {
    groupIds: staff ? null : [...standing.ledGroups],
    reportsOnly: !staff,
    notAbout: actor.userId,
    after,
  });
  const { items, nextCursor } = pageOf(rows, QUEUE_PAGE, queuePlace);
  const [names, groups] = await Promise.all([
    authorsByIds(
      deps.db,
      items.flatMap((r) => (r.claimedBy ? [r.claimedBy] : [])),
    ),
    groupNames(
      deps.db,
      items.flatMap((r) => (r.groupId ? [r.groupId] : [])),
    ),
  ]);
  const now = deps.now();
  return {
    items: items.map((row) =>
      toQueueItem(row, { names, groupNames: groups, me: actor.userId, now }),
    ),
    nextCursor,
  };
}
