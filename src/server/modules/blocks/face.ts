// What other modules may ask of blocks: who keeps whom away, each answer for many people at
// once. Needs only the database, so the wiring builds it before accounts and the forum.
import type { Db, Tx } from '../../db';
import type { BlocksFaceDeps } from './deps';
import { blockedEitherWay, keptAwayBy, whoKeepAway } from './queries';

export interface BlocksFace {
  /**
   * Of these people, those who muted, ignored or blocked the actor: they are not told of what
   * the actor does. Runs on `db` when given (inside the caller's transaction).
   */
  silencedBy(actorId: string, recipientIds: string[], db?: Db | Tx): Promise<Set<string>>;
  /** Of these writers, those whose posts this viewer ignores or blocks: folded away for them. */
  ignoredBy(viewerId: string, authorIds: string[]): Promise<Set<string>>;
  /** Whether `userId` blocks `writerId` now: the writer may not reply to them or mention them. */
  blocks(userId: string, writerId: string): Promise<boolean>;
  /** Everyone in a block with this person, either way: left out of each other's mention picker. */
  blockedEitherWay(userId: string): Promise<string[]>;
}

export function createBlocksFace(deps: BlocksFaceDeps): BlocksFace {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    silencedBy: (actorId, recipientIds, on = db) => whoKeepAway(on, recipientIds, actorId, now()),
    ignoredBy: (viewerId, authorIds) =>
      keptAwayBy(db, viewerId, authorIds, now(), ['ignore', 'block']),
    blocks: async (userId, writerId) =>
      (await whoKeepAway(db, [userId], writerId, now(), ['block'])).has(userId),
    blockedEitherWay: (userId) => blockedEitherWay(db, userId, now()),
  };
}
