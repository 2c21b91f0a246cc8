import type { Config } from '../../config';
import type { Db } from '../../db';
import type { JobQueue } from '../../lib/jobs';
import type { Mailer } from '../../lib/mail/mailer';
import type { RateLimits } from '../../lib/rate-limit';
import { hashToken } from '../../lib/tokens';

/** What every accounts use case runs on. */
export interface AccountsDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  limits: RateLimits;
  jobs: JobQueue;
  /** The clock, so tests can move time on. */
  now: () => Date;
  /**
   * Why this person may not sign in now (a suspension or a ban, in words), or null. The
   * moderation module answers; without it everyone may sign in.
   */
  signInBar?: ((userId: string) => Promise<string | null>) | undefined;
  /**
   * People left out of this person's mention picker: those in a block with them, either way.
   * The blocks module answers; without it nobody is left out.
   */
  mentionHidden?: ((userId: string) => Promise<string[]>) | undefined;
}

/** Tokens are stored only as keyed hashes. */
export const tokenHash = (config: Config, token: string) => hashToken(config.sessionSecret, token);
