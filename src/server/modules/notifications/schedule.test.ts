import { describe, expect, it } from 'vitest';
import {
  afterQuietHours,
  deliveryTime,
  inQuietHours,
  localTime,
  nextDigest,
  type Timing,
  zonedInstant,
} from './schedule';

const london: Timing = {
  emailMode: 'each',
  quietFrom: 22 * 60,
  quietUntil: 8 * 60,
  timeZone: 'Europe/London',
  pausedUntil: null,
};
const ordinary = { email: true, urgent: false };
const urgent = { email: true, urgent: true };

describe('quiet hours', () => {
  it('may run past midnight', () => {
    expect(inQuietHours(23 * 60, 22 * 60, 8 * 60)).toBe(true);
    expect(inQuietHours(7 * 60 + 59, 22 * 60, 8 * 60)).toBe(true);
    expect(inQuietHours(8 * 60, 22 * 60, 8 * 60)).toBe(false);
    expect(inQuietHours(13 * 60, 12 * 60, 14 * 60)).toBe(true);
    expect(inQuietHours(14 * 60, 12 * 60, 14 * 60)).toBe(false);
  });

  it('holds an evening event until the next morning, in the person’s own zone', () => {
    // 23:30 in London in winter is 23:30 UTC.
    const at = new Date('2026-01-14T23:30:00Z');
    expect(afterQuietHours(at, london).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    // 03:00 is quiet too, and ends the same morning.
    expect(afterQuietHours(new Date('2026-01-15T03:00:00Z'), london).toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
    // Midday is not quiet: it goes at once.
    const noon = new Date('2026-01-15T12:00:00Z');
    expect(afterQuietHours(noon, london)).toBe(noon);
  });

  it('ends at 8 on the local clock across the spring daylight-saving change', () => {
    // Clocks go forward on Sunday 29 March 2026: 8:00 that morning is 07:00 UTC.
    const saturdayNight = new Date('2026-03-28T23:00:00Z');
    expect(afterQuietHours(saturdayNight, london).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('ends at 8 on the local clock across the autumn change', () => {
    // Clocks go back on Sunday 25 October 2026: 8:00 that morning is 08:00 UTC again.
    const saturdayNight = new Date('2026-10-24T22:30:00Z'); // 23:30 local (BST)
    expect(afterQuietHours(saturdayNight, london).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('works in a zone far from UTC', () => {
    const tokyo: Timing = { ...london, timeZone: 'Asia/Tokyo' };
    // 14:00 UTC is 23:00 in Tokyo; 08:00 there is 23:00 UTC.
    expect(afterQuietHours(new Date('2026-05-01T14:00:00Z'), tokyo).toISOString()).toBe(
      '2026-05-01T23:00:00.000Z',
    );
  });
});

describe('digests', () => {
  const daily: Timing = { ...london, emailMode: 'daily', quietFrom: null, quietUntil: null };

  it('a daily digest goes the next morning at 9, or this morning if 9 is still ahead', () => {
    expect(nextDigest(new Date('2026-01-14T15:00:00Z'), daily).toISOString()).toBe(
      '2026-01-15T09:00:00.000Z',
    );
    expect(nextDigest(new Date('2026-01-14T06:00:00Z'), daily).toISOString()).toBe(
      '2026-01-14T09:00:00.000Z',
    );
  });

  it('a weekly digest goes on Monday morning', () => {
    const weekly: Timing = { ...daily, emailMode: 'weekly' };
    // Wednesday 14 January 2026 → Monday 19 January.
    expect(nextDigest(new Date('2026-01-14T15:00:00Z'), weekly).toISOString()).toBe(
      '2026-01-19T09:00:00.000Z',
    );
    // Monday after 9 → the Monday after.
    expect(nextDigest(new Date('2026-01-19T10:00:00Z'), weekly).toISOString()).toBe(
      '2026-01-26T09:00:00.000Z',
    );
  });

  it('a digest that would fall in quiet hours waits for them to end', () => {
    const late: Timing = { ...daily, quietFrom: 6 * 60, quietUntil: 10 * 60 };
    expect(nextDigest(new Date('2026-01-14T15:00:00Z'), late).toISOString()).toBe(
      '2026-01-15T10:00:00.000Z',
    );
  });
});

describe('deliveryTime', () => {
  const night = new Date('2026-01-14T23:30:00Z');

  it('an urgent kind goes at once, through quiet hours, a pause and a digest', () => {
    const everything: Timing = {
      ...london,
      emailMode: 'weekly',
      pausedUntil: new Date('2026-02-01T00:00:00Z'),
    };
    expect(deliveryTime('email', urgent, everything, night)).toEqual({ at: night, digest: false });
  });

  it('a pause sends nothing by email or push until it ends', () => {
    const paused: Timing = { ...london, pausedUntil: new Date('2026-01-20T00:00:00Z') };
    expect(deliveryTime('email', ordinary, paused, night)).toBeNull();
    expect(deliveryTime('push', ordinary, paused, night)).toBeNull();
    const over: Timing = { ...london, pausedUntil: new Date('2026-01-01T00:00:00Z') };
    expect(deliveryTime('push', ordinary, over, night)?.at.toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
  });

  it('digest email waits for the digest; push still goes after quiet hours', () => {
    const daily: Timing = { ...london, emailMode: 'daily' };
    expect(deliveryTime('email', ordinary, daily, night)).toEqual({
      at: new Date('2026-01-15T09:00:00Z'),
      digest: true,
    });
    expect(deliveryTime('push', ordinary, daily, night)).toEqual({
      at: new Date('2026-01-15T08:00:00Z'),
      digest: false,
    });
  });
});

describe('time zones', () => {
  it('reads the wall clock in a zone', () => {
    const l = localTime(new Date('2026-07-01T12:34:00Z'), 'America/New_York');
    expect(l).toEqual({ year: 2026, month: 7, day: 1, weekday: 3, minute: 8 * 60 + 34 });
  });

  it('turns a wall-clock time into an instant, in summer and in winter', () => {
    const ny = 'America/New_York';
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, 9 * 60, ny).toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(zonedInstant({ year: 2026, month: 1, day: 1 }, 9 * 60, ny).toISOString()).toBe(
      '2026-01-01T14:00:00.000Z',
    );
  });
});

describe('a timely kind (a meeting reminder)', () => {
  it('is mailed on its own to someone who chose a daily digest, but waits out a pause', () => {
    const timely = { email: true, urgent: false, timely: true };
    const daily: Timing = { ...london, emailMode: 'daily' };
    const noon = new Date('2026-01-15T12:00:00Z');
    expect(deliveryTime('email', timely, daily, noon)).toEqual({ at: noon, digest: false });
    expect(deliveryTime('email', ordinary, daily, noon)?.digest).toBe(true);
    const paused = { ...daily, pausedUntil: new Date('2026-01-20T00:00:00Z') };
    expect(deliveryTime('email', timely, paused, noon)).toBeNull();
  });
});
