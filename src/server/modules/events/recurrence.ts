// A gathering's series of meetings: a first meeting in local wall time, a zone and an optional
// RFC 5545 RRULE, with single meetings moved or cancelled. Every meeting keeps the same LOCAL
// wall time in its zone, so a 14:00 Europe/London meeting is 13:00Z in summer and 14:00Z in winter.
import type { TFunction } from 'i18next';
import rrulePkg from 'rrule';
import type { GroupRhythm } from '../../../contract/groups';
import { t } from '../../lib/i18n';
import { floatingToInstant, formatLocal, isTimeZone, parseLocal, toFloating } from './wall-time';

// Wall time lives in wall-time.ts; what imported it from here still can.
export {
  floatingToInstant,
  formatLocal,
  instantToLocal,
  isTimeZone,
  localToInstant,
  parseLocal,
  toFloating,
  zoneOffset,
} from './wall-time';

const { RRule } = rrulePkg as unknown as typeof import('rrule');
type RRuleInstance = InstanceType<typeof RRule>;

/** A series: its first meeting in local wall time, how long, the zone, and an optional RFC 5545 RRULE (no DTSTART). */
export interface SeriesRule {
  firstStartLocal: string /* 'YYYY-MM-DDTHH:mm' */;
  durationMinutes: number;
  timeZone: string;
  rrule: string | null;
}
/** One meeting moved or cancelled, named by the start it would have had (UTC instant). */
export interface SeriesException {
  originalStart: Date;
  cancelled: boolean;
  newStartLocal: string | null;
  newDurationMinutes: number | null;
}
/** One meeting; `moved` is true when its start or length differs from the series. */
export interface Occurrence {
  originalStart: Date;
  start: Date;
  end: Date;
  cancelled: boolean;
  moved: boolean;
}

export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 12 * 60;
export const MAX_COUNT = 500;
export const MAX_SERIES_YEARS = 10;
const DEFAULT_LIMIT = 100;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// ---------------------------------------------------------------------------------------------
// Parsing the RRULE. Only the parts a person can choose are let in; nothing more often than daily.

const ALLOWED_PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);
const FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const TOO_OFTEN = new Set(['HOURLY', 'MINUTELY', 'SECONDLY']);
const SUB_DAY_PARTS = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND']);
const DAY_PATTERN = /^(?:[+-]?[1-5])?(?:MO|TU|WE|TH|FR|SA|SU)$/;
const WEEKDAY_PATTERN = /^(?:MO|TU|WE|TH|FR|SA|SU)$/;
const UNTIL_PATTERN = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

/** When a series ends by UNTIL: a UTC instant, a local wall time, or the end of a local day. */
export type Until =
  | { kind: 'instant'; instant: Date }
  | { kind: 'local'; floating: Date }
  | { kind: 'day'; floating: Date };

interface ParsedRule {
  parts: Map<string, string>;
  until: Until | null;
}

type Problem = 'unreadable' | 'tooOften' | 'countAndUntil' | 'count';

function intsIn(value: string, min: number, max: number, notZero = false): boolean {
  return value.split(',').every((item) => {
    if (!/^[+-]?\d{1,3}$/.test(item)) return false;
    const n = Number(item);
    return n >= min && n <= max && !(notZero && n === 0);
  });
}

function parseUntil(value: string): Until | null {
  const m = UNTIL_PATTERN.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dayOnly = parseLocal(`${m[1]}-${m[2]}-${m[3]}T00:00`);
  if (!dayOnly) return null;
  if (m[4] === undefined) {
    return { kind: 'day', floating: new Date(Date.UTC(y, mo - 1, d, 23, 59, 59)) };
  }
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (h > 23 || mi > 59 || s > 59) return null;
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return m[7] ? { kind: 'instant', instant: at } : { kind: 'local', floating: at };
}

function parseRrule(rrule: string): ParsedRule | Problem {
  const body = rrule.trim().replace(/^RRULE:/i, '');
  if (!body || /[\r\n]/.test(body)) return 'unreadable';
  const parts = new Map<string, string>();
  for (const item of body.split(';')) {
    const [key, value, extra] = item.split('=').map((s) => s.trim().toUpperCase());
    if (!key || !value || extra !== undefined || parts.has(key)) return 'unreadable';
    if (SUB_DAY_PARTS.has(key)) return 'tooOften';
    if (!ALLOWED_PARTS.has(key)) return 'unreadable';
    parts.set(key, value);
  }
  const freq = parts.get('FREQ');
  if (!freq) return 'unreadable';
  if (TOO_OFTEN.has(freq)) return 'tooOften';
  if (!FREQUENCIES.has(freq)) return 'unreadable';
  const checks: [string, (v: string) => boolean][] = [
    ['INTERVAL', (v) => /^\d{1,2}$/.test(v) && Number(v) >= 1],
    ['COUNT', (v) => /^\d{1,6}$/.test(v)],
    ['BYDAY', (v) => v.split(',').every((day) => DAY_PATTERN.test(day))],
    ['BYMONTHDAY', (v) => intsIn(v, -31, 31, true)],
    ['BYMONTH', (v) => intsIn(v, 1, 12)],
    ['BYSETPOS', (v) => intsIn(v, -366, 366, true)],
    ['WKST', (v) => WEEKDAY_PATTERN.test(v)],
  ];
  for (const [key, ok] of checks) {
    const value = parts.get(key);
    if (value !== undefined && !ok(value)) return 'unreadable';
  }
  let until: Until | null = null;
  const untilText = parts.get('UNTIL');
  if (untilText !== undefined) {
    until = parseUntil(untilText);
    if (!until) return 'unreadable';
  }
  if (parts.has('COUNT') && until) return 'countAndUntil';
  const count = parts.get('COUNT');
  if (count !== undefined && (Number(count) < 1 || Number(count) > MAX_COUNT)) return 'count';
  return { parts, until };
}

/** UNTIL as a floating wall time in the series' zone, so it compares with rrule's dates. */
function floatingUntil(until: Until, timeZone: string): Date {
  return until.kind === 'instant' ? toFloating(until.instant, timeZone) : until.floating;
}

/** UNTIL as the UTC instant RFC 5545 asks for when DTSTART has a TZID. */
export function untilInstant(until: Until, timeZone: string): Date {
  return until.kind === 'instant' ? until.instant : floatingToInstant(until.floating, timeZone);
}

function buildRule(parsed: ParsedRule, firstFloating: Date, timeZone: string): RRuleInstance {
  const rest = [...parsed.parts].filter(([key]) => key !== 'UNTIL');
  const options = RRule.parseString(rest.map(([key, value]) => `${key}=${value}`).join(';'));
  return new RRule({
    ...options,
    dtstart: firstFloating,
    until: parsed.until ? floatingUntil(parsed.until, timeZone) : null,
    tzid: null,
  });
}

// ---------------------------------------------------------------------------------------------
// A compiled series: what occurrences(), ruleProblem() and the calendar file share.

/** One meeting as the series makes it: its wall time as written, and the instant it happens. */
export interface NominalMeeting {
  floating: Date;
  instant: Date;
}

export interface CompiledSeries {
  rule: SeriesRule;
  firstFloating: Date;
  /** The RRULE body as given (no "RRULE:"), or null for a one-off. */
  rrule: string | null;
  until: Until | null;
  /** Nominal meetings whose wall time lies in [fromFloating, toFloating], at most `max`. */
  between(fromFloating: Date, toFloating: Date, max: number): NominalMeeting[];
  /** The meeting of the series that starts at this instant, if there is one. */
  meetingAt(instant: Date): NominalMeeting | null;
}

/** Reads a series once. Throws on a rule that ruleProblem() would refuse. */
export function compileSeries(rule: SeriesRule): CompiledSeries {
  const problem = ruleProblem(rule);
  if (problem) throw new Error(`Bad series rule: ${problem}`);
  const firstFloating = parseLocal(rule.firstStartLocal)!;
  const parsed = rule.rrule ? (parseRrule(rule.rrule) as ParsedRule) : null;
  const rrule = parsed ? buildRule(parsed, firstFloating, rule.timeZone) : null;
  const nominal = (floating: Date): NominalMeeting => ({
    floating,
    instant: floatingToInstant(floating, rule.timeZone),
  });
  const between = (from: Date, to: Date, max: number): NominalMeeting[] => {
    if (max <= 0 || to < from) return [];
    if (!rrule) return firstFloating >= from && firstFloating <= to ? [nominal(firstFloating)] : [];
    return rrule.between(from, to, true, (_d, i) => i < max).map(nominal);
  };
  return {
    rule,
    firstFloating,
    rrule: rule.rrule ? rule.rrule.trim().replace(/^RRULE:/i, '') : null,
    until: parsed?.until ?? null,
    between,
    meetingAt(instant) {
      const around = toFloating(instant, rule.timeZone).getTime();
      // A wall time in a spring gap maps to an instant an hour on; look a little either side.
      return (
        between(new Date(around - 3 * 60 * MINUTE), new Date(around + 3 * 60 * MINUTE), 10).find(
          (m) => m.instant.getTime() === instant.getTime(),
        ) ?? null
      );
    },
  };
}

/** Validates a rule (bad zone, bad RRULE, COUNT/UNTIL sane, no more often than daily): a plain-words problem or null. */
export function ruleProblem(rule: SeriesRule, tr: TFunction = t): string | null {
  const say = (key: string, english: string, values: Record<string, unknown> = {}) =>
    tr(`events.rule.${key}`, { defaultValue: english, ...values });
  const firstFloating = parseLocal(rule.firstStartLocal);
  if (!firstFloating) {
    return say('firstStart', 'Please choose a real date and time for the first meeting.');
  }
  if (
    !Number.isInteger(rule.durationMinutes) ||
    rule.durationMinutes < MIN_DURATION_MINUTES ||
    rule.durationMinutes > MAX_DURATION_MINUTES
  ) {
    return say('duration', 'A meeting can last from 15 minutes to 12 hours.');
  }
  if (!isTimeZone(rule.timeZone))
    return say('timeZone', 'Please choose a time zone from the list.');
  if (rule.rrule === null) return null;
  const parsed = parseRrule(rule.rrule);
  if (typeof parsed === 'string') {
    const words: Record<Problem, string> = {
      unreadable: 'We could not understand how often it repeats.',
      tooOften: 'A meeting can repeat once a day at most.',
      countAndUntil: 'Please give a number of meetings or an end date. Not both.',
      count: 'A series can have from 1 to {{max}} meetings.',
    };
    return say(parsed, words[parsed], { max: MAX_COUNT });
  }
  if (parsed.until) {
    const until = floatingUntil(parsed.until, rule.timeZone);
    if (until < firstFloating) {
      return say('untilBeforeStart', 'Please choose an end date after the first meeting.');
    }
    const limit = new Date(firstFloating);
    limit.setUTCFullYear(limit.getUTCFullYear() + MAX_SERIES_YEARS);
    if (until > limit) {
      return say('untilTooFar', 'Please choose an end date less than {{years}} years away.', {
        years: MAX_SERIES_YEARS,
      });
    }
  }
  // The first meeting must be one the pattern makes, or calendars would show one more meeting.
  const first = buildRule(parsed, firstFloating, rule.timeZone).after(firstFloating, true);
  if (!first || first.getTime() !== firstFloating.getTime()) {
    return say(
      'firstNotInPattern',
      'The first meeting is not on a day the series repeats. Please change the date or the pattern.',
    );
  }
  return null;
}

/** Meetings whose start falls in [from, to), in order, at most `limit` (default 100); exceptions applied. */
export function occurrences(
  rule: SeriesRule,
  exceptions: SeriesException[],
  from: Date,
  to: Date,
  limit = DEFAULT_LIMIT,
): Occurrence[] {
  if (limit <= 0 || to <= from) return [];
  const series = compileSeries(rule);
  const byOriginal = new Map(exceptions.map((e) => [e.originalStart.getTime(), e]));
  // Wall times are within a day of the instants; a day's slack either side covers every zone.
  // Meetings moved out of the window are dropped below, so ask for that many more.
  const nominal = series.between(
    new Date(toFloating(from, rule.timeZone).getTime() - DAY),
    new Date(toFloating(to, rule.timeZone).getTime() + DAY),
    limit + exceptions.length + 4,
  );
  const seen = new Set(nominal.map((m) => m.instant.getTime()));
  // A meeting moved into the window from outside it belongs there too.
  for (const exception of exceptions) {
    const at = exception.originalStart;
    if (seen.has(at.getTime()) || exception.cancelled || !exception.newStartLocal) continue;
    const moved = localToInstantOrNull(exception.newStartLocal, rule.timeZone);
    if (!moved || moved < from || moved >= to) continue;
    const meeting = series.meetingAt(at);
    if (meeting) {
      nominal.push(meeting);
      seen.add(at.getTime());
    }
  }
  const out: Occurrence[] = [];
  for (const meeting of nominal) {
    const occurrence = applyException(
      meeting.instant,
      rule,
      byOriginal.get(meeting.instant.getTime()),
    );
    if (occurrence.start >= from && occurrence.start < to) out.push(occurrence);
  }
  out.sort(
    (a, b) =>
      a.start.getTime() - b.start.getTime() ||
      a.originalStart.getTime() - b.originalStart.getTime(),
  );
  return out.slice(0, limit);
}

function localToInstantOrNull(local: string, timeZone: string): Date | null {
  const floating = parseLocal(local);
  return floating ? floatingToInstant(floating, timeZone) : null;
}

function applyException(
  originalStart: Date,
  rule: SeriesRule,
  exception: SeriesException | undefined,
): Occurrence {
  const plain = (cancelled: boolean): Occurrence => ({
    originalStart,
    start: originalStart,
    end: new Date(originalStart.getTime() + rule.durationMinutes * MINUTE),
    cancelled,
    moved: false,
  });
  if (!exception) return plain(false);
  if (exception.cancelled) return plain(true);
  const start =
    (exception.newStartLocal && localToInstantOrNull(exception.newStartLocal, rule.timeZone)) ||
    originalStart;
  const minutes = exception.newDurationMinutes ?? rule.durationMinutes;
  return {
    originalStart,
    start,
    end: new Date(start.getTime() + minutes * MINUTE),
    cancelled: false,
    moved: start.getTime() !== originalStart.getTime() || minutes !== rule.durationMinutes,
  };
}

/** Whether a meeting of the series starts at this instant (an exception must name one). */
export function isOccurrence(rule: SeriesRule, instant: Date): boolean {
  return compileSeries(rule).meetingAt(instant) !== null;
}

// ---------------------------------------------------------------------------------------------
// Group rhythms.

/** A group's rhythm (see groups/rhythm.ts GroupRhythm) as a SeriesRule's rrule, so events can follow it. */
export function rruleFromRhythm(rhythm: GroupRhythm): string {
  if (rhythm.frequency === 'monthly') {
    return `FREQ=MONTHLY;BYDAY=${rhythm.weekOfMonth ?? 1}${rhythm.weekday}`;
  }
  const interval = rhythm.frequency === 'fortnightly' ? ';INTERVAL=2' : '';
  return `FREQ=WEEKLY${interval};BYDAY=${rhythm.weekday}`;
}

// Fortnights count from the Monday groups/rhythm.ts counts from, so a group's fortnightly
// meetings and its events fall in the same weeks.
const FORTNIGHT_EPOCH = Date.UTC(2026, 0, 5);

/** A series that follows a group's rhythm, from its first meeting at or after `after`. */
export function seriesRuleFromRhythm(rhythm: GroupRhythm, after: Date): SeriesRule {
  const rrule = rruleFromRhythm(rhythm);
  const [h, m] = rhythm.startTime.split(':').map(Number) as [number, number];
  const afterFloating = toFloating(after, rhythm.timeZone);
  // Start counting a day early and at the epoch's parity, then take the first real meeting.
  let day = Date.UTC(
    afterFloating.getUTCFullYear(),
    afterFloating.getUTCMonth(),
    afterFloating.getUTCDate() - 1,
  );
  if (rhythm.frequency === 'fortnightly') {
    const weeks = Math.floor((day - FORTNIGHT_EPOCH) / (7 * DAY));
    day = FORTNIGHT_EPOCH + (weeks - (((weeks % 2) + 2) % 2)) * 7 * DAY;
  } else {
    day = Date.UTC(afterFloating.getUTCFullYear(), afterFloating.getUTCMonth() - 1, 1);
  }
  const dtstart = new Date(day + (h * 60 + m) * MINUTE);
  const rule = new RRule({ ...RRule.parseString(rrule), dtstart, tzid: null });
  const first = rule
    .between(dtstart, new Date(afterFloating.getTime() + 400 * DAY), true, (_d, i) => i < 200)
    .find((floating) => floatingToInstant(floating, rhythm.timeZone) >= after);
  if (!first) throw new Error('A rhythm always has a next meeting');
  return {
    firstStartLocal: formatLocal(first),
    durationMinutes: rhythm.durationMinutes,
    timeZone: rhythm.timeZone,
    rrule,
  };
}
