// An event as people enter it, checked and turned into its columns: times that make sense,
// a place for meetings in person, a video room for meetings online.
import { randomBytes } from 'node:crypto';
import type { EventVenue, EventVideo } from '../../../contract/events';
import type { GroupFormat } from '../../../contract/groups-values';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { EventRow } from './queries';
import {
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
  ruleProblem,
  type SeriesException,
  type SeriesRule,
} from './recurrence';
import { addMinutes, boundsOf, meetingsFrom, minutesBetween } from './series';

const FAR_FUTURE = new Date(Date.UTC(2200, 0, 1));

/** What an event is made of, before it is checked. */
export interface EventFields {
  title: string;
  description: string;
  format: GroupFormat;
  startLocal: string;
  endLocal: string;
  timeZone: string;
  rrule: string | null;
  capacity: number | null;
  venue: EventVenue | null;
  video: EventVideo | null;
}

/** The fields of an event as it is now, for a change to be laid over. */
export function fieldsOf(row: EventRow): EventFields {
  return {
    title: row.title,
    description: row.description,
    format: row.format,
    startLocal: row.startLocal,
    endLocal: addMinutes(row.startLocal, row.durationMinutes),
    timeZone: row.timeZone,
    rrule: row.rrule,
    capacity: row.capacity,
    venue: row.venueName
      ? {
          name: row.venueName,
          address: row.venueAddress ?? '',
          town: row.venueTown ?? '',
          lat: row.lat,
          lng: row.lng,
          access: row.access,
          accessNotes: row.accessNotes,
          howToGetThere: row.howToGetThere,
        }
      : null,
    video:
      row.videoKind === 'link' && row.videoUrl
        ? { kind: 'link', url: row.videoUrl }
        : row.videoKind === 'room'
          ? { kind: 'room' }
          : null,
  };
}

/** The series a set of fields makes, or a 422 naming the field that is wrong. */
export function checkedRule(fields: EventFields): SeriesRule {
  const minutes = minutesBetween(fields.startLocal, fields.endLocal);
  if (!(minutes > 0)) {
    throw problems.invalid({ endLocal: t('events.fields.endLocal.beforeStart') });
  }
  if (minutes < MIN_DURATION_MINUTES) {
    throw problems.invalid({ endLocal: t('events.fields.endLocal.tooShort') });
  }
  if (minutes > MAX_DURATION_MINUTES) {
    throw problems.invalid({ endLocal: t('events.fields.endLocal.tooLong') });
  }
  const rule: SeriesRule = {
    firstStartLocal: fields.startLocal,
    durationMinutes: minutes,
    timeZone: fields.timeZone,
    rrule: fields.rrule,
  };
  const problem = ruleProblem(rule);
  if (problem) throw problems.invalid({ [fields.rrule ? 'rrule' : 'startLocal']: problem });
  return rule;
}

/** Refuses a series with no meeting still to come. */
export function requireMeetingsAhead(rule: SeriesRule, exceptions: SeriesException[], now: Date) {
  if (meetingsFrom(rule, exceptions, now, FAR_FUTURE, 1).length === 0) {
    throw problems.invalid({ startLocal: t('events.fields.startLocal.past') });
  }
}

/** A room name nobody can guess (128 random bits), safe in any video service's address. */
function roomName(): string {
  return `BeenThere-${randomBytes(16).toString('hex')}`;
}

/**
 * The columns of a checked event. A room already made is kept; a new one is made on the
 * organisation's own video service, which must exist.
 */
export function columnsOf(
  fields: EventFields,
  rule: SeriesRule,
  exceptions: SeriesException[],
  videoBaseUrl: string | null,
  current: Pick<EventRow, 'videoKind' | 'videoUrl'> | null = null,
) {
  const venue = fields.format === 'online' ? null : fields.venue;
  const video = fields.format === 'in_person' ? null : fields.video;
  if (fields.format !== 'online' && !venue) {
    throw problems.invalid({ venue: t('events.fields.venue.required') });
  }
  if (fields.format !== 'in_person' && !video) {
    throw problems.invalid({ video: t('events.fields.video.required') });
  }
  let videoUrl: string | null = null;
  if (video?.kind === 'link') videoUrl = video.url ?? null;
  if (video?.kind === 'room') {
    if (current?.videoKind === 'room' && current.videoUrl) {
      videoUrl = current.videoUrl;
    } else if (videoBaseUrl) {
      videoUrl = `${videoBaseUrl.replace(/\/+$/, '')}/${roomName()}`;
    } else {
      throw problems.invalid({ video: t('events.fields.video.noService') });
    }
  }
  return {
    title: fields.title,
    description: fields.description,
    format: fields.format,
    startLocal: rule.firstStartLocal,
    durationMinutes: rule.durationMinutes,
    timeZone: rule.timeZone,
    rrule: rule.rrule,
    ...boundsOf(rule, exceptions),
    capacity: fields.capacity,
    venueName: venue?.name ?? null,
    venueAddress: venue?.address ?? null,
    venueTown: venue?.town ?? null,
    lat: venue?.lat ?? null,
    lng: venue?.lng ?? null,
    access: venue?.access ?? [],
    accessNotes: venue?.accessNotes ?? '',
    howToGetThere: venue?.howToGetThere ?? '',
    videoKind: video?.kind ?? null,
    videoUrl,
  };
}
