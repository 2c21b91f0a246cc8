// What the three planning pages and the whole-event page hold as typed, and how it becomes
// what the server takes. Numbers stay text until they are sent.
import type { EventUpdate, EventVenue, EventVideo } from '../../../contract/events';
import type { AccessFeature, GroupFormat, GroupLanguage } from '../../../contract/groups-values';
import type { ChosenPlace } from '../groups/PlacePicker';
import { addMinutes, monthlyRule } from './when';

export const repeatChoices = ['once', 'rhythm', 'weekly', 'monthly'] as const;
export type Repeat = (typeof repeatChoices)[number];
export const lengths = ['30', '60', '90', '120', '180'] as const;

export interface EventDraft {
  title: string;
  description: string;
  format: GroupFormat | null;
  repeats: Repeat;
  date: string;
  time: string;
  minutes: string;
  timeZone: string;
  capacity: string;
  placeName: string;
  address: string;
  town: string;
  /** Where the place is on the map, for "near me"; found on the bundled list of towns. */
  place: ChosenPlace | null;
  access: AccessFeature[];
  accessNotes: string;
  howToGetThere: string;
  /** A pasted link, or a room on the organisation's own video service. */
  videoKind: EventVideo['kind'];
  videoLink: string;
  languages: GroupLanguage[];
}

export const emptyDraft: EventDraft = {
  title: '',
  description: '',
  format: null,
  repeats: 'once',
  date: '',
  time: '',
  minutes: '90',
  timeZone: 'Europe/London',
  capacity: '',
  placeName: '',
  address: '',
  town: '',
  place: null,
  access: [],
  accessNotes: '',
  howToGetThere: '',
  videoKind: 'link',
  videoLink: '',
  languages: ['en'],
};

/** A problem found before sending: the field to show it beside, and which words to say. */
export interface DraftProblem {
  field: keyof EventDraft;
  /** A key in gatherings.plan. */
  words: 'formatNeeded' | 'capacityNumber' | 'languagesNeeded';
}

/** What the browser can tell at once; everything else the server says in words. */
export function draftProblem(
  d: EventDraft,
  { languages = false }: { languages?: boolean } = {},
): DraftProblem | null {
  if (!d.format) return { field: 'format', words: 'formatNeeded' };
  if (d.capacity.trim() && !/^\d+$/.test(d.capacity.trim())) {
    return { field: 'capacity', words: 'capacityNumber' };
  }
  if (languages && d.languages.length === 0) {
    return { field: 'languages', words: 'languagesNeeded' };
  }
  return null;
}

/** Places at each meeting; empty is no limit. Call after draftProblem. */
export function capacityOf(d: EventDraft): number | null {
  const text = d.capacity.trim();
  return text ? Number(text) : null;
}

/** The place, for meetings in person; none for meetings only online. */
export function venueOf(d: EventDraft): EventVenue | null {
  if (d.format === 'online') return null;
  return {
    name: d.placeName,
    address: d.address,
    town: d.town,
    lat: d.place?.lat ?? null,
    lng: d.place?.lng ?? null,
    access: d.access,
    accessNotes: d.accessNotes,
    howToGetThere: d.howToGetThere,
  };
}

/** The video room, for meetings online; an empty link is left out, so the server asks for it. */
export function videoOf(d: EventDraft): EventVideo | null {
  if (d.format === 'in_person') return null;
  if (d.videoKind === 'room') return { kind: 'room' };
  const url = d.videoLink.trim();
  return url ? { kind: 'link', url } : null;
}

/** The series rule the "How often?" choice makes. */
export function rruleOf(d: EventDraft): string | null {
  if (d.repeats === 'weekly') return 'FREQ=WEEKLY';
  if (d.repeats === 'monthly' && /^\d{4}-\d\d-\d\d$/.test(d.date)) return monthlyRule(d.date).rrule;
  return null;
}

/**
 * The first meeting's start and end as wall-clock times, with the series rule. A date or time
 * left empty is left out: the server says in words what is missing.
 */
export function timesOf(d: EventDraft): {
  startLocal?: string;
  endLocal?: string;
  timeZone: string;
  rrule: string | null;
} {
  const times =
    d.date && d.time
      ? {
          startLocal: `${d.date}T${d.time}`,
          endLocal: addMinutes(d.date, d.time, Number(d.minutes)),
        }
      : {};
  return { ...times, timeZone: d.timeZone, rrule: rruleOf(d) };
}

/** What a whole event's page may change: about it, its places, where, and the video room. */
export function updateOf(d: EventDraft): EventUpdate {
  return {
    title: d.title,
    description: d.description,
    ...(d.format ? { format: d.format } : {}),
    capacity: capacityOf(d),
    venue: venueOf(d),
    video: videoOf(d),
  };
}

/**
 * Only what differs from the event as it was: a field nobody touched is not sent, so a video
 * link those who run it cannot see now (every meeting cancelled) is kept as it is.
 */
export function changesOf(before: EventDraft, after: EventDraft): EventUpdate {
  const was = updateOf(before);
  const now = updateOf(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(now) as (keyof EventUpdate)[]) {
    if (JSON.stringify(now[key]) !== JSON.stringify(was[key])) changes[key] = now[key];
  }
  // A new way to meet needs the place and the video room as they are now, checked again.
  if ('format' in changes) {
    changes.venue = now.venue;
    changes.video = now.video;
  }
  return changes as EventUpdate;
}

/** Server field names each draft field shows the problems of. */
export const serverFields: Partial<Record<keyof EventDraft, string[]>> = {
  title: ['title'],
  description: ['description'],
  format: ['format'],
  repeats: ['rrule', 'followGroupRhythm'],
  date: ['startLocal'],
  time: ['startLocal'],
  minutes: ['endLocal'],
  timeZone: ['timeZone'],
  capacity: ['capacity'],
  placeName: ['venue.name', 'venue'],
  address: ['venue.address'],
  town: ['venue.town'],
  place: ['venue.lat', 'venue.lng'],
  access: ['venue.access'],
  accessNotes: ['venue.accessNotes'],
  howToGetThere: ['venue.howToGetThere'],
  videoKind: ['video'],
  videoLink: ['video.url', 'video'],
  languages: ['languages'],
};
