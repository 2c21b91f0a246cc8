import { describe, expect, it } from 'vitest';
import type { GroupRhythm } from '../../../contract/groups';
import { nextMeetings } from '../groups/rhythm';
import {
  instantToLocal,
  isOccurrence,
  localToInstant,
  occurrences,
  rruleFromRhythm,
  ruleProblem,
  type SeriesException,
  type SeriesRule,
  seriesRuleFromRhythm,
} from './recurrence';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const iso = (d: Date) => d.toISOString();
const at = (text: string) => new Date(text);

function rule(partial: Partial<SeriesRule>): SeriesRule {
  return {
    firstStartLocal: '2026-01-06T14:00',
    durationMinutes: 90,
    timeZone: LONDON,
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    ...partial,
  };
}

function starts(r: SeriesRule, from: string, to: string, exceptions: SeriesException[] = []) {
  return occurrences(r, exceptions, at(from), at(to)).map((o) => iso(o.start));
}

describe('local wall time and instants', () => {
  it('reads a wall time in summer and in winter', () => {
    expect(iso(localToInstant('2026-07-01T14:00', LONDON))).toBe('2026-07-01T13:00:00.000Z');
    expect(iso(localToInstant('2026-01-01T14:00', LONDON))).toBe('2026-01-01T14:00:00.000Z');
    expect(iso(localToInstant('2026-07-01T14:00', NEW_YORK))).toBe('2026-07-01T18:00:00.000Z');
    expect(iso(localToInstant('2026-01-01T14:00', NEW_YORK))).toBe('2026-01-01T19:00:00.000Z');
  });

  it('moves a time the spring change skips to the next valid time', () => {
    // Europe/London: 01:00 to 02:00 does not happen on 29 March 2026; 01:30 becomes 02:30 BST.
    expect(iso(localToInstant('2026-03-29T01:30', LONDON))).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToLocal(localToInstant('2026-03-29T01:30', LONDON), LONDON)).toBe(
      '2026-03-29T02:30',
    );
    // America/New_York: 02:00 to 03:00 does not happen on 8 March 2026; 02:30 becomes 03:30 EDT.
    expect(instantToLocal(localToInstant('2026-03-08T02:30', NEW_YORK), NEW_YORK)).toBe(
      '2026-03-08T03:30',
    );
  });

  it('takes the first of a time the autumn change makes happen twice', () => {
    // 01:30 BST (00:30Z), not 01:30 GMT (01:30Z).
    expect(iso(localToInstant('2026-10-25T01:30', LONDON))).toBe('2026-10-25T00:30:00.000Z');
    // 01:30 EDT (05:30Z), not 01:30 EST (06:30Z).
    expect(iso(localToInstant('2026-11-01T01:30', NEW_YORK))).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('occurrences', () => {
  it('makes a weekly series at the same local time across the spring change (London)', () => {
    const r = rule({ firstStartLocal: '2026-03-17T14:00' });
    expect(starts(r, '2026-03-17T00:00Z', '2026-04-08T00:00Z')).toEqual([
      '2026-03-17T14:00:00.000Z',
      '2026-03-24T14:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
      '2026-04-07T13:00:00.000Z',
    ]);
  });

  it('keeps the local time across the autumn change (London)', () => {
    const r = rule({ firstStartLocal: '2026-10-20T14:00' });
    expect(starts(r, '2026-10-01T00:00Z', '2026-11-04T00:00Z')).toEqual([
      '2026-10-20T13:00:00.000Z',
      '2026-10-27T14:00:00.000Z',
      '2026-11-03T14:00:00.000Z',
    ]);
  });

  it('keeps the local time across both changes in New York', () => {
    const r = rule({
      firstStartLocal: '2026-03-02T18:30',
      timeZone: NEW_YORK,
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    });
    expect(starts(r, '2026-03-01T00:00Z', '2026-03-17T00:00Z')).toEqual([
      '2026-03-02T23:30:00.000Z',
      '2026-03-09T22:30:00.000Z',
      '2026-03-16T22:30:00.000Z',
    ]);
    expect(starts(r, '2026-10-26T00:00Z', '2026-11-10T00:00Z')).toEqual([
      '2026-10-26T22:30:00.000Z',
      '2026-11-02T23:30:00.000Z',
      '2026-11-09T23:30:00.000Z',
    ]);
    for (const o of occurrences(r, [], at('2026-03-01T00:00Z'), at('2026-12-01T00:00Z'))) {
      expect(instantToLocal(o.start, NEW_YORK).slice(11)).toBe('18:30');
    }
  });

  it('holds a 01:30 meeting on the days the clocks change in London', () => {
    const r = rule({ firstStartLocal: '2026-03-22T01:30', rrule: 'FREQ=WEEKLY;BYDAY=SU' });
    const spring = occurrences(r, [], at('2026-03-21T00:00Z'), at('2026-04-06T00:00Z'));
    expect(spring.map((o) => instantToLocal(o.start, LONDON))).toEqual([
      '2026-03-22T01:30',
      '2026-03-29T02:30', // 01:30 does not exist that day: the next valid time
      '2026-04-05T01:30',
    ]);
    expect(spring[1]!.end.getTime() - spring[1]!.start.getTime()).toBe(90 * 60_000);

    const autumn = occurrences(r, [], at('2026-10-17T00:00Z'), at('2026-11-02T00:00Z'));
    expect(autumn.map((o) => iso(o.start))).toEqual([
      '2026-10-18T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z', // the first 01:30 (BST), not the second (GMT)
      '2026-11-01T01:30:00.000Z',
    ]);
  });

  it('holds a 01:30 meeting on the days the clocks change in New York', () => {
    const r = rule({
      firstStartLocal: '2026-03-01T02:30',
      timeZone: NEW_YORK,
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
    });
    expect(
      occurrences(r, [], at('2026-03-01T00:00Z'), at('2026-03-16T00:00Z')).map((o) =>
        instantToLocal(o.start, NEW_YORK),
      ),
    ).toEqual(['2026-03-01T02:30', '2026-03-08T03:30', '2026-03-15T02:30']);
    const early = rule({
      firstStartLocal: '2026-10-25T01:30',
      timeZone: NEW_YORK,
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
    });
    expect(starts(early, '2026-10-25T00:00Z', '2026-11-09T00:00Z')).toEqual([
      '2026-10-25T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z', // the first 01:30 (EDT)
      '2026-11-08T06:30:00.000Z',
    ]);
  });

  it('makes monthly series on the second Tuesday and the last Friday', () => {
    const second = rule({ firstStartLocal: '2026-01-13T14:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU' });
    expect(
      occurrences(second, [], at('2026-01-01T00:00Z'), at('2026-06-01T00:00Z')).map((o) =>
        instantToLocal(o.start, LONDON),
      ),
    ).toEqual([
      '2026-01-13T14:00',
      '2026-02-10T14:00',
      '2026-03-10T14:00',
      '2026-04-14T14:00',
      '2026-05-12T14:00',
    ]);
    const last = rule({ firstStartLocal: '2026-01-30T10:30', rrule: 'FREQ=MONTHLY;BYDAY=-1FR' });
    expect(
      occurrences(last, [], at('2026-01-01T00:00Z'), at('2026-05-01T00:00Z')).map((o) =>
        instantToLocal(o.start, LONDON),
      ),
    ).toEqual(['2026-01-30T10:30', '2026-02-27T10:30', '2026-03-27T10:30', '2026-04-24T10:30']);
  });

  it('stops after COUNT meetings', () => {
    const r = rule({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3' });
    expect(starts(r, '2026-01-01T00:00Z', '2027-01-01T00:00Z')).toEqual([
      '2026-01-06T14:00:00.000Z',
      '2026-01-13T14:00:00.000Z',
      '2026-01-20T14:00:00.000Z',
    ]);
  });

  it('stops at UNTIL, as a UTC instant or as a local day', () => {
    const utc = rule({ rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260120T140000Z' });
    expect(starts(utc, '2026-01-01T00:00Z', '2027-01-01T00:00Z')).toHaveLength(3);
    const day = rule({ rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260127' });
    expect(starts(day, '2026-01-01T00:00Z', '2027-01-01T00:00Z')).toHaveLength(4);
    const before = rule({ rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260120T135959Z' });
    expect(starts(before, '2026-01-01T00:00Z', '2027-01-01T00:00Z')).toHaveLength(2);
  });

  it('shows a cancelled meeting as cancelled and keeps the rest of the series', () => {
    const r = rule({});
    const cancelled: SeriesException = {
      originalStart: at('2026-01-13T14:00Z'),
      cancelled: true,
      newStartLocal: null,
      newDurationMinutes: null,
    };
    const list = occurrences(r, [cancelled], at('2026-01-01T00:00Z'), at('2026-01-28T00:00Z'));
    expect(list.map((o) => [iso(o.start), o.cancelled])).toEqual([
      ['2026-01-06T14:00:00.000Z', false],
      ['2026-01-13T14:00:00.000Z', true],
      ['2026-01-20T14:00:00.000Z', false],
      ['2026-01-27T14:00:00.000Z', false],
    ]);
  });

  it('moves one meeting without breaking the series', () => {
    const r = rule({});
    const moved: SeriesException = {
      originalStart: at('2026-01-13T14:00Z'),
      cancelled: false,
      newStartLocal: '2026-01-15T15:00',
      newDurationMinutes: 60,
    };
    const list = occurrences(r, [moved], at('2026-01-01T00:00Z'), at('2026-01-28T00:00Z'));
    expect(list.map((o) => [iso(o.originalStart), iso(o.start), iso(o.end), o.moved])).toEqual([
      ['2026-01-06T14:00:00.000Z', '2026-01-06T14:00:00.000Z', '2026-01-06T15:30:00.000Z', false],
      ['2026-01-13T14:00:00.000Z', '2026-01-15T15:00:00.000Z', '2026-01-15T16:00:00.000Z', true],
      ['2026-01-20T14:00:00.000Z', '2026-01-20T14:00:00.000Z', '2026-01-20T15:30:00.000Z', false],
      ['2026-01-27T14:00:00.000Z', '2026-01-27T14:00:00.000Z', '2026-01-27T15:30:00.000Z', false],
    ]);
  });

  it('finds a meeting moved into the window from outside it, and drops one moved out', () => {
    const r = rule({});
    const intoWindow: SeriesException = {
      originalStart: at('2026-02-03T14:00Z'),
      cancelled: false,
      newStartLocal: '2026-01-22T10:00',
      newDurationMinutes: null,
    };
    const outOfWindow: SeriesException = {
      originalStart: at('2026-01-20T14:00Z'),
      cancelled: false,
      newStartLocal: '2026-02-05T10:00',
      newDurationMinutes: null,
    };
    expect(starts(r, '2026-01-19T00:00Z', '2026-01-26T00:00Z', [intoWindow, outOfWindow])).toEqual([
      '2026-01-22T10:00:00.000Z',
    ]);
  });

  it('ignores an exception that names no meeting of the series', () => {
    const stray: SeriesException = {
      originalStart: at('2026-01-14T14:00Z'),
      cancelled: true,
      newStartLocal: null,
      newDurationMinutes: null,
    };
    expect(starts(rule({}), '2026-01-01T00:00Z', '2026-01-21T00:00Z', [stray])).toHaveLength(3);
    expect(isOccurrence(rule({}), at('2026-01-13T14:00Z'))).toBe(true);
    expect(isOccurrence(rule({}), at('2026-01-14T14:00Z'))).toBe(false);
  });

  it('gives at most the limit, 100 by default, from a window that is half open', () => {
    const daily = rule({ rrule: 'FREQ=DAILY' });
    expect(occurrences(daily, [], at('2026-01-06T00:00Z'), at('2027-06-01T00:00Z'))).toHaveLength(
      100,
    );
    const five = occurrences(daily, [], at('2026-01-06T14:00Z'), at('2027-06-01T00:00Z'), 5);
    expect(five.map((o) => iso(o.start))).toEqual([
      '2026-01-06T14:00:00.000Z',
      '2026-01-07T14:00:00.000Z',
      '2026-01-08T14:00:00.000Z',
      '2026-01-09T14:00:00.000Z',
      '2026-01-10T14:00:00.000Z',
    ]);
    // The end of the window is not in it.
    expect(starts(daily, '2026-01-06T00:00Z', '2026-01-08T14:00Z')).toHaveLength(2);
    expect(occurrences(daily, [], at('2026-01-06T00:00Z'), at('2026-01-08T00:00Z'), 0)).toEqual([]);
  });

  it('makes a one-off meeting, and lets it be moved', () => {
    const once = rule({ firstStartLocal: '2026-06-02T11:00', rrule: null });
    expect(starts(once, '2026-01-01T00:00Z', '2027-01-01T00:00Z')).toEqual([
      '2026-06-02T10:00:00.000Z',
    ]);
    const moved: SeriesException = {
      originalStart: at('2026-06-02T10:00Z'),
      cancelled: false,
      newStartLocal: '2026-06-03T11:00',
      newDurationMinutes: null,
    };
    expect(starts(once, '2026-01-01T00:00Z', '2027-01-01T00:00Z', [moved])).toEqual([
      '2026-06-03T10:00:00.000Z',
    ]);
  });
});

describe('ruleProblem', () => {
  it('accepts sound rules', () => {
    expect(ruleProblem(rule({}))).toBeNull();
    expect(ruleProblem(rule({ rrule: null }))).toBeNull();
    expect(ruleProblem(rule({ rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10' }))).toBe(
      null,
    );
    expect(
      ruleProblem(rule({ firstStartLocal: '2026-01-13T14:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU' })),
    ).toBeNull();
  });

  it('refuses a first start that is not a real date and time', () => {
    for (const firstStartLocal of ['2026-02-30T14:00', '2026-01-06 14:00', '2026-01-06T24:00']) {
      expect(ruleProblem(rule({ firstStartLocal }))).toMatch(/real date and time/);
    }
  });

  it('refuses a bad length and a bad zone', () => {
    expect(ruleProblem(rule({ durationMinutes: 5 }))).toMatch(/15 minutes to 12 hours/);
    expect(ruleProblem(rule({ durationMinutes: 60.5 }))).toMatch(/15 minutes/);
    expect(ruleProblem(rule({ timeZone: 'Mars/Olympus' }))).toMatch(/time zone/);
  });

  it('refuses rules it cannot read or that repeat more than once a day', () => {
    for (const rrule of [
      'FREQ=FORTNIGHTLY',
      'BYDAY=TU',
      'FREQ=WEEKLY;BYDAY=XX',
      'FREQ=WEEKLY;FREQ=DAILY',
      'FREQ=WEEKLY;BYYEARDAY=3',
      'DTSTART:20260106T140000\nRRULE:FREQ=WEEKLY',
      'FREQ=WEEKLY;INTERVAL=0',
    ]) {
      expect(ruleProblem(rule({ rrule })), rrule).toMatch(/could not understand/);
    }
    for (const rrule of ['FREQ=HOURLY', 'FREQ=DAILY;BYHOUR=9,15', 'FREQ=MINUTELY']) {
      expect(ruleProblem(rule({ rrule })), rrule).toMatch(/once a day at most/);
    }
  });

  it('wants COUNT and UNTIL to be sane', () => {
    expect(ruleProblem(rule({ rrule: 'FREQ=WEEKLY;COUNT=3;UNTIL=20260301' }))).toMatch(/Not both/);
    expect(ruleProblem(rule({ rrule: 'FREQ=WEEKLY;COUNT=0' }))).toMatch(/1 to 500/);
    expect(ruleProblem(rule({ rrule: 'FREQ=WEEKLY;COUNT=501' }))).toMatch(/1 to 500/);
    expect(ruleProblem(rule({ rrule: 'FREQ=WEEKLY;UNTIL=20251201' }))).toMatch(/after the first/);
    expect(ruleProblem(rule({ rrule: 'FREQ=WEEKLY;UNTIL=20400101' }))).toMatch(/10 years/);
    expect(ruleProblem(rule({ rrule: 'FREQ=WEEKLY;UNTIL=20261301' }))).toMatch(/understand/);
  });

  it('wants the first meeting to be one the pattern makes', () => {
    // 6 January 2026 is a Tuesday, not a Wednesday, nor the second Tuesday.
    expect(ruleProblem(rule({ rrule: 'FREQ=WEEKLY;BYDAY=WE' }))).toMatch(/not on a day/);
    expect(ruleProblem(rule({ rrule: 'FREQ=MONTHLY;BYDAY=2TU' }))).toMatch(/not on a day/);
    expect(() =>
      occurrences(rule({ rrule: 'FREQ=WEEKLY;BYDAY=WE' }), [], new Date(0), new Date()),
    ).toThrow();
  });
});

describe('group rhythms', () => {
  const base: GroupRhythm = {
    frequency: 'weekly',
    weekday: 'TU',
    weekOfMonth: null,
    startTime: '14:00',
    durationMinutes: 90,
    timeZone: LONDON,
  };

  it('writes the rhythm as an RRULE', () => {
    expect(rruleFromRhythm(base)).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(rruleFromRhythm({ ...base, frequency: 'fortnightly' })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    );
    expect(rruleFromRhythm({ ...base, frequency: 'monthly', weekOfMonth: 2 })).toBe(
      'FREQ=MONTHLY;BYDAY=2TU',
    );
    expect(rruleFromRhythm({ ...base, frequency: 'monthly', weekday: 'FR', weekOfMonth: -1 })).toBe(
      'FREQ=MONTHLY;BYDAY=-1FR',
    );
  });

  it('starts a series on the meetings the group itself shows', () => {
    const after = at('2026-03-20T12:00Z');
    for (const rhythm of [
      base,
      { ...base, frequency: 'fortnightly' as const },
      { ...base, frequency: 'fortnightly' as const, weekday: 'MO' as const, timeZone: NEW_YORK },
      { ...base, frequency: 'monthly' as const, weekOfMonth: 2 as const },
      { ...base, frequency: 'monthly' as const, weekday: 'FR' as const, weekOfMonth: -1 as const },
    ]) {
      const series = seriesRuleFromRhythm(rhythm, after);
      expect(ruleProblem(series)).toBeNull();
      const ours = occurrences(series, [], after, at('2026-12-31T00:00Z'), 4).map((o) =>
        iso(o.start),
      );
      expect(ours, rhythm.frequency).toEqual(nextMeetings(rhythm, after, 4).map(iso));
    }
  });
});
