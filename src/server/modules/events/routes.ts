import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { IdParams } from '../../../contract/common';
import {
  AttendanceBody,
  AttendanceQuery,
  AttendanceResult,
  CalendarFeedLink,
  CalendarFeedParams,
  CalendarFeedResetBody,
  CancelEventBody,
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
  MeetingPeopleQuery,
  MeetingsPage,
  MyAttendance,
  RsvpBody,
  RsvpResult,
} from '../../../contract/events';
import { Cursor } from '../../../contract/forum';
import type { AppContext } from '../../context';
import { type Api, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['events'];

const refusals = {
  ...problemResponses,
  404: problemResponses[400].describe('No such event, meeting, group or organisation'),
  409: problemResponses[400].describe('The event or meeting is cancelled or over, or full'),
};
const responses = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...refusals });
const created = <T extends z.ZodType>(schema: T) => ({ 201: schema, ...refusals });

const MineQuery = EventTimeQuery.extend({ cursor: Cursor.optional() }).strict();

/** Gatherings: every route is for people signed in; who may do what is the use case's. */
export function eventsRoutes(api: Api, ctx: AppContext) {
  const { events } = ctx;

  api.post(
    '/groups/:id/events',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "Make a group's event (its facilitators); it may follow the group's rhythm",
        params: IdParams,
        body: GroupEventInput,
        response: created(EventDetail),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await events.createGroupEvent(requireActor(request), request.params.id, request.body),
        ),
  );

  api.post(
    '/organisations/:id/events',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "Make an organisation's event (its admins)",
        params: IdParams,
        body: EventInput,
        response: created(EventDetail),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await events.createOrganisationEvent(
            requireActor(request),
            request.params.id,
            request.body,
          ),
        ),
  );

  api.post(
    '/events',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Make an event for the whole community (site admins)',
        body: EventInput,
        response: created(EventDetail),
      },
    },
    async (request, reply) =>
      reply.code(201).send(await events.createCommunityEvent(requireActor(request), request.body)),
  );

  api.get(
    '/events',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Meetings coming up that I may see, soonest first, by format and venue access',
        querystring: EventListQuery,
        response: responses(MeetingsPage),
      },
    },
    async (request) => events.upcomingMeetings(requireActor(request), request.query),
  );

  api.get(
    '/events/mine',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Meetings to come that I said I am going to, may go to, or wait for',
        querystring: MineQuery,
        response: responses(MeetingsPage),
      },
    },
    async (request) => events.myMeetings(requireActor(request), request.query),
  );

  api.get(
    '/events/:id',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'One event with its next meetings, in my time zone; the video link if I go',
        params: IdParams,
        querystring: EventTimeQuery,
        response: responses(EventDetail),
      },
    },
    async (request) =>
      events.eventDetail(requireActor(request), request.params.id, request.query.timeZone),
  );

  api.patch(
    '/events/:id',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Change an event (those who run it); who said yes hears of new times',
        params: IdParams,
        body: EventUpdate,
        response: responses(EventDetail),
      },
    },
    async (request) => events.updateEvent(requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/events/:id/cancel',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Cancel the whole event; everyone who said yes hears',
        params: IdParams,
        body: CancelEventBody,
        response: responses(EventDetail),
      },
    },
    async (request) => events.cancelEvent(requireActor(request), request.params.id),
  );

  api.post(
    '/events/:id/meetings/change',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Move or cancel one meeting, or put it back; the series stays as it is',
        params: IdParams,
        querystring: EventTimeQuery,
        body: MeetingChangeBody,
        response: responses(Meeting),
      },
    },
    async (request) =>
      events.changeMeeting(
        requireActor(request),
        request.params.id,
        request.body,
        request.query.timeZone,
      ),
  );

  api.post(
    '/events/:id/rsvp',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Say if I am going to one meeting; a full meeting puts me on the waiting list',
        params: IdParams,
        querystring: EventTimeQuery,
        body: RsvpBody,
        response: responses(RsvpResult),
      },
    },
    async (request) =>
      events.answer(requireActor(request), request.params.id, request.body, request.query.timeZone),
  );

  api.get(
    '/events/:id/people',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Who is coming to one meeting, with carers and access needs (those who run it)',
        params: IdParams,
        querystring: MeetingPeopleQuery,
        response: responses(MeetingPeople),
      },
    },
    async (request) =>
      events.meetingPeople(requireActor(request), request.params.id, request.query.start),
  );

  api.get(
    '/events/:id/calendar.ics',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "One event's calendar file (.ics); the video link if I go",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const file = await events.eventCalendar(requireActor(request), request.params.id);
      return sendCalendar(reply, file, 'private, no-cache');
    },
  );

  api.post(
    '/me/calendar-feed',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Make my private calendar address, or a new one (the old one then stops)',
        body: CalendarFeedResetBody,
        response: responses(CalendarFeedLink),
      },
    },
    async (request) => events.resetCalendarFeed(requireActor(request)),
  );

  // The secret address alone says whose feed it is: calendar apps send no session.
  api.get(
    '/calendar/:token.ics',
    {
      config: { access: 'public', session: false },
      schema: {
        tags,
        summary: 'My private calendar feed: every meeting I said yes to',
        params: CalendarFeedParams,
      },
    },
    async (request, reply) => {
      const file = await events.calendarFeedFile(request.params.token, request.ip);
      return sendCalendar(reply, file, 'private, max-age=300');
    },
  );

  api.get(
    '/events/:id/attendance',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Who is marked as having come to one meeting (those who run it)',
        params: IdParams,
        querystring: AttendanceQuery,
        response: responses(AttendanceResult),
      },
    },
    async (request) =>
      events.meetingAttendance(requireActor(request), request.params.id, request.query.start),
  );

  api.put(
    '/events/:id/attendance',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Mark who came to a meeting that has begun: these people, and nobody else',
        params: IdParams,
        body: AttendanceBody,
        response: responses(AttendanceResult),
      },
    },
    async (request) =>
      events.markAttendance(requireActor(request), request.params.id, request.body),
  );

  api.get(
    '/groups/:id/attendance',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "A group's meetings and who came, month by month, for funders (those who run it)",
        params: IdParams,
        response: responses(GroupAttendance),
      },
    },
    async (request) => events.groupAttendance(requireActor(request), request.params.id),
  );

  api.get(
    '/me/attendance',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'How many meetings I went to: "You went to 5 meetings."',
        response: responses(MyAttendance),
      },
    },
    async (request) => events.myAttendance(requireActor(request)),
  );
}

/** A calendar file, named, never kept by shared caches. */
function sendCalendar(
  reply: FastifyReply,
  file: { body: string; filename: string },
  cacheControl: string,
) {
  return reply
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .type('text/calendar; charset=utf-8')
    .send(file.body);
}
