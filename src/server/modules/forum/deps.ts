// What the forum needs from outside itself, as small typed interfaces that answer for many
// ids at once, so a list asks once and not once per row.
import type { MemberRole } from '../../../contract/accounts';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import type { JobQueue } from '../../lib/jobs';
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

/** What createForumService is given. */
export interface ForumServiceDeps {
  db: Db;
  /** Writes that tell people run in its transactions, so a notification exists only if they commit. */
  jobs: JobQueue;
  /** Without it, nobody is told of replies, mentions or reactions (a bench). */
  notifications?: NotificationsFace | undefined;
  accounts: AuthorDirectory;
  storage: Storage;
  /** Per-person limits on writing (limitRules in lib/rate-limit.ts). */
  limits: RateLimits;
  /** Without it, a group's board is closed to everyone. */
  groupBoards?: GroupBoards | undefined;
  now?: (() => Date) | undefined;
}

/** What every use case is handed: the deps with their defaults, and the process's caches. */
export interface ForumDeps {
  db: Db;
  jobs: JobQueue;
  notifications: NotificationsFace;
  accounts: AuthorDirectory;
  storage: Storage;
  limits: RateLimits;
  groupBoards: GroupBoards;
  now: () => Date;
  categories: CategoryCache;
}

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
    accounts: deps.accounts,
    storage: deps.storage,
    limits: deps.limits,
    groupBoards: deps.groupBoards ?? closedBoards,
    now: deps.now ?? (() => new Date()),
    categories: createCategoryCache(deps.db),
  };
}
