// What the safety module runs on, and what it asks of other modules.
import type { Db } from '../../db';
import type { RateLimits } from '../../lib/rate-limit';
import { createPhraseLists, type PhraseLists } from './lists';

/** What safety asks the accounts module: the names of the admins who changed the lists. */
export interface SafetyPeople {
  authorsByIds(ids: string[]): Promise<Map<string, { displayName: string }>>;
}

export interface SafetyServiceDeps {
  db: Db;
  limits: RateLimits;
  accounts: SafetyPeople;
  now?: (() => Date) | undefined;
}

/** What every use case is handed: the deps with their defaults, and the compiled lists. */
export interface SafetyDeps {
  db: Db;
  limits: RateLimits;
  accounts: SafetyPeople;
  now: () => Date;
  lists: PhraseLists;
}

export function safetyDeps(deps: SafetyServiceDeps): SafetyDeps {
  const now = deps.now ?? (() => new Date());
  return { ...deps, now, lists: createPhraseLists(deps.db, now) };
}
