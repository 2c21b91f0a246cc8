import type { GroupInputParsed } from '../../contract/groups';
import type {
  Admission,
  GroupRole,
  JoinPolicy,
  OrganisationKind,
} from '../../contract/groups-values';
import type { Tx } from '../db';
import { recurrenceRule } from '../modules/groups/rhythm';
import {
  groupAnnouncements,
  groupMembers,
  groups,
  organisationAdmins,
  organisations,
} from '../modules/groups/tables';

/** Demo organisations, each with the demo members who run it. */
const demoOrganisations: { key: string; name: string; kind: OrganisationKind; admins: string[] }[] =
  [
    { key: 'uk', name: 'Stroke Peer Network UK', kind: 'charity', admins: ['helen', 'drokafor'] },
    { key: 'ie', name: "St Brigid's Hospital Stroke Team", kind: 'hospital', admins: ['nora'] },
    { key: 'na', name: 'Community Stroke Circles', kind: 'community', admins: ['marcus'] },
    { key: 'au', name: 'Stroke Friends Australia', kind: 'charity', admins: ['chloe'] },
  ];

type DemoGroup = Omit<GroupInputParsed, 'venue'> & {
  org: string;
  venue: GroupInputParsed['venue'];
  /** handle → role; everyone listed is an active member. */
  people: Record<string, GroupRole>;
  waiting?: string[];
  news?: string;
};

const venue = (
  name: string,
  address: string,
  town: string,
  lat: number,
  lng: number,
  access: NonNullable<GroupInputParsed['venue']>['access'],
  accessNotes = '',
) => ({ name, address, town, lat, lng, access, accessNotes });

const london = 'Europe/London';

/** How the demo members joined, to match each group's setting ("my groups" counts vetted ones). */
function admissionFor(joinPolicy: JoinPolicy): Admission {
  if (joinPolicy === 'ask') return 'approved';
  if (joinPolicy === 'invite') return 'invitation';
  return 'open';
}

/** About fifteen believable groups across the focus tags, formats and seeded countries. */
export const demoGroups: DemoGroup[] = [
  {
    org: 'uk',
    name: 'Word Finders Online',
    description:
      'A calm video call for people with aphasia. We take our time. Nobody finishes your sentence for you. Pictures and a whiteboard help.',
    format: 'online',
    focus: ['aphasia_friendly'],
    languages: ['en'],
    sizeCap: 10,
    joinPolicy: 'ask',
    privacy: 'private',
    caregiversOnly: false,
    country: 'GB',
    rhythm: {
      frequency: 'weekly',
      weekday: 'WE',
      weekOfMonth: null,
      startTime: '11:00',
      durationMinutes: 60,
      timeZone: london,
    },
    venue: null,
    meetingLink: 'https://meet.example.org/word-finders',
    people: { helen: 'facilitator', maggie: 'member', tomasz: 'member' },
    news: 'No meeting on 24 December. We meet again on 31 December.',
  },
  {
    org: 'uk',
    name: 'Talk Easy Leeds',
    description:
      'An aphasia-friendly group in a quiet room at the library. Tea, biscuits and plenty of time to talk.',
    format: 'in_person',
    focus: ['aphasia_friendly', 'long_term'],
    languages: ['en'],
    sizeCap: 12,
    joinPolicy: 'ask',
    privacy: 'private',
    caregiversOnly: false,
    country: 'GB',
    rhythm: {
      frequency: 'monthly',
      weekday: 'TU',
      weekOfMonth: 2,
      startTime: '14:00',
      durationMinutes: 90,
      timeZone: london,
    },
    venue: venue(
      'Leeds Central Library, Room 3',
      'Calverley Street, Leeds LS1 3AB',
      'Leeds',
      53.8003,
      -1.5486,
      ['step_free', 'accessible_toilet', 'hearing_loop', 'public_transport', 'quiet_room'],
      'Use the side door on Centenary Street for the lift.',
    ),
    meetingLink: null,
    people: { helen: 'facilitator', frank: 'member', george: 'member' },
  },
  {
    org: 'uk',
    name: 'Young Stroke Manchester',
    description:
      'For people who had a stroke under 55. Work, children, money, dating: the things other groups do not talk about.',
    format: 'hybrid',
    focus: ['under_55', 'back_to_work'],
    languages: ['en'],
    sizeCap: 20,
    joinPolicy: 'open',
    privacy: 'public',
    caregiversOnly: false,
    country: 'GB',
    rhythm: {
      frequency: 'fortnightly',
      weekday: 'TH',
      weekOfMonth: null,
      startTime: '18:30',
      durationMinutes: 90,
      timeZone: london,
    },
    venue: venue(
      'The Sharp Project café',
      'Thorp Road, Manchester M40 5BJ',
      'Manchester',
      53.5013,
      -2.2065,
      ['step_free', 'accessible_toilet', 'parking'],
    ),
    meetingLink: 'https://meet.example.org/young-stroke-manchester',
    people: { drokafor: 'facilitator', kwame: 'co_facilitator', dev: 'member', ahmed: 'member' },
  },
  {
    org: 'uk',
    name: "Carers' Cuppa Bristol",
    description:
      'Only for the people who care for someone after a stroke. A cup of tea and an hour that is about you.',
    format: 'in_person',
    focus: ['caregivers'],
    languages: ['en'],
    sizeCap: 3,
    // Private groups ask: an open door would keep nobody out (issue 7).
    joinPolicy: 'ask',
    privacy: 'private',
    caregiversOnly: true,
    country: 'GB',
    rhythm: {
      frequency: 'monthly',
      weekday: 'FR',
      weekOfMonth: 1,
      startTime: '10:30',
      durationMinutes: 60,
      timeZone: london,
    },
    venue: venue('Arnolfini café', '16 Narrow Quay, Bristol BS1 4QA', 'Bristol', 51.4493, -2.5975, [
      'step_free',
      'accessible_toilet',
      'public_transport',
    ]),
    meetingLink: null,
    people: { pat: 'facilitator', sam: 'member', declan: 'member' },
  },
  {
    org: 'uk',
    name: 'Stronger Together Walks',
    description:
      'A gentle walk round the park, at the pace of the slowest walker, then coffee. Sticks and wheelchairs welcome.',
    format: 'in_person',
    focus: ['exercise', 'long_term'],
    languages: ['en'],
    sizeCap: 25,
    joinPolicy: 'open',
    privacy: 'public',
    caregiversOnly: false,
    country: 'GB',
    rhythm: {
      frequency: 'weekly',
      weekday: 'SA',
      weekOfMonth: null,
      startTime: '10:00',
      durationMinutes: 90,
      timeZone: london,
    },
    venue: venue(
      'Inverleith Park gates',
      'Arboretum Place, Edinburgh EH3 5NZ',
      'Edinburgh',
      55.9634,
      -3.2128,
      ['step_free', 'parking', 'public_transport'],
    ),
    meetingLink: null,
    people: { helen: 'facilitator' },
  },
  {
    org: 'uk',
    name: 'First Steps Home',
    description:
      'For the first year after hospital. What to expect, what helps, and people who were there last year.',
    format: 'online',
    focus: ['newly_home'],
    languages: ['en'],
    sizeCap: 30,
    joinPolicy: 'open',
    privacy: 'public',
    caregiversOnly: false,
    country: 'GB',
    rhythm: {
      frequency: 'weekly',
      weekday: 'MO',
      weekOfMonth: null,
      startTime: '14:00',
      durationMinutes: 60,
      timeZone: london,
    },
    venue: null,
    meetingLink: 'https://meet.example.org/first-steps-home',
    people: { drokafor: 'facilitator', dev: 'member' },
  },
  {
    org: 'uk',
    name: 'Back to Work Circle',
    description:
      'Going back to work after a stroke, or thinking about it. Phased returns, tiredness, telling your boss.',
    format: 'online',
    focus: ['back_to_work', 'under_55'],
    languages: ['en'],
    sizeCap: 12,
    joinPolicy: 'ask',
    privacy: 'private',
    caregiversOnly: false,
    country: 'GB',
    rhythm: {
      frequency: 'monthly',
      weekday: 'TH',
      weekOfMonth: -1,
      startTime: '19:00',
      durationMinutes: 60,
      timeZone: london,
    },
    venue: null,
    meetingLink: 'https://meet.example.org/back-to-work',
    people: { helen: 'facilitator', ahmed: 'member' },
    waiting: ['dev'],
  },
  {
    org: 'uk',
    name: 'Creative Minds Cardiff',
    description:
      'Painting, clay and collage. No skill needed. One hand is plenty. Sessions in English and Welsh.',
    format: 'in_person',
    focus: ['creative'],
    languages: ['en', 'cy'],
    sizeCap: 10,
    joinPolicy: 'ask',
    privacy: 'public',
    caregiversOnly: false,
    country: 'GB',
    rhythm: {
      frequency: 'fortnightly',
      weekday: 'WE',
      weekOfMonth: null,
      startTime: '13:30',
      durationMinutes: 120,
      timeZone: london,
    },
    venue: venue(
      'Chapter Arts Centre',
      'Market Road, Cardiff CF5 1QE',
      'Cardiff',
      51.4829,
      -3.2066,
      ['step_free', 'accessible_toilet', 'hearing_loop', 'quiet_room'],
    ),
    meetingLink: null,
    people: { drokafor: 'facilitator' },
  },
  {
    org: 'ie',
    name: 'Cork Stroke Support',
    description:
      'Meet in the hospital day room or join from home. Long-term support, a chat and a laugh.',
    format: 'hybrid',
    focus: ['long_term'],
    languages: ['en', 'ga'],
    sizeCap: 24,
    joinPolicy: 'open',
    privacy: 'public',
    caregiversOnly: false,
    country: 'IE',
    rhythm: {
      frequency: 'monthly',
      weekday: 'WE',
      weekOfMonth: 1,
      startTime: '11:00',
      durationMinutes: 90,
      timeZone: 'Europe/Dublin',
    },
    venue: venue("St Brigid's Day Room", 'Wilton Road, Cork', 'Cork', 51.8847, -8.5078, [
      'step_free',
      'accessible_toilet',
      'parking',
      'hearing_loop',
    ]),
    meetingLink: 'https://meet.example.org/cork-stroke',
    people: { nora: 'facilitator', siobhan: 'member', aoife: 'member' },
  },
  {
    org: 'ie',
    name: 'Dublin Carers Network',
    description:
      'A private online circle for partners, parents and children who care. By invitation.',
    format: 'online',
    focus: ['caregivers'],
    languages: ['en'],
    sizeCap: 15,
    joinPolicy: 'invite',
    privacy: 'private',
    caregiversOnly: true,
    country: 'IE',
    rhythm: {
      frequency: 'fortnightly',
      weekday: 'TU',
      weekOfMonth: null,
      startTime: '20:00',
      durationMinutes: 60,
      timeZone: 'Europe/Dublin',
    },
    venue: null,
    meetingLink: 'https://meet.example.org/dublin-carers',
    people: { nora: 'facilitator', declan: 'member' },
  },
  {
    org: 'na',
    name: 'Chicago Aphasia Conversation Group',
    description:
      'Conversation practice in a friendly room, in English and Spanish. Speech therapy students help.',
    format: 'in_person',
    focus: ['aphasia_friendly'],
    languages: ['en', 'es'],
    sizeCap: 14,
    joinPolicy: 'ask',
    privacy: 'private',
    caregiversOnly: false,
    country: 'US',
    rhythm: {
      frequency: 'weekly',
      weekday: 'TU',
      weekOfMonth: null,
      startTime: '10:00',
      durationMinutes: 90,
      timeZone: 'America/Chicago',
    },
    venue: venue(
      'Harold Washington Library, Room 4C',
      '400 S State St, Chicago, IL 60605',
      'Chicago',
      41.8763,
      -87.6281,
      ['step_free', 'accessible_toilet', 'hearing_loop', 'public_transport'],
    ),
    meetingLink: null,
    people: { marcus: 'facilitator', rosa: 'member', bill: 'member' },
  },
  {
    org: 'na',
    name: 'Rainbow Stroke Circle',
    description: 'An online group for LGBTQ+ stroke survivors and their partners. Come as you are.',
    format: 'online',
    focus: ['lgbtq'],
    languages: ['en'],
    sizeCap: 20,
    // Private groups ask: an open door would keep nobody out (issue 7).
    joinPolicy: 'ask',
    privacy: 'private',
    caregiversOnly: false,
    country: 'US',
    rhythm: {
      frequency: 'monthly',
      weekday: 'SU',
      weekOfMonth: 2,
      startTime: '15:00',
      durationMinutes: 60,
      timeZone: 'America/New_York',
    },
    venue: null,
    meetingLink: 'https://meet.example.org/rainbow-stroke',
    people: { marcus: 'facilitator' },
  },
  {
    org: 'na',
    name: 'Faith and Recovery Fellowship',
    description: 'Prayer, hope and company after a stroke. Everyone welcome, whatever you believe.',
    format: 'in_person',
    focus: ['faith', 'long_term'],
    languages: ['en'],
    sizeCap: 30,
    joinPolicy: 'open',
    privacy: 'public',
    caregiversOnly: false,
    country: 'US',
    rhythm: {
      frequency: 'weekly',
      weekday: 'TH',
      weekOfMonth: null,
      startTime: '11:00',
      durationMinutes: 60,
      timeZone: 'America/New_York',
    },
    venue: venue(
      'Grace Community Hall',
      '120 Peachtree St, Atlanta, GA 30303',
      'Atlanta',
      33.7573,
      -84.3877,
      ['step_free', 'parking'],
    ),
    meetingLink: null,
    people: { marcus: 'facilitator', carol: 'member', bill: 'member' },
  },
  {
    org: 'na',
    name: 'Toronto Stroke Recovery Club',
    description: 'Chair exercise, then a talk over coffee. Join in the room or from home.',
    format: 'hybrid',
    focus: ['exercise', 'long_term'],
    languages: ['en', 'fr'],
    sizeCap: 25,
    joinPolicy: 'open',
    privacy: 'public',
    caregiversOnly: false,
    country: 'CA',
    rhythm: {
      frequency: 'weekly',
      weekday: 'FR',
      weekOfMonth: null,
      startTime: '10:00',
      durationMinutes: 90,
      timeZone: 'America/Toronto',
    },
    venue: venue(
      'Bloor Community Centre',
      '1 Bloor St W, Toronto, ON M4W 1A3',
      'Toronto',
      43.6704,
      -79.3869,
      ['step_free', 'accessible_toilet', 'public_transport'],
    ),
    meetingLink: 'https://meet.example.org/toronto-recovery',
    people: { marcus: 'facilitator', priya: 'member', mei: 'member' },
  },
  {
    org: 'au',
    name: 'Sydney Aphasia Café',
    description:
      'A relaxed café morning for people with aphasia. Picture menus, slow talk and a speech therapist on hand.',
    format: 'in_person',
    focus: ['aphasia_friendly', 'creative'],
    languages: ['en'],
    sizeCap: 12,
    joinPolicy: 'ask',
    privacy: 'private',
    caregiversOnly: false,
    country: 'AU',
    rhythm: {
      frequency: 'monthly',
      weekday: 'SA',
      weekOfMonth: 1,
      startTime: '10:00',
      durationMinutes: 120,
      timeZone: 'Australia/Sydney',
    },
    venue: venue(
      'Surry Hills Library café',
      '405 Crown St, Surry Hills NSW 2010',
      'Sydney',
      -33.8869,
      151.2121,
      ['step_free', 'accessible_toilet', 'public_transport', 'quiet_room'],
    ),
    meetingLink: null,
    people: { chloe: 'facilitator', june: 'member', lena: 'member' },
  },
  {
    org: 'au',
    name: 'Carers Australia Online',
    description: 'For carers across Australia. Share the load with people who understand.',
    format: 'online',
    focus: ['caregivers'],
    languages: ['en'],
    sizeCap: 20,
    // Private groups ask: an open door would keep nobody out (issue 7).
    joinPolicy: 'ask',
    privacy: 'private',
    caregiversOnly: true,
    country: 'AU',
    rhythm: {
      frequency: 'fortnightly',
      weekday: 'WE',
      weekOfMonth: null,
      startTime: '19:30',
      durationMinutes: 60,
      timeZone: 'Australia/Sydney',
    },
    venue: null,
    meetingLink: 'https://meet.example.org/carers-australia',
    people: { ruth: 'facilitator' },
  },
];

/** Puts the demo organisations and groups in, with their members; idOf maps a handle to a user. */
export async function seedDemoGroups(tx: Tx, idOf: (handle: string) => string | undefined) {
  const orgIds = new Map<string, string>();
  for (const org of demoOrganisations) {
    const [row] = await tx
      .insert(organisations)
      .values({ name: org.name, kind: org.kind, isDemo: true })
      .returning({ id: organisations.id });
    orgIds.set(org.key, row!.id);
    const admins = org.admins.map(idOf).filter((id): id is string => Boolean(id));
    if (admins.length) {
      await tx
        .insert(organisationAdmins)
        .values(admins.map((userId) => ({ organisationId: row!.id, userId })));
    }
  }
  const joinedAt = new Date();
  for (const g of demoGroups) {
    const people = Object.entries(g.people)
      .map(([handle, role]) => ({ userId: idOf(handle), role }))
      .filter((p): p is { userId: string; role: GroupRole } => Boolean(p.userId));
    const [row] = await tx
      .insert(groups)
      .values({
        organisationId: orgIds.get(g.org)!,
        name: g.name,
        description: g.description,
        format: g.format,
        focus: g.focus,
        languages: g.languages,
        sizeCap: g.sizeCap,
        memberCount: people.length,
        joinPolicy: g.joinPolicy,
        privacy: g.privacy,
        caregiversOnly: g.caregiversOnly,
        country: g.country,
        rhythm: g.rhythm,
        recurrenceRule: recurrenceRule(g.rhythm),
        timeZone: g.rhythm.timeZone,
        venueName: g.venue?.name ?? null,
        venueAddress: g.venue?.address ?? null,
        venueTown: g.venue?.town ?? null,
        lat: g.venue?.lat ?? null,
        lng: g.venue?.lng ?? null,
        access: g.venue?.access ?? [],
        accessNotes: g.venue?.accessNotes ?? '',
        meetingLink: g.meetingLink,
        isDemo: true,
      })
      .returning({ id: groups.id });
    const groupId = row!.id;
    const waiting = (g.waiting ?? []).map(idOf).filter((id): id is string => Boolean(id));
    await tx.insert(groupMembers).values([
      // Demo members came in as the group's setting says: approved, by invitation, or openly.
      ...people.map((p) => ({
        groupId,
        ...p,
        status: 'active' as const,
        admission: admissionFor(g.joinPolicy),
        joinedAt,
      })),
      ...waiting.map((userId) => ({
        groupId,
        userId,
        status: 'pending' as const,
        message: 'Hello. I would like to join, please.',
      })),
    ]);
    const lead = people.find((p) => p.role === 'facilitator');
    if (g.news && lead) {
      await tx.insert(groupAnnouncements).values({ groupId, authorId: lead.userId, body: g.news });
    }
  }
}
