// Who the forum tells, and of what: replies and mentions to the people they concern,
// reactions and "this helped me" to a post's author, a staff removal to its author.
// Only people who may read where it happened are told, and nobody who keeps the actor away.
import type { PostKind, ReactionKind, RemovalReason } from '../../../contract/forum';
import { type TrustLevel, trustLevelOf } from '../../../contract/trust';
import type { Actor } from '../../lib/access';
import { Problem } from '../../lib/errors';
import type { NotificationEvent, NotificationsFace } from '../notifications/face';
import type { ForumBlocks, ForumDeps } from './deps';

/** People one post may mention and tell, by the writer's trust level: past it, nobody more is told. */
export const MENTIONS_PER_POST: Record<TrustLevel, number> = {
  new: 3,
  basic: 5,
  member: 10,
  regular: 20,
  leader: 20,
};

interface Where {
  topicId: string;
  title: string;
  groupId: string | null;
}

/** Of these people, those who may read the topic: anyone signed in, or a board's readers. */
async function mayRead(deps: ForumDeps, where: Where, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  if (!where.groupId) return userIds;
  const readers = await deps.groupBoards.boardReaders(where.groupId, userIds);
  return userIds.filter((id) => readers.has(id));
}

/**
 * The people a post mentions who will be told: capped per post by the writer's trust level
 * and per hour by a limit, so a mention flood reaches nobody. Asked before the write.
 */
export async function mentionedToTell(
  deps: ForumDeps,
  actor: Actor,
  where: Where,
  mentioned: string[],
): Promise<string[]> {
  const named = mentioned.filter((id) => id !== actor.userId);
  // The mention stays as words; who muted, ignored or blocked the writer is not told of it,
  // and does not use up the writer's mentions.
  const quiet = named.length > 0 ? await deps.blocks.silencedBy(actor.userId, named) : new Set();
  const others = named.filter((id) => !quiet.has(id));
  const capped = others.slice(0, MENTIONS_PER_POST[trustLevelOf(actor.trustLevel)]);
  const allowed: string[] = [];
  for (const id of await mayRead(deps, where, capped)) {
    try {
      await deps.limits.consume('mentionsPerUser', actor.userId);
    } catch (error) {
      if (error instanceof Problem && error.status === 429) break;
      throw error;
    }
    allowed.push(id);
  }
  return allowed;
}

/** Whether a topic's author may still read it (a board they left), asked before the write. */
export async function authorToTell(
  deps: ForumDeps,
  where: Where,
  authorId: string | null,
): Promise<string[]> {
  return authorId ? mayRead(deps, where, [authorId]) : [];
}

/**
 * A new reply: its topic's author is told, and those it mentions (each once). Pure: who may
 * be told was asked before the transaction (embedded PGlite has one connection).
 */
export function replyEvents(
  actor: Actor,
  where: Where,
  replyId: string,
  author: string[],
  mentionIds: string[],
): NotificationEvent[] {
  const about = { topicId: where.topicId, title: where.title };
  const events: NotificationEvent[] = [];
  if (author.length > 0) {
    events.push({
      kind: 'reply',
      recipientIds: author,
      actorId: actor.userId,
      causeKey: `reply:${replyId}`,
      groupKey: `reply:${where.topicId}`,
      data: { ...about, postKind: 'topic', postId: where.topicId, replyId },
    });
  }
  // Someone both mentioned and the topic's author hears of the reply once, not twice.
  const mentioned = mentionIds.filter((id) => !author.includes(id));
  if (mentioned.length > 0) events.push(mentionEvent(actor, about, 'reply', replyId, mentioned));
  return events;
}

export function mentionEvent(
  actor: Actor,
  about: { topicId: string; title: string },
  postKind: PostKind,
  postId: string,
  recipientIds: string[],
): NotificationEvent {
  return {
    kind: 'mention',
    recipientIds,
    actorId: actor.userId,
    causeKey: `mention:${postKind}:${postId}`,
    data: { ...about, postKind, postId },
  };
}

/** A reaction to someone's post, gathered with the others of its kind while unread. */
export function reactionEvent(
  actor: Actor,
  post: { kind: PostKind; id: string; authorId: string | null; topicId: string; title: string },
  reaction: ReactionKind,
): NotificationEvent[] {
  if (!post.authorId) return [];
  return [
    {
      kind: 'reaction',
      recipientIds: [post.authorId],
      actorId: actor.userId,
      causeKey: `reaction:${post.id}:${reaction}:${actor.userId}`,
      groupKey: `reaction:${post.id}:${reaction}`,
      data: {
        topicId: post.topicId,
        title: post.title,
        postKind: post.kind,
        postId: post.id,
        reaction,
      },
    },
  ];
}

export function helpfulEvent(
  actor: Actor,
  post: { kind: PostKind; id: string; authorId: string | null; topicId: string; title: string },
): NotificationEvent[] {
  if (!post.authorId) return [];
  return [
    {
      kind: 'helpful',
      recipientIds: [post.authorId],
      actorId: actor.userId,
      causeKey: `helpful:${post.id}:${actor.userId}`,
      groupKey: `helpful:${post.id}`,
      data: { topicId: post.topicId, title: post.title, postKind: post.kind, postId: post.id },
    },
  ];
}

/** Staff took a post down: its author is told why, and is not told who. */
export function removalEvent(
  post: { kind: PostKind; id: string; authorId: string | null; topicId: string; title: string },
  reason: RemovalReason,
  removalId: string,
): NotificationEvent[] {
  if (!post.authorId) return [];
  return [
    {
      kind: 'post_removed',
      recipientIds: [post.authorId],
      actorId: null,
      causeKey: `removal:${removalId}`,
      data: {
        topicId: post.topicId,
        title: post.title,
        postKind: post.kind,
        postId: post.id,
        reason,
      },
    },
  ];
}

/** What a member does to others: who muted, ignored or blocked them is not told of it. */
const fromAMember: ReadonlySet<NotificationEvent['kind']> = new Set([
  'reply',
  'mention',
  'reaction',
  'helpful',
]);

/**
 * The notifications face, with the people who keep each event's actor away left out of it.
 * Staff acting as staff (a removal: no actor) still reach everyone. Asked inside the write's
 * transaction, on it: one question per actor, however many events.
 */
export function quietFor(notifications: NotificationsFace, blocks: ForumBlocks): NotificationsFace {
  return {
    async notify(tx, enqueue, events) {
      const asked = new Map<string, string[]>();
      for (const event of events) {
        if (!event.actorId || !fromAMember.has(event.kind)) continue;
        asked.set(event.actorId, [...(asked.get(event.actorId) ?? []), ...event.recipientIds]);
      }
      const quiet = new Map<string, Set<string>>();
      for (const [actorId, recipients] of asked) {
        quiet.set(actorId, await blocks.silencedBy(actorId, recipients, tx));
      }
      const told = events
        .map((event) => {
          const away =
            event.actorId && fromAMember.has(event.kind) ? quiet.get(event.actorId) : null;
          if (!away || away.size === 0) return event;
          return { ...event, recipientIds: event.recipientIds.filter((id) => !away.has(id)) };
        })
        .filter((event) => event.recipientIds.length > 0);
      if (told.length > 0) await notifications.notify(tx, enqueue, told);
    },
  };
}
