// What the safety module runs on, and what it asks of other modules.
import type { Db, Tx } from '../../db';
import type { RateLimits } from '../../lib/rate-limit';
import type { AuditInput } from '../moderation/face';
import { createPhraseLists, type PhraseLists } from './lists';
import { createWatchedLists, type WatchedLists } from './watched-lists';

/** What safety asks the accounts module: the names of the admins who changed the lists. */
export interface SafetyPeople {
  authorsByIds(ids: string[]): Promise<Map<string, { displayName: string }>>;
}

/** What safety asks moderation: one row in the audit log, in the change's own transaction. */
export type SafetyAudit = (db: Db | Tx, entry: AuditInput) => Promise<void>;

export interface SafetyServiceDeps {
  db: Db;
  limits: RateLimits;
  accounts: SafetyPeople;
  audit: SafetyAudit;
  now?: (() => Date) | undefined;
}

/** What every use case is handed: the deps with their defaults, and the compiled lists. */
export interface SafetyDeps {
  db: Db;
  limits: RateLimits;
  accounts: SafetyPeople;
  audit: SafetyAudit;
  now: () => Date;
  lists: PhraseLists;
  watched: WatchedLists;
}

export function safetyDeps(deps: SafetyServiceDeps): SafetyDeps {
  const now = deps.now ?? (() => new Date());
  return {
    ...deps,
    now,
    lists: createPhraseLists(deps.db, now),
    watched: createWatchedLists(deps.db, now),
  };
}
