import { type Actor, isAdmin } from '../../lib/access';

/** The phrase lists decide what reaches the urgent queue: administrators keep them. */
export function canManagePhrases(actor: Actor | null): actor is Actor {
  return isAdmin(actor);
}

/** Watched words block, hold or hide what members write: administrators keep them too. */
export function canManageWatchedWords(actor: Actor | null): actor is Actor {
  return isAdmin(actor);
}
