import { describe, expect, it } from 'vitest';
import { addMinutes, localParts, monthInWords, monthlyRule, zoneName } from './when';

describe('times for the meeting forms', () => {
  it('gives the wall-clock date and time in the event zone, in summer and winter', () => {
    expect(localParts('2026-05-14T13:00:00.000Z', 'Europe/London')).toEqual({
      date: '2026-05-14',
      time: '14:00',
    });
    expect(localParts('2026-12-08T14:00:00.000Z', 'Europe/London')).toEqual({
      date: '2026-12-08',
      time: '14:00',
    });
    // Late at night in New York is already the next day in UTC.
    expect(localParts('2026-03-01T03:30:00.000Z', 'America/New_York')).toEqual({
      date: '2026-02-28',
      time: '22:30',
    });
  });

  it('adds a meeting length to a wall-clock time, over midnight and month ends', () => {
    expect(addMinutes('2026-05-14', '14:00', 90)).toBe('2026-05-14T15:30');
    expect(addMinutes('2026-05-31', '23:30', 60)).toBe('2026-06-01T00:30');
    // On the day the clocks change, the wall clock still reads 90 minutes on.
    expect(addMinutes('2026-03-29', '00:30', 90)).toBe('2026-03-29T02:00');
  });

  it('repeats monthly on the same weekday, and a fifth one becomes the last', () => {
    expect(monthlyRule('2026-05-12')).toMatchObject({ rrule: 'FREQ=MONTHLY;BYDAY=2TU', nth: 2 });
    expect(monthlyRule('2026-05-01')).toMatchObject({ rrule: 'FREQ=MONTHLY;BYDAY=1FR', nth: 1 });
    expect(monthlyRule('2026-05-29')).toMatchObject({ rrule: 'FREQ=MONTHLY;BYDAY=-1FR', nth: -1 });
  });

  it('names a time zone in words, and falls back to its name', () => {
    expect(zoneName('Europe/London', 'en-GB')).toMatch(/United Kingdom|UK|British|Greenwich/);
    expect(zoneName('Not/AZone', 'en-GB')).toBe('Not/AZone');
  });
});

describe('months of the attendance counts', () => {
  it('names the month and year, whatever the time zone', () => {
    expect(monthInWords('2026-05', 'en-GB')).toBe('May 2026');
    expect(monthInWords('2026-12', 'en-US')).toBe('December 2026');
    expect(monthInWords('2027-01', 'en-GB')).toBe('January 2027');
  });
});
