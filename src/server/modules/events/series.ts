// An event's meetings as the rows hold them: the rule, its exceptions, one meeting by its start
// in the series, and the bounds a list filters on. The calendar arithmetic is recurrence.ts's.
import {
  compileSeries,
  formatLocal,
  localToInstant,
  type Occurrence,
  occurrences,
  parseLocal,
  type SeriesException,
  type SeriesRule,
  untilInstant,
} from './recurrence';

const MINUTE = 60_000;
/** Far enough for any series ruleProblem lets in (a yearly COUNT, say). */
const FAR_FUTURE = new Date(Date.UTC(2200, 0, 1));
/** The longest a meeting may last (recurrence.ts MAX_DURATION_MINUTES, and some to spare). */
export const LONGEST_MEETING_MS = 24 * 60 * MINUTE;

export interface RuleColumns {
  startLocal: string;
  durationMinutes: number;
  timeZone: string;
  rrule: string | null;
}

export interface ExceptionColumns {
  originalStart: Date;
  cancelled: boolean;
  newStartLocal: string | null;
  newDurationMinutes: number | null;
}

export function ruleOf(row: RuleColumns): SeriesRule {
  return {
    firstStartLocal: row.startLocal,
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    rrule: row.rrule,
  };
}

export function exceptionOf(row: ExceptionColumns): SeriesException {
  return {
    originalStart: row.originalStart,
    cancelled: row.cancelled,
    newStartLocal: row.newStartLocal,
    newDurationMinutes: row.newDurationMinutes,
  };
}

/** Minutes from one wall time to another ('YYYY-MM-DDTHH:mm'), as the clock on the wall says. */
export function minutesBetween(fromLocal: string, toLocal: string): number {
  const from = parseLocal(fromLocal);
  const to = parseLocal(toLocal);
  if (!from || !to) return Number.NaN;
  return (to.getTime() - from.getTime()) / MINUTE;
}

/** A wall time this many minutes later. */
export function addMinutes(local: string, minutes: number): string {
  const floating = parseLocal(local);
  if (!floating) return local;
  return formatLocal(new Date(floating.getTime() + minutes * MINUTE));
}

/**
 * One meeting of the series, named by the start the series gives it, with its exception
 * applied; null when the series has no meeting starting then.
 */
export function meetingAt(
  rule: SeriesRule,
  exceptions: SeriesException[],
  originalStart: Date,
): Occurrence | null {
  if (!compileSeries(rule).meetingAt(originalStart)) return null;
  const exception = exceptions.find((e) => e.originalStart.getTime() === originalStart.getTime());
  const plain = (cancelled: boolean): Occurrence => ({
    originalStart,
    start: originalStart,
    end: new Date(originalStart.getTime() + rule.durationMinutes * MINUTE),
    cancelled,
    moved: false,
  });
  if (!exception) return plain(false);
  if (exception.cancelled) return plain(true);
  const start = exception.newStartLocal
    ? localToInstant(exception.newStartLocal, rule.timeZone)
    : originalStart;
  const minutes = exception.newDurationMinutes ?? rule.durationMinutes;
  return {
    originalStart,
    start,
    end: new Date(start.getTime() + minutes * MINUTE),
    cancelled: false,
    moved: start.getTime() !== originalStart.getTime() || minutes !== rule.durationMinutes,
  };
}

/** Meetings not over by `now` that start before `to`, cancelled ones too, in order. */
export function meetingsFrom(
  rule: SeriesRule,
  exceptions: SeriesException[],
  now: Date,
  to: Date,
  limit: number,
): Occurrence[] {
  const from = new Date(now.getTime() - LONGEST_MEETING_MS);
  // Meetings that ended before now are asked for too (they started in the day before): drop them.
  return occurrences(rule, exceptions, from, to, limit + 50)
    .filter((m) => m.end > now)
    .slice(0, limit);
}

const hasCount = (rrule: string) =>
  rrule
    .toUpperCase()
    .split(';')
    .some((part) => part.startsWith('COUNT='));

/**
 * The earliest and latest start of any meeting (null latest: no end), moved meetings too.
 * A list reads only events whose bounds meet its window; an upper bound is enough.
 */
export function boundsOf(
  rule: SeriesRule,
  exceptions: SeriesException[],
): { firstStartAt: Date; lastStartAt: Date | null } {
  const series = compileSeries(rule);
  let first = localToInstant(rule.firstStartLocal, rule.timeZone);
  let last: Date | null = first;
  if (series.rrule) {
    if (series.until) {
      last = untilInstant(series.until, rule.timeZone);
    } else if (hasCount(series.rrule)) {
      const all = series.between(series.firstFloating, FAR_FUTURE, 1000);
      last = all.at(-1)?.instant ?? first;
    } else {
      last = null;
    }
  }
  for (const exception of exceptions) {
    if (exception.cancelled || !exception.newStartLocal) continue;
    const moved = localToInstant(exception.newStartLocal, rule.timeZone);
    if (moved < first) first = moved;
    if (last && moved > last) last = moved;
  }
  return { firstStartAt: first, lastStartAt: last };
}
