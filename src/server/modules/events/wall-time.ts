// Wall time and instants for a gathering's meetings. A "floating" Date holds a wall time in its
// UTC fields (as rrule does); these turn it into the instant it happens in a zone and back,
// across daylight-saving changes.

const DAY = 24 * 60 * 60_000;

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A 'YYYY-MM-DDTHH:mm' wall time as a floating Date, or null when it is not a real date and time. */
export function parseLocal(local: string): Date | null {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const floating = new Date(Date.UTC(y, mo - 1, d, h, mi));
  // Date.UTC rolls 30 February into March; a real date comes back unchanged.
  if (floating.getUTCMonth() !== mo - 1 || floating.getUTCDate() !== d) return null;
  return floating;
}

/** A floating Date back as 'YYYY-MM-DDTHH:mm'. */
export function formatLocal(floating: Date): string {
  return floating.toISOString().slice(0, 16);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, format);
  }
  return format;
}

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function zoneOffset(instant: number, timeZone: string): number {
  const parts = offsetFormatter(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The wall time in a zone at an instant, as a floating Date. */
export function toFloating(instant: Date, timeZone: string): Date {
  return new Date(instant.getTime() + zoneOffset(instant.getTime(), timeZone));
}

/**
 * The instant a wall time happens in a zone. Where the clocks go back the wall time happens
 * twice: take the first. Where they go forward it does not happen at all (01:30 on the spring
 * day in Europe/London): move on by the gap to the next valid time (02:30), as RFC 5545 does.
 */
export function floatingToInstant(floating: Date, timeZone: string): Date {
  const wall = floating.getTime();
  // Offsets are at most a day apart from the wall time, so the ones around it cover every case.
  const before = zoneOffset(wall - DAY, timeZone);
  const after = zoneOffset(wall + DAY, timeZone);
  const fits = [before, after]
    .map((offset) => wall - offset)
    .filter((instant) => wall - zoneOffset(instant, timeZone) === instant)
    .sort((a, b) => a - b);
  if (fits[0] !== undefined) return new Date(fits[0]);
  // In the gap: read the wall time with the offset from before the change, which lands past it.
  return new Date(wall - before);
}

/** The instant of a 'YYYY-MM-DDTHH:mm' wall time in a zone (see floatingToInstant for DST). */
export function localToInstant(local: string, timeZone: string): Date {
  const floating = parseLocal(local);
  if (!floating) throw new Error(`Not a local date and time: ${local}`);
  return floatingToInstant(floating, timeZone);
}

/** An instant as 'YYYY-MM-DDTHH:mm' in a zone. */
export function instantToLocal(instant: Date, timeZone: string): string {
  return formatLocal(toFloating(instant, timeZone));
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone.includes('/') || timeZone === 'UTC';
  } catch {
    return false;
  }
}
