// When a notification goes out by email or push: now, when quiet hours end, or with the
// next digest. Pure functions of the person's choices and the time, in their own time zone.
import type { EmailMode, KindRule } from '../../../contract/notifications';

export interface Timing {
  emailMode: EmailMode;
  /** Minutes after midnight, local; null when there are no quiet hours. */
  quietFrom: number | null;
  quietUntil: number | null;
  timeZone: string;
  pausedUntil: Date | null;
}

/** Digests go out at this local time: daily every morning, weekly on Monday mornings. */
export const DIGEST_MINUTE = 9 * 60;

interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall-clock time in a zone at an instant. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: weekdays.indexOf(parts.weekday ?? 'Sun'),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetMs(at: Date, timeZone: string): number {
  const l = localTime(at, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, Math.floor(l.minute / 60), l.minute % 60);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/**
 * The instant a wall-clock time happens in a zone. Checked twice so a daylight-saving
 * change between the guess and the answer is taken into account; a time the clocks skip
 * (the spring gap) comes out an hour later, as clocks show it.
 */
export function zonedInstant(
  date: { year: number; month: number; day: number },
  minute: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, Math.floor(minute / 60), minute % 60);
  let guess = wall - offsetMs(new Date(wall), timeZone);
  guess = wall - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** The local calendar date `days` after the given one. */
function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** True when a local minute falls within quiet hours (which may run past midnight). */
export function inQuietHours(minute: number, from: number, until: number): boolean {
  return from < until ? minute >= from && minute < until : minute >= from || minute < until;
}

/** When quiet hours that hold `at` end; `at` itself when they do not hold it. */
export function afterQuietHours(at: Date, timing: Timing): Date {
  const { quietFrom, quietUntil, timeZone } = timing;
  if (quietFrom === null || quietUntil === null) return at;
  const local = localTime(at, timeZone);
  if (!inQuietHours(local.minute, quietFrom, quietUntil)) return at;
  // The end is today if it is still ahead on the clock, else tomorrow.
  const day = local.minute < quietUntil ? local : addDays(local, 1);
  return zonedInstant(day, quietUntil, timeZone);
}

/** The next digest time after `at`: tomorrow morning, or next Monday morning. */
export function nextDigest(at: Date, timing: Timing): Date {
  const local = localTime(at, timing.timeZone);
  let days = local.minute < DIGEST_MINUTE ? 0 : 1;
  if (timing.emailMode === 'weekly') {
    // Monday is 1; today counts only if it is Monday and the digest hour is still ahead.
    days = (1 - local.weekday + 7) % 7;
    if (days === 0 && local.minute >= DIGEST_MINUTE) days = 7;
  }
  const due = zonedInstant(addDays(local, days), DIGEST_MINUTE, timing.timeZone);
  return afterQuietHours(due, timing);
}

export type Delivery = { at: Date; digest: boolean } | null;

/**
 * When a notification goes by email (`channel` email) or push: null when it does not go at
 * all (the person paused everything). Urgent kinds go at once, whatever the person chose.
 */
export function deliveryTime(
  channel: 'email' | 'push',
  rule: KindRule,
  timing: Timing,
  now: Date,
): Delivery {
  if (rule.urgent) return { at: now, digest: false };
  if (timing.pausedUntil && timing.pausedUntil > now) return null;
  if (channel === 'email' && timing.emailMode !== 'each' && !rule.timely) {
    return { at: nextDigest(now, timing), digest: true };
  }
  return { at: afterQuietHours(now, timing), digest: false };
}
