// What the blocks module runs on, and what it asks of other modules.
import type { SiteRole } from '../../../contract/accounts';
import type { Db } from '../../db';
import type { RateLimits } from '../../lib/rate-limit';

/** What blocks asks the accounts module about people: their names and site roles, many at once. */
export interface BlocksPeople {
  authorsByIds(ids: string[]): Promise<Map<string, { displayName: string }>>;
  siteRoles(ids: string[]): Promise<Map<string, SiteRole>>;
}

export interface BlocksFaceDeps {
  db: Db;
  now?: (() => Date) | undefined;
}

export interface BlocksServiceDeps extends BlocksFaceDeps {
  limits: RateLimits;
  people: BlocksPeople;
}

/** What every use case is handed: the deps with their defaults. */
export interface BlocksDeps {
  db: Db;
  limits: RateLimits;
  people: BlocksPeople;
  now: () => Date;
}

export function blocksDeps(deps: BlocksServiceDeps): BlocksDeps {
  return {
    db: deps.db,
    limits: deps.limits,
    people: deps.people,
    now: deps.now ?? (() => new Date()),
  };
}
