// What the moderation module runs on, and what it asks of other modules.
import type { PostKind } from '../../../contract/forum';
import type { SettingKey, SettingValue } from '../../../contract/settings';
import type { Config } from '../../config';
import type { Db, Tx } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import type { JobQueue } from '../../lib/jobs';
import type { Mailer } from '../../lib/mail/mailer';
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

/**
 * What moderation asks the forum for a moderator's edit with a reason, inside moderation's own
 * transaction: the change (the earlier words kept as a revision), undoing it after an appeal,
 * and the words as written for the edit form. The forum service provides it.
 */
export interface PostEdits {
  editAsModerator(
    tx: Tx,
    moderator: Actor,
    kind: PostKind,
    id: string,
    words: { body: string; title?: string | undefined },
  ): Promise<{ result: 'edited'; revisionId: string } | { result: 'gone' } | { result: 'missing' }>;
  undoModeratorEdit(
    tx: Tx,
    kind: PostKind,
    id: string,
    revisionId: string,
    at: Date,
  ): Promise<'restored' | 'changed_since' | 'missing'>;
  /** Watched words to hide stay hidden unless `asModerator`. */
  wordsOf(
    kind: PostKind,
    id: string,
    asModerator?: boolean,
  ): Promise<{ title: string | null; body: string } | null>;
  /** Of these posts, those whose words shown now are a moderator's change. */
  changedByModerators(
    posts: { id: string; authorId: string | null; editedAt: Date | null }[],
  ): Promise<Set<string>>;
}

/** Where no forum is wired in (a narrow test), posts cannot be edited. */
const noPostEdits: PostEdits = {
  editAsModerator: async () => {
    throw problems.internal();
  },
  undoModeratorEdit: async () => 'missing',
  wordsOf: async () => null,
  changedByModerators: async () => new Set(),
};

export interface ModerationFaceDeps {
  db: Db;
  notifications?: NotificationsFace | undefined;
  now?: (() => Date) | undefined;
}

export interface ModerationServiceDeps extends ModerationFaceDeps {
  config: Config;
  /** Mails the appeal link to people who cannot sign in (suspended, banned). */
  mailer: Mailer;
  settings: ModerationSettings;
  jobs: JobQueue;
  limits: RateLimits;
  /** Without it, a moderator cannot edit a post (a narrow test). */
  postEdits?: PostEdits | undefined;
  /** Without it, a held post stays held after a moderator's decision (a narrow test). */
  heldPosts?: HeldPosts | undefined;
  /** A person's "about me" as written, for a moderator on a case about their profile. */
  profileWords?: ((userId: string) => Promise<string | null>) | undefined;
  log?: { warn(obj: object, msg?: string): void } | undefined;
}

/** What every use case is handed: the deps with their defaults. */
export interface ModerationDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  postEdits: PostEdits;
  jobs: JobQueue;
  limits: RateLimits;
  notifications: NotificationsFace;
  settings: ModerationSettings;
  heldPosts: HeldPosts;
  profileWords: (userId: string) => Promise<string | null>;
  log: { warn(obj: object, msg?: string): void };
  now: () => Date;
}

export function moderationDeps(deps: ModerationServiceDeps): ModerationDeps {
  return {
    db: deps.db,
    config: deps.config,
    mailer: deps.mailer,
    postEdits: deps.postEdits ?? noPostEdits,
    jobs: deps.jobs,
    limits: deps.limits,
    notifications: deps.notifications ?? nobodyIsTold,
    settings: deps.settings,
    heldPosts: deps.heldPosts ?? { releaseHeld: async () => false },
    profileWords: deps.profileWords ?? (async () => null),
    log: deps.log ?? { warn: () => {} },
    now: deps.now ?? (() => new Date()),
  };
}
