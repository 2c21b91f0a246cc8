import type { Actor } from '../../lib/access';
import { isAdmin, isModerator } from '../../lib/access';

/** What the forum needs to know about a post to decide who may do what. */
export interface PostFacts {
  authorId: string | null;
  deleted: boolean;
  /** Set when the post sits on a group's board. */
  groupId: string | null;
}

/** Everyone signed in may start topics; trust-level checks come with moderation. */
export function canCreateTopic(actor: Actor | null): actor is Actor {
  return actor !== null;
}

/** A topic is seen by members; one on a group's board only by those the group lets in. */
export function canSeeTopic(
  actor: Actor | null,
  topic: PostFacts,
  seesGroupBoard: boolean,
): boolean {
  if (!actor) return false;
  if (topic.groupId !== null && !seesGroupBoard) return false;
  return true;
}

export function canReply(actor: Actor | null, topic: PostFacts, seesGroupBoard: boolean): boolean {
  return canSeeTopic(actor, topic, seesGroupBoard) && !topic.deleted;
}

/** Only the author edits their words; a moderator's edit comes with moderation and a reason. */
export function canEditPost(actor: Actor | null, post: PostFacts): boolean {
  return actor !== null && !post.deleted && post.authorId === actor.userId;
}

export function canDeletePost(actor: Actor | null, post: PostFacts): boolean {
  return actor !== null && !post.deleted && (post.authorId === actor.userId || isModerator(actor));
}

/** Reactions and "this helped me" are for other people's posts. */
export function canReactTo(actor: Actor | null, post: PostFacts): boolean {
  return actor !== null && !post.deleted && post.authorId !== actor.userId;
}

export function canMarkHelpful(actor: Actor | null, post: PostFacts): boolean {
  return canReactTo(actor, post);
}

/** Edit history is for moderators: it may hold words the author took back. */
export function canSeeRevisions(actor: Actor | null): boolean {
  return isModerator(actor);
}

export function canManageCategories(actor: Actor | null): boolean {
  return isAdmin(actor);
}
