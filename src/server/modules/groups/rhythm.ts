// A group's meeting rhythm: stored as an RFC 5545 RRULE with an IANA time zone,
// shown in words ("Second Tuesday of each month, 2 pm to 3:30 pm, UK time").
import rrulePkg from 'rrule';
import type { GroupRhythm } from '../../../contract/groups';
import type { Weekday } from '../../../contract/groups-values';
import { t } from '../../lib/i18n';

const { RRule } = rrulePkg as unknown as typeof import('rrule');

const byWeekday = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
} as const;

/** The first date on or after which the rule starts counting (fortnights count from it). */
const EPOCH = { y: 2026, m: 0, d: 5 }; // a Monday

function floatingStart(rhythm: GroupRhythm): Date {
  const [h, min] = rhythm.startTime.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(EPOCH.y, EPOCH.m, EPOCH.d, h, min));
}

function ruleFor(rhythm: GroupRhythm): InstanceType<typeof RRule> {
  const day = byWeekday[rhythm.weekday];
  const dtstart = floatingStart(rhythm);
  if (rhythm.frequency === 'monthly') {
    return new RRule({
      freq: RRule.MONTHLY,
      byweekday: [day.nth(rhythm.weekOfMonth ?? 1)],
      dtstart,
    });
  }
  return new RRule({
    freq: RRule.WEEKLY,
    interval: rhythm.frequency === 'fortnightly' ? 2 : 1,
    byweekday: [day],
    dtstart,
  });
}

/** The RRULE line stored beside the rhythm (its times are wall-clock times in the time zone). */
export function recurrenceRule(rhythm: GroupRhythm): string {
  return `DTSTART;TZID=${rhythm.timeZone}:${ruleFor(rhythm)
    .toString()
    .split('\n')[0]!
    .replace(/^DTSTART:/, '')
    .replace(/Z$/, '')}\n${ruleFor(rhythm).toString().split('\n')[1]}`;
}

/** The offset of a time zone from UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The real instant of a wall-clock time (given as a "floating" UTC date) in a time zone. */
export function wallClockToInstant(floating: Date, timeZone: string): Date {
  const guess = floating.getTime();
  const first = guess - zoneOffset(guess, timeZone);
  const second = guess - zoneOffset(first, timeZone);
  return new Date(second);
}

/** The next meetings after a moment, as real instants. */
export function nextMeetings(rhythm: GroupRhythm, after: Date, count = 3): Date[] {
  const rule = ruleFor(rhythm);
  // Work in floating wall-clock time: shift "after" into the zone, step, shift back.
  const floatingAfter = new Date(after.getTime() + zoneOffset(after.getTime(), rhythm.timeZone));
  const out: Date[] = [];
  let cursor = new Date(floatingAfter.getTime() - 1);
  while (out.length < count) {
    const next = rule.after(cursor, false);
    if (!next) break;
    const instant = wallClockToInstant(next, rhythm.timeZone);
    if (instant.getTime() > after.getTime()) out.push(instant);
    cursor = next;
  }
  return out;
}

function clock(hours: number, minutes: number): string {
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? 'am' : 'pm';
  if (hours === 12 && minutes === 0) return t('groups.time.noon');
  return minutes === 0
    ? `${h12} ${suffix}`
    : `${h12}:${String(minutes).padStart(2, '0')} ${suffix}`;
}

/** The time zone as people say it: "UK time", "Eastern Time", "Sydney time". */
export function zoneInWords(timeZone: string, at = new Date()): string {
  const known = t(`groups.zones.${timeZone.replace('/', '_')}`, { defaultValue: '' });
  if (known) return known;
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? timeZone;
}

function timeSpan(rhythm: GroupRhythm): string {
  const [h, m] = rhythm.startTime.split(':').map(Number) as [number, number];
  const end = h * 60 + m + rhythm.durationMinutes;
  return t('groups.time.span', {
    from: clock(h, m),
    to: clock(Math.floor(end / 60) % 24, end % 60),
  });
}

// Few rhythms repeat across many groups; words for one are made once (lists show dozens).
const wordsCache = new Map<string, string>();
const WORDS_CACHE_MAX = 2000;

/** "Second Tuesday of each month, 2 pm to 3:30 pm, UK time." */
export function rhythmInWords(rhythm: GroupRhythm): string {
  const key = `${rhythm.frequency}|${rhythm.weekday}|${rhythm.weekOfMonth}|${rhythm.startTime}|${rhythm.durationMinutes}|${rhythm.timeZone}`;
  const known = wordsCache.get(key);
  if (known !== undefined) return known;
  const words = describeRhythm(rhythm);
  if (wordsCache.size >= WORDS_CACHE_MAX) wordsCache.clear();
  wordsCache.set(key, words);
  return words;
}

function describeRhythm(rhythm: GroupRhythm): string {
  const day = t(`groups.weekdays.${rhythm.weekday as Weekday}`);
  const when =
    rhythm.frequency === 'monthly'
      ? t('groups.rhythm.monthly', {
          nth: t(`groups.nth.${rhythm.weekOfMonth === -1 ? 'last' : rhythm.weekOfMonth}`),
          day,
        })
      : t(`groups.rhythm.${rhythm.frequency}`, { day });
  return t('groups.rhythm.full', {
    when,
    time: timeSpan(rhythm),
    zone: zoneInWords(rhythm.timeZone),
  });
}

/** One meeting in words, in the group's time zone: "Tuesday 10 March, 2 pm". */
export function meetingInWords(instant: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(instant);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const h = Number(parts.find((p) => p.type === 'hour')?.value);
  const m = Number(parts.find((p) => p.type === 'minute')?.value);
  return t('groups.time.meeting', { date, time: clock(h, m) });
}
