// What a new member may not do yet (SAFETY.md): their first posts wait for a moderator, and
// links and pictures wait for a higher trust level. They are told why, and when that changes.
import { hasTrust, trustLevelOf } from '../../../contract/trust';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { RenderedPost } from '../../lib/markdown';
import type { ForumDeps } from './deps';
import { postsSeenByOthers } from './face';

/**
 * Refuses links and pictures from people below the level the site settings ask for, in plain
 * words that say the rest is kept. Staff are never held back. A mention is not a link.
 */
export async function checkNewcomerRules(
  deps: ForumDeps,
  actor: Actor,
  rendered: Pick<RenderedPost, 'links' | 'images'>,
): Promise<void> {
  if (isModerator(actor) || (rendered.links.length === 0 && rendered.images.length === 0)) return;
  const rules = await deps.writingRules();
  const level = trustLevelOf(actor.trustLevel);
  const days = rules.daysToBasic;
  if (rendered.links.length > 0 && !hasTrust(level, rules.postLinks)) {
    throw problems.invalid({ body: t('forum.problems.linksLater', { count: days }) });
  }
  if (rendered.images.length > 0 && !hasTrust(level, rules.postImages)) {
    throw problems.invalid({ body: t('forum.problems.picturesLater', { count: days }) });
  }
}

/**
 * True while a new member's post should wait for a moderator: they are at the lowest level and
 * fewer of their posts than the setting asks have been let through.
 */
export async function waitsForReview(deps: ForumDeps, actor: Actor): Promise<boolean> {
  if (isModerator(actor) || trustLevelOf(actor.trustLevel) !== 'new') return false;
  const { reviewFirstPosts } = await deps.writingRules();
  if (reviewFirstPosts === 0) return false;
  return (await postsSeenByOthers(deps.db, actor.userId)) < reviewFirstPosts;
}
