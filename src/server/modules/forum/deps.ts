// What the forum needs from outside itself, as small typed interfaces that answer for many
// ids at once, so a list asks once and not once per row.
import type { MemberRole } from '../../../contract/accounts';
import type { PostKind } from '../../../contract/forum';
import type { TrustLevel } from '../../../contract/trust';
import type { Db, Tx } from '../../db';
import type { Actor } from '../../lib/access';
import type { Enqueue, JobQueue } from '../../lib/jobs';
import type { RateLimits } from '../../lib/rate-limit';
import type { Storage } from '../../lib/storage';
import { type NotificationsFace, nobodyIsTold } from '../notifications/face';
import { type CategoryCache, createCategoryCache } from './categories';
import { quietFor } from './telling';

/** What the forum asks the groups module about group boards (groups' face provides it). */
export interface GroupBoards {
  /**
   * Of these groups, the boards this person may read (who the group lets in) and may write
   * on (topics, replies, edits, reactions: the group's members). Unknown groups are in neither.
   */
  boardAccess(actor: Actor, groupIds: string[]): Promise<{ see: Set<string>; write: Set<string> }>;
  /**
   * The groups' names, to show where a board topic is; a group not found is left out.
   * The forum asks only for boards the person may read.
   */
  groupNames(groupIds: string[]): Promise<Map<string, string>>;
  /** Of these people, those who may read this group's board: who may be told of it. */
  boardReaders(groupId: string, userIds: string[]): Promise<Set<string>>;
}

/** What the forum asks the accounts module: how to show the people who wrote. */
export interface AuthorDirectory {
  authorsByIds(
    ids: string[],
  ): Promise<Map<string, { displayName: string; role: MemberRole | null }>>;
}

export type ScreeningTier = 'none' | 'low' | 'medium' | 'high';
export type PersonalDetail = 'phone' | 'email' | 'address';

/** What the forum asks the safety module about words people write (its face provides it). */
export interface ForumScreening {
  screen(text: string, language?: string): Promise<{ tier: ScreeningTier }>;
  personalDetails(text: string): PersonalDetail[];
  /** Which watched words (site data) the words hold, by what is done about each. */
  watched(
    text: string,
    language?: string,
  ): Promise<{ block: string[]; hold: string[]; flag: string[]; hide: string[] }>;
  /** The text with these watched words hidden (■■■). */
  hideWords(text: string, words: string[]): string;
}

/** A post a moderator should look at, as the forum tells the moderation module of it. */
export interface PostToLookAt {
  post: { kind: PostKind; id: string; topicId: string; authorId: string; groupId: string | null };
  /** screening: its words worried the screening (medium or high); review: held for a first look. */
  why: 'screening' | 'review';
  tier: ScreeningTier;
}

/** What the forum tells the moderation module (its face provides it), inside the post's transaction. */
export interface ForumCases {
  lookAt(tx: Tx, enqueue: Enqueue, input: PostToLookAt): Promise<void>;
}

/** What the site settings say new members may do (settings' values, read through its cache). */
export interface ForumWritingRules {
  postLinks: TrustLevel;
  postImages: TrustLevel;
  /** How many of a new member's posts a moderator reads first (0: none). */
  reviewFirstPosts: number;
  /** Days before a new member may reach the next level, to tell them when. */
  daysToBasic: number;
}

/** Where no settings are wired in (a bench), nobody is held back. */
const noRules: ForumWritingRules = {
  postLinks: 'new',
  postImages: 'new',
  reviewFirstPosts: 0,
  daysToBasic: 0,
};

/**
 * What the forum asks the blocks module: who keeps whom away (its face provides it). Mute,
 * ignore and block all stop the one who chose from being told of the other's replies,
 * mentions and reactions; ignore and block fold the other's posts away; block also stops
 * the other replying to the one who chose.
 */
export interface ForumBlocks {
  /** Of these people, those who keep the actor away now; runs on `db` (a transaction) if given. */
  silencedBy(actorId: string, recipientIds: string[], db?: Tx): Promise<Set<string>>;
  /** Of these writers, those whose posts this viewer ignores or blocks now. */
  ignoredBy(viewerId: string, authorIds: string[]): Promise<Set<string>>;
  /** Whether `userId` blocks `writerId` now. */
  blocks(userId: string, writerId: string): Promise<boolean>;
}

/** Where no blocks module is wired in (a bench), nobody keeps anyone away. */
const nobodyKeptAway: ForumBlocks = {
  silencedBy: async () => new Set(),
  ignoredBy: async () => new Set(),
  blocks: async () => false,
};

/** What createForumService is given. */
export interface ForumServiceDeps {
  db: Db;
  /** Writes that tell people run in its transactions, so a notification exists only if they commit. */
  jobs: JobQueue;
  /** Without it, nobody is told of replies, mentions or reactions (a bench). */
  notifications?: NotificationsFace | undefined;
  /** Without it, nothing is screened (a bench): wire the safety face in the app. */
  screening?: ForumScreening | undefined;
  /** Without it, no case is opened for a moderator (a bench). */
  cases?: ForumCases | undefined;
  accounts: AuthorDirectory;
  storage: Storage;
  /** Per-person limits on writing (limitRules in lib/rate-limit.ts). */
  limits: RateLimits;
  /** Why a person may not post now (a moderator muted them), in words; without it, anyone may. */
  postingBar?: ((userId: string) => Promise<string | null>) | undefined;
  /** Without it, a group's board is closed to everyone. */
  groupBoards?: GroupBoards | undefined;
  /** Without it, nobody keeps anyone away (a bench). */
  blocks?: ForumBlocks | undefined;
  /** Without it, new members may post links and pictures at once (a bench). */
  writingRules?: (() => Promise<ForumWritingRules>) | undefined;
  now?: (() => Date) | undefined;
}

/** What every use case is handed: the deps with their defaults, and the process's caches. */
export interface ForumDeps {
  db: Db;
  jobs: JobQueue;
  notifications: NotificationsFace;
  screening: ForumScreening;
  cases: ForumCases;
  accounts: AuthorDirectory;
  storage: Storage;
  limits: RateLimits;
  postingBar: (userId: string) => Promise<string | null>;
  groupBoards: GroupBoards;
  blocks: ForumBlocks;
  writingRules: () => Promise<ForumWritingRules>;
  now: () => Date;
  categories: CategoryCache;
}

/** Where no safety module is wired in (a bench), nothing worries anyone. */
const unscreened: ForumScreening = {
  screen: async () => ({ tier: 'none' }),
  personalDetails: () => [],
  watched: async () => ({ block: [], hold: [], flag: [], hide: [] }),
  hideWords: (text) => text,
};

/** Until the groups module says otherwise, a group's board is closed to everyone. */
const closedBoards: GroupBoards = {
  boardAccess: async () => ({ see: new Set(), write: new Set() }),
  groupNames: async () => new Map(),
  boardReaders: async () => new Set(),
};

export function forumDeps(deps: ForumServiceDeps): ForumDeps {
  const blocks = deps.blocks ?? nobodyKeptAway;
  return {
    db: deps.db,
    jobs: deps.jobs,
    // Whoever muted, ignored or blocked a writer is left out of what the writer's acts tell.
    notifications: quietFor(deps.notifications ?? nobodyIsTold, blocks),
    screening: deps.screening ?? unscreened,
    cases: deps.cases ?? { lookAt: async () => {} },
    accounts: deps.accounts,
    storage: deps.storage,
    limits: deps.limits,
    postingBar: deps.postingBar ?? (async () => null),
    groupBoards: deps.groupBoards ?? closedBoards,
    blocks,
    writingRules: deps.writingRules ?? (async () => noRules),
    now: deps.now ?? (() => new Date()),
    categories: createCategoryCache(deps.db),
  };
}
