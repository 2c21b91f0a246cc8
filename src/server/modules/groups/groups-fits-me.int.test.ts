// "Find a group that fits me" as people met it (issue 8, items 7 and 9): the distance and
// the age band chosen are kept, miles where people use miles, and a double tap on
// "Ask to join" answers like the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import { callAs, makeGroupIn, makeOrganisation } from '../../../../tests/support/groups';
import type { FitsMeResponse, GroupInput } from '../../../contract/groups';

let t: TestApp;
let orgLead: Member;
let leedsMember: Member;
let corkMember: Member;

const call = (
  who: Member | undefined,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  extra: Record<string, string> = {},
) => callAs(t, who, method, url, payload, extra);

const rhythm = {
  frequency: 'weekly',
  weekday: 'WE',
  startTime: '11:00',
  durationMinutes: 60,
  timeZone: 'Europe/London',
} as const;

const venue = (town: string, lat: number, lng: number) => ({
  name: `${town} Community Hall`,
  address: `1 Main Street, ${town}`,
  town,
  lat,
  lng,
  access: ['step_free' as const],
});
const leeds = { lat: 53.8008, lng: -1.5491 };
const cork = { lat: 51.8985, lng: -8.4756 };

const base: GroupInput = {
  name: 'x',
  description: 'A friendly group for people after a stroke. We talk and we listen.',
  format: 'online',
  focus: ['long_term'],
  languages: ['en'],
  sizeCap: 20,
  joinPolicy: 'open',
  privacy: 'public',
  caregiversOnly: false,
  country: 'GB',
  rhythm,
  meetingLink: 'https://meet.example.org/room',
};

let orgId: string;
const makeGroup = (input: Partial<GroupInput>) =>
  makeGroupIn(t, orgLead, orgId, { ...base, ...input });

let openGroupId: string;
let askGroupId: string;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await makeMember(t, { displayName: 'Site Lead', role: 'professional' });
  orgLead = await makeMember(t, { displayName: 'Org Lead', role: 'professional' });
  leedsMember = await makeMember(t, { displayName: 'Lee Leeds', country: 'GB' });
  corkMember = await makeMember(t, { displayName: 'Cait Cork', country: 'IE' });
  await promote(t, admin.user.id, 'admin');
  orgId = await makeOrganisation(t, admin, 'Fit Test Charity', [orgLead]);
  await makeGroup({
    name: 'Leeds Talk Together',
    format: 'in_person',
    venue: venue('Leeds', leeds.lat + 0.02, leeds.lng),
    meetingLink: undefined,
  });
  await makeGroup({
    name: 'Cork Hybrid Circle',
    format: 'hybrid',
    country: 'IE',
    venue: venue('Cork', cork.lat, cork.lng),
    rhythm: { ...rhythm, timeZone: 'Europe/Dublin' },
  });
  await makeGroup({
    name: 'Cork Room Only',
    format: 'in_person',
    country: 'IE',
    venue: venue('Cork', cork.lat, cork.lng),
    meetingLink: undefined,
    rhythm: { ...rhythm, timeZone: 'Europe/Dublin' },
  });
  await makeGroup({ name: 'Young Stroke Online', focus: ['under_55', 'long_term'] });
  openGroupId = await makeGroup({ name: 'Everyone Online' });
  askGroupId = await makeGroup({ name: 'Ask First Online', joinPolicy: 'ask' });
});
afterAll(() => t?.close());

async function fits(who: Member, answers: object): Promise<FitsMeResponse> {
  const res = await call(who, 'POST', '/api/groups/fits-me', answers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('find a group that fits me', () => {
  it('keeps to the distance chosen: a far group only when it meets online too, said in words, and last', async () => {
    const found = await fits(leedsMember, {
      place: { ...leeds, label: 'Leeds' },
      maxKm: 25,
      format: 'either',
    });
    const names = found.matches.map((m) => m.group.name);
    expect(names).toContain('Leeds Talk Together');
    expect(names).toContain('Everyone Online');
    // 513 km away and only in a room: not offered at all.
    expect(names).not.toContain('Cork Room Only');
    // 513 km away but it can be joined online: offered, last, and it says so.
    expect(names.at(-1)).toBe('Cork Hybrid Circle');
    const far = found.matches.at(-1)!;
    expect(far.reasons).toContainEqual({ code: 'farOnline', town: 'Cork' });
    expect(far.reasons.map((r) => r.code)).not.toContain('near');
    for (const m of found.matches.slice(0, -1)) {
      expect(m.group.distanceKm === null || m.group.distanceKm <= 25).toBe(true);
    }
  });

  it('does not offer a far hybrid group to someone who wants to meet in a room', async () => {
    const found = await fits(leedsMember, {
      place: { ...leeds, label: 'Leeds' },
      maxKm: 25,
      format: 'in_person',
    });
    expect(found.matches.map((m) => m.group.name)).toEqual(['Leeds Talk Together']);
  });

  it('keeps to the age band: no under-55 group for someone 55 or over', async () => {
    const older = await fits(leedsMember, { ageBand: '55_plus', format: 'online' });
    expect(older.matches.map((m) => m.group.name)).not.toContain('Young Stroke Online');
    const younger = await fits(leedsMember, { ageBand: 'under_55', format: 'online' });
    expect(younger.matches[0]?.group.name).toBe('Young Stroke Online');
  });

  it('answers in miles for people in the UK and the US, in kilometres elsewhere', async () => {
    expect((await fits(leedsMember, {})).unit).toBe('mi');
    expect((await fits(corkMember, {})).unit).toBe('km');
    const mine = await call(leedsMember, 'GET', '/api/groups');
    expect(mine.json().unit).toBe('mi');
    const irish = await call(corkMember, 'GET', '/api/groups', undefined, {
      'accept-language': 'en-US',
    });
    // The person's own country counts before their browser's language.
    expect(irish.json().unit).toBe('km');
    const visitorUs = await call(undefined, 'GET', '/api/groups', undefined, {
      'accept-language': 'en-US,en;q=0.8',
    });
    expect(visitorUs.json().unit).toBe('mi');
    const visitorDe = await call(undefined, 'GET', '/api/groups', undefined, {
      'accept-language': 'de-DE',
    });
    expect(visitorDe.json().unit).toBe('km');
  });
});

describe('the place box', () => {
  it('finds a UK postcode district like LS1, or a whole postcode, as its area', async () => {
    for (const q of ['LS1', 'ls1 4ap', 'LS29']) {
      const res = await call(
        undefined,
        'GET',
        `/api/groups/places?q=${encodeURIComponent(q)}&country=GB`,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().places[0]).toMatchObject({ name: 'LS (Leeds)', country: 'GB' });
    }
    // "L1" is Liverpool's area, not Leeds's: the letters must match whole.
    const liverpool = await call(undefined, 'GET', '/api/groups/places?q=L1&country=GB');
    expect(liverpool.json().places[0].name).toBe('L (Liverpool)');
  });
});

describe('a double tap on "Ask to join"', () => {
  it('answers a repeated request exactly like the first, at once or later, and counts the person once', async () => {
    const who = await makeMember(t, { displayName: 'Tap Twice' });
    const before = (await call(who, 'GET', `/api/groups/${openGroupId}`)).json().memberCount;
    const [first, second] = await Promise.all([
      call(who, 'POST', `/api/groups/${openGroupId}/join`, {}),
      call(who, 'POST', `/api/groups/${openGroupId}/join`, {}),
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.json()).toEqual(first.json());
    expect(first.json().status).toBe('active');
    const after = (await call(who, 'GET', `/api/groups/${openGroupId}`)).json().memberCount;
    expect(after).toBe(before + 1);

    const asked = await call(who, 'POST', `/api/groups/${askGroupId}/join`, {
      message: 'Hello, I would like to come.',
    });
    const again = await call(who, 'POST', `/api/groups/${askGroupId}/join`, { message: '' });
    expect(again.statusCode).toBe(asked.statusCode);
    expect(again.json()).toEqual(asked.json());
    expect(asked.json().status).toBe('pending');
    const requests = await call(orgLead, 'GET', `/api/groups/${askGroupId}/requests`);
    expect(requests.json().requests).toMatchObject([
      { id: who.user.id, message: 'Hello, I would like to come.' },
    ]);
  });
});
