// What the moderation module runs on, and what it asks of other modules.
import type { PostKind } from '../../../contract/forum';
import type { SettingKey, SettingValue } from '../../../contract/settings';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import type { JobQueue } from '../../lib/jobs';
import type { RateLimits } from '../../lib/rate-limit';
import { type NotificationsFace, nobodyIsTold } from '../notifications/face';

/** What moderation reads of the site settings (the settings service provides it). */
export interface ModerationSettings {
  get<K extends SettingKey>(key: K): Promise<SettingValue<K>>;
}

/**
 * What moderation asks the forum to do after its own change committed: let a held post be
 * seen (counted, and its readers told, as if just sent). The forum service provides it.
 */
export interface HeldPosts {
  releaseHeld(moderator: Actor, kind: PostKind, id: string): Promise<boolean>;
}

export interface ModerationFaceDeps {
  db: Db;
  notifications?: NotificationsFace | undefined;
  now?: (() => Date) | undefined;
}

export interface ModerationServiceDeps extends ModerationFaceDeps {
  settings: ModerationSettings;
  jobs: JobQueue;
  limits: RateLimits;
  /** Without it, a held post stays held after a moderator's decision (a narrow test). */
  heldPosts?: HeldPosts | undefined;
  log?: { warn(obj: object, msg?: string): void } | undefined;
}

/** What every use case is handed: the deps with their defaults. */
export interface ModerationDeps {
  db: Db;
  jobs: JobQueue;
  limits: RateLimits;
  notifications: NotificationsFace;
  settings: ModerationSettings;
  heldPosts: HeldPosts;
  log: { warn(obj: object, msg?: string): void };
  now: () => Date;
}

export function moderationDeps(deps: ModerationServiceDeps): ModerationDeps {
  return {
    db: deps.db,
    jobs: deps.jobs,
    limits: deps.limits,
    notifications: deps.notifications ?? nobodyIsTold,
    settings: deps.settings,
    heldPosts: deps.heldPosts ?? { releaseHeld: async () => false },
    log: deps.log ?? { warn: () => {} },
    now: deps.now ?? (() => new Date()),
  };
}
