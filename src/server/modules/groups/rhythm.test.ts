import { describe, expect, it } from 'vitest';
import type { GroupRhythm } from '../../../contract/groups';
import { searchPlaces } from './places';
import { meetingInWords, nextMeetings, recurrenceRule, rhythmInWords } from './rhythm';

const monthly: GroupRhythm = {
  frequency: 'monthly',
  weekday: 'TU',
  weekOfMonth: 2,
  startTime: '14:00',
  durationMinutes: 90,
  timeZone: 'Europe/London',
};

describe('meeting rhythm', () => {
  it('is stored as an RRULE with its time zone', () => {
    expect(recurrenceRule(monthly)).toBe(
      'DTSTART;TZID=Europe/London:20260105T140000\nRRULE:FREQ=MONTHLY;BYDAY=+2TU',
    );
    expect(recurrenceRule({ ...monthly, frequency: 'fortnightly', weekOfMonth: null })).toContain(
      'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
    );
  });

  it('is said in words', () => {
    expect(rhythmInWords(monthly)).toBe('Second Tuesday of each month, 2 pm to 3:30 pm, UK time.');
    expect(
      rhythmInWords({
        ...monthly,
        frequency: 'weekly',
        weekday: 'WE',
        startTime: '11:00',
        durationMinutes: 60,
      }),
    ).toBe('Every Wednesday, 11 am to 12 noon, UK time.');
    expect(rhythmInWords({ ...monthly, weekOfMonth: -1, weekday: 'TH' })).toMatch(/^Last Thursday/);
  });

  it('finds the next meetings at the right instant across a clock change', () => {
    const next = nextMeetings(monthly, new Date('2026-03-01T00:00:00Z'), 2);
    // 10 March is GMT; 14 April is BST (UTC+1), so 2 pm there is 13:00 UTC.
    expect(next.map((d) => d.toISOString())).toEqual([
      '2026-03-10T14:00:00.000Z',
      '2026-04-14T13:00:00.000Z',
    ]);
    expect(meetingInWords(next[1]!, 'Europe/London')).toBe('Tuesday 14 April at 2 pm');
  });

  it('works for time zones far from UTC', () => {
    const sydney = {
      ...monthly,
      frequency: 'weekly',
      weekOfMonth: null,
      timeZone: 'Australia/Sydney',
    } as const;
    const [first] = nextMeetings(sydney, new Date('2026-06-01T00:00:00Z'), 1);
    expect(meetingInWords(first!, 'Australia/Sydney')).toBe('Tuesday 2 June at 2 pm');
  });
});

describe('the offline place list', () => {
  it('finds towns and postcode districts', () => {
    expect(searchPlaces('Leeds')[0]).toMatchObject({ name: 'Leeds', country: 'GB', kind: 'town' });
    expect(searchPlaces('M5V 2T6')[0]).toMatchObject({
      name: 'M5V',
      country: 'CA',
      kind: 'postcode',
    });
    expect(searchPlaces('10001')[0]).toMatchObject({ name: '100xx', country: 'US' });
    expect(searchPlaces('Cork', 'IE')[0]).toMatchObject({ country: 'IE' });
    expect(searchPlaces('   ')).toEqual([]);
  });
});
