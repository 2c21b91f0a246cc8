import type { Actor } from '../../lib/access';
import { isAdmin, isModerator } from '../../lib/access';

/** What the forum needs to know about a post to decide who may do what. */
export interface PostFacts {
  authorId: string | null;
  deleted: boolean;
  /** Set when the post sits on a group's board. */
  groupId: string | null;
  /** Held for a moderator: only its author and moderators see it until one decides. */
  held?: boolean | undefined;
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
  return !topic.held || topic.authorId === actor.userId || isModerator(actor);
}

/**
 * Reading a group's board is for those who see it; writing on it (topics, replies, edits,
 * reactions) is for the group's members only. Categories are open to every member.
 */
export function canWriteOn(
  actor: Actor | null,
  post: Pick<PostFacts, 'groupId'>,
  writesOnGroupBoard: boolean,
): actor is Actor {
  return actor !== null && (post.groupId === null || writesOnGroupBoard);
}

export function canReply(
  actor: Actor | null,
  topic: PostFacts,
  seesGroupBoard: boolean,
  writesOnGroupBoard: boolean,
): boolean {
  return (
    canSeeTopic(actor, topic, seesGroupBoard) &&
    canWriteOn(actor, topic, writesOnGroupBoard) &&
    !topic.deleted
  );
}

/** Only the author edits their words; a moderator's edit comes with moderation and a reason. */
export function canEditPost(
  actor: Actor | null,
  post: PostFacts,
  writesOnGroupBoard: boolean,
): boolean {
  return (
    canWriteOn(actor, post, writesOnGroupBoard) && !post.deleted && post.authorId === actor.userId
  );
}

/** "Delete my post": only the author, on their own post. Staff remove others' posts with a reason. */
export function canDeletePost(actor: Actor | null, post: PostFacts): boolean {
  return actor !== null && !post.deleted && post.authorId === actor.userId;
}

/**
 * "Remove this post": staff, on someone else's post, always with a reason that is kept so
 * the removal can be reviewed and undone. Their own posts they delete like anyone.
 */
export function canRemovePost(actor: Actor | null, post: PostFacts): actor is Actor {
  return isModerator(actor) && !post.deleted && post.authorId !== actor!.userId;
}

/** Staff put back a post a moderator removed; a post its author deleted stays deleted. */
export function canRestorePost(actor: Actor | null, removedByModerator: boolean): boolean {
  return isModerator(actor) && removedByModerator;
}

/** Why a moderator removed a post, and its words, are for staff only (to review it). */
export function canReviewRemovals(actor: Actor | null): boolean {
  return isModerator(actor);
}

/** Reactions and "this helped me" are for other people's posts. */
export function canReactTo(
  actor: Actor | null,
  post: PostFacts,
  writesOnGroupBoard: boolean,
): boolean {
  return (
    canWriteOn(actor, post, writesOnGroupBoard) && !post.deleted && post.authorId !== actor.userId
  );
}

export function canMarkHelpful(
  actor: Actor | null,
  post: PostFacts,
  writesOnGroupBoard: boolean,
): boolean {
  return canReactTo(actor, post, writesOnGroupBoard);
}

/**
 * A picture is its uploader's until a post uses it; then whoever may see one of the live
 * posts that show it may see it too. `seesAUse` says whether the actor sees such a post.
 */
export function canSeeImage(
  actor: Actor | null,
  image: { uploaderId: string | null },
  seesAUse: boolean,
): boolean {
  if (!actor) return false;
  return image.uploaderId === actor.userId || seesAUse;
}

/** Only pictures I uploaded may go into my posts (and those the post already showed). */
export function canEmbedImage(
  actor: Actor,
  image: { uploaderId: string | null },
  alreadyInThisPost: boolean,
): boolean {
  return image.uploaderId === actor.userId || alreadyInThisPost;
}

/** Edit history is for moderators: it may hold words the author took back. */
export function canSeeRevisions(actor: Actor | null): boolean {
  return isModerator(actor);
}

export function canManageCategories(actor: Actor | null): boolean {
  return isAdmin(actor);
}
