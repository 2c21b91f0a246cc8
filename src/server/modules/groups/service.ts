// The groups module's index: the use cases, put together over one set of deps.
import type { Config } from '../../config';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import type { JobQueue } from '../../lib/jobs';
import type { RateLimits } from '../../lib/rate-limit';
import { type NotificationsFace, nobodyIsTold } from '../notifications/face';
import { announce } from './announcements';
import { board, postOnBoard } from './board';
import type { BoardTopics, GroupsAccounts, GroupsDeps, GroupsProfiles } from './deps';
import { directory, places } from './directory';
import { boardAccess, createGroupsFace } from './face';
import { fitsMe, fitsMePrefill } from './fits-me';
import { createGroup, updateGroup } from './group-editing';
import { groupDetail, members } from './group-page';
import { createInviteLink, revokeInviteLink } from './invite-links';
import {
  acceptInvitation,
  approve,
  decline,
  declineInvitation,
  invite,
  join,
  leave,
  removeMember,
  requests,
  setRole,
} from './membership';
import { myGroups } from './my-groups';
import {
  addOrganisationAdmin,
  createOrganisation,
  organisations,
  updateOrganisation,
} from './organisations';
import { membershipOf } from './queries';

export type { BoardTopics } from './deps';
export { DIRECTORY_PAGE } from './directory';
export { INVITE_LINK_DAYS } from './invite-links';

interface Deps {
  db: Db;
  config: Config;
  jobs: JobQueue;
  limits: RateLimits;
  /** Without it, nobody is told of requests, answers or news (a bench). */
  notifications?: NotificationsFace | undefined;
  accounts: GroupsAccounts;
  profiles: GroupsProfiles;
  /** The forum's board topics, built before this service; absent, boards are empty. */
  boardTopics?: BoardTopics | undefined;
  now?: (() => Date) | undefined;
}

type Rest<F> = F extends (deps: never, ...rest: infer A) => infer R ? (...rest: A) => R : never;

/** Binds a use case to the deps, so the routes call it with only what the request holds. */
const bind =
  <F extends (deps: GroupsDeps, ...rest: never[]) => unknown>(deps: GroupsDeps, useCase: F) =>
  (...rest: Parameters<Rest<F>>) =>
    (useCase as unknown as (deps: GroupsDeps, ...rest: unknown[]) => ReturnType<F>)(deps, ...rest);

export type GroupsService = ReturnType<typeof createGroupsService>;

export function createGroupsService({
  now = () => new Date(),
  notifications = nobodyIsTold,
  ...rest
}: Deps) {
  const deps: GroupsDeps = { ...rest, notifications, now };
  const { db } = deps;
  return {
    places,
    directory: bind(deps, directory),
    groupDetail: bind(deps, groupDetail),
    members: bind(deps, members),
    join: bind(deps, join),
    leave: bind(deps, leave),
    requests: bind(deps, requests),
    approve: bind(deps, approve),
    decline: bind(deps, decline),
    setRole: bind(deps, setRole),
    removeMember: bind(deps, removeMember),
    invite: bind(deps, invite),
    acceptInvitation: bind(deps, acceptInvitation),
    declineInvitation: bind(deps, declineInvitation),
    createInviteLink: bind(deps, createInviteLink),
    revokeInviteLink: bind(deps, revokeInviteLink),
    announce: bind(deps, announce),
    myGroups: bind(deps, myGroups),
    organisations: bind(deps, organisations),
    createOrganisation: bind(deps, createOrganisation),
    addOrganisationAdmin: bind(deps, addOrganisationAdmin),
    updateOrganisation: bind(deps, updateOrganisation),
    createGroup: bind(deps, createGroup),
    updateGroup: bind(deps, updateGroup),
    fitsMePrefill: bind(deps, fitsMePrefill),
    fitsMe: bind(deps, fitsMe),
    board: bind(deps, board),
    postOnBoard: bind(deps, postOnBoard),

    // The face (face.ts), and single-group forms of it for callers that ask about one group.
    ...createGroupsFace(db),

    /** May this person see the group's board? Members, and anyone signed in for a public group. */
    canSeeGroupBoard: async (actor: Actor | null, groupId: string) =>
      (await boardAccess(db, actor, [groupId])).see.has(groupId),
    /** May this person write on the group's board? Active members only. */
    canPostOnGroupBoard: async (actor: Actor | null, groupId: string) =>
      (await boardAccess(db, actor, [groupId])).write.has(groupId),
    /** True when the person is an active member of the group. */
    isGroupMember: async (userId: string, groupId: string) =>
      (await membershipOf(db, userId, groupId))?.status === 'active',
  };
}
