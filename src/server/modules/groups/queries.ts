// Drizzle reads and writes that several groups use cases share. No rules here.
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { GroupInputParsed } from '../../../contract/groups';
import type { Admission } from '../../../contract/groups-values';
import type { Db, Tx } from '../../db';
import { type Actor, isAdmin } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { GroupsDeps } from './deps';
import { groupMembers, groups, organisationAdmins, organisations } from './tables';

const EARTH_KM = 6371;

/** The columns a list needs to show a group (present.ts toSummary). */
export const summaryColumns = {
  id: groups.id,
  name: groups.name,
  description: groups.description,
  organisationId: groups.organisationId,
  organisationName: organisations.name,
  format: groups.format,
  focus: groups.focus,
  languages: groups.languages,
  sizeCap: groups.sizeCap,
  memberCount: groups.memberCount,
  joinPolicy: groups.joinPolicy,
  privacy: groups.privacy,
  caregiversOnly: groups.caregiversOnly,
  country: groups.country,
  rhythm: groups.rhythm,
  town: groups.venueTown,
  access: groups.access,
};

/**
 * True when this person may see when and where the group meets (canSeeGroupDetails,
 * as SQL, so a list answers it for every row in the same query).
 */
export function detailsVisibleTo(actor: Actor | null): SQL<boolean> {
  if (actor && isAdmin(actor)) return sql<boolean>`true`;
  if (!actor) return sql<boolean>`(${groups.privacy} = 'public')`;
  return sql<boolean>`(${groups.privacy} = 'public'
    or exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${groups.id}
      and ${groupMembers.userId} = ${actor.userId}
      and ${groupMembers.status} in ('active', 'waitlist', 'invited'))
    or exists (select 1 from ${organisationAdmins} where ${organisationAdmins.organisationId} = ${groups.organisationId}
      and ${organisationAdmins.userId} = ${actor.userId}))`;
}

/** Great-circle distance in km from a point, in SQL (haversine; no extension needed). */
export function distanceFrom(lat: number, lng: number): SQL<number> {
  return sql<number>`(${EARTH_KM} * 2 * asin(sqrt(power(sin(radians(${groups.lat} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${groups.lat})) * power(sin(radians(${groups.lng} - ${lng}) / 2), 2))))`;
}

/** A box around a point that holds every place within km: the (lat, lng) index serves it. */
export function boundingBox(lat: number, lng: number, km: number): SQL {
  const dLat = km / 111.2;
  const cosLat = Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  const dLng = Math.min(km / (111.2 * cosLat), 180);
  return sql`${groups.lat} between ${lat - dLat} and ${lat + dLat} and ${groups.lng} between ${lng - dLng} and ${lng + dLng}`;
}

export const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** One group with everything its page and its rules need; `lock` holds its row for the transaction. */
export async function loadGroup(tx: Db | Tx, groupId: string, lock = false) {
  const query = tx
    .select({
      ...summaryColumns,
      recurrenceRule: groups.recurrenceRule,
      venueName: groups.venueName,
      venueAddress: groups.venueAddress,
      lat: groups.lat,
      lng: groups.lng,
      accessNotes: groups.accessNotes,
      meetingLink: groups.meetingLink,
      inviteTokenHash: groups.inviteTokenHash,
      inviteExpiresAt: groups.inviteExpiresAt,
    })
    .from(groups)
    .innerJoin(organisations, eq(organisations.id, groups.organisationId))
    .where(eq(groups.id, groupId))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: groups }) : await query;
  if (!row) throw problems.notFound(t('groups.problems.notFound'));
  return row;
}
export type GroupRow = Awaited<ReturnType<typeof loadGroup>>;

export async function isOrgAdmin(tx: Db | Tx, userId: string, organisationId: string) {
  const [row] = await tx
    .select({ userId: organisationAdmins.userId })
    .from(organisationAdmins)
    .where(
      and(
        eq(organisationAdmins.organisationId, organisationId),
        eq(organisationAdmins.userId, userId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function membershipOf(tx: Db | Tx, userId: string, groupId: string) {
  const [row] = await tx
    .select({
      status: groupMembers.status,
      role: groupMembers.role,
      declineMessage: groupMembers.declineMessage,
      askedAt: groupMembers.askedAt,
      admission: groupMembers.admission,
    })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** The where clause for one person's row in one group. */
export const memberRow = (groupId: string, userId: string) =>
  and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId));

/** Keeps groups.member_count in step with the active members, in the same transaction. */
export async function countMember(tx: Tx, groupId: string, change: 1 | -1) {
  await tx
    .update(groups)
    .set({ memberCount: sql`${groups.memberCount} + ${sql.raw(String(change))}` })
    .where(eq(groups.id, groupId));
}

/** Makes the person an active member; `admission` is set when a person let them in now. */
export async function admit(
  { now }: Pick<GroupsDeps, 'now'>,
  tx: Tx,
  groupId: string,
  userId: string,
  admission?: Admission,
) {
  await tx
    .update(groupMembers)
    .set({
      status: 'active',
      joinedAt: now(),
      declineMessage: null,
      ...(admission ? { admission } : {}),
    })
    .where(memberRow(groupId, userId));
  await countMember(tx, groupId, 1);
}

/** Gives the freed place to the longest-waiting person on the waitlist, if there is room. */
/** Returns who was let in, if anyone. */
export async function fillFromWaitlist(
  deps: Pick<GroupsDeps, 'now'>,
  tx: Tx,
  groupId: string,
): Promise<string | null> {
  const [group] = await tx
    .select({ sizeCap: groups.sizeCap, memberCount: groups.memberCount })
    .from(groups)
    .where(eq(groups.id, groupId));
  if (!group || group.memberCount >= group.sizeCap) return null;
  const [next] = await tx
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'waitlist')))
    .orderBy(asc(groupMembers.askedAt), asc(groupMembers.userId))
    .limit(1);
  if (!next) return null;
  await admit(deps, tx, groupId, next.userId);
  return next.userId;
}

/** People's display names by id, from the accounts module. */
export async function displayNames(
  { accounts }: Pick<GroupsDeps, 'accounts'>,
  userIds: string[],
): Promise<Map<string, string>> {
  const found = await accounts.authorsByIds(userIds);
  return new Map([...found].map(([id, person]) => [id, person.displayName]));
}

/** Refuses ids of people who do not exist, naming the field that held them. */
export async function requireUsers(
  { accounts }: Pick<GroupsDeps, 'accounts'>,
  userIds: string[],
  field: string,
) {
  const found = await accounts.authorsByIds(userIds);
  if (userIds.some((id) => !found.has(id))) {
    throw problems.invalid({ [field]: t('groups.fields.userId.unknown') });
  }
}

/** The venue columns of a group, from the venue as people enter it (null: meets online). */
export function venueColumns(venue: GroupInputParsed['venue']) {
  return {
    venueName: venue?.name ?? null,
    venueAddress: venue?.address ?? null,
    venueTown: venue?.town ?? null,
    lat: venue?.lat ?? null,
    lng: venue?.lng ?? null,
    access: venue?.access ?? [],
    accessNotes: venue?.accessNotes ?? '',
  };
}
