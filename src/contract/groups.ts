import { z } from 'zod';
import { CountryCode, Email, WrittenText } from './common';
import {
  accessFeatures,
  ageBands,
  aphasiaAnswers,
  fitReasons,
  formatWishes,
  groupFocuses,
  groupFormats,
  groupLanguages,
  groupPrivacies,
  groupRoles,
  joinPolicies,
  membershipStatuses,
  organisationKinds,
  rhythmFrequencies,
  seekerRoles,
  sizeWishes,
  weekdays,
} from './groups-values';

export const GroupFormat = z.enum(groupFormats);
export const GroupFocus = z.enum(groupFocuses);
export const AccessFeature = z.enum(accessFeatures);
export const JoinPolicy = z.enum(joinPolicies);
export const GroupPrivacy = z.enum(groupPrivacies);
export const GroupRole = z.enum(groupRoles);
export const MembershipStatus = z.enum(membershipStatuses);
export const OrganisationKind = z.enum(organisationKinds);
export const GroupLanguage = z.enum(groupLanguages);

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { error: 'groups.fields.list.repeated' });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** A time zone by its IANA name ("Europe/London"); `error` is the translation key when it is not one. */
export const timeZoneName = (error: string) => z.string().max(60).refine(isTimeZone, { error });

/** When a group meets, as a person says it; stored as an RRULE with a time zone. */
export const GroupRhythm = z
  .object({
    frequency: z.enum(rhythmFrequencies),
    weekday: z.enum(weekdays),
    /** Monthly only: 1 to 4, or -1 for the last week. */
    weekOfMonth: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])
      .nullable()
      .default(null),
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'groups.fields.startTime.invalid' }),
    durationMinutes: z.number().int().min(15).max(480),
    timeZone: timeZoneName('groups.fields.timeZone.invalid'),
  })
  .strict()
  .refine((r) => r.frequency !== 'monthly' || r.weekOfMonth !== null, {
    error: 'groups.fields.weekOfMonth.required',
    path: ['weekOfMonth'],
  });
export type GroupRhythm = z.infer<typeof GroupRhythm>;

export const Latitude = z.number().min(-90).max(90);
export const Longitude = z.number().min(-180).max(180);

export const Venue = z
  .object({
    name: WrittenText.min(1).max(120),
    address: WrittenText.min(1).max(300),
    town: WrittenText.min(1).max(80),
    lat: Latitude,
    lng: Longitude,
    access: uniqueList(AccessFeature, accessFeatures.length),
    accessNotes: WrittenText.max(500).default(''),
  })
  .strict();
export type Venue = z.infer<typeof Venue>;

const MeetingLink = z.url({ protocol: /^https$/, error: 'fields.url.invalid' }).max(500);

/** The fields a group is made of; a new group names its country, a change may not. */
const groupFields = {
  name: WrittenText.min(3, { error: 'groups.fields.groupName.tooShort' }).max(80),
  description: WrittenText.min(10, { error: 'groups.fields.groupDescription.tooShort' }).max(2000),
  format: GroupFormat,
  focus: uniqueList(GroupFocus, groupFocuses.length),
  languages: uniqueList(GroupLanguage, 5).min(1),
  sizeCap: z.number().int().min(2).max(500),
  joinPolicy: JoinPolicy,
  privacy: GroupPrivacy,
  caregiversOnly: z.boolean(),
  rhythm: GroupRhythm,
};

export const GroupInput = z
  .object({
    ...groupFields,
    country: CountryCode,
    venue: Venue.nullable().default(null),
    meetingLink: MeetingLink.nullable().default(null),
  })
  .strict();
export type GroupInput = z.input<typeof GroupInput>;
export type GroupInputParsed = z.infer<typeof GroupInput>;

export const GroupUpdate = z
  .object({ ...groupFields, venue: Venue.nullable(), meetingLink: MeetingLink.nullable() })
  .partial()
  .strict();
export type GroupUpdate = z.infer<typeof GroupUpdate>;

const commaList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(400)
    .transform((text, ctx) => {
      const items = text.split(',').filter(Boolean);
      for (const item of items) {
        if (!(values as readonly string[]).includes(item)) {
          ctx.addIssue({ code: 'custom', message: 'groups.fields.list.unknown' });
          return z.NEVER;
        }
      }
      return items as T[number][];
    });

const numberText = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,8})?$/)
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** The directory's filters. Lists are comma-separated: focus=aphasia_friendly,exercise. */
export const DirectoryQuery = z
  .object({
    q: WrittenText.max(100).optional(),
    focus: commaList(groupFocuses).optional(),
    format: GroupFormat.optional(),
    language: GroupLanguage.optional(),
    access: commaList(accessFeatures).optional(),
    place: z
      .string()
      .regex(/^[a-z0-9-]{2,20}$/)
      .optional(),
    lat: numberText(-90, 90).optional(),
    lng: numberText(-180, 180).optional(),
    km: numberText(1, 500).optional(),
    /** Only one organisation's groups (for the people who run them). */
    organisation: z.uuid().optional(),
    /** Where the next page starts: the nextCursor of the page before, as it came. */
    cursor: z.string().max(200).optional(),
  })
  .strict()
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    error: 'groups.fields.location.bothNeeded',
    path: ['lat'],
  });
export type DirectoryQuery = z.input<typeof DirectoryQuery>;

export const Place = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  country: z.string(),
  lat: z.number(),
  lng: z.number(),
  kind: z.enum(['town', 'postcode']),
});
export type Place = z.infer<typeof Place>;

export const PlacesQuery = z
  .object({ q: WrittenText.min(1).max(60), country: CountryCode.optional() })
  .strict();
export const PlacesResponse = z.object({ places: z.array(Place) });
export type PlacesResponse = z.infer<typeof PlacesResponse>;

export const OrganisationRef = z.object({ id: z.uuid(), name: z.string() });

export const GroupSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  organisation: OrganisationRef,
  format: GroupFormat,
  focus: z.array(GroupFocus),
  languages: z.array(GroupLanguage),
  sizeCap: z.number().int(),
  memberCount: z.number().int(),
  full: z.boolean(),
  joinPolicy: JoinPolicy,
  privacy: GroupPrivacy,
  caregiversOnly: z.boolean(),
  country: z.string(),
  rhythmText: z
    .string()
    .nullable()
    .describe('When it meets, in words, with its time zone; null when only members may see it'),
  town: z.string().nullable(),
  access: z.array(AccessFeature),
  distanceKm: z.number().nullable(),
});
export type GroupSummary = z.infer<typeof GroupSummary>;

/** Miles where people use miles (GB, US); distances in the API stay in kilometres. */
export const DistanceUnit = z.enum(['km', 'mi']);

export const DirectoryResponse = z.object({
  groups: z.array(GroupSummary),
  place: Place.nullable().describe('The place distances are measured from'),
  nextCursor: z.string().nullable(),
  /** How to show distances to this person: by their country, or their language's region. */
  unit: DistanceUnit,
});
export type DirectoryResponse = z.infer<typeof DirectoryResponse>;

export const Meeting = z.object({ startsAt: z.string(), text: z.string() });

export const PersonRef = z.object({ id: z.uuid(), displayName: z.string() });

export const Announcement = z.object({
  id: z.uuid(),
  body: z.string(),
  author: PersonRef,
  createdAt: z.string(),
});
export type Announcement = z.infer<typeof Announcement>;

export const MyMembership = z.object({
  status: MembershipStatus.nullable(),
  role: GroupRole.nullable(),
  /** The role an invitation offers, while it waits for an answer. */
  invitedAs: GroupRole.nullable(),
  /** The facilitator's kind words when a request was declined. */
  declineMessage: z.string().nullable(),
  canManage: z.boolean().describe('May approve, decline, remove and invite'),
  canEdit: z.boolean().describe('May change the group and name facilitators'),
  canJoin: z.boolean(),
  /** Why this person cannot join, in plain words, when canJoin is false. */
  cannotJoinReason: z.string().nullable(),
  waitlistPlace: z.number().int().nullable(),
});
export type MyMembership = z.infer<typeof MyMembership>;

export const GroupDetail = GroupSummary.extend({
  /** True for a private group seen from outside: when, where and who runs it are left out. */
  detailsHidden: z.boolean(),
  rhythm: GroupRhythm.nullable(),
  recurrenceRule: z.string().nullable(),
  nextMeetings: z.array(Meeting),
  venue: Venue.nullable(),
  facilitators: z.array(PersonRef.extend({ role: GroupRole })),
  membersVisible: z.boolean().describe('May see who is in the group'),
  announcements: z.array(Announcement).nullable().describe('Null when only members may see them'),
  meetingLink: z.string().nullable().describe('Only members see it'),
  boardVisible: z.boolean(),
  inviteLinkActive: z.boolean().nullable().describe('Only for those who manage the group'),
  inviteLinkExpiresAt: z.string().nullable().describe('Only for those who manage the group'),
  me: MyMembership,
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const GroupMember = PersonRef.extend({
  role: GroupRole,
  joinedAt: z.string(),
});
export const GroupMembersResponse = z.object({ members: z.array(GroupMember) });
export type GroupMembersResponse = z.infer<typeof GroupMembersResponse>;

export const JoinRequest = PersonRef.extend({
  /** 'invited': an invitation this person has not answered yet. */
  status: z.enum(['pending', 'waitlist', 'invited']),
  role: GroupRole,
  message: z.string(),
  askedAt: z.string(),
});
export const JoinRequestsResponse = z.object({ requests: z.array(JoinRequest) });
export type JoinRequestsResponse = z.infer<typeof JoinRequestsResponse>;

export const JoinBody = z
  .object({
    message: WrittenText.max(500).default(''),
    inviteToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/)
      .optional(),
  })
  .strict();
export type JoinBody = z.input<typeof JoinBody>;

export const JoinResult = z.object({
  status: z.enum(['active', 'pending', 'waitlist']),
  message: z.string(),
});
export type JoinResult = z.infer<typeof JoinResult>;

export const DecideBody = z
  .object({ userId: z.uuid(), message: WrittenText.max(500).optional() })
  .strict();
export type DecideBody = z.infer<typeof DecideBody>;

export const MemberRoleBody = z.object({ userId: z.uuid(), role: GroupRole }).strict();
export type MemberRoleBody = z.infer<typeof MemberRoleBody>;

export const RemoveMemberBody = z.object({ userId: z.uuid() }).strict();

export const InviteLink = z.object({
  token: z.string(),
  url: z.string(),
  expiresAt: z.string().describe('The link stops working then'),
});

/** Invite one person, by account id or by email; they join only when they say yes. */
export const InvitationBody = z
  .object({
    userId: z.uuid().optional(),
    email: Email.optional(),
    role: GroupRole.default('member'),
  })
  .strict()
  .refine((body) => (body.userId === undefined) !== (body.email === undefined), {
    error: 'groups.fields.admin.oneOf',
    path: ['email'],
  });
export type InvitationBody = z.input<typeof InvitationBody>;
export type InvitationBodyParsed = z.infer<typeof InvitationBody>;
export type InviteLink = z.infer<typeof InviteLink>;

export const AnnouncementBody = z
  .object({ body: WrittenText.min(1, { error: 'groups.fields.announcement.empty' }).max(2000) })
  .strict();
export type AnnouncementBody = z.infer<typeof AnnouncementBody>;

export const MyGroup = z.object({
  group: GroupSummary,
  status: MembershipStatus,
  role: GroupRole,
  declineMessage: z.string().nullable(),
});
export const MyGroupsResponse = z.object({ groups: z.array(MyGroup) });
export type MyGroupsResponse = z.infer<typeof MyGroupsResponse>;

export const Organisation = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: OrganisationKind,
  admins: z.array(PersonRef),
  /** Its own video service, where events' rooms are made; null when it has none. */
  videoBaseUrl: z.string().nullable(),
});
export type Organisation = z.infer<typeof Organisation>;
export const OrganisationsResponse = z.object({ organisations: z.array(Organisation) });
export type OrganisationsResponse = z.infer<typeof OrganisationsResponse>;

/**
 * A self-hosted video service (its own Jitsi, say): https only, with no query or fragment, so a
 * room name can be put after it.
 */
export const VideoBaseUrl = z
  .url({ protocol: /^https$/, error: 'fields.url.invalid' })
  .max(300)
  .refine((url) => !/[?#]/.test(url), { error: 'groups.fields.videoBaseUrl.plain' });

export const OrganisationInput = z
  .object({
    name: WrittenText.min(3).max(120),
    kind: OrganisationKind,
    adminUserIds: uniqueList(z.uuid(), 10).default([]),
    videoBaseUrl: VideoBaseUrl.nullable().default(null),
  })
  .strict();
export type OrganisationInput = z.input<typeof OrganisationInput>;

/** What an organisation's admins change about it. */
export const OrganisationUpdate = z
  .object({ videoBaseUrl: VideoBaseUrl.nullable() })
  .partial()
  .strict();
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

/** The person to name: by their account id, or by the email they signed up with. */
export const OrganisationAdminBody = z
  .object({ userId: z.uuid().optional(), email: Email.optional() })
  .strict()
  .refine((body) => (body.userId === undefined) !== (body.email === undefined), {
    error: 'groups.fields.admin.oneOf',
    path: ['email'],
  });
export type OrganisationAdminBody = z.infer<typeof OrganisationAdminBody>;

/** Answers to "find a group that fits me". Every one may be skipped. */
export const FitsMeAnswers = z
  .object({
    role: z.enum(seekerRoles).nullable(),
    ageBand: z.enum(ageBands).nullable(),
    aphasia: z.enum(aphasiaAnswers).nullable(),
    format: z.enum(formatWishes).nullable(),
    place: z
      .object({ lat: Latitude, lng: Longitude, label: WrittenText.max(120) })
      .strict()
      .nullable(),
    maxKm: z.number().int().min(1).max(500).nullable(),
    focus: uniqueList(GroupFocus, groupFocuses.length),
    size: z.enum(sizeWishes).nullable(),
    access: uniqueList(AccessFeature, accessFeatures.length),
    languages: uniqueList(GroupLanguage, 5),
    strokeYear: z.number().int().min(1940).max(2100).nullable(),
  })
  .partial()
  .strict();
export type FitsMeAnswers = z.infer<typeof FitsMeAnswers>;

export const FitsMePrefill = z.object({
  answers: FitsMeAnswers,
  /** Which answers came from the profile, so the page can say so. */
  fromProfile: z.array(z.string()),
});
export type FitsMePrefill = z.infer<typeof FitsMePrefill>;

export const FitReasonItem = z.object({
  code: z.enum(fitReasons),
  km: z.number().optional(),
  /** For 'farOnline': the town it meets in, when this person may see it. */
  town: z.string().optional(),
});
export type FitReasonItem = z.infer<typeof FitReasonItem>;

export const FitsMeResponse = z.object({
  matches: z.array(
    z.object({ group: GroupSummary, score: z.number(), reasons: z.array(FitReasonItem) }),
  ),
  unit: DistanceUnit,
});
export type FitsMeResponse = z.infer<typeof FitsMeResponse>;

/** A topic on a group's board (the forum keeps the topics; the group decides who sees them). */
export const BoardTopic = z.object({
  id: z.uuid(),
  title: z.string(),
  author: z.object({ displayName: z.string() }),
  replyCount: z.number().int(),
  lastActivityAt: z.string(),
});
export const BoardResponse = z.object({
  topics: z.array(BoardTopic),
  nextCursor: z.string().nullable(),
});
export type BoardResponse = z.infer<typeof BoardResponse>;
export const BoardQuery = z.object({ cursor: z.string().max(200).optional() }).strict();

export const BoardTopicBody = z
  .object({
    title: WrittenText.min(3, { error: 'forum.fields.title.tooShort' }).max(150),
    body: WrittenText.min(1, { error: 'forum.fields.body.required' }).max(20_000),
    idempotencyKey: z.uuid(),
  })
  .strict();
export type BoardTopicBody = z.infer<typeof BoardTopicBody>;
export const BoardTopicCreated = z.object({
  topicId: z.uuid(),
  /** Waiting for a moderator: only the writer and moderators see it for now. */
  held: z.boolean(),
  /** Held because a moderator reads a new member's first posts. */
  review: z.boolean(),
});
export type BoardTopicCreated = z.infer<typeof BoardTopicCreated>;
