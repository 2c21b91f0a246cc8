import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias, unionAll } from 'drizzle-orm/pg-core';
import type {
  AnnouncementBody,
  BoardResponse,
  BoardTopicBody,
  DecideBody,
  DirectoryResponse,
  FitsMeAnswers,
  FitsMePrefill,
  FitsMeResponse,
  GroupDetail,
  GroupInputParsed,
  GroupMembersResponse,
  GroupRhythm,
  GroupSummary,
  GroupUpdate,
  InvitationBodyParsed,
  InviteLink,
  JoinRequestsResponse,
  JoinResult,
  MemberRoleBody,
  MyGroupsResponse,
  Organisation,
  OrganisationsResponse,
  Place,
  PlacesResponse,
} from '../../../contract/groups';
import {
  type AccessFeature,
  type Admission,
  distanceUnitFor,
  type GroupFocus,
  type GroupFormat,
  type GroupLanguage,
  type JoinPolicy,
} from '../../../contract/groups-values';
import type { Config } from '../../config';
import type { Db, Tx } from '../../db';
import { type Actor, isAdmin } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { hashToken, newToken, sameHash } from '../../lib/tokens';
import type { AccountsService } from '../accounts/service';
import type { ProfilesService } from '../profiles/service';
import {
  canCreateOrganisation,
  canEditGroup,
  canManageGroup,
  canPostOnBoard,
  canRunOrganisation,
  canSeeGroupDetails,
  canSeeGroupInside,
  canSeeMeetingLink,
  canSeeMemberList,
  canSetRole,
  fitsCaregiverRule,
  type GroupStanding,
  joinPolicyProblem,
} from './permissions';
import { placeById, searchPlaces } from './places';
import { type Candidate, DEFAULT_MAX_KM, rankGroups, type Seeker } from './ranking';
import { meetingInWords, nextMeetings, recurrenceRule, rhythmInWords } from './rhythm';
import {
  groupAnnouncements,
  groupMembers,
  groups,
  organisationAdmins,
  organisations,
} from './tables';

/** What a group's board needs from the forum, which keeps the topics. */
export interface BoardForum {
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
  ): Promise<{ topicId: string }>;
}

interface Deps {
  db: Db;
  config: Config;
  accounts: AccountsService;
  profiles: ProfilesService;
  /** The forum, reached lazily: it is built after this service and asks it about boards. */
  forum?: (() => BoardForum | undefined) | undefined;
  now?: (() => Date) | undefined;
}

export const DIRECTORY_PAGE = 20;
const FITS_ME_RESULTS = 20;
const FITS_ME_CANDIDATES = 100;
const EARTH_KM = 6371;
/** How long an invite link works (issue 7: 30 days by default). */
export const INVITE_LINK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const summaryColumns = {
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

interface SummaryRow {
  id: string;
  name: string;
  description: string;
  organisationId: string;
  organisationName: string;
  format: GroupFormat;
  focus: GroupFocus[];
  languages: GroupLanguage[];
  sizeCap: number;
  memberCount: number;
  joinPolicy: GroupSummary['joinPolicy'];
  privacy: GroupSummary['privacy'];
  caregiversOnly: boolean;
  country: string;
  rhythm: GroupRhythm;
  town: string | null;
  access: AccessFeature[];
  distanceKm?: number | null;
}

/**
 * A group as a list shows it. `hidden`: a private group seen from outside, so
 * when and where it meets (time, town, venue features, distance) are left out.
 */
function toSummary(row: SummaryRow, hidden = false): GroupSummary {
  if (hidden) {
    return { ...toSummary(row), rhythmText: null, town: null, access: [], distanceKm: null };
  }
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    organisation: { id: row.organisationId, name: row.organisationName },
    format: row.format,
    focus: row.focus,
    languages: row.languages,
    sizeCap: row.sizeCap,
    memberCount: row.memberCount,
    full: row.memberCount >= row.sizeCap,
    joinPolicy: row.joinPolicy,
    privacy: row.privacy,
    caregiversOnly: row.caregiversOnly,
    country: row.country,
    rhythmText: rhythmInWords(row.rhythm),
    town: row.town,
    access: row.access,
    distanceKm:
      row.distanceKm === null || row.distanceKm === undefined
        ? null
        : Math.round(Number(row.distanceKm) * 10) / 10,
  };
}

/**
 * True when this person may see when and where the group meets (canSeeGroupDetails,
 * as SQL, so a list answers it for every row in the same query).
 */
function detailsVisibleTo(actor: Actor | null): SQL<boolean> {
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
function distanceFrom(lat: number, lng: number): SQL<number> {
  return sql<number>`(${EARTH_KM} * 2 * asin(sqrt(power(sin(radians(${groups.lat} - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(${groups.lat})) * power(sin(radians(${groups.lng} - ${lng}) / 2), 2))))`;
}

/** A box around a point that holds every place within km: the (lat, lng) index serves it. */
function boundingBox(lat: number, lng: number, km: number): SQL {
  const dLat = km / 111.2;
  const cosLat = Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  const dLng = Math.min(km / (111.2 * cosLat), 180);
  return sql`${groups.lat} between ${lat - dLat} and ${lat + dLat} and ${groups.lng} between ${lng - dLng} and ${lng + dLng}`;
}

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** The directory's format filter: wanting online includes hybrid groups, and so does in person. */
function formatsFor(format: GroupFormat): GroupFormat[] {
  if (format === 'online') return ['online', 'hybrid'];
  if (format === 'in_person') return ['in_person', 'hybrid'];
  return ['hybrid'];
}

export type GroupsService = ReturnType<typeof createGroupsService>;

export function createGroupsService({
  db,
  config,
  accounts,
  profiles,
  forum,
  now = () => new Date(),
}: Deps) {
  const inviteHash = (token: string) => hashToken(config.sessionSecret, `group-invite:${token}`);

  async function loadGroup(groupId: string, tx: Db | Tx = db, lock = false) {
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
  type GroupRow = Awaited<ReturnType<typeof loadGroup>>;

  async function isOrgAdmin(userId: string, organisationId: string, tx: Db | Tx = db) {
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

  async function membershipOf(userId: string, groupId: string, tx: Db | Tx = db) {
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

  async function standingOf(
    actor: Actor | null,
    group: Pick<GroupRow, 'id' | 'organisationId' | 'privacy' | 'caregiversOnly'>,
    tx: Db | Tx = db,
  ): Promise<GroupStanding & { declineMessage: string | null; askedAt: Date | null }> {
    const membership = actor ? await membershipOf(actor.userId, group.id, tx) : null;
    return {
      privacy: group.privacy,
      caregiversOnly: group.caregiversOnly,
      status: membership?.status ?? null,
      role: membership?.role ?? null,
      declineMessage: membership?.declineMessage ?? null,
      askedAt: membership?.askedAt ?? null,
      isOrgAdmin: actor ? await isOrgAdmin(actor.userId, group.organisationId, tx) : false,
    };
  }

  async function names(userIds: string[]): Promise<Map<string, string>> {
    const found = await accounts.authorsByIds(userIds);
    return new Map([...found].map(([id, person]) => [id, person.displayName]));
  }

  /** Gives the freed place to the longest-waiting person on the waitlist, if there is room. */
  async function fillFromWaitlist(tx: Tx, groupId: string) {
    const [group] = await tx
      .select({ sizeCap: groups.sizeCap, memberCount: groups.memberCount })
      .from(groups)
      .where(eq(groups.id, groupId));
    if (!group || group.memberCount >= group.sizeCap) return;
    const [next] = await tx
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'waitlist')))
      .orderBy(asc(groupMembers.askedAt), asc(groupMembers.userId))
      .limit(1);
    if (!next) return;
    await admit(tx, groupId, next.userId);
  }

  /** Makes the person an active member; `admission` is set when a person let them in now. */
  async function admit(tx: Tx, groupId: string, userId: string, admission?: Admission) {
    await tx
      .update(groupMembers)
      .set({
        status: 'active',
        joinedAt: now(),
        declineMessage: null,
        ...(admission ? { admission } : {}),
      })
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
    await tx
      .update(groups)
      .set({ memberCount: sql`${groups.memberCount} + 1` })
      .where(eq(groups.id, groupId));
  }

  async function requireManager(actor: Actor, groupId: string, tx: Db | Tx = db) {
    const group = await loadGroup(groupId, tx, tx !== db);
    const standing = await standingOf(actor, group, tx);
    if (!canManageGroup(actor, standing)) throw problems.forbidden(t('groups.problems.notManager'));
    return { group, standing };
  }

  function venueColumns(venue: GroupInputParsed['venue']) {
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

  function checkShape(format: GroupFormat, venue: GroupInputParsed['venue']) {
    if (format !== 'online' && !venue) {
      throw problems.invalid({ venue: t('groups.fields.venue.required') });
    }
  }

  /** Refuses "open" joining for private and carers-only groups (issue 7, items 5 and 6). */
  function checkJoinPolicy(g: {
    joinPolicy: JoinPolicy;
    privacy: GroupInputParsed['privacy'];
    caregiversOnly: boolean;
  }) {
    const reason = joinPolicyProblem(g);
    if (reason) throw problems.invalid({ joinPolicy: t(reason) });
  }

  async function organisationsFor(ids: string[] | null): Promise<Organisation[]> {
    const rows = await db
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(ids === null ? undefined : ids.length ? inArray(organisations.id, ids) : sql`false`)
      .orderBy(asc(organisations.name), asc(organisations.id))
      .limit(200);
    if (rows.length === 0) return [];
    const admins = await db
      .select({
        organisationId: organisationAdmins.organisationId,
        userId: organisationAdmins.userId,
      })
      .from(organisationAdmins)
      .where(
        inArray(
          organisationAdmins.organisationId,
          rows.map((r) => r.id),
        ),
      );
    const named = await names(admins.map((a) => a.userId));
    return rows.map((r) => ({
      ...r,
      admins: admins
        .filter((a) => a.organisationId === r.id)
        .map((a) => ({ id: a.userId, displayName: named.get(a.userId) ?? '' })),
    }));
  }

  async function requireUsers(userIds: string[], field: string) {
    const found = await accounts.authorsByIds(userIds);
    if (userIds.some((id) => !found.has(id))) {
      throw problems.invalid({ [field]: t('groups.fields.userId.unknown') });
    }
  }

  const service = {
    /** Places from the bundled offline list, for the directory's "near" box. */
    places(query: string, country?: string): PlacesResponse {
      return { places: searchPlaces(query, country) };
    },

    /**
     * The directory: words, focus, format, language, access needs and distance from a place.
     * A private group's place is not shown to outsiders, so it is not searched by place or access either.
     */
    async directory(
      query: {
        q?: string | undefined;
        focus?: GroupFocus[] | undefined;
        format?: GroupFormat | undefined;
        language?: GroupLanguage | undefined;
        access?: string[] | undefined;
        place?: string | undefined;
        lat?: number | undefined;
        lng?: number | undefined;
        km?: number | undefined;
        organisation?: string | undefined;
        cursor?: string | undefined;
      },
      actor: Actor | null = null,
      acceptLanguage?: string,
    ): Promise<DirectoryResponse> {
      const visible = detailsVisibleTo(actor);
      const unit = distanceUnitFor(
        actor ? (await accounts.sessionUser(actor.userId)).country : null,
        acceptLanguage,
      );
      let place: Place | null = null;
      if (query.place) {
        place = placeById(query.place) ?? null;
        if (!place)
          throw problems.badRequest(undefined, { place: t('groups.fields.place.unknown') });
      } else if (query.lat !== undefined && query.lng !== undefined) {
        place = {
          id: 'here',
          name: t('groups.directory.myLocation'),
          region: '',
          country: '',
          lat: query.lat,
          lng: query.lng,
          kind: 'town',
        };
      }
      const where: SQL[] = [];
      if (query.q) {
        where.push(
          sql`to_tsvector('english', ${groups.name} || ' ' || ${groups.description}) @@ plainto_tsquery('english', ${query.q})`,
        );
      }
      if (query.focus?.length) where.push(sql`${groups.focus} @> ${textArray(query.focus)}`);
      if (query.format) where.push(inArray(groups.format, formatsFor(query.format)));
      if (query.language) where.push(sql`${groups.languages} @> ${textArray([query.language])}`);
      if (query.access?.length) {
        where.push(sql`${groups.access} @> ${textArray(query.access)}`, visible);
      }
      if (query.organisation) where.push(eq(groups.organisationId, query.organisation));
      const distance = place ? distanceFrom(place.lat, place.lng) : null;
      const usePlace = place && query.format !== 'online';
      if (place && usePlace && distance) {
        const km = query.km ?? DEFAULT_MAX_KM;
        where.push(boundingBox(place.lat, place.lng, km));
        where.push(sql`${distance} <= ${km}`, visible);
      }
      const offset = Number(query.cursor ?? 0);
      const rows = await db
        .select({
          ...summaryColumns,
          distanceKm: distance && usePlace ? distance : sql<null>`null::float8`,
          detailsVisible: visible,
        })
        .from(groups)
        .innerJoin(organisations, eq(organisations.id, groups.organisationId))
        .where(where.length ? and(...where) : undefined)
        .orderBy(...(distance && usePlace ? [asc(distance)] : [asc(groups.name)]), asc(groups.id))
        .limit(DIRECTORY_PAGE + 1)
        .offset(offset);
      const more = rows.length > DIRECTORY_PAGE;
      return {
        groups: rows
          .slice(0, DIRECTORY_PAGE)
          .map(({ detailsVisible, ...row }) => toSummary(row, !detailsVisible)),
        place,
        nextCursor: more ? String(offset + DIRECTORY_PAGE) : null,
        unit,
      };
    },

    /** A group's page: what anyone sees, plus what this person may see. */
    async groupDetail(actor: Actor | null, groupId: string): Promise<GroupDetail> {
      const group = await loadGroup(groupId);
      const standing = await standingOf(actor, group);
      const inside = canSeeGroupInside(actor, standing);
      const manage = canManageGroup(actor, standing);
      const details = canSeeGroupDetails(actor, standing);
      const invitedAs = standing.status === 'invited' ? standing.role : null;
      const leaders = details
        ? await db
            .select({ userId: groupMembers.userId, role: groupMembers.role })
            .from(groupMembers)
            .where(
              and(
                eq(groupMembers.groupId, groupId),
                eq(groupMembers.status, 'active'),
                inArray(groupMembers.role, ['facilitator', 'co_facilitator']),
              ),
            )
            .orderBy(asc(groupMembers.role), asc(groupMembers.joinedAt))
        : [];
      const posts = inside
        ? await db
            .select({
              id: groupAnnouncements.id,
              body: groupAnnouncements.body,
              authorId: groupAnnouncements.authorId,
              createdAt: groupAnnouncements.createdAt,
            })
            .from(groupAnnouncements)
            .where(eq(groupAnnouncements.groupId, groupId))
            .orderBy(desc(groupAnnouncements.createdAt), desc(groupAnnouncements.id))
            .limit(5)
        : null;
      const named = await names([
        ...leaders.map((l) => l.userId),
        ...(posts ?? []).map((p) => p.authorId),
      ]);
      const meetings = details ? nextMeetings(group.rhythm, now(), 3) : [];
      let cannotJoinReason: string | null = null;
      if (actor && standing.status === null) {
        const role = await accounts.memberRole(actor.userId);
        if (!fitsCaregiverRule(group.caregiversOnly, role)) {
          cannotJoinReason = t('groups.problems.caregiversOnly');
        } else if (group.joinPolicy === 'invite') {
          cannotJoinReason = t('groups.problems.inviteOnly');
        }
      }
      let waitlistPlace: number | null = null;
      if (standing.status === 'waitlist' && standing.askedAt) {
        const [row] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(groupMembers)
          .where(
            and(
              eq(groupMembers.groupId, groupId),
              eq(groupMembers.status, 'waitlist'),
              sql`${groupMembers.askedAt} <= ${standing.askedAt}`,
            ),
          );
        waitlistPlace = row?.n ?? 1;
      }
      const linkWorks =
        group.inviteTokenHash !== null &&
        (group.inviteExpiresAt === null || group.inviteExpiresAt > now());
      return {
        ...toSummary(group, !details),
        detailsHidden: !details,
        rhythm: details ? group.rhythm : null,
        recurrenceRule: details ? group.recurrenceRule : null,
        nextMeetings: meetings.map((m) => ({
          startsAt: m.toISOString(),
          text: meetingInWords(m, group.rhythm.timeZone),
        })),
        venue:
          details && group.venueName && group.lat !== null && group.lng !== null
            ? {
                name: group.venueName,
                address: group.venueAddress ?? '',
                town: group.town ?? '',
                lat: group.lat,
                lng: group.lng,
                access: group.access,
                accessNotes: group.accessNotes,
              }
            : null,
        facilitators: leaders.map((l) => ({
          id: l.userId,
          displayName: named.get(l.userId) ?? '',
          role: l.role,
        })),
        membersVisible: canSeeMemberList(actor, standing),
        announcements:
          posts?.map((p) => ({
            id: p.id,
            body: p.body,
            author: { id: p.authorId, displayName: named.get(p.authorId) ?? '' },
            createdAt: p.createdAt.toISOString(),
          })) ?? null,
        meetingLink: canSeeMeetingLink(actor, standing) ? group.meetingLink : null,
        boardVisible: inside,
        inviteLinkActive: manage ? linkWorks : null,
        inviteLinkExpiresAt:
          manage && linkWorks && group.inviteExpiresAt ? group.inviteExpiresAt.toISOString() : null,
        me: {
          status: standing.status,
          role: standing.status === 'active' ? standing.role : null,
          invitedAs,
          declineMessage: standing.status === 'declined' ? standing.declineMessage : null,
          canManage: manage,
          canEdit: canEditGroup(actor, standing),
          canJoin:
            actor !== null &&
            (standing.status === null || standing.status === 'declined') &&
            cannotJoinReason === null,
          cannotJoinReason,
          waitlistPlace,
        },
      };
    },

    /** Who is in the group: for its members, those who run it and site staff (docs/groups-privacy.md). */
    async members(actor: Actor, groupId: string): Promise<GroupMembersResponse> {
      const group = await loadGroup(groupId);
      const standing = await standingOf(actor, group);
      if (!canSeeMemberList(actor, standing)) {
        throw problems.forbidden(t('groups.problems.membersOnly'));
      }
      const rows = await db
        .select({
          userId: groupMembers.userId,
          role: groupMembers.role,
          joinedAt: groupMembers.joinedAt,
        })
        .from(groupMembers)
        .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, 'active')))
        .orderBy(asc(groupMembers.joinedAt), asc(groupMembers.userId))
        .limit(500);
      const named = await names(rows.map((r) => r.userId));
      return {
        members: rows.map((r) => ({
          id: r.userId,
          displayName: named.get(r.userId) ?? '',
          role: r.role,
          joinedAt: (r.joinedAt ?? now()).toISOString(),
        })),
      };
    },

    /** Join an open group, ask to join, or join by invite; a full group puts people on its waitlist. */
    async join(
      actor: Actor,
      groupId: string,
      body: { message: string; inviteToken?: string | undefined },
    ): Promise<JoinResult> {
      const role = await accounts.memberRole(actor.userId);
      return db.transaction(async (tx) => {
        const group = await loadGroup(groupId, tx, true);
        const existing = await membershipOf(actor.userId, groupId, tx);
        // A second tap (or a retry after a lost answer) gets the first answer again, changing nothing.
        if (
          existing &&
          (existing.status === 'active' ||
            existing.status === 'pending' ||
            existing.status === 'waitlist')
        ) {
          return { status: existing.status, message: t(`groups.joined.${existing.status}`) };
        }
        if (existing && existing.status !== 'declined') {
          throw problems.conflict(t(`groups.problems.already.${existing.status}`));
        }
        if (!fitsCaregiverRule(group.caregiversOnly, role)) {
          throw problems.forbidden(t('groups.problems.caregiversOnly'));
        }
        let policy = group.joinPolicy;
        let admission: Admission = 'open';
        if (policy === 'invite') {
          const invited =
            body.inviteToken !== undefined &&
            group.inviteTokenHash !== null &&
            sameHash(inviteHash(body.inviteToken), group.inviteTokenHash);
          if (!invited) throw problems.forbidden(t('groups.problems.inviteOnly'));
          if (group.inviteExpiresAt !== null && group.inviteExpiresAt <= now()) {
            throw problems.gone(t('groups.problems.inviteExpired'));
          }
          policy = 'open';
          admission = 'invite_link';
        }
        // Anyone can call themselves a carer, so a carers-only group always asks a facilitator.
        if (group.caregiversOnly) policy = 'ask';
        const full = group.memberCount >= group.sizeCap;
        const status: JoinResult['status'] =
          policy === 'ask' ? 'pending' : full ? 'waitlist' : 'active';
        const values = {
          status,
          admission,
          role: 'member' as const,
          message: body.message,
          declineMessage: null,
          askedAt: now(),
          joinedAt: status === 'active' ? now() : null,
        };
        await tx
          .insert(groupMembers)
          .values({ groupId, userId: actor.userId, ...values })
          .onConflictDoUpdate({ target: [groupMembers.groupId, groupMembers.userId], set: values });
        if (status === 'active') {
          await tx
            .update(groups)
            .set({ memberCount: sql`${groups.memberCount} + 1` })
            .where(eq(groups.id, groupId));
        }
        return { status, message: t(`groups.joined.${status}`) };
      });
    },

    /** Leave a group, or take back a request or a waitlist place. */
    async leave(actor: Actor, groupId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await loadGroup(groupId, tx, true);
        const [gone] = await tx
          .delete(groupMembers)
          .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, actor.userId)))
          .returning({ status: groupMembers.status });
        if (!gone) throw problems.notFound(t('groups.problems.notMember'));
        if (gone.status === 'active') {
          await tx
            .update(groups)
            .set({ memberCount: sql`${groups.memberCount} - 1` })
            .where(eq(groups.id, groupId));
          await fillFromWaitlist(tx, groupId);
        }
      });
    },

    /** People asking to join, the waitlist, and invitations not answered yet, for those who run the group. */
    async requests(actor: Actor, groupId: string): Promise<JoinRequestsResponse> {
      await requireManager(actor, groupId);
      const rows = await db
        .select({
          userId: groupMembers.userId,
          status: groupMembers.status,
          role: groupMembers.role,
          message: groupMembers.message,
          askedAt: groupMembers.askedAt,
        })
        .from(groupMembers)
        .where(
          and(
            eq(groupMembers.groupId, groupId),
            inArray(groupMembers.status, ['pending', 'waitlist', 'invited']),
          ),
        )
        .orderBy(asc(groupMembers.askedAt), asc(groupMembers.userId))
        .limit(500);
      const named = await names(rows.map((r) => r.userId));
      return {
        requests: rows.map((r) => ({
          id: r.userId,
          displayName: named.get(r.userId) ?? '',
          status: r.status as 'pending' | 'waitlist' | 'invited',
          role: r.role,
          message: r.message,
          askedAt: r.askedAt.toISOString(),
        })),
      };
    },

    /** Say yes to a request; if the group is full, the person goes on the waitlist. */
    async approve(actor: Actor, groupId: string, body: DecideBody): Promise<JoinResult> {
      return db.transaction(async (tx) => {
        const { group } = await requireManager(actor, groupId, tx);
        const target = await membershipOf(body.userId, groupId, tx);
        if (!target || (target.status !== 'pending' && target.status !== 'waitlist')) {
          throw problems.notFound(t('groups.problems.noRequest'));
        }
        if (group.memberCount >= group.sizeCap) {
          if (target.status === 'waitlist') throw problems.conflict(t('groups.problems.full'));
          await tx
            .update(groupMembers)
            .set({ status: 'waitlist', admission: 'approved' })
            .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, body.userId)));
          return { status: 'waitlist' as const, message: t('groups.approved.waitlist') };
        }
        await admit(tx, groupId, body.userId, 'approved');
        return { status: 'active' as const, message: t('groups.approved.active') };
      });
    },

    /** Say no, kindly: the person sees the message on the group's page. */
    async decline(actor: Actor, groupId: string, body: DecideBody): Promise<void> {
      await db.transaction(async (tx) => {
        await requireManager(actor, groupId, tx);
        const target = await membershipOf(body.userId, groupId, tx);
        if (!target || (target.status !== 'pending' && target.status !== 'waitlist')) {
          throw problems.notFound(t('groups.problems.noRequest'));
        }
        await tx
          .update(groupMembers)
          .set({
            status: 'declined',
            declineMessage: body.message || t('groups.declineDefault'),
          })
          .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, body.userId)));
      });
    },

    /** Name a facilitator or co-facilitator, or make someone a member again. */
    async setRole(actor: Actor, groupId: string, body: MemberRoleBody): Promise<void> {
      // Read outside the transaction: embedded PGlite has one connection.
      await requireUsers([body.userId], 'userId');
      await db.transaction(async (tx) => {
        const group = await loadGroup(groupId, tx, true);
        const standing = await standingOf(actor, group, tx);
        if (!canSetRole(actor, standing, body.role)) {
          throw problems.forbidden(t('groups.problems.notManager'));
        }
        const target = await membershipOf(body.userId, groupId, tx);
        if (target?.status === 'active') {
          if (target.role === 'facilitator' && !canEditGroup(actor, standing)) {
            throw problems.forbidden(t('groups.problems.notManager'));
          }
          await tx
            .update(groupMembers)
            .set({ role: body.role })
            .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, body.userId)));
          return;
        }
        // Someone from outside is invited instead (invite), and joins only when they say yes.
        throw problems.notFound(t('groups.problems.notMember'));
      });
    },

    /** Take someone out of the group; their place goes to the waitlist. */
    async removeMember(actor: Actor, groupId: string, userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { standing } = await requireManager(actor, groupId, tx);
        const target = await membershipOf(userId, groupId, tx);
        if (!target) throw problems.notFound(t('groups.problems.notMember'));
        if (target.role === 'facilitator' && !canEditGroup(actor, standing)) {
          throw problems.forbidden(t('groups.problems.notManager'));
        }
        await tx
          .delete(groupMembers)
          .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
        if (target.status === 'active') {
          await tx
            .update(groups)
            .set({ memberCount: sql`${groups.memberCount} - 1` })
            .where(eq(groups.id, groupId));
          await fillFromWaitlist(tx, groupId);
        }
      });
    },

    /** A new invite link that works for INVITE_LINK_DAYS; any older one stops working. */
    async createInviteLink(actor: Actor, groupId: string): Promise<InviteLink> {
      await requireManager(actor, groupId);
      const token = newToken();
      const expiresAt = new Date(now().getTime() + INVITE_LINK_DAYS * DAY_MS);
      await db
        .update(groups)
        .set({ inviteTokenHash: inviteHash(token), inviteExpiresAt: expiresAt, updatedAt: now() })
        .where(eq(groups.id, groupId));
      return {
        token,
        url: `${config.publicUrl}/groups/${groupId}?invite=${token}`,
        expiresAt: expiresAt.toISOString(),
      };
    },

    /**
     * Invite one person. They are not a member until they say yes (acceptInvitation):
     * nobody is put in a group without being asked.
     */
    async invite(actor: Actor, groupId: string, body: InvitationBodyParsed): Promise<void> {
      const { group, standing } = await requireManager(actor, groupId);
      if (!canSetRole(actor, standing, body.role)) {
        throw problems.forbidden(t('groups.problems.notManager'));
      }
      // Looking people up by email is for the organisation; a facilitator uses a profile link.
      if (body.email !== undefined && !canEditGroup(actor, standing)) {
        throw problems.invalid({ email: t('groups.fields.invite.emailForOrganisation') });
      }
      const field = body.email !== undefined ? 'email' : 'userId';
      const userId = body.userId ?? (await accounts.userIdByEmail(body.email ?? ''));
      if (!userId) throw problems.invalid({ email: t('groups.fields.admin.noSuchEmail') });
      await requireUsers([userId], field);
      if (body.role === 'member') {
        const role = await accounts.memberRole(userId);
        if (!fitsCaregiverRule(group.caregiversOnly, role)) {
          throw problems.invalid({ [field]: t('groups.fields.invite.notCarer') });
        }
      }
      await db.transaction(async (tx) => {
        await loadGroup(groupId, tx, true);
        const existing = await membershipOf(userId, groupId, tx);
        if (existing && existing.status !== 'declined') {
          throw problems.conflict(t(`groups.problems.inviteAlready.${existing.status}`));
        }
        const values = {
          status: 'invited' as const,
          role: body.role,
          admission: 'invitation' as const,
          message: '',
          declineMessage: null,
          askedAt: now(),
          joinedAt: null,
        };
        await tx
          .insert(groupMembers)
          .values({ groupId, userId, ...values })
          .onConflictDoUpdate({ target: [groupMembers.groupId, groupMembers.userId], set: values });
      });
    },

    /** Say yes to an invitation: the person joins (or waits for a place, as a member). */
    async acceptInvitation(actor: Actor, groupId: string): Promise<JoinResult> {
      const myRole = await accounts.memberRole(actor.userId);
      return db.transaction(async (tx) => {
        const group = await loadGroup(groupId, tx, true);
        const invitation = await membershipOf(actor.userId, groupId, tx);
        if (invitation?.status !== 'invited') {
          throw problems.notFound(t('groups.problems.noInvitation'));
        }
        // Those invited to run the group need not be carers; members of a carers-only group must.
        if (invitation.role === 'member' && !fitsCaregiverRule(group.caregiversOnly, myRole)) {
          throw problems.forbidden(t('groups.problems.caregiversOnly'));
        }
        const where = and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, actor.userId));
        if (invitation.role === 'member' && group.memberCount >= group.sizeCap) {
          await tx.update(groupMembers).set({ status: 'waitlist', askedAt: now() }).where(where);
          return { status: 'waitlist' as const, message: t('groups.joined.waitlist') };
        }
        await admit(tx, groupId, actor.userId, 'invitation');
        return { status: 'active' as const, message: t('groups.joined.active') };
      });
    },

    /** Say no to an invitation: it is gone, and nobody else is told more than that. */
    async declineInvitation(actor: Actor, groupId: string): Promise<void> {
      await loadGroup(groupId);
      const [gone] = await db
        .delete(groupMembers)
        .where(
          and(
            eq(groupMembers.groupId, groupId),
            eq(groupMembers.userId, actor.userId),
            eq(groupMembers.status, 'invited'),
          ),
        )
        .returning({ userId: groupMembers.userId });
      if (!gone) throw problems.notFound(t('groups.problems.noInvitation'));
    },

    async revokeInviteLink(actor: Actor, groupId: string): Promise<void> {
      await requireManager(actor, groupId);
      await db
        .update(groups)
        .set({ inviteTokenHash: null, inviteExpiresAt: null, updatedAt: now() })
        .where(eq(groups.id, groupId));
    },

    async announce(actor: Actor, groupId: string, body: AnnouncementBody): Promise<void> {
      await requireManager(actor, groupId);
      await db.insert(groupAnnouncements).values({
        groupId,
        authorId: actor.userId,
        body: body.body,
        createdAt: now(),
      });
    },

    /** My groups, my requests and my waitlist places. */
    async myGroups(actor: Actor): Promise<MyGroupsResponse> {
      const rows = await db
        .select({
          ...summaryColumns,
          status: groupMembers.status,
          role: groupMembers.role,
          declineMessage: groupMembers.declineMessage,
          detailsVisible: detailsVisibleTo(actor),
        })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .innerJoin(organisations, eq(organisations.id, groups.organisationId))
        .where(eq(groupMembers.userId, actor.userId))
        .orderBy(asc(groups.name), asc(groups.id))
        .limit(200);
      return {
        groups: rows.map(({ status, role, declineMessage, detailsVisible, ...row }) => ({
          group: toSummary(row, !detailsVisible),
          status,
          role,
          declineMessage: status === 'declined' ? declineMessage : null,
        })),
      };
    },

    /** Organisations I run (all of them, for a platform admin). */
    async organisations(actor: Actor): Promise<OrganisationsResponse> {
      if (isAdmin(actor)) return { organisations: await organisationsFor(null) };
      const mine = await db
        .select({ id: organisationAdmins.organisationId })
        .from(organisationAdmins)
        .where(eq(organisationAdmins.userId, actor.userId));
      return { organisations: await organisationsFor(mine.map((m) => m.id)) };
    },

    async createOrganisation(
      actor: Actor,
      input: { name: string; kind: Organisation['kind']; adminUserIds: string[] },
    ): Promise<Organisation> {
      if (!canCreateOrganisation(actor)) throw problems.forbidden();
      await requireUsers(input.adminUserIds, 'adminUserIds');
      const id = await db.transaction(async (tx) => {
        const [org] = await tx
          .insert(organisations)
          .values({ name: input.name, kind: input.kind })
          .returning({ id: organisations.id });
        if (input.adminUserIds.length) {
          await tx
            .insert(organisationAdmins)
            .values(input.adminUserIds.map((userId) => ({ organisationId: org!.id, userId })));
        }
        return org!.id;
      });
      return (await organisationsFor([id]))[0]!;
    },

    async addOrganisationAdmin(
      actor: Actor,
      organisationId: string,
      who: { userId?: string | undefined; email?: string | undefined },
    ) {
      if (!canCreateOrganisation(actor)) throw problems.forbidden();
      const [org] = await organisationsFor([organisationId]);
      if (!org) throw problems.notFound(t('groups.problems.organisationNotFound'));
      const userId = who.userId ?? (who.email ? await accounts.userIdByEmail(who.email) : null);
      if (!userId) throw problems.invalid({ email: t('groups.fields.admin.noSuchEmail') });
      await requireUsers([userId], 'userId');
      await db.insert(organisationAdmins).values({ organisationId, userId }).onConflictDoNothing();
      return (await organisationsFor([organisationId]))[0]!;
    },

    async createGroup(actor: Actor, organisationId: string, input: GroupInputParsed) {
      const [org] = await organisationsFor([organisationId]);
      if (!org) throw problems.notFound(t('groups.problems.organisationNotFound'));
      if (!canRunOrganisation(actor, await isOrgAdmin(actor.userId, organisationId))) {
        throw problems.forbidden(t('groups.problems.organisationNotAdmin'));
      }
      checkShape(input.format, input.venue);
      checkJoinPolicy(input);
      const [row] = await db
        .insert(groups)
        .values({
          organisationId,
          name: input.name,
          description: input.description,
          format: input.format,
          focus: input.focus,
          languages: input.languages,
          sizeCap: input.sizeCap,
          joinPolicy: input.joinPolicy,
          privacy: input.privacy,
          caregiversOnly: input.caregiversOnly,
          country: input.country,
          rhythm: input.rhythm,
          recurrenceRule: recurrenceRule(input.rhythm),
          timeZone: input.rhythm.timeZone,
          ...venueColumns(input.format === 'online' ? null : input.venue),
          meetingLink: input.meetingLink,
        })
        .returning({ id: groups.id });
      return service.groupDetail(actor, row!.id);
    },

    async updateGroup(actor: Actor, groupId: string, update: GroupUpdate): Promise<GroupDetail> {
      const group = await loadGroup(groupId);
      if (!canEditGroup(actor, await standingOf(actor, group))) {
        throw problems.forbidden(t('groups.problems.organisationNotAdmin'));
      }
      const format = update.format ?? group.format;
      const currentVenue = group.venueName
        ? {
            name: group.venueName,
            address: group.venueAddress ?? '',
            town: group.town ?? '',
            lat: group.lat ?? 0,
            lng: group.lng ?? 0,
            access: group.access,
            accessNotes: group.accessNotes,
          }
        : null;
      const venue = update.venue === undefined ? currentVenue : update.venue;
      checkShape(format, venue);
      checkJoinPolicy({
        joinPolicy: update.joinPolicy ?? group.joinPolicy,
        privacy: update.privacy ?? group.privacy,
        caregiversOnly: update.caregiversOnly ?? group.caregiversOnly,
      });
      const { venue: _venue, rhythm, ...plain } = update;
      await db
        .update(groups)
        .set({
          ...plain,
          ...(rhythm
            ? { rhythm, recurrenceRule: recurrenceRule(rhythm), timeZone: rhythm.timeZone }
            : {}),
          ...(update.venue !== undefined || update.format !== undefined
            ? venueColumns(format === 'online' ? null : venue)
            : {}),
          updatedAt: now(),
        })
        .where(eq(groups.id, groupId));
      return service.groupDetail(actor, groupId);
    },

    /** "Find a group that fits me", prefilled from the profile so nothing is asked twice. */
    async fitsMePrefill(actor: Actor): Promise<FitsMePrefill> {
      const profile = await profiles.myProfile(actor);
      const answers: FitsMeAnswers = {};
      const fromProfile: string[] = [];
      if (profile.role === 'survivor' || profile.role === 'caregiver') {
        answers.role = profile.role;
        fromProfile.push('role');
      }
      if (profile.experience.aphasia) {
        answers.aphasia = profile.experience.aphasia;
        fromProfile.push('aphasia');
      }
      if (profile.experience.strokeYear) {
        answers.strokeYear = profile.experience.strokeYear;
        fromProfile.push('strokeYear');
      }
      return { answers, fromProfile };
    },

    /** Ranked groups for these answers, each with its reasons in plain words. */
    async fitsMe(actor: Actor, answers: FitsMeAnswers): Promise<FitsMeResponse> {
      const { role, country } = await accounts.sessionUser(actor.userId);
      const unit = distanceUnitFor(country);
      // Caregiver-only groups follow the account's role, checked here, not the answer given.
      const isCarer = role === 'caregiver';
      const answeredRole = answers.role ?? (role === 'survivor' ? 'survivor' : null);
      const seeker: Seeker = {
        role: isCarer ? 'caregiver' : answeredRole === 'caregiver' ? null : answeredRole,
        ageBand: answers.ageBand ?? null,
        aphasia: answers.aphasia ?? null,
        format: answers.format ?? null,
        hasPlace: Boolean(answers.place),
        maxKm: answers.maxKm ?? null,
        focus: answers.focus ?? [],
        size: answers.size ?? null,
        access: answers.access ?? [],
        languages: answers.languages ?? [],
        yearsSinceStroke: answers.strokeYear ? now().getUTCFullYear() - answers.strokeYear : null,
      };
      const wanted = [...seeker.focus];
      if (seeker.aphasia === 'yes' || seeker.aphasia === 'some') wanted.push('aphasia_friendly');
      if (seeker.ageBand === 'under_55') wanted.push('under_55');
      if (seeker.role === 'caregiver') wanted.push('caregivers');
      const common: SQL[] = [];
      if (!isCarer) common.push(sql`${groups.caregiversOnly} = false`);
      if (seeker.languages.length)
        common.push(sql`${groups.languages} && ${textArray(seeker.languages)}`);
      // How many of the wanted topics a group has: picks the likeliest few hundred to rank.
      const preScore = wanted.length
        ? [
            desc(
              sql<number>`cardinality(array(select unnest(${groups.focus}) intersect select unnest(${textArray(wanted)})))`,
            ),
          ]
        : [];

      // Only what ranking needs is read for the candidates; the few shown are read in full after.
      const rankColumns = {
        id: groups.id,
        format: groups.format,
        focus: groups.focus,
        languages: groups.languages,
        sizeCap: groups.sizeCap,
        memberCount: groups.memberCount,
        caregiversOnly: groups.caregiversOnly,
        access: groups.access,
      };
      const place = answers.place;
      const distance = place ? distanceFrom(place.lat, place.lng) : null;
      const slices = [];
      if (place && distance && seeker.format !== 'online') {
        const km = seeker.maxKm ?? DEFAULT_MAX_KM;
        slices.push(
          db
            .select({ ...rankColumns, distanceKm: sql<number | null>`${distance}` })
            .from(groups)
            .where(
              and(
                ...common,
                inArray(groups.format, ['in_person', 'hybrid']),
                boundingBox(place.lat, place.lng, km),
                sql`${distance} <= ${km}`,
              ),
            )
            .orderBy(...preScore, asc(distance), asc(groups.id))
            .limit(FITS_ME_CANDIDATES),
        );
      }
      if (seeker.format !== 'in_person') {
        // Online groups, in three cheap index-served slices: those with every wanted topic,
        // those with any, and a few more so that people who skipped everything still get some.
        // A hybrid group's distance is read too: beyond the distance chosen, it must say so.
        const onlineRows = (filter: SQL | undefined, limit: number) =>
          db
            .select({
              ...rankColumns,
              distanceKm: sql<number | null>`${distance ?? sql`null::float8`}`,
            })
            .from(groups)
            .where(and(...common, sql`${groups.format} <> 'in_person'`, filter))
            .orderBy(asc(groups.id))
            .limit(limit);
        if (wanted.length > 1) {
          slices.push(onlineRows(sql`${groups.focus} @> ${textArray(wanted)}`, FITS_ME_CANDIDATES));
        }
        if (wanted.length > 0) {
          slices.push(onlineRows(sql`${groups.focus} && ${textArray(wanted)}`, FITS_ME_CANDIDATES));
        }
        slices.push(onlineRows(undefined, 30));
      }
      // One round trip for every slice.
      const [first, second, ...rest] = slices;
      const rows = !first ? [] : !second ? await first : await unionAll(first, second, ...rest);
      const found = new Map<string, Candidate>();
      for (const row of rows) {
        if (found.has(row.id)) continue;
        found.set(row.id, {
          ...row,
          distanceKm: row.distanceKm === null ? null : Number(row.distanceKm),
        });
      }
      const ranked = rankGroups(seeker, [...found.values()]).slice(0, FITS_ME_RESULTS);
      if (ranked.length === 0) return { matches: [], unit };
      const shown = await db
        .select({
          ...summaryColumns,
          distanceKm: distance ?? sql<null>`null::float8`,
          detailsVisible: detailsVisibleTo(actor),
        })
        .from(groups)
        .innerJoin(organisations, eq(organisations.id, groups.organisationId))
        .where(
          inArray(
            groups.id,
            ranked.map((r) => r.id),
          ),
        );
      const byId = new Map(shown.map((row) => [row.id, row]));
      return {
        matches: ranked
          .filter((r) => byId.has(r.id))
          .map((r) => {
            const { detailsVisible, ...row } = byId.get(r.id)!;
            // Distance is shown only where the group meets in person.
            const summary = toSummary(
              { ...row, distanceKm: row.format === 'online' ? null : row.distanceKm },
              !detailsVisible,
            );
            // A private group's place stays hidden: no distance or venue reasons for outsiders.
            const reasons = detailsVisible
              ? r.reasons.map((reason) =>
                  reason.code === 'farOnline' && row.town ? { ...reason, town: row.town } : reason,
                )
              : r.reasons
                  .filter((reason) => reason.code !== 'near' && reason.code !== 'access')
                  .map((reason) =>
                    reason.code === 'farOnline' ? { code: 'hybrid' as const } : reason,
                  );
            return { group: summary, score: r.score, reasons };
          }),
        unit,
      };
    },

    /** The group's board: forum topics that belong to the group, for those who may see it. */
    async board(actor: Actor, groupId: string, cursor: string | undefined): Promise<BoardResponse> {
      const group = await loadGroup(groupId);
      if (!canSeeGroupInside(actor, await standingOf(actor, group))) {
        throw problems.forbidden(t('groups.problems.membersOnly'));
      }
      const board = forum?.();
      if (!board) return { topics: [], nextCursor: null };
      const list = await board.groupTopicList(actor, groupId, cursor);
      return {
        topics: list.topics.map((topic) => ({
          id: topic.id,
          title: topic.title,
          author: { displayName: topic.author.displayName },
          replyCount: topic.replyCount,
          lastActivityAt: topic.lastActivityAt,
        })),
        nextCursor: list.nextCursor,
      };
    },

    /** Start a topic on the group's board: members only. */
    async postOnBoard(
      actor: Actor,
      groupId: string,
      body: BoardTopicBody,
      language?: string,
    ): Promise<{ topicId: string }> {
      const group = await loadGroup(groupId);
      if (!canPostOnBoard(actor, await standingOf(actor, group))) {
        throw problems.forbidden(t('groups.problems.membersOnly'));
      }
      const board = forum?.();
      if (!board) throw problems.unavailable();
      const created = await board.createTopic(actor, { ...body, groupId }, language);
      return { topicId: created.topicId };
    },

    // For other modules (the forum's group boards, profiles' "my groups" visibility).

    /** May this person see the group's board? Members, and anyone signed in for a public group. */
    async canSeeGroupBoard(actor: Actor | null, groupId: string): Promise<boolean> {
      if (!actor) return false;
      const group = await loadGroup(groupId).catch(() => null);
      if (!group) return false;
      return canSeeGroupInside(actor, await standingOf(actor, group));
    },

    /** May this person write on the group's board? Active members only. */
    async canPostOnGroupBoard(actor: Actor | null, groupId: string): Promise<boolean> {
      if (!actor) return false;
      const group = await loadGroup(groupId).catch(() => null);
      if (!group) return false;
      return canPostOnBoard(actor, await standingOf(actor, group));
    },

    /** True when the person is an active member of the group. */
    async isGroupMember(userId: string, groupId: string): Promise<boolean> {
      const membership = await membershipOf(userId, groupId);
      return membership?.status === 'active';
    },

    /** Groups whose boards this person may read (for listing board topics elsewhere). */
    async boardGroupIds(actor: Actor): Promise<string[]> {
      const rows = await db
        .select({ groupId: groupMembers.groupId })
        .from(groupMembers)
        .where(and(eq(groupMembers.userId, actor.userId), eq(groupMembers.status, 'active')));
      return rows.map((r) => r.groupId);
    },

    /**
     * "My groups" visibility: true when both people are active members of one group
     * and both were let in by a person who runs it (docs/groups-privacy.md).
     */
    async shareAGroup(userA: string, userB: string): Promise<boolean> {
      if (userA === userB) return true;
      return (await service.shareAGroupWith(userA, [userB])).has(userB);
    },

    /** shareAGroup for many people at once: which of `others` share a vetted group with `viewer`. */
    async shareAGroupWith(viewer: string, others: string[]): Promise<Set<string>> {
      const wanted = [...new Set(others)].filter((id) => id !== viewer);
      const shared = new Set(others.includes(viewer) ? [viewer] : []);
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
            eq(groupMembers.userId, viewer),
            eq(groupMembers.status, 'active'),
            vetted(groupMembers),
            inArray(other.userId, wanted),
            eq(other.status, 'active'),
            vetted(other),
          ),
        );
      for (const row of rows) shared.add(row.userId);
      return shared;
    },
  };
  return service;
}
