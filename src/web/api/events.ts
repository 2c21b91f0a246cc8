import type { z } from 'zod';
import type {
  AttendanceBody,
  AttendanceResult,
  CalendarFeedLink,
  EventDetail,
  EventInput,
  EventListQuery,
  EventTimeQuery,
  EventUpdate,
  GroupAttendance,
  GroupEventInput,
  Meeting,
  MeetingChangeBody,
  MeetingPeople,
  MeetingsPage,
  MyAttendance,
  RsvpBody,
  RsvpResult,
} from '../../contract/events';
import { call, route } from './route';

type In<Schema extends z.ZodType> = z.input<Schema>;
type Mine = EventTimeQuery & { cursor?: string };

/** Gatherings (issue 12), typed from `src/contract/events.ts`. */
export const eventsRoutes = {
  upcoming: route<MeetingsPage, never, EventListQuery>()('GET', '/events'),
  mine: route<MeetingsPage, never, Mine>()('GET', '/events/mine'),
  event: route<EventDetail, never, EventTimeQuery>()('GET', '/events/:id'),
  updateEvent: route<EventDetail, In<typeof EventUpdate>>()('PATCH', '/events/:id'),
  cancelEvent: route<EventDetail, Record<string, never>>()('POST', '/events/:id/cancel'),
  changeMeeting: route<Meeting, MeetingChangeBody, EventTimeQuery>()(
    'POST',
    '/events/:id/meetings/change',
  ),
  rsvp: route<RsvpResult, RsvpBody, EventTimeQuery>()('POST', '/events/:id/rsvp'),
  newGroupEvent: route<EventDetail, GroupEventInput>()('POST', '/groups/:id/events'),
  newOrganisationEvent: route<EventDetail, EventInput>()('POST', '/organisations/:id/events'),
  newCommunityEvent: route<EventDetail, EventInput>()('POST', '/events'),
  people: route<MeetingPeople, never, { start: string }>()('GET', '/events/:id/people'),
  calendarFeed: route<CalendarFeedLink, Record<string, never>>()('POST', '/me/calendar-feed'),
  attendance: route<AttendanceResult, never, { start: string }>()('GET', '/events/:id/attendance'),
  markAttendance: route<AttendanceResult, AttendanceBody>()('PUT', '/events/:id/attendance'),
  groupAttendance: route<GroupAttendance>()('GET', '/groups/:id/attendance'),
  myAttendance: route<MyAttendance>()('GET', '/me/attendance'),
} as const;

const r = eventsRoutes;

/** The browser's own time zone, so every time is in words the person lives by. */
export function myTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

const zone = () => {
  const timeZone = myTimeZone();
  return timeZone ? { timeZone } : {};
};

export const getUpcoming = (query: EventListQuery) =>
  call(r.upcoming, { query: { ...zone(), ...query } });
export const getMyMeetings = (cursor?: string) =>
  call(r.mine, { query: { ...zone(), ...(cursor ? { cursor } : {}) } });
export const getEvent = (id: string) => call(r.event, { params: { id }, query: zone() });
export const cancelEvent = (id: string) => call(r.cancelEvent, { params: { id }, body: {} });
export const changeMeeting = (id: string, body: MeetingChangeBody) =>
  call(r.changeMeeting, { params: { id }, body, query: zone() });
export const answerMeeting = (id: string, body: RsvpBody) =>
  call(r.rsvp, { params: { id }, body, query: zone() });
export const newGroupEvent = (groupId: string, body: GroupEventInput) =>
  call(r.newGroupEvent, { params: { id: groupId }, body });
/** An organisation's event (its admins). */
export const newOrganisationEvent = (organisationId: string, body: EventInput) =>
  call(r.newOrganisationEvent, { params: { id: organisationId }, body });
/** An event for the whole community (site admins). */
export const newCommunityEvent = (body: EventInput) => call(r.newCommunityEvent, { body });
/** Changes a whole event (those who run it): only the fields sent. */
export const updateEvent = (id: string, body: EventUpdate) =>
  call(r.updateEvent, { params: { id }, body });

/** Who is coming to one meeting, with carers and access needs (those who run it). */
export const getMeetingPeople = (id: string, start: string) =>
  call(r.people, { params: { id }, query: { start } });

/** Makes my private calendar address (a new one stops the old one). */
export const makeCalendarFeed = () => call(r.calendarFeed, { body: {} });

/** The .ics file of one event: a plain download link. */
export const calendarFileHref = (id: string) =>
  `/api/events/${encodeURIComponent(id)}/calendar.ics`;

/** Who was marked as having come to one meeting that has begun (those who run it). */
export const getAttendance = (id: string, start: string) =>
  call(r.attendance, { params: { id }, query: { start } });
/** Saves who came: everyone in `came`, and nobody else. */
export const saveAttendance = (id: string, body: AttendanceBody) =>
  call(r.markAttendance, { params: { id }, body });
/** A group's meetings and visits, month by month, for funders (those who run it). */
export const getGroupAttendance = (groupId: string) =>
  call(r.groupAttendance, { params: { id: groupId } });
/** "You went to 5 meetings." */
export const getMyAttendance = () => call(r.myAttendance);
