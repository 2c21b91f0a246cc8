import type { HomeQuery, HomeResponse } from '../../../contract/home';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import type { AccountsFace } from '../accounts/face';
import { categoriesBySlug, hasPosted, topicsWithNewReplies } from '../forum/face';
import {
  carersGroupsToFind,
  joinRequestsForLeader,
  nextMeetingsOfMyGroups,
  visibleBoards,
} from '../groups/face';

interface Deps {
  db: Db;
  accounts: AccountsFace;
  now?: (() => Date) | undefined;
}

/** How many of each list the page shows: enough to act on, few enough to read. */
const SHOWN = { meetings: 5, replies: 5, joinRequests: 10 };
const INTRODUCTIONS = 'introductions';
const CARERS_CATEGORY = 'caregivers';

export type HomeService = ReturnType<typeof createHomeService>;

/** The signed-in person's Home: their meetings, replies, requests to answer and first steps. */
export function createHomeService({ db, accounts, now = () => new Date() }: Deps) {
  return {
    async homeFor(actor: Actor, query: HomeQuery): Promise<HomeResponse> {
      const person = await accounts.sessionUser(actor.userId);
      const carer = person.role === 'caregiver';
      const [meetings, topics, leading, posted, categories, carersGroups] = await Promise.all([
        nextMeetingsOfMyGroups(db, actor.userId, { now: now(), timeZone: query.timeZone }),
        topicsWithNewReplies(db, actor.userId),
        joinRequestsForLeader(db, actor),
        hasPosted(db, actor.userId),
        categoriesBySlug(db, carer ? [INTRODUCTIONS, CARERS_CATEGORY] : [INTRODUCTIONS]),
        carer ? carersGroupsToFind(db, actor.userId, person.country) : Promise.resolve([]),
      ]);
      // A board topic shows only while the person may still read that board (they may have left).
      const boards = await visibleBoards(
        db,
        actor,
        topics.flatMap((topic) => (topic.groupId ? [topic.groupId] : [])),
      );
      const replies = topics
        .filter((topic) => topic.groupId === null || boards.has(topic.groupId))
        .slice(0, SHOWN.replies)
        .map((topic) => ({
          topicId: topic.topicId,
          title: topic.title,
          where: (topic.groupId ? boards.get(topic.groupId) : topic.categoryName) ?? '',
          newReplies: topic.newReplies,
          latestAt: topic.latestAt.toISOString(),
        }));
      // A carer's own carers' groups come first among their meetings.
      const ordered = carer
        ? [...meetings].sort((a, b) => Number(b.caregiversOnly) - Number(a.caregiversOnly))
        : meetings;
      return {
        role: person.role,
        isNew: meetings.length === 0 && !posted && leading.length === 0,
        carers: carer
          ? { category: categories.get(CARERS_CATEGORY) ?? null, groups: carersGroups }
          : null,
        meetings: ordered.slice(0, SHOWN.meetings).map((m) => ({
          groupId: m.groupId,
          groupName: m.groupName,
          format: m.format,
          caregiversOnly: m.caregiversOnly,
          startsAt: m.startsAt.toISOString(),
          text: m.text,
          zone: m.zone,
        })),
        replies,
        joinRequests: leading.length === 0 ? null : leading.slice(0, SHOWN.joinRequests),
        introductions: categories.get(INTRODUCTIONS) ?? null,
      };
    },
  };
}
