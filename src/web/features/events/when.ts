/** An instant as the wall-clock date and time in a time zone: { date: '2026-05-14', time: '14:00' }. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** Adds minutes to a wall-clock "HH:MM" on a date, giving a LocalDateTime ("2026-05-14T15:30"). */
export function addMinutes(date: string, time: string, minutes: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1, d, hh, mm + minutes));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** A time zone as people say it ("United Kingdom Time"), else its name ("Europe/London"). */
export function zoneName(timeZone: string, language: string): string {
  try {
    const part = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

const weekdayCodes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/**
 * Monthly on the same weekday as the first meeting: "the second Tuesday" (BYDAY=2TU); a fifth
 * one, which not every month has, becomes "the last" (BYDAY=-1TU).
 */
export function monthlyRule(date: string): { rrule: string; nth: number; weekday: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const week = Math.ceil(d / 7);
  const nth = week > 4 ? -1 : week;
  return { rrule: `FREQ=MONTHLY;BYDAY=${nth}${weekdayCodes[weekday]}`, nth, weekday };
}

/** A month of the attendance counts ('2026-05') as people say it: "May 2026". */
export function monthInWords(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 15)));
}
