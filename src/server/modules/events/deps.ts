// What the events module runs on, and what it asks of other modules (through their faces).
import type { Config } from '../../config';
import type { Db } from '../../db';
import type { JobQueue } from '../../lib/jobs';
import type { RateLimits } from '../../lib/rate-limit';
import type { AccountsFace } from '../accounts/face';
import type { GroupsFace } from '../groups/face';
import type { NotificationsFace } from '../notifications/face';

/** Who runs and who may see groups' and organisations' events, and groups' rhythms. */
export type EventsGroups = Pick<
  GroupsFace,
  'groupEventStandings' | 'organisationEventStandings' | 'groupRhythms'
>;

/** People's names, for the list of who is coming. */
export type EventsAccounts = Pick<AccountsFace, 'authorsByIds'>;

/** The server secret (calendar feed tokens are kept as its HMACs) and the site's address. */
export type EventsConfig = Pick<Config, 'sessionSecret' | 'publicUrl'>;

export interface EventsServiceDeps {
  db: Db;
  config: EventsConfig;
  /** Answers and changes tell people inside their own transaction. */
  jobs: JobQueue;
  limits: RateLimits;
  notifications?: NotificationsFace | undefined;
  groups: EventsGroups;
  accounts: EventsAccounts;
  now?: (() => Date) | undefined;
}

/** What every use case is handed: the deps with their defaults. */
export interface EventsDeps {
  db: Db;
  config: EventsConfig;
  jobs: JobQueue;
  limits: RateLimits;
  notifications: NotificationsFace;
  groups: EventsGroups;
  accounts: EventsAccounts;
  now: () => Date;
}
