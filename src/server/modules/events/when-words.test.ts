import { describe, expect, it } from 'vitest';
import { cancelledInWords, movedInWords, whenInWords } from './when-words';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const at = (text: string) => new Date(text);
const NOW = at('2026-03-01T12:00:00Z');

describe('whenInWords', () => {
  it('says a meeting in plain words, in its zone', () => {
    // 14 July 2026 is a Tuesday; London is on summer time (UTC+1).
    expect(whenInWords(at('2026-07-14T13:00Z'), at('2026-07-14T14:30Z'), LONDON, NOW)).toBe(
      'Tuesday 14 July, 2 pm to 3:30 pm',
    );
    expect(whenInWords(at('2026-07-14T13:00Z'), at('2026-07-14T14:30Z'), NEW_YORK, NOW)).toBe(
      'Tuesday 14 July, 9 am to 10:30 am',
    );
  });

  it('says noon and midnight, and minutes only when they are not :00', () => {
    expect(whenInWords(at('2026-01-13T12:00Z'), at('2026-01-13T13:05Z'), LONDON, NOW)).toBe(
      'Tuesday 13 January, noon to 1:05 pm',
    );
    expect(whenInWords(at('2026-01-13T10:15Z'), at('2026-01-13T12:00Z'), LONDON, NOW)).toBe(
      'Tuesday 13 January, 10:15 am to noon',
    );
    expect(whenInWords(at('2026-01-13T22:00Z'), at('2026-01-14T00:00Z'), LONDON, NOW)).toBe(
      'Tuesday 13 January, 10 pm to midnight',
    );
    expect(whenInWords(at('2026-01-13T00:30Z'), at('2026-01-13T01:00Z'), LONDON, NOW)).toBe(
      'Tuesday 13 January, 12:30 am to 1 am',
    );
  });

  it('names both days when a meeting goes past midnight', () => {
    expect(whenInWords(at('2026-01-13T23:00Z'), at('2026-01-14T01:00Z'), LONDON, NOW)).toBe(
      'Tuesday 13 January, 11 pm to Wednesday 14 January, 1 am',
    );
  });

  it('adds the year only when it is not this year', () => {
    expect(whenInWords(at('2027-05-14T13:00Z'), at('2027-05-14T14:00Z'), LONDON, NOW)).toBe(
      'Friday 14 May 2027, 2 pm to 3 pm',
    );
    expect(whenInWords(at('2026-12-31T23:00Z'), at('2027-01-01T01:00Z'), LONDON, NOW)).toBe(
      'Thursday 31 December, 11 pm to Friday 1 January 2027, 1 am',
    );
    // "This year" is the reader's year: in New York it is still 2026.
    expect(
      whenInWords(
        at('2026-12-31T20:00Z'),
        at('2026-12-31T21:00Z'),
        NEW_YORK,
        at('2027-01-01T02:00Z'),
      ),
    ).toBe('Thursday 31 December, 3 pm to 4 pm');
  });

  it('keeps the local time on both sides of a clock change', () => {
    expect(whenInWords(at('2026-03-24T14:00Z'), at('2026-03-24T15:30Z'), LONDON, NOW)).toBe(
      'Tuesday 24 March, 2 pm to 3:30 pm',
    );
    expect(whenInWords(at('2026-03-31T13:00Z'), at('2026-03-31T14:30Z'), LONDON, NOW)).toBe(
      'Tuesday 31 March, 2 pm to 3:30 pm',
    );
  });

  it('says just the start when there is no real end', () => {
    expect(whenInWords(at('2026-07-14T13:00Z'), at('2026-07-14T13:00Z'), LONDON, NOW)).toBe(
      'Tuesday 14 July, 2 pm',
    );
  });
});

describe('movedInWords', () => {
  it('says a new time on the same day', () => {
    expect(movedInWords(at('2026-05-12T13:00Z'), at('2026-05-12T14:00Z'), LONDON, NOW)).toBe(
      'The meeting on Tuesday 12 May has moved to 3 pm.',
    );
  });

  it('says a new day and time', () => {
    expect(movedInWords(at('2026-05-12T13:00Z'), at('2026-05-14T14:00Z'), LONDON, NOW)).toBe(
      'The meeting on Tuesday 12 May has moved to Thursday 14 May, 3 pm.',
    );
    expect(movedInWords(at('2026-12-29T14:00Z'), at('2027-01-05T14:30Z'), LONDON, NOW)).toBe(
      'The meeting on Tuesday 29 December has moved to Tuesday 5 January 2027, 2:30 pm.',
    );
  });
});

describe('cancelledInWords', () => {
  it('says which meeting is cancelled', () => {
    expect(cancelledInWords(at('2026-05-12T13:00Z'), LONDON, NOW)).toBe(
      'The meeting on Tuesday 12 May is cancelled.',
    );
    expect(cancelledInWords(at('2027-05-11T13:00Z'), LONDON, NOW)).toBe(
      'The meeting on Tuesday 11 May 2027 is cancelled.',
    );
  });
});
