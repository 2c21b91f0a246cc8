import type {
  GroupDetail,
  GroupInput,
  GroupRhythm,
  GroupUpdate,
  Venue,
} from '../../../contract/groups';
import {
  type AccessFeature,
  type GroupFocus,
  type GroupFormat,
  type GroupLanguage,
  type GroupPrivacy,
  type JoinPolicy,
  joinPolicyProblem,
  type RhythmFrequency,
  type Weekday,
} from '../../../contract/groups-values';
import i18n from '../../i18n';
import type { ChosenPlace } from './PlacePicker';

export const formSteps = ['about', 'who', 'when', 'where'] as const;
export type FormStep = (typeof formSteps)[number];

/** Countries with places in the bundled list, and the time zone each starts with. */
export const countries = ['GB', 'IE', 'US', 'CA', 'AU'] as const;
export const zoneForCountry: Record<string, string> = {
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  US: 'America/New_York',
  CA: 'America/Toronto',
  AU: 'Australia/Sydney',
};
/** A short list of time zones, in words, so nobody types one. */
export const timeZones = [
  'Europe/London',
  'Europe/Dublin',
  'America/New_York',
  'America/Toronto',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Vancouver',
  'Australia/Sydney',
  'Australia/Melbourne',
  'Australia/Brisbane',
  'Australia/Perth',
] as const;

/** Everything the form holds, as typed: numbers stay text until they are sent. */
export interface Draft {
  name: string;
  description: string;
  country: string;
  focus: GroupFocus[];
  languages: GroupLanguage[];
  sizeCap: string;
  joinPolicy: JoinPolicy;
  privacy: GroupPrivacy;
  caregiversOnly: boolean;
  frequency: RhythmFrequency;
  weekOfMonth: string;
  weekday: Weekday;
  startTime: string;
  endTime: string;
  timeZone: string;
  format: GroupFormat;
  venueName: string;
  address: string;
  town: string;
  place: ChosenPlace | null;
  access: AccessFeature[];
  accessNotes: string;
  meetingLink: string;
}

export type Errors = Partial<Record<keyof Draft, string>>;

export function newDraft(country: string | null | undefined): Draft {
  const c = country && countries.includes(country as never) ? country : 'GB';
  return {
    name: '',
    description: '',
    country: c,
    focus: [],
    languages: ['en'],
    sizeCap: '12',
    joinPolicy: 'ask',
    privacy: 'public',
    caregiversOnly: false,
    frequency: 'weekly',
    weekOfMonth: '1',
    weekday: 'TU',
    startTime: '14:00',
    endTime: '15:30',
    timeZone: zoneForCountry[c] ?? 'Europe/London',
    format: 'in_person',
    venueName: '',
    address: '',
    town: '',
    place: null,
    access: [],
    accessNotes: '',
    meetingLink: '',
  };
}

export const toMinutes = (time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
};
export const toTime = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export function draftFromGroup(g: GroupDetail): Draft {
  // Those who may change a group always see its rhythm; the fallback only keeps the types honest.
  const fresh = newDraft(g.country);
  if (!g.rhythm) return { ...fresh, name: g.name, description: g.description };
  return {
    name: g.name,
    description: g.description,
    country: g.country,
    focus: g.focus,
    languages: g.languages,
    sizeCap: String(g.sizeCap),
    joinPolicy: g.joinPolicy,
    privacy: g.privacy,
    caregiversOnly: g.caregiversOnly,
    frequency: g.rhythm.frequency,
    weekOfMonth: String(g.rhythm.weekOfMonth ?? 1),
    weekday: g.rhythm.weekday,
    startTime: g.rhythm.startTime,
    endTime: toTime(toMinutes(g.rhythm.startTime) + g.rhythm.durationMinutes),
    timeZone: g.rhythm.timeZone,
    format: g.format,
    venueName: g.venue?.name ?? '',
    address: g.venue?.address ?? '',
    town: g.venue?.town ?? '',
    place: g.venue ? { id: 'venue', name: g.venue.town, lat: g.venue.lat, lng: g.venue.lng } : null,
    access: g.venue?.access ?? [],
    accessNotes: g.venue?.accessNotes ?? '',
    meetingLink: g.meetingLink ?? '',
  };
}

export function rhythmOf(d: Draft): GroupRhythm {
  return {
    frequency: d.frequency,
    weekday: d.weekday,
    weekOfMonth: d.frequency === 'monthly' ? (Number(d.weekOfMonth) as 1 | 2 | 3 | 4 | -1) : null,
    startTime: d.startTime,
    durationMinutes: toMinutes(d.endTime) - toMinutes(d.startTime),
    timeZone: d.timeZone,
  };
}

export function venueOf(d: Draft): Venue | null {
  if (d.format === 'online' || !d.place) return null;
  return {
    name: d.venueName.trim(),
    address: d.address.trim(),
    town: d.town.trim(),
    lat: d.place.lat,
    lng: d.place.lng,
    access: d.access,
    accessNotes: d.accessNotes.trim(),
  };
}

export const linkOf = (d: Draft) =>
  d.format === 'in_person' || !d.meetingLink.trim() ? null : d.meetingLink.trim();

/** What one step sends when a group is changed: each step saves on its own. */
export function stepUpdate(step: FormStep, d: Draft): GroupUpdate {
  switch (step) {
    case 'about':
      return { name: d.name.trim(), description: d.description.trim() };
    case 'who':
      return {
        focus: d.focus,
        languages: d.languages,
        sizeCap: Number(d.sizeCap),
        joinPolicy: d.joinPolicy,
        privacy: d.privacy,
        caregiversOnly: d.caregiversOnly,
      };
    case 'when':
      return { rhythm: rhythmOf(d) };
    case 'where':
      return { format: d.format, venue: venueOf(d), meetingLink: linkOf(d) };
  }
}

export function wholeGroup(d: Draft): GroupInput {
  return {
    ...(stepUpdate('about', d) as { name: string; description: string }),
    ...(stepUpdate('who', d) as Required<Pick<GroupUpdate, 'focus' | 'languages' | 'sizeCap'>> &
      Pick<GroupInput, 'joinPolicy' | 'privacy' | 'caregiversOnly'>),
    country: d.country,
    rhythm: rhythmOf(d),
    format: d.format,
    venue: venueOf(d),
    meetingLink: linkOf(d),
  };
}

/** The checks we can make here, in words, before anything is sent. */
export function checkStep(step: FormStep, d: Draft): Errors {
  const t = i18n.t.bind(i18n);
  const e: Errors = {};
  if (step === 'about') {
    if (d.name.trim().length < 3) e.name = t('groups.fields.groupName.tooShort');
    if (d.description.trim().length < 10)
      e.description = t('groups.fields.groupDescription.tooShort');
  }
  if (step === 'who') {
    if (d.languages.length === 0) e.languages = t('groups.admin.fields.chooseOne');
    if (d.languages.length > 5) e.languages = t('groups.admin.fields.tooMany');
    const size = Number(d.sizeCap);
    if (!/^\d+$/.test(d.sizeCap.trim()) || size < 2 || size > 500)
      e.sizeCap = t('groups.admin.fields.number');
    const joinProblem = joinPolicyProblem(d);
    if (joinProblem) e.joinPolicy = t(joinProblem);
  }
  if (step === 'when') {
    const length = toMinutes(d.endTime) - toMinutes(d.startTime);
    if (length < 15) e.endTime = t('groups.admin.fields.endTimeBad');
    else if (length > 480) e.endTime = t('groups.admin.fields.tooLong');
  }
  if (step === 'where' && d.format !== 'online') {
    if (!d.venueName.trim()) e.venueName = t('groups.admin.fields.needed');
    if (!d.address.trim()) e.address = t('groups.admin.fields.needed');
    if (!d.town.trim()) e.town = t('groups.admin.fields.needed');
    if (!d.place) e.place = t('groups.admin.fields.placeNeeded');
  }
  return e;
}

/** The server names fields as the API does; this says which box each belongs to. */
export const serverField: Record<string, keyof Draft> = {
  rhythm: 'frequency',
  'rhythm.frequency': 'frequency',
  'rhythm.weekday': 'weekday',
  'rhythm.weekOfMonth': 'weekOfMonth',
  'rhythm.startTime': 'startTime',
  'rhythm.durationMinutes': 'endTime',
  'rhythm.timeZone': 'timeZone',
  venue: 'venueName',
  'venue.name': 'venueName',
  'venue.address': 'address',
  'venue.town': 'town',
  'venue.lat': 'place',
  'venue.lng': 'place',
  'venue.access': 'access',
  'venue.accessNotes': 'accessNotes',
};

export function fromServer(errors: Record<string, string>): Errors {
  const out: Errors = {};
  for (const [key, message] of Object.entries(errors)) {
    const field =
      serverField[key] ?? serverField[key.split('.').slice(0, 2).join('.')] ?? key.split('.')[0];
    if (field && !(field in out)) out[field as keyof Draft] = message;
  }
  return out;
}

export const stepOfField: Record<keyof Draft, FormStep> = {
  name: 'about',
  description: 'about',
  country: 'about',
  focus: 'who',
  languages: 'who',
  sizeCap: 'who',
  joinPolicy: 'who',
  privacy: 'who',
  caregiversOnly: 'who',
  frequency: 'when',
  weekOfMonth: 'when',
  weekday: 'when',
  startTime: 'when',
  endTime: 'when',
  timeZone: 'when',
  format: 'where',
  venueName: 'where',
  address: 'where',
  town: 'where',
  place: 'where',
  access: 'where',
  accessNotes: 'where',
  meetingLink: 'where',
};

export function firstStepWith(errors: Errors): FormStep | null {
  for (const step of formSteps) {
    if (Object.keys(errors).some((k) => stepOfField[k as keyof Draft] === step)) return step;
  }
  return null;
}

export function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const first = document.querySelector<HTMLElement>(
      'main [aria-invalid="true"], main [data-invalid] input',
    );
    // A list of tick boxes marks its fieldset: the first box inside takes focus.
    (first?.tagName === 'FIELDSET' ? first.querySelector<HTMLElement>('input') : first)?.focus();
  });
}

export const asStep = (value: string | null): FormStep | null =>
  formSteps.includes(value as FormStep) ? (value as FormStep) : null;

/** Times every quarter hour from 7 in the morning to 10 at night, with the time in words. */
export function timeOptions(current: string) {
  const format = new Intl.DateTimeFormat(i18n.language, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  const list: string[] = [];
  for (let m = 7 * 60; m <= 22 * 60; m += 15) list.push(toTime(m));
  if (!list.includes(current)) list.push(current);
  list.sort();
  return list.map((value) => ({
    value,
    label: format.format(
      new Date(Date.UTC(2000, 0, 1, ...(value.split(':').map(Number) as [number, number]))),
    ),
  }));
}
