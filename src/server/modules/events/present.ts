// Rows and meetings → contract types, with only what this person may see.
import type { EventDetail, Meeting, MeetingSummary, MyAnswer } from '../../../contract/events';
import type { Actor } from '../../lib/access';
import { canRunEvent, canSeeVideoLink } from './permissions';
import type { AnswerRow, EventRow } from './queries';
import type { Occurrence } from './recurrence';
import { addMinutes } from './series';
import type { LoadedStanding } from './standing';
import { whenInWords } from './when-words';

/** The zone a person reads times in: the one they asked for, else the event's own. */
export function zoneFor(event: Pick<EventRow, 'timeZone'>, asked?: string | undefined): string {
  return asked ?? event.timeZone;
}

export interface MeetingView {
  actor: Actor | null;
  standing: LoadedStanding;
  counts: { going: number; waiting: number } | undefined;
  mine: AnswerRow | undefined;
  /** The zone the words are in. */
  zone: string;
  now: Date;
}

function toAnswer(row: AnswerRow | undefined): MyAnswer | null {
  if (!row) return null;
  return {
    answer: row.answer,
    carer: row.carer,
    accessNeeds: row.accessNeeds,
    place: row.place,
    waitingNumber: row.place === 'waiting' ? (row.waitingNumber ?? 1) : null,
  };
}

export function toMeeting(event: EventRow, meeting: Occurrence, view: MeetingView): Meeting {
  const going = view.counts?.going ?? 0;
  const cancelled = meeting.cancelled || event.cancelledAt !== null;
  const place = view.mine?.place ?? null;
  return {
    eventId: event.id,
    start: meeting.originalStart.toISOString(),
    startsAt: meeting.start.toISOString(),
    endsAt: meeting.end.toISOString(),
    text: whenInWords(meeting.start, meeting.end, view.zone, view.now),
    moved: meeting.moved,
    cancelled,
    going,
    waiting: view.counts?.waiting ?? 0,
    placesLeft: event.capacity === null ? null : Math.max(event.capacity - going, 0),
    me: toAnswer(view.mine),
    videoLink:
      !cancelled && event.videoUrl && canSeeVideoLink(view.actor, view.standing, place)
        ? event.videoUrl
        : null,
  };
}

/** A meeting in a list; `distanceKm` from the place asked about, when one was. */
export function toMeetingSummary(
  event: EventRow,
  meeting: Occurrence,
  view: MeetingView,
  distanceKm: number | null = null,
): MeetingSummary {
  return {
    ...toMeeting(event, meeting, view),
    title: event.title,
    format: event.format,
    owner: view.standing.owner,
    town: event.venueTown,
    access: event.access,
    languages: event.languages,
    distanceKm,
  };
}

export function toDetail(
  actor: Actor | null,
  event: EventRow,
  standing: LoadedStanding,
  meetings: Meeting[],
  zone: string,
): EventDetail {
  const runs = canRunEvent(actor, standing);
  return {
    id: event.id,
    owner: standing.owner,
    title: event.title,
    description: event.description,
    format: event.format,
    startLocal: event.startLocal,
    endLocal: addMinutes(event.startLocal, event.durationMinutes),
    timeZone: event.timeZone,
    rrule: event.rrule,
    capacity: event.capacity,
    venue: event.venueName
      ? {
          name: event.venueName,
          address: event.venueAddress ?? '',
          town: event.venueTown ?? '',
          lat: event.lat,
          lng: event.lng,
          access: event.access,
          accessNotes: event.accessNotes,
          howToGetThere: event.howToGetThere,
        }
      : null,
    languages: event.languages,
    hasVideo: event.videoUrl !== null,
    videoKind: runs ? event.videoKind : null,
    cancelled: event.cancelledAt !== null,
    canManage: runs,
    meetings,
    zone,
  };
}
