// What the forum needs from outside itself, as small typed interfaces that answer for many
// ids at once, so a list asks once and not once per row.
import type { MemberRole } from '../../../contract/accounts';
import type { PostKind } from '../../../contract/forum';
import type { Db, Tx } from '../../db';
import type { Actor } from '../../lib/access';
import type { Enqueue, JobQueue } from '../../lib/jobs';
import type { RateLimits } from '../../lib/rate-limit';
import type { Storage } from '../../lib/storage';
import { type NotificationsFace, nobodyIsTold } from '../notifications/face';
import { type CategoryCache, createCategoryCache } from './categories';

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
  now: () => Date;
  categories: CategoryCache;
}

/** Where no safety module is wired in (a bench), nothing worries anyone. */
const unscreened: ForumScreening = {
  screen: async () => ({ tier: 'none' }),
  personalDetails: () => [],
};

/** Until the groups module says otherwise, a group's board is closed to everyone. */
const closedBoards: GroupBoards = {
  boardAccess: async () => ({ see: new Set(), write: new Set() }),
  groupNames: async () => new Map(),
  boardReaders: async () => new Set(),
};

export function forumDeps(deps: ForumServiceDeps): ForumDeps {
  return {
    db: deps.db,
    jobs: deps.jobs,
    notifications: deps.notifications ?? nobodyIsTold,
    screening: deps.screening ?? unscreened,
    cases: deps.cases ?? { lookAt: async () => {} },
    accounts: deps.accounts,
    storage: deps.storage,
    limits: deps.limits,
    postingBar: deps.postingBar ?? (async () => null),
    groupBoards: deps.groupBoards ?? closedBoards,
    now: deps.now ?? (() => new Date()),
    categories: createCategoryCache(deps.db),
  };
}
