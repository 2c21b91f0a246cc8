// Who the events module tells, and of what: a place that came free to the person who waited
// for it, and a changed or cancelled meeting to everyone who said yes to it.
import type { NotificationEvent } from '../notifications/face';
import type { Occurrence } from './recurrence';

interface AboutEvent {
  id: string;
  title: string;
  timeZone: string;
}

export type MeetingChange = 'moved' | 'cancelled' | 'back' | 'times_changed' | 'event_cancelled';

function aboutMeeting(event: AboutEvent, meeting: Occurrence) {
  return {
    eventId: event.id,
    title: event.title,
    start: meeting.originalStart.toISOString(),
    startsAt: meeting.start.toISOString(),
    endsAt: meeting.end.toISOString(),
    timeZone: event.timeZone,
  };
}

/** A place came free: the person first in line has it now. */
export function placeEvent(
  event: AboutEvent,
  meeting: Occurrence,
  userId: string,
  at: Date,
): NotificationEvent {
  return {
    kind: 'event_place',
    recipientIds: [userId],
    actorId: null,
    causeKey: `event_place:${event.id}:${meeting.originalStart.getTime()}:${userId}:${at.getTime()}`,
    data: aboutMeeting(event, meeting),
  };
}

/**
 * A meeting moved, was cancelled or is on again, or the whole event changed: everyone who
 * said yes hears, in words ("The meeting on Tuesday 14 May has moved to 3 pm.").
 */
export function changeEvent(
  event: AboutEvent,
  change: MeetingChange,
  meeting: Occurrence,
  before: Occurrence | null,
  recipientIds: string[],
  actorId: string,
  at: Date,
): NotificationEvent {
  return {
    kind: 'event_changed',
    recipientIds,
    actorId,
    causeKey: `event_changed:${event.id}:${change}:${meeting.originalStart.getTime()}:${at.getTime()}`,
    data: {
      ...aboutMeeting(event, meeting),
      change,
      beforeStartsAt: before ? before.start.toISOString() : null,
    },
  };
}

/** A meeting the person has a place at starts in a day, or in an hour. */
export function reminderEvent(
  event: AboutEvent,
  meeting: Occurrence,
  which: 'day' | 'hour',
  recipientIds: string[],
): NotificationEvent {
  return {
    kind: 'event_reminder',
    recipientIds,
    actorId: null,
    // A moved meeting is a new cause: its new time is reminded of too.
    causeKey: `event_reminder:${event.id}:${meeting.originalStart.getTime()}:${meeting.start.getTime()}:${which}`,
    data: { ...aboutMeeting(event, meeting), which },
  };
}
