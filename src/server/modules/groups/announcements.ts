// Announcements on a group's page, posted by those who run it.
import type { AnnouncementBody } from '../../../contract/groups';
import type { Actor } from '../../lib/access';
import type { GroupsDeps } from './deps';
import { requireManager } from './standing';
import { groupAnnouncements } from './tables';
import { announcementEvent } from './telling';

export async function announce(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
  body: AnnouncementBody,
): Promise<void> {
  await requireManager(deps, actor, groupId);
  await deps.jobs.transaction(async (tx, enqueue) => {
    const [created] = await tx
      .insert(groupAnnouncements)
      .values({ groupId, authorId: actor.userId, body: body.body, createdAt: deps.now() })
      .returning({ id: groupAnnouncements.id });
    await deps.notifications.notify(tx, enqueue, [
      await announcementEvent(tx, groupId, actor.userId, created!.id),
    ]);
  });
}
