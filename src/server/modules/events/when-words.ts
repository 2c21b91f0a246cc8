// Dates and times of gatherings in plain words, in the reader's own time zone:
// "Tuesday 14 May, 2 pm to 3:30 pm". The year is said only when it is not this year.
import type { TFunction } from 'i18next';
import { t } from '../../lib/i18n';

interface WallParts {
  year: number;
  month: string;
  day: number;
  weekday: string;
  hour: number;
  minute: number;
  /** Days since 1970 of the local date, to tell one day from the next. */
  dayNumber: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

const monthNumbers = new Map(
  Array.from({ length: 12 }, (_, i) => [
    new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, i, 1)),
    ),
    i,
  ]),
);

function wall(instant: Date, timeZone: string): WallParts {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = Number(get('year'));
  const month = get('month');
  const day = Number(get('day'));
  return {
    year,
    month,
    day,
    weekday: get('weekday'),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    dayNumber: Math.floor(Date.UTC(year, monthNumbers.get(month) ?? 0, day) / 86_400_000),
  };
}

function say(tr: TFunction, key: string, english: string, values: Record<string, unknown> = {}) {
  return tr(`events.when.${key}`, { defaultValue: english, ...values });
}

/** "2 pm", "3:30 pm", "noon", "midnight". */
function clock(tr: TFunction, hour: number, minute: number): string {
  if (minute === 0 && hour === 12) return say(tr, 'noon', 'noon');
  if (minute === 0 && hour === 0) return say(tr, 'midnight', 'midnight');
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const values = { hour: h12, minute: String(minute).padStart(2, '0') };
  if (hour < 12) {
    return minute === 0
      ? say(tr, 'am', '{{hour}} am', values)
      : say(tr, 'amMinutes', '{{hour}}:{{minute}} am', values);
  }
  return minute === 0
    ? say(tr, 'pm', '{{hour}} pm', values)
    : say(tr, 'pmMinutes', '{{hour}}:{{minute}} pm', values);
}

/** "Tuesday 14 May", or "Tuesday 14 May 2027" when that is not this year. */
function date(tr: TFunction, parts: WallParts, thisYear: number): string {
  const values = { weekday: parts.weekday, day: parts.day, month: parts.month, year: parts.year };
  return parts.year === thisYear
    ? say(tr, 'date', '{{weekday}} {{day}} {{month}}', values)
    : say(tr, 'dateWithYear', '{{weekday}} {{day}} {{month}} {{year}}', values);
}

/**
 * A meeting's start and end in words, in a time zone: "Tuesday 14 May, 2 pm to 3:30 pm";
 * across midnight "Tuesday 14 May, 11 pm to Wednesday 15 May, 1 am".
 */
export function whenInWords(
  start: Date,
  end: Date,
  timeZone: string,
  now: Date = new Date(),
  tr: TFunction = t,
): string {
  const thisYear = wall(now, timeZone).year;
  const from = wall(start, timeZone);
  const startDate = date(tr, from, thisYear);
  const startTime = clock(tr, from.hour, from.minute);
  if (end.getTime() <= start.getTime()) {
    return say(tr, 'at', '{{date}}, {{time}}', { date: startDate, time: startTime });
  }
  const to = wall(end, timeZone);
  // A meeting that ends at midnight ends on the day it began, as people say it.
  const endsAtMidnight = to.hour === 0 && to.minute === 0 && to.dayNumber === from.dayNumber + 1;
  if (to.dayNumber === from.dayNumber || endsAtMidnight) {
    return say(tr, 'sameDay', '{{date}}, {{from}} to {{to}}', {
      date: startDate,
      from: startTime,
      to: clock(tr, to.hour, to.minute),
    });
  }
  return say(tr, 'twoDays', '{{date}}, {{from}} to {{endDate}}, {{to}}', {
    date: startDate,
    from: startTime,
    endDate: date(tr, to, thisYear),
    to: clock(tr, to.hour, to.minute),
  });
}

/**
 * A moved meeting in words: "The meeting on Tuesday 14 May has moved to 3 pm.", or to another
 * day: "The meeting on Tuesday 14 May has moved to Thursday 16 May, 3 pm."
 */
export function movedInWords(
  oldStart: Date,
  newStart: Date,
  timeZone: string,
  now: Date = new Date(),
  tr: TFunction = t,
): string {
  const thisYear = wall(now, timeZone).year;
  const before = wall(oldStart, timeZone);
  const after = wall(newStart, timeZone);
  const time = clock(tr, after.hour, after.minute);
  if (before.dayNumber === after.dayNumber) {
    return say(tr, 'movedTime', 'The meeting on {{date}} has moved to {{time}}.', {
      date: date(tr, before, thisYear),
      time,
    });
  }
  return say(tr, 'movedDay', 'The meeting on {{date}} has moved to {{newDate}}, {{time}}.', {
    date: date(tr, before, thisYear),
    newDate: date(tr, after, thisYear),
    time,
  });
}

/** A cancelled meeting in words: "The meeting on Tuesday 14 May is cancelled." */
export function cancelledInWords(
  start: Date,
  timeZone: string,
  now: Date = new Date(),
  tr: TFunction = t,
): string {
  const thisYear = wall(now, timeZone).year;
  return say(tr, 'cancelled', 'The meeting on {{date}} is cancelled.', {
    date: date(tr, wall(start, timeZone), thisYear),
  });
}
