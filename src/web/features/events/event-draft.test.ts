import { describe, expect, it } from 'vitest';
import {
  capacityOf,
  changesOf,
  draftProblem,
  type EventDraft,
  emptyDraft,
  timesOf,
  venueOf,
  videoOf,
} from './event-draft';

const inPerson: EventDraft = {
  ...emptyDraft,
  title: 'Tea and talk',
  format: 'hybrid',
  placeName: 'Leeds Central Library',
  address: 'Calverley Street',
  town: 'Leeds',
  place: { id: 'venue', name: 'Leeds', lat: 53.8, lng: -1.55 },
  access: ['step_free'],
  videoLink: ' https://meet.example.org/tea ',
};

describe('what the browser checks before sending', () => {
  it('asks how people meet first, then for a number of places', () => {
    expect(draftProblem({ ...inPerson, format: null })).toEqual({
      field: 'format',
      words: 'formatNeeded',
    });
    expect(draftProblem({ ...inPerson, capacity: '12 people' })?.field).toBe('capacity');
    expect(draftProblem({ ...inPerson, capacity: ' 12 ' })).toBeNull();
    expect(capacityOf({ ...inPerson, capacity: ' 12 ' })).toBe(12);
    expect(capacityOf({ ...inPerson, capacity: '' })).toBeNull();
  });

  it('needs a language only where the form asks for one', () => {
    const none = { ...inPerson, languages: [] };
    expect(draftProblem(none)).toBeNull();
    expect(draftProblem(none, { languages: true })?.words).toBe('languagesNeeded');
  });
});

describe('what the server is sent', () => {
  it('the place keeps where it is on the map, and is left out for meetings online only', () => {
    expect(venueOf(inPerson)).toMatchObject({ name: 'Leeds Central Library', lat: 53.8 });
    expect(venueOf({ ...inPerson, place: null })).toMatchObject({ lat: null, lng: null });
    expect(venueOf({ ...inPerson, format: 'online' })).toBeNull();
  });

  it('the video room: a trimmed link, a room, or nothing for meetings in person', () => {
    expect(videoOf(inPerson)).toEqual({ kind: 'link', url: 'https://meet.example.org/tea' });
    expect(videoOf({ ...inPerson, videoLink: '  ' })).toBeNull();
    expect(videoOf({ ...inPerson, videoKind: 'room' })).toEqual({ kind: 'room' });
    expect(videoOf({ ...inPerson, format: 'in_person' })).toBeNull();
  });

  it('times as wall-clock times in the zone chosen, with the rule of how often', () => {
    const monthly = {
      ...inPerson,
      repeats: 'monthly' as const,
      date: '2027-01-12',
      time: '23:30',
      minutes: '60',
      timeZone: 'America/New_York',
    };
    expect(timesOf(monthly)).toEqual({
      startLocal: '2027-01-12T23:30',
      endLocal: '2027-01-13T00:30',
      timeZone: 'America/New_York',
      rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    });
    expect(timesOf({ ...monthly, repeats: 'weekly' }).rrule).toBe('FREQ=WEEKLY');
    // Left out, so the server says in words what is missing.
    expect(timesOf({ ...monthly, time: '', repeats: 'once' })).toEqual({
      timeZone: 'America/New_York',
      rrule: null,
    });
  });
});

describe('changing a whole event sends only what changed', () => {
  it('a new name and more places, and nothing else', () => {
    expect(
      changesOf(inPerson, { ...inPerson, title: 'Tea, talk and cake', capacity: '12' }),
    ).toEqual({ title: 'Tea, talk and cake', capacity: 12 });
    expect(changesOf(inPerson, inPerson)).toEqual({});
  });

  it('a video link nobody can see now is not sent unless it is changed', () => {
    const unseen = { ...inPerson, videoLink: '' };
    expect(changesOf(unseen, { ...unseen, title: 'New name' })).toEqual({ title: 'New name' });
  });

  it('a new way to meet sends the place and the video room as they are now', () => {
    expect(changesOf(inPerson, { ...inPerson, format: 'in_person' })).toEqual({
      format: 'in_person',
      venue: venueOf(inPerson),
      video: null,
    });
    const online = changesOf(inPerson, { ...inPerson, format: 'online' });
    expect(online).toEqual({
      format: 'online',
      venue: null,
      video: { kind: 'link', url: 'https://meet.example.org/tea' },
    });
  });

  it('a changed place is sent whole', () => {
    const moved = { ...inPerson, access: [...inPerson.access, 'hearing_loop' as const] };
    expect(changesOf(inPerson, moved)).toEqual({ venue: venueOf(moved) });
  });
});
