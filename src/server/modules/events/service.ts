// The events module's index: the use cases, put together over one set of deps.
import { nobodyIsTold } from '../notifications/face';
import { answer } from './answering';
import { groupAttendance, markAttendance, meetingAttendance, myAttendance } from './attendance';
import { calendarFeedFile, eventCalendar, resetCalendarFeed } from './calendar';
import type { EventsDeps, EventsServiceDeps } from './deps';
import {
  cancelEvent,
  createCommunityEvent,
  createGroupEvent,
  createOrganisationEvent,
  updateEvent,
} from './editing';
import { eventDetail, meetingPeople } from './event-page';
import { myMeetings, upcomingMeetings } from './listing';
import { changeMeeting } from './meeting-changes';
import { forgetOldReminders, REMINDER_SWEEP_MS, sendReminders } from './reminders';

export type EventsService = ReturnType<typeof createEventsService>;

export function createEventsService(serviceDeps: EventsServiceDeps) {
  const deps: EventsDeps = {
    db: serviceDeps.db,
    config: serviceDeps.config,
    jobs: serviceDeps.jobs,
    limits: serviceDeps.limits,
    notifications: serviceDeps.notifications ?? nobodyIsTold,
    groups: serviceDeps.groups,
    accounts: serviceDeps.accounts,
    now: serviceDeps.now ?? (() => new Date()),
  };
  // A day and an hour before each meeting, people with a place are reminded (never twice).
  deps.jobs.every('event-reminders', REMINDER_SWEEP_MS, async () => {
    await sendReminders(deps);
    await forgetOldReminders(deps);
  });
  /** A use case with its deps given: the same function, called as (actor, ...). */
  const use =
    <A extends unknown[], R>(useCase: (deps: EventsDeps, ...args: A) => R) =>
    (...args: A): R =>
      useCase(deps, ...args);
  return {
    createGroupEvent: use(createGroupEvent),
    createOrganisationEvent: use(createOrganisationEvent),
    createCommunityEvent: use(createCommunityEvent),
    updateEvent: use(updateEvent),
    cancelEvent: use(cancelEvent),
    changeMeeting: use(changeMeeting),
    eventDetail: use(eventDetail),
    meetingPeople: use(meetingPeople),
    answer: use(answer),
    upcomingMeetings: use(upcomingMeetings),
    myMeetings: use(myMeetings),
    eventCalendar: use(eventCalendar),
    resetCalendarFeed: use(resetCalendarFeed),
    calendarFeedFile: use(calendarFeedFile),
    meetingAttendance: use(meetingAttendance),
    markAttendance: use(markAttendance),
    groupAttendance: use(groupAttendance),
    myAttendance: use(myAttendance),
    /** The reminder sweep, as the queue runs it each minute (tests call it with the clock moved). */
    sendReminders: () => sendReminders(deps),
  };
}
