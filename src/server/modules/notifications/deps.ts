// What the notifications module runs on, and what it asks of other modules.
import type { Config } from '../../config';
import type { Db } from '../../db';
import type { JobQueue } from '../../lib/jobs';
import type { Mailer } from '../../lib/mail/mailer';
import type { RateLimits } from '../../lib/rate-limit';

/** What notifications asks the accounts module (its face provides it). */
export interface NotificationPeople {
  authorsByIds(ids: string[]): Promise<Map<string, { displayName: string }>>;
  /** Confirmed addresses only. */
  mailRecipients(ids: string[]): Promise<Map<string, { email: string; displayName: string }>>;
}

export interface NotificationsServiceDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  jobs: JobQueue;
  limits: RateLimits;
  people: NotificationPeople;
  now?: (() => Date) | undefined;
}

export interface NotificationsDeps extends Omit<NotificationsServiceDeps, 'now'> {
  now: () => Date;
}

export function notificationsDeps(deps: NotificationsServiceDeps): NotificationsDeps {
  return { ...deps, now: deps.now ?? (() => new Date()) };
}
