import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFeed, eventIcs, type IcsEvent, vtimezone } from './ics';
import { localToInstant, occurrences, type SeriesException } from './recurrence';

const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';
const STAMP = new Date('2026-01-01T00:00:00Z');

function event(partial: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'event-1@been-there',
    title: 'Stroke café',
    description: 'Tea and a chat.',
    location: 'Leeds Central Library',
    url: 'https://been-there.example/events/1',
    series: {
      firstStartLocal: '2026-03-17T14:00',
      durationMinutes: 90,
      timeZone: LONDON,
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
    },
    updatedAt: STAMP,
    ...partial,
  };
}

/** Parses a file back with ical.js, taking the zones only from the file's own VTIMEZONE blocks. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevents = calendar.getAllSubcomponents('vevent');
  return { calendar, vevents };
}

/** The meetings a calendar app would show: the series expanded with its moved instances. */
function expand(text: string, max: number): { start: string; end: string }[] {
  const { vevents } = parse(text);
  const master = new ICAL.Event(vevents.find((v) => !v.hasProperty('recurrence-id')));
  for (const other of vevents.filter((v) => v.hasProperty('recurrence-id'))) {
    master.relateException(other);
  }
  const out: { start: string; end: string }[] = [];
  const iterator = master.iterator();
  for (let next = iterator.next(); next && out.length < max; next = iterator.next()) {
    const details = master.getOccurrenceDetails(next);
    out.push({
      start: details.startDate.toJSDate().toISOString(),
      end: details.endDate.toJSDate().toISOString(),
    });
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

afterEach(() => ICAL.TimezoneService.reset());

describe('eventIcs', () => {
  it('writes local times with a TZID, and the zone block', () => {
    const text = eventIcs(event());
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('\r\nMETHOD:PUBLISH\r\n');
    const { calendar, vevents } = parse(text);
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual([LONDON]);
    const daylight = zones[0]!.getFirstSubcomponent('daylight')!;
    const standard = zones[0]!.getFirstSubcomponent('standard')!;
    expect(daylight.getFirstProperty('rrule')!.toICALString()).toBe(
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    );
    expect(standard.getFirstProperty('rrule')!.toICALString()).toBe(
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    );
    expect(daylight.getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+01:00');
    expect(standard.getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+00:00');

    const dtstart = vevents[0]!.getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe(LONDON);
    expect(dtstart.toICALString()).toBe('DTSTART;TZID=Europe/London:20260317T140000');
    expect(vevents[0]!.getFirstProperty('dtend')!.toICALString()).toBe(
      'DTEND;TZID=Europe/London:20260317T153000',
    );
    expect(vevents[0]!.getFirstPropertyValue('summary')).toBe('Stroke café');
    expect(vevents[0]!.getFirstPropertyValue('uid')).toBe('event-1@been-there');
  });

  it('keeps the local time across the spring change, read back by another library', () => {
    const meetings = expand(eventIcs(event()), 4);
    expect(meetings.map((m) => m.start)).toEqual([
      '2026-03-17T14:00:00.000Z',
      '2026-03-24T14:00:00.000Z',
      '2026-03-31T13:00:00.000Z',
      '2026-04-07T13:00:00.000Z',
    ]);
    expect(meetings[2]!.end).toBe('2026-03-31T14:30:00.000Z');
  });

  it('agrees with occurrences() over a year in New York, both changes included', () => {
    const series = {
      firstStartLocal: '2026-01-05T18:30',
      durationMinutes: 60,
      timeZone: NEW_YORK,
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    };
    const text = eventIcs(event({ series }));
    expect(text).toContain('DTSTART;TZID=America/New_York:20260105T183000');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    const ours = occurrences(series, [], new Date('2026-01-01Z'), new Date('2027-01-01Z'));
    expect(expand(text, ours.length).map((m) => m.start)).toEqual(
      ours.map((o) => o.start.toISOString()),
    );
  });

  it('writes a monthly series with COUNT, and UNTIL as a UTC instant', () => {
    const counted = eventIcs(
      event({
        series: {
          firstStartLocal: '2026-01-13T14:00',
          durationMinutes: 90,
          timeZone: LONDON,
          rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=6',
        },
      }),
    );
    expect(counted).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=6\r\n');
    expect(expand(counted, 10)).toHaveLength(6);
    const until = eventIcs(
      event({
        series: {
          firstStartLocal: '2026-01-30T10:30',
          durationMinutes: 90,
          timeZone: LONDON,
          rrule: 'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260731',
        },
      }),
    );
    // The end of 31 July in London is 22:59:59 UTC (summer time).
    expect(until).toContain('RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260731T225959Z\r\n');
    expect(expand(until, 20).map((m) => m.start.slice(0, 10))).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
      '2026-05-29',
      '2026-06-26',
      '2026-07-31',
    ]);
  });

  it('leaves out a cancelled meeting and moves a moved one, as occurrences() does', () => {
    const cancel: SeriesException = {
      originalStart: localToInstant('2026-03-24T14:00', LONDON),
      cancelled: true,
      newStartLocal: null,
      newDurationMinutes: null,
    };
    const move: SeriesException = {
      originalStart: localToInstant('2026-04-07T14:00', LONDON),
      cancelled: false,
      newStartLocal: '2026-04-09T15:00',
      newDurationMinutes: 60,
    };
    const text = eventIcs(event({ exceptions: [cancel, move] }));
    expect(text).toContain('EXDATE;TZID=Europe/London:20260324T140000');
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/London:20260407T140000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20260409T150000');
    const ours = occurrences(
      event().series,
      [cancel, move],
      new Date('2026-03-01Z'),
      new Date('2026-05-01Z'),
    ).filter((o) => !o.cancelled);
    expect(expand(text, ours.length)).toEqual(
      ours.map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() })),
    );
  });

  it('writes a 01:30 series at its own wall time, which RFC 5545 readers place as we do', () => {
    // RFC 5545 3.3.5: a skipped time is read with the offset from before the gap (01:30 on
    // 29 March is 02:30 BST), a doubled one as its first time (01:30 on 25 October is BST).
    // ical.js reads both the other way, so its expansion is not the check here.
    const series = {
      firstStartLocal: '2026-03-22T01:30',
      durationMinutes: 60,
      timeZone: LONDON,
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
    };
    const text = eventIcs(event({ series }));
    expect(text).toContain('DTSTART;TZID=Europe/London:20260322T013000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/London:20260322T023000\r\n');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=SU\r\n');
    // The zone block says where the clocks change, so a reader can find the gap and the double hour.
    expect(text).toMatch(
      /BEGIN:DAYLIGHT\r\nDTSTART:\d{4}03\d\dT010000\r\nTZOFFSETFROM:\+0000\r\nTZOFFSETTO:\+0100/,
    );
    expect(text).toMatch(
      /BEGIN:STANDARD\r\nDTSTART:\d{4}10\d\dT020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0000/,
    );
    const ours = occurrences(series, [], new Date('2026-03-28Z'), new Date('2026-10-26Z'));
    expect(ours[0]!.start.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 BST
    expect(ours.at(-1)!.start.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 01:30 BST
    // Away from the change days every reader agrees, ical.js included.
    expect(expand(text, 1)[0]!.start).toBe('2026-03-22T01:30:00.000Z');
  });

  it('writes a single meeting moved into the skipped hour at the time it becomes', () => {
    const move: SeriesException = {
      originalStart: localToInstant('2026-03-24T14:00', LONDON),
      cancelled: false,
      newStartLocal: '2026-03-29T01:30',
      newDurationMinutes: null,
    };
    const text = eventIcs(event({ exceptions: [move] }));
    expect(text).toContain('RECURRENCE-ID;TZID=Europe/London:20260324T140000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20260329T023000');
    expect(text).toContain('DTEND;TZID=Europe/London:20260329T040000');
    expect(expand(text, 3)[1]).toEqual({
      start: '2026-03-29T01:30:00.000Z',
      end: '2026-03-29T03:00:00.000Z',
    });
  });

  it('writes a one-off meeting, and marks a cancelled event as cancelled', () => {
    const once = event({
      series: {
        firstStartLocal: '2026-06-02T11:00',
        durationMinutes: 120,
        timeZone: LONDON,
        rrule: null,
      },
    });
    const text = eventIcs(once);
    expect(text).not.toContain('RRULE:FREQ=WEEKLY');
    expect(expand(text, 5)).toEqual([
      { start: '2026-06-02T10:00:00.000Z', end: '2026-06-02T12:00:00.000Z' },
    ]);
    expect(eventIcs({ ...once, cancelled: true })).toContain('STATUS:CANCELLED');
    expect(eventIcs({ ...event(), cancelled: true, sequence: 3 })).toMatch(
      /SEQUENCE:3\r\n[\s\S]*STATUS:CANCELLED/,
    );
  });

  it('puts in only what the caller passes: no video link unless given', () => {
    const plain = eventIcs(event());
    expect(plain).not.toMatch(/video|jitsi/i);
    const withLink = eventIcs(
      event({ location: null, videoLink: 'https://meet.example/Room-Abc123' }),
    );
    const { vevents } = parse(withLink);
    expect(vevents[0]!.getFirstPropertyValue('description')).toBe(
      'Tea and a chat.\n\nVideo room: https://meet.example/Room-Abc123',
    );
    expect(vevents[0]!.getFirstPropertyValue('location')).toBe('https://meet.example/Room-Abc123');
  });

  it('escapes text so a title cannot add lines to the file', () => {
    const text = eventIcs(event({ title: 'Tea; cake, and\nBEGIN:VALARM' }));
    expect(text).not.toMatch(/\r\nBEGIN:VALARM/);
    expect(parse(text).vevents[0]!.getFirstPropertyValue('summary')).toBe(
      'Tea; cake, and\nBEGIN:VALARM',
    );
  });
});

describe('calendarFeed', () => {
  it('holds every event, with each zone written once', () => {
    const text = calendarFeed('My gatherings', [
      event(),
      event({ uid: 'event-2@been-there', title: 'Second' }),
      event({
        uid: 'event-3@been-there',
        title: 'Online chat',
        location: null,
        series: {
          firstStartLocal: '2026-03-02T18:30',
          durationMinutes: 60,
          timeZone: NEW_YORK,
          rrule: 'FREQ=WEEKLY;BYDAY=MO',
        },
      }),
    ]);
    const { calendar, vevents } = parse(text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('My gatherings');
    expect(calendar.getFirstPropertyValue('refresh-interval')!.toString()).toBe('PT1H');
    expect(
      calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
    ).toEqual([LONDON, NEW_YORK]);
    expect(vevents.map((v) => v.getFirstPropertyValue('uid'))).toEqual([
      'event-1@been-there',
      'event-2@been-there',
      'event-3@been-there',
    ]);
  });

  it('is an empty but valid calendar when there is nothing', () => {
    const { vevents } = parse(calendarFeed('My gatherings', []));
    expect(vevents).toEqual([]);
  });
});

describe('vtimezone', () => {
  it('writes one observance for a zone without clock changes', () => {
    const block = vtimezone('Asia/Tokyo', 2025, 2031)!;
    expect(block).toContain('TZID:Asia/Tokyo');
    expect(block).toContain('TZOFFSETTO:+0900');
    expect(block).not.toContain('DAYLIGHT');
  });

  it('writes each change where a zone changed its rules (Mexico City ended summer time in 2022)', () => {
    const text = calendarFeed('x', [
      event({
        series: {
          firstStartLocal: '2021-06-07T10:00',
          durationMinutes: 60,
          timeZone: 'America/Mexico_City',
          rrule: 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20230701',
        },
      }),
    ]);
    expect(text).not.toContain('RRULE:FREQ=YEARLY');
    // Summer 2022 was still on summer time (UTC-5); summer 2023 was not (UTC-6).
    const meetings = expand(text, 200);
    expect(meetings.find((m) => m.start.startsWith('2022-06-06'))!.start).toBe(
      '2022-06-06T15:00:00.000Z',
    );
    expect(meetings.find((m) => m.start.startsWith('2023-06-05'))!.start).toBe(
      '2023-06-05T16:00:00.000Z',
    );
  });

  it('knows no zone by a made-up name', () => {
    expect(vtimezone('Mars/Olympus', 2025, 2030)).toBeNull();
  });
});
