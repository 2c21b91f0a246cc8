// Gatherings (issue 12): events owned by a group, an organisation or the whole community,
// with their meetings (one, or a series with exceptions) and who is coming to each.
import { z } from 'zod';
import { WrittenText } from './common';
import { Cursor } from './forum';
import {
  AccessFeature,
  DirectoryQuery,
  GroupFormat,
  GroupInput,
  GroupLanguage,
  Latitude,
  Longitude,
  Place,
  timeZoneName,
} from './groups';
import { accessFeatures } from './groups-values';

export const eventOwnerKinds = ['group', 'organisation', 'community'] as const;
export type EventOwnerKind = (typeof eventOwnerKinds)[number];

export const rsvpAnswers = ['going', 'maybe', 'not_going'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

/** Where a person who said "going" stands: they have a place, or wait for one. */
export const rsvpPlaces = ['going', 'waiting'] as const;
export type RsvpPlace = (typeof rsvpPlaces)[number];

export const videoKinds = ['link', 'room'] as const;
export type VideoKind = (typeof videoKinds)[number];

export const EventOwnerKind = z.enum(eventOwnerKinds);
export const RsvpAnswer = z.enum(rsvpAnswers);
export const RsvpPlace = z.enum(rsvpPlaces);

function isRealDate(local: string): boolean {
  const [date] = local.split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** A wall-clock time in the event's own time zone: "2026-05-14T14:00". */
export const LocalDateTime = z
  .string()
  .regex(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
    error: 'events.fields.localTime.invalid',
  })
  .refine(isRealDate, { error: 'events.fields.localTime.invalid' });

/** An RFC 5545 RRULE without DTSTART ("FREQ=MONTHLY;BYDAY=2TU"); checked in full by the server. */
export const RecurrenceText = z
  .string()
  .trim()
  .toUpperCase()
  .max(300)
  .regex(/^[A-Z0-9=;,:+-]+$/, { error: 'events.fields.rrule.invalid' });

const uniqueAccess = z
  .array(AccessFeature)
  .max(accessFeatures.length)
  .refine((list) => new Set(list).size === list.length, { error: 'groups.fields.list.repeated' });

/** Where people meet, how it is to get in and around, and how to get there. */
export const EventVenue = z
  .object({
    name: WrittenText.min(1).max(120),
    address: WrittenText.min(1).max(300),
    town: WrittenText.min(1).max(80),
    /** Degrees, for "near me"; both or neither. */
    lat: Latitude.nullable().default(null),
    lng: Longitude.nullable().default(null),
    access: uniqueAccess,
    accessNotes: WrittenText.max(500).default(''),
    howToGetThere: WrittenText.max(1000).default(''),
  })
  .strict()
  .refine((v) => (v.lat === null) === (v.lng === null), {
    error: 'groups.fields.location.bothNeeded',
    path: ['lat'],
  });
export type EventVenue = z.infer<typeof EventVenue>;
export type EventVenueInput = z.input<typeof EventVenue>;

const VideoLinkUrl = z.url({ protocol: /^https$/, error: 'fields.url.invalid' }).max(500);

/**
 * The video room: a link the facilitator pastes, or a room made on the organisation's own
 * video service with a name nobody can guess.
 */
export const EventVideo = z
  .object({ kind: z.enum(videoKinds), url: VideoLinkUrl.optional() })
  .strict()
  .refine((v) => (v.kind === 'link') === (v.url !== undefined), {
    error: 'events.fields.video.linkOrRoom',
    path: ['url'],
  });
export type EventVideo = z.infer<typeof EventVideo>;

const eventFields = {
  title: WrittenText.min(3, { error: 'events.fields.title.tooShort' }).max(120),
  description: WrittenText.max(4000).default(''),
  format: GroupFormat,
  /** The first meeting's start and end, as wall-clock times in `timeZone`. */
  startLocal: LocalDateTime,
  endLocal: LocalDateTime,
  timeZone: timeZoneName('events.fields.timeZone.invalid'),
  /** Null for one meeting; a rule for a series. */
  rrule: RecurrenceText.nullable().default(null),
  /** Places at each meeting, carers counted; null for no limit. */
  capacity: z
    .number()
    .int()
    .min(1, { error: 'events.fields.capacity.tooSmall' })
    .max(10_000)
    .nullable()
    .default(null),
  venue: EventVenue.nullable().default(null),
  video: EventVideo.nullable().default(null),
};

/**
 * An organisation's or the community's event, with the languages people speak at it (as for
 * groups); a group's event takes its group's languages.
 */
export const EventInput = z
  .object({ ...eventFields, languages: GroupInput.shape.languages.default(['en']) })
  .strict();
export type EventInput = z.input<typeof EventInput>;
export type EventInputParsed = z.infer<typeof EventInput>;

/**
 * A group's event: its own times, or the group's meeting rhythm (followGroupRhythm), in which
 * case the times are left out.
 */
export const GroupEventInput = z
  .object({
    ...eventFields,
    startLocal: LocalDateTime.optional(),
    endLocal: LocalDateTime.optional(),
    timeZone: timeZoneName('events.fields.timeZone.invalid').optional(),
    followGroupRhythm: z.boolean().default(false),
  })
  .strict()
  .refine((e) => e.followGroupRhythm || (e.startLocal && e.endLocal && e.timeZone), {
    error: 'events.fields.startLocal.required',
    path: ['startLocal'],
  });
export type GroupEventInput = z.input<typeof GroupEventInput>;
export type GroupEventInputParsed = z.infer<typeof GroupEventInput>;

export const EventUpdate = z
  .object({
    title: eventFields.title,
    description: WrittenText.max(4000),
    format: GroupFormat,
    startLocal: LocalDateTime,
    endLocal: LocalDateTime,
    timeZone: eventFields.timeZone,
    rrule: RecurrenceText.nullable(),
    capacity: z
      .number()
      .int()
      .min(1, { error: 'events.fields.capacity.tooSmall' })
      .max(10_000)
      .nullable(),
    venue: EventVenue.nullable(),
    video: EventVideo.nullable(),
  })
  .partial()
  .strict();
export type EventUpdate = z.infer<typeof EventUpdate>;

/** One meeting, named by the start it has in the series (its `start` in every answer). */
export const MeetingStart = z.iso.datetime({ offset: true, error: 'events.fields.start.invalid' });

/** Move one meeting, cancel it, or put it back as the series has it (cancelled false, no times). */
export const MeetingChangeBody = z
  .object({
    start: MeetingStart,
    cancelled: z.boolean(),
    newStartLocal: LocalDateTime.nullable().default(null),
    newEndLocal: LocalDateTime.nullable().default(null),
  })
  .strict()
  .refine((b) => (b.newStartLocal === null) === (b.newEndLocal === null), {
    error: 'events.fields.newEndLocal.required',
    path: ['newEndLocal'],
  })
  .refine((b) => !b.cancelled || b.newStartLocal === null, {
    error: 'events.fields.newStartLocal.notWhenCancelled',
    path: ['newStartLocal'],
  });
export type MeetingChangeBody = z.input<typeof MeetingChangeBody>;

export const CancelEventBody = z.object({}).strict().nullish();

export const RsvpBody = z
  .object({
    start: MeetingStart,
    answer: RsvpAnswer,
    /** "I am bringing a carer": one more place. Left out: as I said before (at first, no). */
    carer: z.boolean().optional(),
    /** What the person wants those who run it to know; nobody else sees it. Left out: kept. */
    accessNeeds: WrittenText.max(500).optional(),
  })
  .strict();
export type RsvpBody = z.input<typeof RsvpBody>;

const commaAccess = z
  .string()
  .min(1)
  .max(200)
  .transform((text, ctx) => {
    const items = text.split(',').filter(Boolean);
    for (const item of items) {
      if (!(accessFeatures as readonly string[]).includes(item)) {
        ctx.addIssue({ code: 'custom', message: 'groups.fields.list.unknown' });
        return z.NEVER;
      }
    }
    return items as (typeof accessFeatures)[number][];
  });

/** The person's own time zone, as the browser knows it; else each event's own. */
const TimeZoneQuery = timeZoneName('events.fields.timeZone.invalid').optional();

export const EventListQuery = z
  .object({
    /** Online includes hybrid, and so does in person (as in the group directory). */
    format: GroupFormat.optional(),
    /** Venue access every meeting must have: access=step_free,hearing_loop. */
    access: commaAccess.optional(),
    group: z.uuid().optional(),
    organisation: z.uuid().optional(),
    /**
     * Near a place (as the group directory: a place from its list, or lat and lng, within km).
     * Meetings online are kept too, unless the format asked for is in person.
     */
    place: DirectoryQuery.shape.place,
    lat: DirectoryQuery.shape.lat,
    lng: DirectoryQuery.shape.lng,
    km: DirectoryQuery.shape.km,
    /** Meetings in this language (one, as in the directory). */
    language: GroupLanguage.optional(),
    timeZone: TimeZoneQuery,
    cursor: Cursor.optional(),
  })
  .strict()
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
    error: 'groups.fields.location.bothNeeded',
    path: ['lat'],
  });
export type EventListQuery = z.input<typeof EventListQuery>;

export const EventTimeQuery = z.object({ timeZone: TimeZoneQuery }).strict();
export type EventTimeQuery = z.infer<typeof EventTimeQuery>;

export const MeetingPeopleQuery = z.object({ start: MeetingStart }).strict();

export const EventOwner = z.object({
  kind: EventOwnerKind,
  group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type EventOwner = z.infer<typeof EventOwner>;

/** My answer for one meeting. */
export const MyAnswer = z.object({
  answer: RsvpAnswer,
  carer: z.boolean(),
  accessNeeds: z.string().describe('Only I and those who run it see this'),
  place: RsvpPlace.nullable().describe('For "going": a place, or waiting for one'),
  waitingNumber: z.number().int().nullable().describe('1 is next in line'),
});
export type MyAnswer = z.infer<typeof MyAnswer>;

/** One meeting of an event, as this person may see it. */
export const Meeting = z.object({
  eventId: z.uuid(),
  /** The meeting's name in the series: answer with it, even when the meeting moved. */
  start: z.iso.datetime(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  /** "Tuesday 14 May, 2 pm to 3:30 pm", in the time zone asked for. */
  text: z.string(),
  moved: z.boolean(),
  cancelled: z.boolean(),
  /** Places taken, carers counted. */
  going: z.number().int(),
  waiting: z.number().int(),
  placesLeft: z.number().int().nullable().describe('Null when there is no limit'),
  me: MyAnswer.nullable(),
  videoLink: z.string().nullable().describe('Only for people going, and those who run it'),
});
export type Meeting = z.infer<typeof Meeting>;

/** A meeting in a list, with what its event is. */
export const MeetingSummary = Meeting.extend({
  title: z.string(),
  format: GroupFormat,
  owner: EventOwner,
  town: z.string().nullable(),
  access: z.array(AccessFeature),
  languages: z.array(GroupLanguage),
  /** From the place asked about to the venue; null without a place, or with no venue. */
  distanceKm: z.number().nullable(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingsPage = z.object({
  meetings: z.array(MeetingSummary),
  nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page'),
  /**
   * The zone the words are in, as people say it ("UK time"): the one asked for, else each
   * event's own (this names the first meeting's).
   */
  zone: z.string(),
  /** The place distances are from (as the directory gives it), when one was asked about. */
  place: Place.nullable(),
});
export type MeetingsPage = z.infer<typeof MeetingsPage>;

export const EventVenueOut = z.object({
  name: z.string(),
  address: z.string(),
  town: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  access: z.array(AccessFeature),
  accessNotes: z.string(),
  howToGetThere: z.string(),
});

export const EventDetail = z.object({
  id: z.uuid(),
  owner: EventOwner,
  title: z.string(),
  description: z.string(),
  format: GroupFormat,
  startLocal: z.string(),
  endLocal: z.string(),
  timeZone: z.string(),
  rrule: z.string().nullable(),
  capacity: z.number().int().nullable(),
  venue: EventVenueOut.nullable(),
  /** The languages people speak at the meetings. */
  languages: z.array(GroupLanguage),
  hasVideo: z.boolean(),
  videoKind: z.enum(videoKinds).nullable().describe('Only for those who run it'),
  cancelled: z.boolean(),
  canManage: z.boolean(),
  /** The next meetings (cancelled ones too, marked), in the zone asked for. */
  meetings: z.array(Meeting),
  zone: z.string(),
});
export type EventDetail = z.infer<typeof EventDetail>;

export const RsvpResult = z.object({
  meeting: Meeting,
  /** What happened, in plain words: "You are going." or "You are on the waiting list." */
  message: z.string(),
});
export type RsvpResult = z.infer<typeof RsvpResult>;

export const MeetingPerson = z.object({
  id: z.uuid(),
  displayName: z.string(),
  carer: z.boolean(),
  accessNeeds: z.string(),
  answeredAt: z.iso.datetime(),
});

export const MeetingPeople = z.object({
  meeting: Meeting,
  going: z.array(MeetingPerson),
  /** In order: the first moves up when a place comes free. */
  waiting: z.array(MeetingPerson),
  maybe: z.array(MeetingPerson),
  notGoing: z.array(MeetingPerson),
});
export type MeetingPeople = z.infer<typeof MeetingPeople>;

// ---------------------------------------------------------------------------------------------
// Calendars and attendance (issue 12, parts 4 and 5).

/** A private calendar feed's secret, as its address carries it: `/api/calendar/<token>.ics`. */
export const CalendarFeedParams = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'events.fields.feedToken.invalid' }),
  })
  .strict();

export const CalendarFeedResetBody = z.object({}).strict().nullish();

/** The feed's address, shown once: only its hash is kept, so it cannot be shown again. */
export const CalendarFeedLink = z.object({
  url: z.string().describe('Paste into a calendar app; keep it to yourself'),
  message: z.string(),
});
export type CalendarFeedLink = z.infer<typeof CalendarFeedLink>;

/** Who came to one past meeting: everyone in `came` came, nobody else did. */
export const AttendanceBody = z
  .object({
    start: MeetingStart,
    came: z
      .array(z.uuid())
      .max(2000)
      .refine((ids) => new Set(ids).size === ids.length, { error: 'groups.fields.list.repeated' }),
  })
  .strict();
export type AttendanceBody = z.input<typeof AttendanceBody>;

export const AttendanceQuery = z.object({ start: MeetingStart }).strict();

export const AttendanceResult = z.object({
  start: z.iso.datetime(),
  came: z.array(z.uuid()),
  message: z.string(),
});
export type AttendanceResult = z.infer<typeof AttendanceResult>;

/** One month of a group's meetings, for funders. */
export const AttendanceMonth = z.object({
  /** '2026-05' */
  month: z.string(),
  /** Meetings in the month that were marked. */
  meetings: z.number().int(),
  /** Marks of "came", over all those meetings. */
  visits: z.number().int(),
  /** Different people who came in the month. */
  people: z.number().int(),
});

export const GroupAttendance = z.object({
  months: z.array(AttendanceMonth).describe('Oldest first; months with no marked meeting left out'),
});
export type GroupAttendance = z.infer<typeof GroupAttendance>;

export const MyAttendance = z.object({
  meetings: z.number().int(),
  /** "You went to 5 meetings." */
  text: z.string(),
});
export type MyAttendance = z.infer<typeof MyAttendance>;
