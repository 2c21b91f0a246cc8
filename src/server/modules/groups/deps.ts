import type { Config } from '../../config';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import type { JobQueue } from '../../lib/jobs';
import type { RateLimits } from '../../lib/rate-limit';
import type { AccountsFace } from '../accounts/face';
import type { NotificationsFace } from '../notifications/face';
import type { ProfilesFace } from '../profiles/face';

/** What a group's board needs from the forum, which keeps the topics (wired in after the forum). */
export interface BoardTopics {
  groupTopicList(
    actor: Actor,
    groupId: string,
    cursor: string | undefined,
  ): Promise<{
    topics: {
      id: string;
      title: string;
      author: { displayName: string };
      replyCount: number;
      lastActivityAt: string;
    }[];
    nextCursor: string | null;
  }>;
  createTopic(
    actor: Actor,
    input: { title: string; body: string; idempotencyKey: string; groupId: string },
    language?: string,
  ): Promise<{ topicId: string; held: boolean; review: boolean }>;
}

/** The few things the groups module asks of people's accounts and profiles. */
export type GroupsAccounts = Pick<
  AccountsFace,
  'authorsByIds' | 'sessionUser' | 'memberRole' | 'userIdByEmail'
>;
export type GroupsProfiles = ProfilesFace;

/** Everything the groups use cases run on, built once by createGroupsService. */
export interface GroupsDeps {
  db: Db;
  config: Config;
  /** Changes that tell people run in its transactions, so nobody hears of one that rolled back. */
  jobs: JobQueue;
  notifications: NotificationsFace;
  /** Limits on organisation writes (the other writes have none yet). */
  limits: RateLimits;
  accounts: GroupsAccounts;
  profiles: GroupsProfiles;
  /** The forum's board topics; without it a board is empty and cannot be written on. */
  boardTopics?: BoardTopics | undefined;
  now: () => Date;
}
