// Blocks in the forum: a blocked person may not reply to the one who blocked them. They are
// never told why: the refusal reads like any closed conversation, and they still see the posts.
import type { HiddenBecause } from '../../../contract/forum';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { ForumDeps } from './deps';

/**
 * Refuses a reply to someone who blocks the writer, in neutral words. Staff are never kept
 * from answering: a moderator must be able to reply anywhere.
 */
export async function checkNotBlockedBy(
  deps: ForumDeps,
  actor: Actor,
  ownerId: string | null,
): Promise<void> {
  if (!ownerId || ownerId === actor.userId || isModerator(actor)) return;
  if (await deps.blocks.blocks(ownerId, actor.userId)) {
    throw problems.conflict(t('forum.problems.cannotReplyHere'));
  }
}

/**
 * Why each writer's posts are folded away for this viewer: 'ignored' for those they ignore
 * or block, null for the rest (and for their own). One question for a whole page.
 */
export async function foldedWriters(
  deps: ForumDeps,
  viewer: Actor,
  authorIds: (string | null)[],
): Promise<(authorId: string | null) => HiddenBecause> {
  const others = [
    ...new Set(authorIds.filter((id): id is string => id !== null && id !== viewer.userId)),
  ];
  const ignored = others.length > 0 ? await deps.blocks.ignoredBy(viewer.userId, others) : null;
  return (authorId) => (authorId && ignored?.has(authorId) ? 'ignored' : null);
}
