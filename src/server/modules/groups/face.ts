// What other modules may ask the groups module: each answer for many ids in one query.
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { GroupRhythm } from '../../../contract/groups';
import type {
  GroupFormat,
  GroupLanguage,
  GroupRole,
  MembershipStatus,
} from '../../../contract/groups-values';
import type { Db, Tx } from '../../db';
import { type Actor, isAdmin } from '../../lib/access';
import {
  canManageGroup,
  canPostOnBoard,
  canSeeGroupInside,
  type GroupStanding,
} from './permissions';
import { meetingInWords, nextMeetings, zoneInWords } from './rhythm';
import { groupMembers, groups, organisationAdmins, organisations } from './tables';

/** Enough for a Home page; a person in more groups than this sees the soonest of these. */
const MAX_GROUPS = 50;

export interface UpcomingMeeting {
  groupId: string;
  groupName: string;
  format: GroupFormat;
  caregiversOnly: boolean;
  startsAt: Date;
  /** "Tuesday 10 March at 2 pm", in the time zone asked for. */
  text: string;
  zone: string;
}

/**
 * The next meeting of each group the person is an active member of, soonest first,
 * told in `timeZone` (the person's own) or else in the group's.
 */
export async function nextMeetingsOfMyGroups(
  db: Db,
  userId: string,
  { now, timeZone }: { now: Date; timeZone?: string | undefined },
): Promise<UpcomingMeeting[]> {
  const rows = await db
    .select({
      id: groups.id,
      name: groups.name,
      format: groups.format,
      caregiversOnly: groups.caregiversOnly,
      rhythm: groups.rhythm,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.userId, userId), eq(groupMembers.status, 'active')))
    .orderBy(asc(groups.name), asc(groups.id))
    .limit(MAX_GROUPS);
  const meetings: UpcomingMeeting[] = [];
  for (const row of rows) {
    const [next] = nextMeetings(row.rhythm, now, 1);
    if (!next) continue;
    const zone = timeZone ?? row.rhythm.timeZone;
    meetings.push({
      groupId: row.id,
      groupName: row.name,
      format: row.format,
      caregiversOnly: row.caregiversOnly,
      startsAt: next,
      text: meetingInWords(next, zone),
      zone: zoneInWords(zone, next),
    });
  }
  return meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

const leadRoles: GroupRole[] = ['facilitator', 'co_facilitator'];

/**
 * The groups this person runs (as facilitator or co-facilitator, or as an admin of the
 * organisation), with how many people are asking to join each. Empty when they run none.
 */
export async function joinRequestsForLeader(
  db: Db,
  actor: Actor,
): Promise<{ groupId: string; groupName: string; waiting: number }[]> {
  const orgAdmin = sql<boolean>`exists (select 1 from ${organisationAdmins} where ${organisationAdmins.organisationId} = ${groups.organisationId} and ${organisationAdmins.userId} = ${actor.userId})`;
  const rows = await db
    .select({
      id: groups.id,
      name: groups.name,
      privacy: groups.privacy,
      caregiversOnly: groups.caregiversOnly,
      status: groupMembers.status,
      role: groupMembers.role,
      isOrgAdmin: orgAdmin,
      waiting: sql<number>`(select count(*)::int from ${groupMembers} asking where asking.group_id = ${groups.id} and asking.status = 'pending')`,
    })
    .from(groups)
    .leftJoin(
      groupMembers,
      and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, actor.userId)),
    )
    .where(
      or(and(eq(groupMembers.status, 'active'), inArray(groupMembers.role, leadRoles)), orgAdmin),
    )
    .orderBy(asc(groups.name), asc(groups.id))
    .limit(MAX_GROUPS);
  return rows
    .filter((row) => canManageGroup(actor, standing(row)))
    .map((row) => ({ groupId: row.id, groupName: row.name, waiting: row.waiting }))
    .sort((a, b) => Number(b.waiting > 0) - Number(a.waiting > 0));
}

function standing(row: {
  privacy: GroupStanding['privacy'];
  caregiversOnly: boolean;
  status: MembershipStatus | null;
  role: GroupRole | null;
  isOrgAdmin: boolean;
}): GroupStanding {
  return {
    privacy: row.privacy,
    caregiversOnly: row.caregiversOnly,
    status: row.status,
    role: row.role,
    isOrgAdmin: row.isOrgAdmin,
  };
}

/** These groups as this person stands with each (one query; groups that do not exist are left out). */
async function standingsIn(db: Db, actor: Actor, groupIds: string[]) {
  const wanted = [...new Set(groupIds)];
  if (wanted.length === 0) return [];
  const rows = await db
    .select({
      id: groups.id,
      name: groups.name,
      organisationId: groups.organisationId,
      languages: groups.languages,
      privacy: groups.privacy,
      caregiversOnly: groups.caregiversOnly,
      status: groupMembers.status,
      role: groupMembers.role,
      isOrgAdmin: sql<boolean>`exists (select 1 from ${organisationAdmins} where ${organisationAdmins.organisationId} = ${groups.organisationId} and ${organisationAdmins.userId} = ${actor.userId})`,
    })
    .from(groups)
    .leftJoin(
      groupMembers,
      and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, actor.userId)),
    )
    .where(inArray(groups.id, wanted));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    organisationId: row.organisationId,
    languages: row.languages,
    standing: standing(row),
  }));
}

/** Of these groups, the boards this person may read, with each group's name. */
export async function visibleBoards(
  db: Db,
  actor: Actor,
  groupIds: string[],
): Promise<Map<string, string>> {
  const rows = await standingsIn(db, actor, groupIds);
  return new Map(
    rows.filter((row) => canSeeGroupInside(actor, row.standing)).map((row) => [row.id, row.name]),
  );
}

/**
 * Of these groups' boards, those this person may read (`see`: members, and anyone signed in
 * for a public group) and those they may write on (`write`: active members).
 */
export async function boardAccess(
  db: Db,
  actor: Actor | null,
  groupIds: string[],
): Promise<{ see: Set<string>; write: Set<string> }> {
  const see = new Set<string>();
  const write = new Set<string>();
  if (!actor) return { see, write };
  for (const row of await standingsIn(db, actor, groupIds)) {
    if (canSeeGroupInside(actor, row.standing)) see.add(row.id);
    if (canPostOnBoard(actor, row.standing)) write.add(row.id);
  }
  return { see, write };
}

/**
 * Of these people, those who may read this group's board as members do (staff roles are
 * not counted): who may be told of what is written there.
 */
export async function boardReaders(
  db: Db,
  groupId: string,
  userIds: string[],
): Promise<Set<string>> {
  const readers = new Set<string>();
  for (const userId of new Set(userIds)) {
    const asMember: Actor = { userId, sessionId: '', siteRole: 'member', trustLevel: 0 };
    const [row] = await standingsIn(db, asMember, [groupId]);
    if (row && canSeeGroupInside(asMember, row.standing)) readers.add(userId);
  }
  return readers;
}

/** Groups' names by id, which anyone may see; ids of no group are left out. */
export async function groupNames(db: Db, groupIds: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(groupIds)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(inArray(groups.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * "My groups" visibility, for many people at once: which of `userIds` are active members of a
 * group with the viewer, both let in by a person who runs it (docs/groups-privacy.md).
 * The viewer counts as sharing with themselves.
 */
export async function shareAGroupWith(
  db: Db,
  viewerId: string,
  userIds: string[],
): Promise<Set<string>> {
  const wanted = [...new Set(userIds)].filter((id) => id !== viewerId);
  const shared = new Set(userIds.includes(viewerId) ? [viewerId] : []);
  if (wanted.length === 0) return shared;
  const other = alias(groupMembers, 'other');
  const vetted = (m: typeof groupMembers | typeof other) =>
    sql`(${m.admission} in ('approved', 'invitation') or ${m.role} in ('facilitator', 'co_facilitator'))`;
  const rows = await db
    .selectDistinct({ userId: other.userId })
    .from(groupMembers)
    .innerJoin(other, eq(other.groupId, groupMembers.groupId))
    .where(
      and(
        eq(groupMembers.userId, viewerId),
        eq(groupMembers.status, 'active'),
        vetted(groupMembers),
        inArray(other.userId, wanted),
        eq(other.status, 'active'),
        vetted(other),
      ),
    );
  for (const row of rows) shared.add(row.userId);
  return shared;
}

/**
 * Carers' groups the person is not in yet and may ask to join, those in their own country
 * first: for a carer's Home. Only a group's name and format, which anyone may see.
 */
export async function carersGroupsToFind(
  db: Db,
  userId: string,
  country: string | null,
  limit = 3,
): Promise<{ id: string; name: string; format: GroupFormat }[]> {
  return db
    .select({ id: groups.id, name: groups.name, format: groups.format })
    .from(groups)
    .where(
      and(
        eq(groups.caregiversOnly, true),
        // Invite-only groups cannot be asked to join: offering one would be a dead end.
        ne(groups.joinPolicy, 'invite'),
        sql`not exists (select 1 from ${groupMembers} mine where mine.group_id = ${groups.id} and mine.user_id = ${userId} and mine.status <> 'declined')`,
      ),
    )
    .orderBy(
      sql`(${groups.country} = ${country ?? ''}) desc`,
      sql`(${groups.format} <> 'in_person') desc`,
      asc(groups.name),
      asc(groups.id),
    )
    .limit(limit);
}

/**
 * The groups this person runs: as an active facilitator or co-facilitator, or as an admin of
 * the organisation behind it. Their boards are theirs to moderate (one query).
 */
export async function groupsLedBy(db: Db, userId: string): Promise<Set<string>> {
  const orgAdmin = sql<boolean>`exists (select 1 from ${organisationAdmins} where ${organisationAdmins.organisationId} = ${groups.organisationId} and ${organisationAdmins.userId} = ${userId})`;
  const rows = await db
    .select({ id: groups.id })
    .from(groups)
    .leftJoin(
      groupMembers,
      and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, userId)),
    )
    .where(
      or(and(eq(groupMembers.status, 'active'), inArray(groupMembers.role, leadRoles)), orgAdmin),
    );
  return new Set(rows.map((r) => r.id));
}

/** Each group's active facilitators and co-facilitators (one query; callable in a transaction). */
export async function groupLeaders(
  db: Db | Tx,
  groupIds: string[],
): Promise<Map<string, string[]>> {
  const wanted = [...new Set(groupIds)];
  const result = new Map<string, string[]>();
  if (wanted.length === 0) return result;
  const rows = await db
    .select({ groupId: groupMembers.groupId, userId: groupMembers.userId })
    .from(groupMembers)
    .where(
      and(
        inArray(groupMembers.groupId, wanted),
        eq(groupMembers.status, 'active'),
        inArray(groupMembers.role, leadRoles),
      ),
    );
  for (const row of rows) result.set(row.groupId, [...(result.get(row.groupId) ?? []), row.userId]);
  return result;
}

/** How one person stands with one group's events (events/permissions.ts asks these). */
export interface GroupEventStanding {
  name: string;
  organisationId: string;
  /** The languages people speak in the group: its events are in them. */
  languages: GroupLanguage[];
  /** May see the group's events and answer them: as for its board, and those who run it. */
  see: boolean;
  /** Makes and changes the group's events: its facilitators, its organisation, site admins. */
  run: boolean;
}

/** Of these groups, how this person stands with each one's events (one query). */
export async function groupEventStandings(
  db: Db,
  actor: Actor | null,
  groupIds: string[],
): Promise<Map<string, GroupEventStanding>> {
  const result = new Map<string, GroupEventStanding>();
  if (!actor) return result;
  for (const row of await standingsIn(db, actor, groupIds)) {
    const run = canManageGroup(actor, row.standing);
    result.set(row.id, {
      name: row.name,
      organisationId: row.organisationId,
      languages: row.languages,
      see: run || canSeeGroupInside(actor, row.standing),
      run,
    });
  }
  return result;
}

/** How one person stands with one organisation's events, and where its video rooms are made. */
export interface OrganisationEventStanding {
  name: string;
  /** Its admins, and platform admins. */
  run: boolean;
  videoBaseUrl: string | null;
}

/** Of these organisations, each one's name and video service, and whether this person runs it. */
export async function organisationEventStandings(
  db: Db,
  actor: Actor | null,
  organisationIds: string[],
): Promise<Map<string, OrganisationEventStanding>> {
  const wanted = [...new Set(organisationIds)];
  const result = new Map<string, OrganisationEventStanding>();
  if (wanted.length === 0) return result;
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      videoBaseUrl: organisations.videoBaseUrl,
      isOrgAdmin: actor
        ? sql<boolean>`exists (select 1 from ${organisationAdmins} where ${organisationAdmins.organisationId} = ${organisations.id} and ${organisationAdmins.userId} = ${actor.userId})`
        : sql<boolean>`false`,
    })
    .from(organisations)
    .where(inArray(organisations.id, wanted));
  for (const row of rows) {
    result.set(row.id, {
      name: row.name,
      run: actor !== null && (row.isOrgAdmin || isAdmin(actor)),
      videoBaseUrl: row.videoBaseUrl,
    });
  }
  return result;
}

/** Each group's meeting rhythm: for events that follow it. */
export async function groupRhythms(db: Db, groupIds: string[]): Promise<Map<string, GroupRhythm>> {
  const wanted = [...new Set(groupIds)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: groups.id, rhythm: groups.rhythm })
    .from(groups)
    .where(inArray(groups.id, wanted));
  return new Map(rows.map((row) => [row.id, row.rhythm]));
}

// For "near me" elsewhere: the directory's place list, and how far it looks when not told.
export { placeById } from './places';
export { DEFAULT_MAX_KM } from './ranking';
export { zoneInWords } from './rhythm';

/** The groups face over one database, for the wiring to hand to other modules. */
export function createGroupsFace(db: Db) {
  return {
    boardAccess: (actor: Actor | null, groupIds: string[]) => boardAccess(db, actor, groupIds),
    groupNames: (groupIds: string[]) => groupNames(db, groupIds),
    boardReaders: (groupId: string, userIds: string[]) => boardReaders(db, groupId, userIds),
    /** Of these groups, the boards this person may read, with each group's name. */
    visibleBoards: (actor: Actor, groupIds: string[]) => visibleBoards(db, actor, groupIds),
    shareAGroupWith: (viewerId: string, userIds: string[]) =>
      shareAGroupWith(db, viewerId, userIds),
    /** shareAGroupWith for one person. */
    shareAGroup: async (userA: string, userB: string) =>
      (await shareAGroupWith(db, userA, [userB])).has(userB),
    groupEventStandings: (actor: Actor | null, groupIds: string[]) =>
      groupEventStandings(db, actor, groupIds),
    organisationEventStandings: (actor: Actor | null, organisationIds: string[]) =>
      organisationEventStandings(db, actor, organisationIds),
    groupRhythms: (groupIds: string[]) => groupRhythms(db, groupIds),
  };
}
export type GroupsFace = ReturnType<typeof createGroupsFace>;
