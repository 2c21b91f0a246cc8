import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import { categoryId, postReply, postTopic } from '../../../../tests/support/forum';
import {
  callAs,
  makeFacilitator as makeFacilitatorBy,
  makeGroupIn,
  makeOrganisation,
} from '../../../../tests/support/groups';
import type { GroupInput } from '../../../contract/groups';
import type { HomeResponse } from '../../../contract/home';

let t: TestApp;
let orgId: string;

const call = (who: Member | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  callAs(t, who, method, url, payload);

async function homeOf(who: Member, query = ''): Promise<HomeResponse> {
  const res = await call(who, 'GET', `/api/home${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const rhythm = {
  frequency: 'weekly',
  weekday: 'TU',
  weekOfMonth: null,
  startTime: '14:00',
  durationMinutes: 90,
  timeZone: 'Europe/London',
} as const;

const baseGroup: GroupInput = {
  name: 'Home Test Group',
  description: 'A calm group to talk after a stroke.',
  format: 'online',
  focus: [],
  languages: ['en'],
  sizeCap: 20,
  joinPolicy: 'ask',
  privacy: 'private',
  caregiversOnly: false,
  country: 'GB',
  rhythm,
  meetingLink: 'https://meet.example.org/room',
};

let orgAdmin: Member;

const makeGroup = (input: Partial<GroupInput>) =>
  makeGroupIn(t, orgAdmin, orgId, { ...baseGroup, ...input });

/** Puts a person in a group the way a facilitator would: they ask, the organisation says yes. */
async function admit(groupId: string, who: Member) {
  const asked = await call(who, 'POST', `/api/groups/${groupId}/join`, {});
  expect(asked.statusCode, asked.body).toBe(200);
  if (asked.json().status === 'active') return;
  const yes = await call(orgAdmin, 'POST', `/api/groups/${groupId}/requests/approve`, {
    userId: who.user.id,
  });
  expect(yes.json().status, yes.body).toBe('active');
}

const makeFacilitator = (groupId: string, who: Member) =>
  makeFacilitatorBy(t, orgAdmin, groupId, who);

beforeAll(async () => {
  t = await startTestApp();
  const admin = await makeMember(t, { displayName: 'Ada Site Lead', role: 'professional' });
  orgAdmin = await makeMember(t, { displayName: 'Olu Org Lead', role: 'professional' });
  await promote(t, admin.user.id, 'admin');
  orgId = await makeOrganisation(t, admin, 'Home Test Charity', [orgAdmin]);
});
afterAll(() => t?.close());

describe('GET /api/home', () => {
  it('asks the person to sign in first', async () => {
    const res = await call(null, 'GET', '/api/home');
    expect(res.statusCode).toBe(401);
  });

  it('offers a new member first steps, and says each block is empty', async () => {
    const newbie = await makeMember(t, { displayName: 'Nia New' });
    const home = await homeOf(newbie);
    expect(home).toMatchObject({
      role: 'survivor',
      isNew: true,
      carers: null,
      meetings: [],
      replies: [],
      joinRequests: null,
      introductions: { slug: 'introductions', name: 'Introductions' },
    });
  });

  it('shows a long-time member the new replies to topics they started or replied in, until they read them', async () => {
    const [long, other, third] = await Promise.all([
      makeMember(t, { displayName: 'Lou Long' }),
      makeMember(t, { displayName: 'Omar Other' }),
      makeMember(t, { displayName: 'Tess Third' }),
    ]);
    const feelings = await categoryId(t, long, 'feelings');
    const started = await postTopic(t, long, {
      categoryId: feelings,
      title: 'Tired in the afternoons',
    });
    const joinedIn = await postTopic(t, other, { categoryId: feelings, title: 'Walking again' });
    const quiet = await postTopic(t, other, { categoryId: feelings, title: 'A quiet topic' });
    await postReply(t, long, joinedIn, 'Me too, slowly.');
    await postReply(t, long, quiet, 'Nobody answered after me.');
    // Replies by others after Lou last read each topic; Lou's own replies do not count.
    await postReply(t, other, started, 'Rest helps me.');
    await postReply(t, third, started, 'I nap at two.');
    await postReply(t, long, started, 'Thank you both.');
    await postReply(t, third, started, 'You are welcome.');
    await postReply(t, third, joinedIn, 'Well done.');

    const home = await homeOf(long);
    expect(home.isNew).toBe(false);
    const byTopic = new Map(home.replies.map((r) => [r.topicId, r]));
    // After Lou's own reply, only the one that came later is new.
    expect(byTopic.get(started)).toMatchObject({
      title: 'Tired in the afternoons',
      where: 'Feelings and emotions',
      newReplies: 1,
    });
    expect(byTopic.get(joinedIn)).toMatchObject({ title: 'Walking again', newReplies: 1 });
    expect(byTopic.has(quiet)).toBe(false);
    expect(home.replies[0]?.topicId).toBe(joinedIn); // newest first

    // Reading the topic marks it read.
    expect((await call(long, 'GET', `/api/forum/topics/${joinedIn}`)).statusCode).toBe(200);
    const after = await homeOf(long);
    expect(after.replies.map((r) => r.topicId)).toEqual([started]);

    // Someone who only read a topic gets no "replies to your posts" from it.
    expect((await call(third, 'GET', `/api/forum/topics/${quiet}`)).statusCode).toBe(200);
    await postReply(t, other, quiet, 'One more word.');
    const thirds = await homeOf(third);
    expect(thirds.replies.map((r) => r.topicId)).not.toContain(quiet);
  });

  it("shows a member their own groups' next meetings in words, in their time zone, and not other people's groups", async () => {
    const [member, outsider] = await Promise.all([
      makeMember(t, { displayName: 'Mo Member' }),
      makeMember(t, { displayName: 'Oona Outsider' }),
    ]);
    const groupId = await makeGroup({ name: 'Tuesday Talkers' });
    await admit(groupId, member);

    const home = await homeOf(member);
    expect(home.isNew).toBe(false);
    expect(home.meetings).toHaveLength(1);
    const [meeting] = home.meetings;
    expect(meeting).toMatchObject({ groupId, groupName: 'Tuesday Talkers', format: 'online' });
    expect(new Date(meeting!.startsAt).getTime()).toBeGreaterThan(Date.now());
    expect(meeting!.text).toMatch(/^Tuesday \d+ \w+ at (1|2) pm$/);
    expect(meeting!.zone).toBe('UK time');

    // The same meeting, told in New York time: five (or four) hours earlier.
    const inNewYork = await homeOf(member, '?timeZone=America%2FNew_York');
    expect(inNewYork.meetings[0]?.startsAt).toBe(meeting!.startsAt);
    expect(inNewYork.meetings[0]?.text).toMatch(/^Tuesday \d+ \w+ at (8|9|10) am$/);
    expect(inNewYork.meetings[0]?.zone).toBe('Eastern time');

    const theirs = await homeOf(outsider);
    expect(theirs.meetings).toEqual([]);
    expect(theirs.joinRequests).toBeNull();
  });

  it('refuses a time zone it does not know, in plain words', async () => {
    const member = await makeMember(t, { displayName: 'Zed Zone' });
    const res = await call(member, 'GET', '/api/home?timeZone=Mars%2FOlympus');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.timeZone).toBe('This time zone is not one we know.');
  });

  it('shows a facilitator, and the organisation, the people waiting to join; not the members', async () => {
    const [facilitator, asker, member] = await Promise.all([
      makeMember(t, { displayName: 'Fran Facilitator', role: 'peer_supporter' }),
      makeMember(t, { displayName: 'Asha Asker' }),
      makeMember(t, { displayName: 'Max Member' }),
    ]);
    const groupId = await makeGroup({ name: 'Aphasia Chat' });
    const quietGroup = await makeGroup({ name: 'A Quiet Group' });
    await makeFacilitator(groupId, facilitator);
    await makeFacilitator(quietGroup, facilitator);
    await admit(groupId, member);

    const before = await homeOf(facilitator);
    expect(before.joinRequests).toEqual(
      expect.arrayContaining([
        { groupId, groupName: 'Aphasia Chat', waiting: 0 },
        { groupId: quietGroup, groupName: 'A Quiet Group', waiting: 0 },
      ]),
    );

    const asked = await call(asker, 'POST', `/api/groups/${groupId}/join`, { message: 'Hello.' });
    expect(asked.json().status).toBe('pending');
    const home = await homeOf(facilitator);
    expect(home.joinRequests?.[0]).toEqual({ groupId, groupName: 'Aphasia Chat', waiting: 1 });
    expect(home.meetings.map((m) => m.groupId).sort()).toEqual([groupId, quietGroup].sort());

    const orgHome = await homeOf(orgAdmin);
    expect(orgHome.joinRequests).toContainEqual({ groupId, groupName: 'Aphasia Chat', waiting: 1 });

    expect((await homeOf(member)).joinRequests).toBeNull();
    // Asking is not being in: the asker has no meetings from the group yet.
    expect((await homeOf(asker)).meetings).toEqual([]);
  });

  it("shows a carer the carers' spaces first: the carers' forum part and carers' groups", async () => {
    const carer = await makeMember(t, {
      displayName: 'Cara Carer',
      role: 'caregiver',
      country: 'GB',
    });
    const carersCuppa = await makeGroup({
      name: 'Carers Cuppa Test',
      caregiversOnly: true,
      format: 'online',
    });
    const carersElsewhere = await makeGroup({
      name: 'Carers Far Away',
      caregiversOnly: true,
      country: 'AU',
    });
    const alsoIn = await makeGroup({ name: 'Another Carers Circle', caregiversOnly: true });
    const inviteOnly = await makeGroup({
      name: 'Carers By Invitation',
      caregiversOnly: true,
      joinPolicy: 'invite',
    });
    const mixed = await makeGroup({ name: 'Aardvark Mixed Group' });

    const fresh = await homeOf(carer);
    expect(fresh.role).toBe('caregiver');
    expect(fresh.isNew).toBe(true);
    expect(fresh.carers?.category?.slug).toBe('caregivers');
    const offered = fresh.carers?.groups.map((g) => g.id) ?? [];
    expect(offered).toContain(carersCuppa);
    // Nobody can ask to join an invite-only group, so it is not offered.
    expect(offered).not.toContain(inviteOnly);
    // Groups in the carer's own country come before those far away.
    expect(offered.indexOf(carersCuppa)).toBeLessThan(
      offered.includes(carersElsewhere) ? offered.indexOf(carersElsewhere) : Infinity,
    );

    await admit(alsoIn, carer);
    await admit(mixed, carer);
    const home = await homeOf(carer);
    // A carers' group they are in is not offered again; their meetings list it first.
    expect(home.carers?.groups.map((g) => g.id)).not.toContain(alsoIn);
    expect(home.meetings.map((m) => m.groupId)).toEqual([alsoIn, mixed]);

    // Someone who is not a carer is not shown the carers' block.
    const survivor = await makeMember(t, { displayName: 'Sol Survivor' });
    expect((await homeOf(survivor)).carers).toBeNull();
  });

  it('shows nothing from a private board the person can no longer see', async () => {
    const [leaver, stayer] = await Promise.all([
      makeMember(t, { displayName: 'Lee Leaver' }),
      makeMember(t, { displayName: 'Stan Stayer' }),
    ]);
    const privateGroup = await makeGroup({ name: 'Private Board Group', privacy: 'private' });
    const publicGroup = await makeGroup({
      name: 'Public Board Group',
      privacy: 'public',
      joinPolicy: 'open',
    });
    for (const g of [privateGroup, publicGroup]) {
      await admit(g, leaver);
      await admit(g, stayer);
    }
    const onBoard = async (groupId: string, title: string) => {
      const res = await call(leaver, 'POST', `/api/groups/${groupId}/board`, {
        title,
        body: 'Words for the group only.',
        idempotencyKey: randomUUID(),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().topicId as string;
    };
    const privateTopic = await onBoard(privateGroup, 'Our private plans');
    const publicTopic = await onBoard(publicGroup, 'Our public plans');
    await postReply(t, stayer, privateTopic, 'Private answer.');
    await postReply(t, stayer, publicTopic, 'Public answer.');

    const before = await homeOf(leaver);
    expect(before.replies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ topicId: privateTopic, where: 'Private Board Group' }),
        expect.objectContaining({ topicId: publicTopic, where: 'Public Board Group' }),
      ]),
    );

    for (const g of [privateGroup, publicGroup]) {
      expect((await call(leaver, 'POST', `/api/groups/${g}/leave`, {})).statusCode).toBe(200);
    }
    await postReply(t, stayer, privateTopic, 'Another private answer.');
    const after = await homeOf(leaver);
    const topics = after.replies.map((r) => r.topicId);
    expect(topics).not.toContain(privateTopic);
    // A public group's board stays readable by every member, so its replies still show.
    expect(topics).toContain(publicTopic);
    expect(after.meetings).toEqual([]);
    // The topic itself is closed to them too: Home agrees with the forum.
    expect((await call(leaver, 'GET', `/api/forum/topics/${privateTopic}`)).statusCode).toBe(404);
  });
});
