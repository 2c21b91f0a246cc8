import { type Actor, isAdmin } from '../../lib/access';

/** The phrase lists decide what reaches the urgent queue: administrators keep them. */
export function canManagePhrases(actor: Actor | null): actor is Actor {
  return isAdmin(actor);
}
