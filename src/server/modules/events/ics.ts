// Calendar files (RFC 5545) for gatherings: one event's .ics, and a person's feed.
// Times are written as local wall times with a TZID, and each zone's VTIMEZONE is written in,
// made from the zone data Node itself carries (so it is as current as the runtime).
import type { TFunction } from 'i18next';
import ical, {
  type ICalCalendar,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalLuxonDateTimeStub,
} from 'ical-generator';
import { t } from '../../lib/i18n';
import {
  type CompiledSeries,
  compileSeries,
  floatingToInstant,
  isTimeZone,
  parseLocal,
  type SeriesException,
  type SeriesRule,
  toFloating,
  untilInstant,
  zoneOffset,
} from './recurrence';

/**
 * One gathering for a calendar file. Only what is passed is written: a video link or anything
 * private (access needs) never reaches the file unless the caller puts it here on purpose.
 */
export interface IcsEvent {
  /** Stable for the event's life, so calendars update it instead of adding a copy. */
  uid: string;
  title: string;
  description?: string | null;
  location?: string | null;
  /** The event's page on the site. */
  url?: string | null;
  /** The video room; pass it only to people who may see it. */
  videoLink?: string | null;
  series: SeriesRule;
  exceptions?: SeriesException[];
  /** The whole event (every meeting) is called off. */
  cancelled?: boolean;
  /** Goes up by one on every change, so calendars take the new version. */
  sequence?: number;
  /** When it last changed (DTSTAMP); now, when not given. */
  updatedAt?: Date;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PRODUCT = { company: 'Been There', product: 'Gatherings', language: 'EN' };
const FEED_REFRESH_SECONDS = 60 * 60;

/** The .ics file for one event: its series as an RRULE, with EXDATEs and moved meetings. */
export function eventIcs(event: IcsEvent, tr: TFunction = t): string {
  return calendar(null, [event], tr).toString();
}

/** A calendar feed holding many events (a person's "said yes" list). */
export function calendarFeed(name: string, events: IcsEvent[], tr: TFunction = t): string {
  return calendar(name, events, tr).toString();
}

function calendar(name: string | null, events: IcsEvent[], tr: TFunction): ICalCalendar {
  const compiled = events.map((event) => ({ event, series: compileSeries(event.series) }));
  const years = yearsCovered(compiled.map((c) => c.series));
  const cal = ical({
    prodId: PRODUCT,
    method: ICalCalendarMethod.PUBLISH,
    name,
    // A feed asks calendar apps to look again hourly, so a moved meeting shows soon.
    ttl: name === null ? null : FEED_REFRESH_SECONDS,
    // The calendar has no zone of its own (name null); the generator writes one block per event zone.
    timezone: { name: null, generator: (zone) => vtimezone(zone, years.from, years.to) },
  });
  for (const { event, series } of compiled) addEvent(cal, event, series, tr);
  return cal;
}

function addEvent(cal: ICalCalendar, event: IcsEvent, series: CompiledSeries, tr: TFunction): void {
  const zone = event.series.timeZone;
  const minutes = event.series.durationMinutes;
  const stamp = event.updatedAt ?? new Date();
  const common = {
    id: event.uid,
    sequence: event.sequence ?? 0,
    stamp,
    timezone: zone,
    summary: event.title,
    description: describe(event, tr),
    location: event.location || event.videoLink || null,
    url: event.url ?? null,
  };
  const exceptions = (event.exceptions ?? [])
    .map((exception) => ({ exception, meeting: series.meetingAt(exception.originalStart) }))
    .filter((e) => e.meeting !== null)
    .sort((a, b) => a.exception.originalStart.getTime() - b.exception.originalStart.getTime());

  if (!series.rrule) {
    // A one-off: a move is simply its new time, a cancel its status.
    const change = exceptions[0]?.exception;
    const startFloating =
      (change?.newStartLocal && parseLocal(change.newStartLocal)) || series.firstFloating;
    cal.createEvent({
      ...common,
      ...single(startFloating, change?.newDurationMinutes ?? minutes, zone),
      status:
        event.cancelled || change?.cancelled
          ? ICalEventStatus.CANCELLED
          : ICalEventStatus.CONFIRMED,
    });
    return;
  }

  const cancelled = exceptions.filter((e) => e.exception.cancelled);
  const moved = exceptions.filter((e) => !e.exception.cancelled);
  const lines = [`RRULE:${rruleForFile(series)}`];
  if (cancelled.length > 0) {
    lines.push(
      `EXDATE;TZID=${zone}:${cancelled.map((e) => stamp15(e.meeting!.floating)).join(',')}`,
    );
  }
  cal.createEvent({
    ...common,
    // The series' own wall time, even on a day it does not exist: readers move it on (RFC 5545).
    start: wallTime(series.firstFloating, zone),
    end: endOf(series.firstFloating, minutes, zone),
    repeating: lines.join('\n'),
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  // A moved meeting overrides its one instance (same UID, RECURRENCE-ID is the time it had).
  for (const { exception, meeting } of moved) {
    const startFloating =
      (exception.newStartLocal && parseLocal(exception.newStartLocal)) || meeting!.floating;
    cal.createEvent({
      ...common,
      recurrenceId: wallTime(meeting!.floating, zone),
      ...single(startFloating, exception.newDurationMinutes ?? minutes, zone),
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
}

function describe(event: IcsEvent, tr: TFunction): string | null {
  const parts = [event.description?.trim() || null];
  if (event.videoLink) {
    parts.push(
      tr('events.ics.videoLink', {
        defaultValue: 'Video room: {{link}}',
        link: event.videoLink,
      }),
    );
  }
  const text = parts.filter(Boolean).join('\n\n');
  return text || null;
}

/** The RRULE with UNTIL as a UTC instant, as RFC 5545 asks when DTSTART has a TZID. */
function rruleForFile(series: CompiledSeries): string {
  const parts = series
    .rrule!.split(';')
    .map((part) => part.trim().toUpperCase())
    .filter((part) => part && !part.startsWith('UNTIL='));
  if (series.until) {
    parts.push(`UNTIL=${utcStamp(untilInstant(series.until, series.rule.timeZone))}`);
  }
  return parts.join(';');
}

/**
 * DTEND as the wall time `minutes` after the real start, so the exact length RFC 5545 reads
 * from DTSTART and DTEND is the meeting's length even across a clock change.
 */
function endOf(startFloating: Date, minutes: number, timeZone: string): ICalLuxonDateTimeStub {
  const end = new Date(floatingToInstant(startFloating, timeZone).getTime() + minutes * MINUTE);
  return wallTime(toFloating(end, timeZone), timeZone);
}

/** One meeting's start and end; a start the clocks skip is written as the time it becomes. */
function single(startFloating: Date, minutes: number, timeZone: string) {
  const real = toFloating(floatingToInstant(startFloating, timeZone), timeZone);
  return { start: wallTime(real, timeZone), end: endOf(real, minutes, timeZone) };
}

/** 'YYYYMMDDTHHmmss' from a floating Date's fields. */
function stamp15(floating: Date): string {
  return floating
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');
}

function utcStamp(instant: Date): string {
  return `${stamp15(instant)}Z`;
}

/**
 * A wall time in a zone, in the date shape ical-generator reads (its Luxon stub): it writes our
 * wall time exactly. Luxon itself would move 01:30 on a spring-forward day to 02:30 in DTSTART,
 * shifting every later meeting; RFC 5545 readers make that move themselves.
 */
function wallTime(floating: Date, timeZone: string): ICalLuxonDateTimeStub {
  const instant = floatingToInstant(floating, timeZone);
  const text = stamp15(floating);
  const stub: ICalLuxonDateTimeStub = {
    isValid: true,
    zone: { type: 'iana' },
    setZone: () => stub,
    toFormat: (format: string) =>
      format === 'yyyyLLdd' ? text.slice(0, 8) : format === 'HHmmss' ? text.slice(9) : text,
    toJSDate: () => instant,
    toJSON: () => instant.toISOString(),
  };
  return stub;
}

// ---------------------------------------------------------------------------------------------
// VTIMEZONE blocks from the runtime's zone data.

function yearsCovered(series: CompiledSeries[]): { from: number; to: number } {
  if (series.length === 0) return { from: 0, to: 0 };
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const s of series) {
    const first = s.firstFloating.getUTCFullYear();
    from = Math.min(from, first);
    to = Math.max(
      to,
      first,
      s.until ? untilInstant(s.until, s.rule.timeZone).getUTCFullYear() : first,
    );
  }
  // Six years at least, so a yearly pattern in the zone's changes can be seen and written once.
  return { from: from - 1, to: Math.max(to + 1, from + 5) };
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

function transitions(timeZone: string, fromMs: number, toMs: number): Transition[] {
  const found: Transition[] = [];
  let before = zoneOffset(fromMs, timeZone);
  for (let at = fromMs; at < toMs; at += DAY) {
    const next = zoneOffset(at + DAY, timeZone);
    if (next === before) continue;
    // The change is within this day: narrow it down to the minute.
    let low = at;
    let high = at + DAY;
    while (high - low > MINUTE) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (zoneOffset(mid, timeZone) === before) low = mid;
      else high = mid;
    }
    found.push({ at: high, from: before, to: next });
    before = next;
  }
  return found;
}

function offsetText(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const total = Math.abs(offset) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}

function zoneAbbreviation(timeZone: string, instant: number): string | null {
  for (const locale of ['en-GB', 'en-US']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  return null;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** When a change happens, as a yearly rule: "last Sunday of March at 01:00". */
function yearlyShape(change: Transition): { key: string; last: boolean; nth: number } {
  const local = new Date(change.at + change.from);
  const month = local.getUTCMonth();
  const day = local.getUTCDate();
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return {
    key: `${month + 1}|${WEEKDAYS[local.getUTCDay()]}|${stamp15(local).slice(9)}|${change.from}|${change.to}`,
    last: day + 7 > daysInMonth,
    nth: Math.ceil(day / 7),
  };
}

function observance(
  kind: 'STANDARD' | 'DAYLIGHT',
  change: Transition,
  timeZone: string,
  rrule: string | null,
): string[] {
  const name = zoneAbbreviation(timeZone, change.at);
  return [
    `BEGIN:${kind}`,
    `DTSTART:${stamp15(new Date(change.at + change.from))}`,
    `TZOFFSETFROM:${offsetText(change.from)}`,
    `TZOFFSETTO:${offsetText(change.to)}`,
    ...(name ? [`TZNAME:${name}`] : []),
    ...(rrule ? [rrule] : []),
    `END:${kind}`,
  ];
}

/** A yearly RRULE for these changes, when every year makes the same one; null when not. */
function yearlyRule(changes: Transition[], years: number): string | null {
  if (changes.length !== years) return null;
  const shapes = changes.map(yearlyShape);
  if (shapes.some((s) => s.key !== shapes[0]!.key)) return null;
  const [month, weekday] = shapes[0]!.key.split('|');
  if (shapes.every((s) => s.last)) return `RRULE:FREQ=YEARLY;BYMONTH=${month};BYDAY=-1${weekday}`;
  if (shapes.every((s) => s.nth === shapes[0]!.nth)) {
    return `RRULE:FREQ=YEARLY;BYMONTH=${month};BYDAY=${shapes[0]!.nth}${weekday}`;
  }
  return null;
}

const vtimezoneCache = new Map<string, string | null>();

/**
 * The VTIMEZONE for a zone over [fromYear, toYear]: two yearly rules where the zone changes its
 * clocks the same way every year, else each change written out. Null for a name that is no zone.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string | null {
  const key = `${timeZone}|${fromYear}|${toYear}`;
  if (vtimezoneCache.has(key)) return vtimezoneCache.get(key)!;
  const block = isTimeZone(timeZone) ? makeVtimezone(timeZone, fromYear, toYear) : null;
  vtimezoneCache.set(key, block);
  return block;
}

function makeVtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const changes = transitions(timeZone, start, end);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const first = changes[0];
  if (!first) {
    const offset = zoneOffset(start, timeZone);
    const at = start - offset; // so that it reads as local midnight on 1 January
    lines.push(...observance('STANDARD', { at, from: offset, to: offset }, timeZone, null));
  } else {
    const years = toYear - fromYear + 1;
    const forward = changes.filter((c) => c.to > c.from);
    const back = changes.filter((c) => c.to < c.from);
    const daylightRule = yearlyRule(forward, years);
    const standardRule = yearlyRule(back, years);
    if (daylightRule && standardRule) {
      lines.push(...observance('DAYLIGHT', forward[0]!, timeZone, daylightRule));
      lines.push(...observance('STANDARD', back[0]!, timeZone, standardRule));
    } else {
      // The offset in force from the start, then every change in turn.
      const at = start - first.from;
      lines.push(
        ...observance('STANDARD', { at, from: first.from, to: first.from }, timeZone, null),
      );
      for (const change of changes) {
        lines.push(
          ...observance(change.to > change.from ? 'DAYLIGHT' : 'STANDARD', change, timeZone, null),
        );
      }
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
