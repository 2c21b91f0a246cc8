import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import {
  askAndApprove,
  callAs,
  leedsVenue,
  makeFacilitator,
  makeGroupIn,
  makeOrganisation,
} from '../../../../tests/support/groups';
import type { GroupInput } from '../../../contract/groups';

type Who = 'anonymous' | 'member' | 'nonMember' | 'facilitator' | 'orgAdmin' | 'admin';

let t: TestApp;
const people = {} as Record<Exclude<Who, 'anonymous'>, Member> & { carer: Member; asker: Member };
let orgId: string;
let groupId: string;

async function call(
  who: Who | 'carer' | 'asker' | Member,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  const member = typeof who === 'string' ? (who === 'anonymous' ? undefined : people[who]) : who;
  return callAs(t, member, method, url, payload);
}

const rhythm = {
  frequency: 'monthly',
  weekday: 'TU',
  weekOfMonth: 2,
  startTime: '14:00',
  durationMinutes: 90,
  timeZone: 'Europe/London',
} as const;

const onlineGroup: GroupInput = {
  name: 'Word Finders Test',
  description: 'A calm group for people with aphasia. We take our time.',
  format: 'online',
  focus: ['aphasia_friendly'],
  languages: ['en'],
  sizeCap: 3,
  joinPolicy: 'ask',
  privacy: 'private',
  caregiversOnly: false,
  country: 'GB',
  rhythm,
  meetingLink: 'https://meet.example.org/secret-room',
};

const makeGroup = (input: Partial<GroupInput> = {}) =>
  makeGroupIn(t, people.orgAdmin, orgId, { ...onlineGroup, ...input });

beforeAll(async () => {
  t = await startTestApp();
  const [member, nonMember, facilitator, orgAdmin, admin, carer, asker] = await Promise.all([
    makeMember(t, { displayName: 'Group Member' }),
    makeMember(t, { displayName: 'Outsider' }),
    makeMember(t, { displayName: 'Fran Facilitator', role: 'peer_supporter' }),
    makeMember(t, { displayName: 'Olu Org Lead', role: 'professional' }),
    makeMember(t, { displayName: 'Ada Site Lead', role: 'professional' }),
    makeMember(t, { displayName: 'Cara Carer', role: 'caregiver' }),
    makeMember(t, { displayName: 'Asha Asker' }),
  ]);
  Object.assign(people, { member, nonMember, facilitator, orgAdmin, admin, carer, asker });
  await promote(t, admin.user.id, 'admin');
  orgId = await makeOrganisation(t, admin, 'Test Stroke Charity', [orgAdmin]);
  groupId = await makeGroup();
  // The organisation invites the facilitator, who says yes.
  await makeFacilitator(t, orgAdmin, groupId, facilitator);
  await askAndApprove(t, member, groupId, facilitator);
});
afterAll(() => t?.close());

describe('who may call each group route', () => {
  const everyone: Who[] = ['anonymous', 'member', 'nonMember', 'facilitator', 'orgAdmin', 'admin'];
  const expectStatuses = async (
    send: (who: Who) => Promise<{ statusCode: number; body: string }>,
    expected: Record<Who, number>,
  ) => {
    const got: Record<string, number> = {};
    for (const who of everyone) got[who] = (await send(who)).statusCode;
    expect(got).toEqual(expected);
  };

  it('GET /api/groups (directory) is open to all', async () => {
    await expectStatuses((who) => call(who, 'GET', '/api/groups?q=aphasia'), {
      anonymous: 200,
      member: 200,
      nonMember: 200,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
  });

  it('GET /api/groups/places is open to all', async () => {
    await expectStatuses((who) => call(who, 'GET', '/api/groups/places?q=Leeds'), {
      anonymous: 200,
      member: 200,
      nonMember: 200,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
  });

  it('GET and POST /api/groups/fits-me need a member', async () => {
    await expectStatuses((who) => call(who, 'GET', '/api/groups/fits-me'), {
      anonymous: 401,
      member: 200,
      nonMember: 200,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
    await expectStatuses((who) => call(who, 'POST', '/api/groups/fits-me', { aphasia: 'yes' }), {
      anonymous: 401,
      member: 200,
      nonMember: 200,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
  });

  it('GET /api/groups/mine needs a member', async () => {
    await expectStatuses((who) => call(who, 'GET', '/api/groups/mine'), {
      anonymous: 401,
      member: 200,
      nonMember: 200,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
  });

  it('GET /api/groups/:id shows the page to all, the meeting link only to members', async () => {
    const links: Record<string, string | null> = {};
    await expectStatuses(
      async (who) => {
        const res = await call(who, 'GET', `/api/groups/${groupId}`);
        links[who] = res.json().meetingLink;
        return res;
      },
      { anonymous: 200, member: 200, nonMember: 200, facilitator: 200, orgAdmin: 200, admin: 200 },
    );
    expect(links).toEqual({
      anonymous: null,
      member: 'https://meet.example.org/secret-room',
      nonMember: null,
      facilitator: 'https://meet.example.org/secret-room',
      orgAdmin: 'https://meet.example.org/secret-room',
      admin: null,
    });
    const outsider = await call('nonMember', 'GET', `/api/groups/${groupId}`);
    expect(outsider.body).not.toContain('secret-room');
    expect(outsider.json().announcements).toBeNull();
    expect(outsider.json().boardVisible).toBe(false);
  });

  it('PATCH /api/groups/:id is for the organisation and platform admins', async () => {
    await expectStatuses((who) => call(who, 'PATCH', `/api/groups/${groupId}`, { sizeCap: 3 }), {
      anonymous: 401,
      member: 403,
      nonMember: 403,
      facilitator: 403,
      orgAdmin: 200,
      admin: 200,
    });
  });

  it('GET /api/groups/:id/members hides a private group from outsiders', async () => {
    await expectStatuses((who) => call(who, 'GET', `/api/groups/${groupId}/members`), {
      anonymous: 401,
      member: 200,
      nonMember: 403,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
  });

  it('GET /api/groups/:id/requests is for those who run the group', async () => {
    await expectStatuses((who) => call(who, 'GET', `/api/groups/${groupId}/requests`), {
      anonymous: 401,
      member: 403,
      nonMember: 403,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
  });

  it('POST approve, decline, role and remove are for those who run the group', async () => {
    const nobody = { userId: randomUUID() };
    for (const path of ['requests/approve', 'requests/decline', 'members/remove']) {
      await expectStatuses((who) => call(who, 'POST', `/api/groups/${groupId}/${path}`, nobody), {
        anonymous: 401,
        member: 403,
        nonMember: 403,
        facilitator: 404,
        orgAdmin: 404,
        admin: 404,
      });
    }
    await expectStatuses(
      (who) =>
        call(who, 'POST', `/api/groups/${groupId}/members/role`, {
          userId: people.member.user.id,
          role: 'member',
        }),
      { anonymous: 401, member: 403, nonMember: 403, facilitator: 200, orgAdmin: 200, admin: 200 },
    );
  });

  it('POST and DELETE /api/groups/:id/invite-link are for those who run the group', async () => {
    await expectStatuses((who) => call(who, 'POST', `/api/groups/${groupId}/invite-link`), {
      anonymous: 401,
      member: 403,
      nonMember: 403,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
    await expectStatuses((who) => call(who, 'DELETE', `/api/groups/${groupId}/invite-link`), {
      anonymous: 401,
      member: 403,
      nonMember: 403,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
  });

  it('POST /api/groups/:id/announcements is for those who run the group', async () => {
    await expectStatuses(
      (who) => call(who, 'POST', `/api/groups/${groupId}/announcements`, { body: 'Hello all.' }),
      { anonymous: 401, member: 403, nonMember: 403, facilitator: 200, orgAdmin: 200, admin: 200 },
    );
    const seen = await call('member', 'GET', `/api/groups/${groupId}`);
    expect(seen.json().announcements[0].body).toBe('Hello all.');
  });

  it('POST /api/groups/:id/join and /leave need a member; outsiders get plain answers', async () => {
    const other = await makeGroup({
      name: 'Open Test Group',
      joinPolicy: 'open',
      privacy: 'public',
      sizeCap: 20,
    });
    await expectStatuses((who) => call(who, 'POST', `/api/groups/${other}/join`, {}), {
      anonymous: 401,
      member: 200,
      nonMember: 200,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
    await expectStatuses((who) => call(who, 'POST', `/api/groups/${other}/leave`), {
      anonymous: 401,
      member: 200,
      nonMember: 200,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
  });

  it('organisation routes: listing for members, making for platform admins', async () => {
    await expectStatuses((who) => call(who, 'GET', '/api/organisations'), {
      anonymous: 401,
      member: 200,
      nonMember: 200,
      facilitator: 200,
      orgAdmin: 200,
      admin: 200,
    });
    const mine = await call('orgAdmin', 'GET', '/api/organisations');
    expect(mine.json().organisations.map((o: { id: string }) => o.id)).toEqual([orgId]);
    expect((await call('member', 'GET', '/api/organisations')).json().organisations).toEqual([]);
    await expectStatuses(
      (who) => call(who, 'POST', '/api/organisations', { name: `Org ${who}`, kind: 'community' }),
      { anonymous: 401, member: 403, nonMember: 403, facilitator: 403, orgAdmin: 403, admin: 200 },
    );
    await expectStatuses(
      (who) =>
        call(who, 'POST', `/api/organisations/${orgId}/admins`, {
          userId: people.orgAdmin.user.id,
        }),
      { anonymous: 401, member: 403, nonMember: 403, facilitator: 403, orgAdmin: 403, admin: 200 },
    );
    await expectStatuses(
      (who) =>
        call(who, 'POST', `/api/organisations/${orgId}/groups`, {
          ...onlineGroup,
          name: `Made by ${who}`,
        }),
      { anonymous: 401, member: 403, nonMember: 403, facilitator: 403, orgAdmin: 200, admin: 200 },
    );
  });
});

describe('membership', () => {
  it('asks, declines kindly, and lets the person ask again', async () => {
    const id = await makeGroup({ name: 'Decline Test' });
    const asked = await call('asker', 'POST', `/api/groups/${id}/join`, { message: 'Hi there.' });
    expect(asked.json().status).toBe('pending');
    // A double tap answers exactly like the first, and keeps the words of the first.
    const again = await call('asker', 'POST', `/api/groups/${id}/join`, {});
    expect(again.statusCode).toBe(asked.statusCode);
    expect(again.json()).toEqual(asked.json());
    const list = await call('orgAdmin', 'GET', `/api/groups/${id}/requests`);
    expect(list.json().requests).toMatchObject([
      { displayName: 'Asha Asker', message: 'Hi there.' },
    ]);
    await call('orgAdmin', 'POST', `/api/groups/${id}/requests/decline`, {
      userId: people.asker.user.id,
    });
    const page = (await call('asker', 'GET', `/api/groups/${id}`)).json();
    expect(page.me.status).toBe('declined');
    expect(page.me.declineMessage).toMatch(/Thank you for asking/);
    expect(page.me.canJoin).toBe(true);
    expect((await call('asker', 'POST', `/api/groups/${id}/join`, {})).json().status).toBe(
      'pending',
    );
  });

  it('puts people on a waitlist when full, and gives them the place when someone leaves', async () => {
    const id = await makeGroup({
      name: 'Tiny Open Group',
      joinPolicy: 'open',
      privacy: 'public',
      sizeCap: 2,
    });
    expect((await call('member', 'POST', `/api/groups/${id}/join`, {})).json().status).toBe(
      'active',
    );
    expect((await call('asker', 'POST', `/api/groups/${id}/join`, {})).json().status).toBe(
      'active',
    );
    expect((await call('nonMember', 'POST', `/api/groups/${id}/join`, {})).json().status).toBe(
      'waitlist',
    );
    const waiting = (await call('nonMember', 'GET', `/api/groups/${id}`)).json();
    expect(waiting.full).toBe(true);
    expect(waiting.me.waitlistPlace).toBe(1);
    expect(waiting.meetingLink).toBeNull();
    await call('asker', 'POST', `/api/groups/${id}/leave`);
    const now = (await call('nonMember', 'GET', `/api/groups/${id}`)).json();
    expect(now.me.status).toBe('active');
    expect(now.memberCount).toBe(2);
    // Removing someone frees the place too.
    const removed = await call('orgAdmin', 'POST', `/api/groups/${id}/members/remove`, {
      userId: people.member.user.id,
    });
    expect(removed.statusCode).toBe(200);
    expect((await call('member', 'GET', `/api/groups/${id}`)).json().me.status).toBeNull();
  });

  it('admits only carers to a caregiver-only group, checked on the server', async () => {
    const id = await makeGroup({
      name: 'Carers Only',
      joinPolicy: 'ask',
      caregiversOnly: true,
      focus: ['caregivers'],
    });
    const refused = await call('member', 'POST', `/api/groups/${id}/join`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toBe('This group is only for carers and family.');
    expect((await call('carer', 'POST', `/api/groups/${id}/join`, {})).json().status).toBe(
      'pending',
    );
    const fits = await call('member', 'POST', '/api/groups/fits-me', { role: 'caregiver' });
    expect(fits.statusCode, fits.body).toBe(200);
    expect(fits.json().matches.map((m: { group: { id: string } }) => m.group.id)).not.toContain(id);
    const carerFits = await call('carer', 'POST', '/api/groups/fits-me', {});
    expect(carerFits.json().matches[0].group.id).toBe(id);
  });

  it('lets people in with an invite link, until it is stopped', async () => {
    const id = await makeGroup({ name: 'Invite Only', joinPolicy: 'invite', sizeCap: 10 });
    expect((await call('asker', 'POST', `/api/groups/${id}/join`, {})).statusCode).toBe(403);
    const link = (await call('orgAdmin', 'POST', `/api/groups/${id}/invite-link`)).json();
    expect(link.url).toContain(`/groups/${id}?invite=`);
    const joined = await call('asker', 'POST', `/api/groups/${id}/join`, {
      inviteToken: link.token,
    });
    expect(joined.json().status).toBe('active');
    await call('orgAdmin', 'DELETE', `/api/groups/${id}/invite-link`);
    const late = await call('nonMember', 'POST', `/api/groups/${id}/join`, {
      inviteToken: link.token,
    });
    expect(late.statusCode).toBe(403);
  });

  it('lets a facilitator name a co-facilitator but not another facilitator', async () => {
    const asFacilitator = await call('facilitator', 'POST', `/api/groups/${groupId}/members/role`, {
      userId: people.member.user.id,
      role: 'facilitator',
    });
    expect(asFacilitator.statusCode).toBe(403);
    const co = await call('facilitator', 'POST', `/api/groups/${groupId}/members/role`, {
      userId: people.member.user.id,
      role: 'co_facilitator',
    });
    expect(co.statusCode).toBe(200);
    const page = (await call('member', 'GET', `/api/groups/${groupId}`)).json();
    expect(page.facilitators.map((f: { role: string }) => f.role).sort()).toEqual([
      'co_facilitator',
      'facilitator',
    ]);
    await call('facilitator', 'POST', `/api/groups/${groupId}/members/role`, {
      userId: people.member.user.id,
      role: 'member',
    });
  });

  it('offers predicates to other modules', async () => {
    const groups = t.app.ctx.groups;
    const actor = (m: Member) => ({
      userId: m.user.id,
      sessionId: 'x',
      siteRole: m.user.siteRole,
      trustLevel: 1,
    });
    expect(await groups.canSeeGroupBoard(actor(people.member), groupId)).toBe(true);
    expect(await groups.canSeeGroupBoard(actor(people.nonMember), groupId)).toBe(false);
    expect(await groups.canSeeGroupBoard(null, groupId)).toBe(false);
    expect(await groups.isGroupMember(people.member.user.id, groupId)).toBe(true);
    expect(await groups.isGroupMember(people.nonMember.user.id, groupId)).toBe(false);
    expect(await groups.shareAGroup(people.member.user.id, people.facilitator.user.id)).toBe(true);
    expect(await groups.shareAGroup(people.member.user.id, people.nonMember.user.id)).toBe(false);
  });
});

describe('profiles seen by "my groups"', () => {
  it('shows a field marked "my groups" to a fellow member and not to an outsider', async () => {
    await call('facilitator', 'PATCH', '/api/me/profile', {
      experience: { fatigue: 'some' },
      visibility: { fatigue: 'my_groups' },
      healthConsent: true,
    });
    const url = `/api/members/${people.facilitator.user.id}`;
    expect((await call('member', 'GET', url)).json().experience.fatigue).toBe('some');
    expect((await call('nonMember', 'GET', url)).json().experience.fatigue).toBeUndefined();
  });
});

describe('the group board', () => {
  it('GET and POST /api/groups/:id/board: members read and write; outsiders see nothing', async () => {
    const post = (who: Who) =>
      call(who, 'POST', `/api/groups/${groupId}/board`, {
        title: `Hello from ${who}`,
        body: 'A first post on our board.',
        idempotencyKey: randomUUID(),
      });
    const statuses: Record<string, number> = {};
    for (const who of [
      'anonymous',
      'member',
      'nonMember',
      'facilitator',
      'orgAdmin',
      'admin',
    ] as Who[]) {
      statuses[who] = (await post(who)).statusCode;
    }
    expect(statuses).toEqual({
      anonymous: 401,
      member: 200,
      nonMember: 403,
      facilitator: 200,
      orgAdmin: 403,
      admin: 403,
    });
    const reads: Record<string, number> = {};
    for (const who of [
      'anonymous',
      'member',
      'nonMember',
      'facilitator',
      'orgAdmin',
      'admin',
    ] as Who[]) {
      reads[who] = (await call(who, 'GET', `/api/groups/${groupId}/board`)).statusCode;
    }
    expect(reads).toEqual({
      anonymous: 401,
      member: 200,
      nonMember: 403,
      facilitator: 200,
      orgAdmin: 200,
      admin: 403,
    });
    const board = (await call('member', 'GET', `/api/groups/${groupId}/board`)).json();
    expect(board.topics.map((topic: { title: string }) => topic.title).sort()).toEqual([
      'Hello from facilitator',
      'Hello from member',
    ]);
    // The forum itself keeps the private topic from outsiders too.
    const topicId = board.topics[0].id;
    expect((await call('nonMember', 'GET', `/api/forum/topics/${topicId}`)).statusCode).toBe(404);
    expect((await call('anonymous', 'GET', `/api/forum/topics/${topicId}`)).statusCode).not.toBe(
      200,
    );
    expect((await call('member', 'GET', `/api/forum/topics/${topicId}`)).statusCode).toBe(200);
    const search = await call('nonMember', 'GET', '/api/forum/search?q=first%20post%20board');
    expect(search.body).not.toContain(topicId);
  });
});

describe('directory and fits-me', () => {
  it('finds groups by words, focus, format, language, access and distance', async () => {
    const near = await makeGroup({
      name: 'Leeds Walking Group',
      description: 'A gentle walk and a chat in Leeds every week.',
      format: 'in_person',
      focus: ['exercise'],
      joinPolicy: 'open',
      privacy: 'public',
      venue: leedsVenue as GroupInput['venue'],
      meetingLink: null,
    });
    const places = (await call('anonymous', 'GET', '/api/groups/places?q=Leeds')).json().places;
    const leeds = places.find((p: { country: string }) => p.country === 'GB');
    expect(leeds).toMatchObject({ name: 'Leeds', kind: 'town' });
    const found = await call(
      'anonymous',
      'GET',
      `/api/groups?place=${leeds.id}&km=10&focus=exercise&language=en&access=step_free,hearing_loop&format=in_person&q=walk`,
    );
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().groups).toMatchObject([{ id: near, town: 'Leeds' }]);
    expect(found.json().groups[0].distanceKm).toBeLessThan(2);
    const london = await call('anonymous', 'GET', '/api/groups?lat=51.5074&lng=-0.1278&km=25');
    expect(london.json().groups.map((g: { id: string }) => g.id)).not.toContain(near);
    const bad = await call('anonymous', 'GET', '/api/groups?place=nowhere-at-all');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().type).toMatch(/problems\/bad-request$/);
  });

  it('prefills from the profile and ranks with reasons', async () => {
    await call('asker', 'PATCH', '/api/me/profile', {
      experience: { aphasia: 'yes', strokeYear: 2025 },
      healthConsent: true,
    });
    const prefill = (await call('asker', 'GET', '/api/groups/fits-me')).json();
    expect(prefill.answers).toMatchObject({ role: 'survivor', aphasia: 'yes', strokeYear: 2025 });
    expect(prefill.fromProfile).toEqual(['role', 'aphasia', 'strokeYear']);
    const res = await call('asker', 'POST', '/api/groups/fits-me', {
      ...prefill.answers,
      format: 'online',
    });
    const top = res.json().matches[0];
    expect(top.group.focus).toContain('aphasia_friendly');
    expect(top.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['online', 'aphasiaFriendly']),
    );
  });
});

describe('one organisation at a time', () => {
  it('lists only the groups of the organisation asked for', async () => {
    const other = await call('admin', 'POST', '/api/organisations', {
      name: 'Another Charity',
      kind: 'charity',
      adminUserIds: [people.orgAdmin.user.id],
    });
    expect(other.statusCode, other.body).toBe(200);
    const theirs = await call('orgAdmin', 'POST', `/api/organisations/${other.json().id}/groups`, {
      ...onlineGroup,
      name: 'Another Charity Group',
    });
    expect(theirs.statusCode, theirs.body).toBe(200);
    const mine = await call('anonymous', 'GET', `/api/groups?organisation=${orgId}`);
    const ids = mine.json().groups.map((g: { organisation: { id: string } }) => g.organisation.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set([orgId]));
    const bad = await call('anonymous', 'GET', '/api/groups?organisation=not-an-id');
    expect(bad.statusCode).toBe(400);
  });
});

describe('naming an organisation admin by email', () => {
  it('finds the member by the email they joined with, and says so plainly when there is none', async () => {
    const newcomer = await makeMember(t, { displayName: 'Nia Newcomer', role: 'professional' });
    const url = `/api/organisations/${orgId}/admins`;
    const byEmail = await call('admin', 'POST', url, { email: newcomer.email.toUpperCase() });
    expect(byEmail.statusCode, byEmail.body).toBe(200);
    expect(byEmail.json().admins.map((a: { id: string }) => a.id)).toContain(newcomer.user.id);

    const nobody = await call('admin', 'POST', url, { email: 'nobody-here@example.test' });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().errors.email).toMatch(/cannot find a member/);

    const both = await call('admin', 'POST', url, {
      email: newcomer.email,
      userId: newcomer.user.id,
    });
    expect(both.statusCode).toBe(422);
    expect(both.json().errors.email).toMatch(/email, or a link/);

    const notAdmin = await call('orgAdmin', 'POST', url, { email: newcomer.email });
    expect(notAdmin.statusCode).toBe(403);
  });
});

describe('directory pages', () => {
  /** Every page of the directory for this query, following nextCursor to the end. */
  async function allPages(query: string) {
    const pages: { id: string; name: string; distanceKm: number | null }[][] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/groups?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await call('anonymous', 'GET', url);
      expect(res.statusCode, res.body).toBe(200);
      pages.push(res.json().groups);
      cursor = res.json().nextCursor;
    } while (cursor && pages.length < 10);
    return pages;
  }

  it('pages by name, and near a place by distance, with equal values in a stable order', async () => {
    const other = await call('admin', 'POST', '/api/organisations', {
      name: 'Paging Charity',
      kind: 'charity',
      adminUserIds: [people.orgAdmin.user.id],
    });
    const pagingOrg = other.json().id as string;
    // 23 groups: pairs with the same name, all at the same place, so ties are broken by id.
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      ids.push(
        await makeGroupIn(t, people.orgAdmin, pagingOrg, {
          ...onlineGroup,
          name: `Paging Group ${String(Math.floor(i / 2)).padStart(2, '0')}`,
          format: 'in_person',
          privacy: 'public',
          venue: leedsVenue,
          meetingLink: null,
        }),
      );
    }
    const byName = await allPages(`organisation=${pagingOrg}`);
    expect(byName.map((page) => page.length)).toEqual([20, 3]);
    const listed = byName.flat();
    expect(new Set(listed.map((g) => g.id))).toEqual(new Set(ids));
    const sorted = [...listed].sort((a, b) =>
      a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1,
    );
    expect(listed.map((g) => g.id)).toEqual(sorted.map((g) => g.id));

    const near = await allPages(`organisation=${pagingOrg}&lat=53.8&lng=-1.55&km=20`);
    expect(near.map((page) => page.length)).toEqual([20, 3]);
    expect(new Set(near.flat().map((g) => g.id))).toEqual(new Set(ids));
    expect(near.flat().every((g) => g.distanceKm !== null && g.distanceKm < 1)).toBe(true);

    // A cursor the server did not make, or from a list in another order, is a plain 400.
    const bad = await call('anonymous', 'GET', `/api/groups?organisation=${pagingOrg}&cursor=12`);
    expect(bad.statusCode).toBe(400);
    const first = await call('anonymous', 'GET', `/api/groups?organisation=${pagingOrg}`);
    const mixed = await call(
      'anonymous',
      'GET',
      `/api/groups?organisation=${pagingOrg}&lat=53.8&lng=-1.55&cursor=${first.json().nextCursor}`,
    );
    expect(mixed.statusCode).toBe(400);
  });
});
