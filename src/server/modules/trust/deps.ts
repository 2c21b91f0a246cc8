// What the trust module runs on, and what it asks of other modules: who people are
// (accounts), how much they read (the forum), reports upheld against them (moderation),
// the thresholds (settings), and the audit log for a moderator's change.
import type { SiteRole } from '../../../contract/accounts';
import type { SiteSettings } from '../../../contract/settings';
import type { Db, Tx } from '../../db';
import type { JobQueue } from '../../lib/jobs';
import type { RateLimits } from '../../lib/rate-limit';

export interface TrustPeople {
  peopleForTrust(
    afterId: string | null,
    limit: number,
  ): Promise<{ id: string; joinedAt: Date; trustLevel: number; siteRole: SiteRole }[]>;
  personForTrust(
    userId: string,
  ): Promise<{ id: string; joinedAt: Date; trustLevel: number; siteRole: SiteRole } | null>;
  setTrustLevel(tx: Db | Tx, userId: string, stored: number): Promise<void>;
  /** Changes the level only while it is still `from`; answers whether it did. */
  changeTrustLevel(userId: string, from: number, to: number): Promise<boolean>;
  authorsByIds(ids: string[]): Promise<Map<string, { displayName: string }>>;
}

export interface TrustReading {
  readingOf(
    userIds: string[],
  ): Promise<Map<string, { topicsEntered: number; postsRead: number; readingMinutes: number }>>;
}

export interface TrustReports {
  upheldReportsAgainst(userIds: string[], since: Date): Promise<Map<string, number>>;
}

export interface TrustAudit {
  audit(
    tx: Tx,
    entry: {
      actorId: string;
      action: 'trust.set';
      subject: { kind: 'profile'; id: string };
      detail: Record<string, string | number | boolean | null>;
      at: Date;
    },
  ): Promise<void>;
}

export interface TrustServiceDeps {
  db: Db;
  jobs: JobQueue;
  limits: RateLimits;
  settings: { all(): Promise<SiteSettings> };
  people: TrustPeople;
  reading: TrustReading;
  reports: TrustReports;
  audit: TrustAudit;
  now?: (() => Date) | undefined;
}

export interface TrustDeps extends Omit<TrustServiceDeps, 'now'> {
  now: () => Date;
}
