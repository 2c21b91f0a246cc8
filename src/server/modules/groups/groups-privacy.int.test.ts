import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  ORIGIN,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import {
  askAndApprove as askAndApproveBy,
  callAs,
  leedsVenue,
  makeFacilitator,
  makeGroupIn,
  makeOrganisation,
} from '../../../../tests/support/groups';
import type { GroupInput } from '../../../contract/groups';
import { joinPolicyProblem } from '../../../contract/groups-values';
import { demoGroups } from '../../seed/demo-groups';
import { groupMembers, groups } from './tables';

// Issue 7, items 4, 5 (groups), 6 and invite-link expiry. The rules are in docs/groups-privacy.md.

let t: TestApp;
let orgId: string;
const p = {} as Record<
  'orgAdmin' | 'facilitator' | 'outsider' | 'moderator' | 'admin' | 'carer',
  Member
>;

type Caller = Member | 'anonymous';

const call = (
  who: Caller,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
) => callAs(t, who === 'anonymous' ? null : who, method, url, payload);

const rhythm = {
  frequency: 'weekly',
  weekday: 'TH',
  weekOfMonth: null,
  startTime: '10:00',
  durationMinutes: 60,
  timeZone: 'Europe/London',
} as const;

const base: GroupInput = {
  name: 'Privacy Test Group',
  description: 'A group used by the privacy tests. We meet and talk.',
  format: 'online',
  focus: [],
  languages: ['en'],
  sizeCap: 20,
  joinPolicy: 'ask',
  privacy: 'public',
  caregiversOnly: false,
  country: 'GB',
  rhythm,
  meetingLink: 'https://meet.example.org/privacy-room',
};

async function createGroup(input: Partial<GroupInput> = {}) {
  return call(p.orgAdmin, 'POST', `/api/organisations/${orgId}/groups`, { ...base, ...input });
}

/** A group whose facilitator came in by the organisation's invitation, as the rules now ask. */
async function makeGroup(input: Partial<GroupInput> = {}): Promise<string> {
  const id = await makeGroupIn(t, p.orgAdmin, orgId, { ...base, ...input });
  await makeFacilitator(t, p.orgAdmin, id, p.facilitator);
  return id;
}

const askAndApprove = (who: Member, groupId: string) =>
  askAndApproveBy(t, who, groupId, p.facilitator);

/** Shares "fatigue" with "my groups" only. */
async function shareWithMyGroups(who: Member) {
  const res = await call(who, 'PATCH', '/api/me/profile', {
    experience: { fatigue: 'some' },
    visibility: { fatigue: 'my_groups' },
    healthConsent: true,
  });
  expect(res.statusCode, res.body).toBe(200);
}

const fatigueSeenBy = async (viewer: Member, owner: Member) =>
  (await call(viewer, 'GET', `/api/members/${owner.user.id}`)).json().experience?.fatigue;

beforeAll(async () => {
  t = await startTestApp();
  const [orgAdmin, facilitator, outsider, moderator, admin, carer] = await Promise.all([
    makeMember(t, { displayName: 'Orla Organiser', role: 'professional' }),
    makeMember(t, { displayName: 'Fern Facilitator', role: 'peer_supporter' }),
    makeMember(t, { displayName: 'Otto Outsider' }),
    makeMember(t, { displayName: 'Mo Reed' }),
    makeMember(t, { displayName: 'Ade Byron' }),
    makeMember(t, { displayName: 'Cass Carer', role: 'caregiver' }),
  ]);
  Object.assign(p, { orgAdmin, facilitator, outsider, moderator, admin, carer });
  await promote(t, admin.user.id, 'admin');
  await promote(t, moderator.user.id, 'moderator');
  orgId = await makeOrganisation(t, admin, 'Privacy Test Charity', [orgAdmin]);
  await shareWithMyGroups(facilitator);
});
afterAll(() => t?.close());

describe('item 4: member lists are for members', () => {
  it('GET /api/groups/:id/members of a public group: members, those who run it and staff only', async () => {
    const id = await makeGroup({ name: 'Public Open Circle', joinPolicy: 'open' });
    const walker = await makeMember(t, { displayName: 'Wes Walker' });
    expect((await call(walker, 'POST', `/api/groups/${id}/join`, {})).json().status).toBe('active');
    const got: Record<string, number> = {};
    const who: Record<string, Caller> = {
      anonymous: 'anonymous',
      outsider: p.outsider,
      member: walker,
      facilitator: p.facilitator,
      orgAdmin: p.orgAdmin,
      moderator: p.moderator,
      admin: p.admin,
    };
    for (const [name, caller] of Object.entries(who)) {
      got[name] = (await call(caller, 'GET', `/api/groups/${id}/members`)).statusCode;
    }
    expect(got).toEqual({
      anonymous: 401,
      outsider: 403,
      member: 200,
      facilitator: 200,
      orgAdmin: 200,
      moderator: 200,
      admin: 200,
    });
    // Outsiders still get the counts and who runs it: what the group page needs.
    const page = (await call(p.outsider, 'GET', `/api/groups/${id}`)).json();
    expect(page.membersVisible).toBe(false);
    expect(page.memberCount).toBe(2);
    expect(page.facilitators.map((f: { displayName: string }) => f.displayName)).toEqual([
      'Fern Facilitator',
    ]);
    expect((await call(walker, 'GET', `/api/groups/${id}`)).json().membersVisible).toBe(true);
  });
});

describe('item 4: "my groups" counts only memberships a person vetted', () => {
  it('joining an open group, or by an invite link, does not unlock anyone\'s "my groups" details', async () => {
    const open = await makeGroup({ name: 'Open Door Group', joinPolicy: 'open' });
    const walker = await makeMember(t, { displayName: 'Walk In' });
    const victim = await makeMember(t, { displayName: 'Vic Member' });
    await shareWithMyGroups(victim);
    for (const m of [walker, victim]) {
      expect((await call(m, 'POST', `/api/groups/${open}/join`, {})).json().status).toBe('active');
    }
    expect(await fatigueSeenBy(walker, p.facilitator)).toBeUndefined();
    expect(await fatigueSeenBy(walker, victim)).toBeUndefined();

    const linked = await makeGroup({
      name: 'Link Group',
      joinPolicy: 'invite',
      privacy: 'private',
    });
    const link = (await call(p.facilitator, 'POST', `/api/groups/${linked}/invite-link`)).json();
    const viaLink = await makeMember(t, { displayName: 'Link Holder' });
    const joined = await call(viaLink, 'POST', `/api/groups/${linked}/join`, {
      inviteToken: link.token,
    });
    expect(joined.json().status).toBe('active');
    expect(await fatigueSeenBy(viaLink, p.facilitator)).toBeUndefined();

    // Approved by the facilitator: now they are in a group together that counts.
    const asked = await makeGroup({ name: 'Ask First Group', joinPolicy: 'ask' });
    const approved = await makeMember(t, { displayName: 'Approved Person' });
    await askAndApprove(approved, asked);
    expect(await fatigueSeenBy(approved, p.facilitator)).toBe('some');

    // The batched form answers for many people at once, with the same rule.
    const { groups: face } = t.app.ctx;
    const shared = await face.shareAGroupWith(p.facilitator.user.id, [
      walker.user.id,
      victim.user.id,
      viaLink.user.id,
      approved.user.id,
      p.outsider.user.id,
    ]);
    expect([...shared]).toEqual([approved.user.id]);
    expect(await face.shareAGroup(walker.user.id, victim.user.id)).toBe(false);
    expect(await face.shareAGroup(approved.user.id, p.facilitator.user.id)).toBe(true);

    // Being named to help run the group is a choice by those who run it: that counts.
    const named = await call(p.orgAdmin, 'POST', `/api/groups/${open}/members/role`, {
      userId: walker.user.id,
      role: 'co_facilitator',
    });
    expect(named.statusCode, named.body).toBe(200);
    expect(await fatigueSeenBy(walker, p.facilitator)).toBe('some');
  });
});

describe('item 4: the organisation and facilitators invite; the person says yes or no', () => {
  it('no longer puts someone in a group without asking them', async () => {
    const id = await makeGroup({ name: 'No Surprises Group', privacy: 'private' });
    const before = (await call(p.orgAdmin, 'GET', `/api/groups/${id}`)).json().memberCount;
    const added = await call(p.orgAdmin, 'POST', `/api/groups/${id}/members/role`, {
      userId: p.outsider.user.id,
      role: 'member',
    });
    expect(added.statusCode).toBe(404);
    expect(added.json().title).toBe('This person is not in the group.');
    expect((await call(p.outsider, 'GET', `/api/groups/${id}`)).json().me.status).toBeNull();
    expect((await call(p.orgAdmin, 'GET', `/api/groups/${id}`)).json().memberCount).toBe(before);
  });

  it('an invitation shows in my groups and on the page; saying yes makes me a member', async () => {
    const id = await makeGroup({ name: 'Invitation Group', privacy: 'private' });
    const guest = await makeMember(t, { displayName: 'Gina Guest' });
    await shareWithMyGroups(guest);
    const sent = await call(p.orgAdmin, 'POST', `/api/groups/${id}/invitations`, {
      email: guest.email,
    });
    expect(sent.statusCode, sent.body).toBe(200);

    const mine = (await call(guest, 'GET', '/api/groups/mine')).json().groups;
    expect(mine).toMatchObject([{ group: { id }, status: 'invited', role: 'member' }]);
    const page = (await call(guest, 'GET', `/api/groups/${id}`)).json();
    expect(page.me).toMatchObject({ status: 'invited', invitedAs: 'member', canJoin: false });
    expect(page.meetingLink).toBeNull();
    expect((await call(guest, 'GET', `/api/groups/${id}/members`)).statusCode).toBe(403);
    expect(await fatigueSeenBy(p.facilitator, guest)).toBeUndefined();
    const requests = (await call(p.facilitator, 'GET', `/api/groups/${id}/requests`)).json();
    expect(requests.requests).toMatchObject([
      { id: guest.user.id, status: 'invited', role: 'member' },
    ]);
    const again = await call(p.orgAdmin, 'POST', `/api/groups/${id}/invitations`, {
      userId: guest.user.id,
    });
    expect(again.statusCode).toBe(409);
    expect((await call(guest, 'POST', `/api/groups/${id}/join`, {})).statusCode).toBe(409);

    const yes = await call(guest, 'POST', `/api/groups/${id}/invitation/accept`);
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json().status).toBe('active');
    const now = (await call(guest, 'GET', `/api/groups/${id}`)).json();
    expect(now.me.status).toBe('active');
    expect(now.meetingLink).toBe('https://meet.example.org/privacy-room');
    // Invited by the organisation and said yes: "my groups" counts this group.
    expect(await fatigueSeenBy(p.facilitator, guest)).toBe('some');
    expect((await call(guest, 'POST', `/api/groups/${id}/invitation/accept`)).statusCode).toBe(404);
  });

  it('saying no leaves the person out, and the invitation can be taken back', async () => {
    const id = await makeGroup({ name: 'Decline Invite Group' });
    const guest = await makeMember(t, { displayName: 'No Thanks' });
    await call(p.facilitator, 'POST', `/api/groups/${id}/invitations`, { userId: guest.user.id });
    const no = await call(guest, 'POST', `/api/groups/${id}/invitation/decline`);
    expect(no.statusCode, no.body).toBe(200);
    expect((await call(guest, 'GET', `/api/groups/${id}`)).json().me.status).toBeNull();
    expect((await call(guest, 'POST', `/api/groups/${id}/invitation/decline`)).statusCode).toBe(
      404,
    );
    await call(p.facilitator, 'POST', `/api/groups/${id}/invitations`, { userId: guest.user.id });
    const back = await call(p.facilitator, 'POST', `/api/groups/${id}/members/remove`, {
      userId: guest.user.id,
    });
    expect(back.statusCode).toBe(200);
    expect((await call(guest, 'POST', `/api/groups/${id}/invitation/accept`)).statusCode).toBe(404);
  });

  it('POST /api/groups/:id/invitations: those who run the group, within their powers', async () => {
    const id = await makeGroup({ name: 'Who Invites Group' });
    const member = await makeMember(t, { displayName: 'Plain Member' });
    await askAndApprove(member, id);
    const target = await makeMember(t, { displayName: 'Target Person' });
    const body = { userId: target.user.id };
    expect(
      (await call('anonymous', 'POST', `/api/groups/${id}/invitations`, body)).statusCode,
    ).toBe(401);
    expect((await call(member, 'POST', `/api/groups/${id}/invitations`, body)).statusCode).toBe(
      403,
    );
    expect((await call(p.outsider, 'POST', `/api/groups/${id}/invitations`, body)).statusCode).toBe(
      403,
    );
    // A facilitator may not name another facilitator, nor look people up by email.
    const asLead = await call(p.facilitator, 'POST', `/api/groups/${id}/invitations`, {
      ...body,
      role: 'facilitator',
    });
    expect(asLead.statusCode).toBe(403);
    const byEmail = await call(p.facilitator, 'POST', `/api/groups/${id}/invitations`, {
      email: target.email,
    });
    expect(byEmail.statusCode).toBe(422);
    expect(byEmail.json().errors.email).toMatch(/Only the organisation can find people by email/);
    const unknown = await call(p.orgAdmin, 'POST', `/api/groups/${id}/invitations`, {
      userId: randomUUID(),
    });
    expect(unknown.statusCode).toBe(422);
    const inGroup = await call(p.orgAdmin, 'POST', `/api/groups/${id}/invitations`, {
      userId: member.user.id,
    });
    expect(inGroup.statusCode).toBe(409);
    expect(inGroup.json().title).toBe('This person is already in the group.');
    const co = await call(p.facilitator, 'POST', `/api/groups/${id}/invitations`, {
      ...body,
      role: 'co_facilitator',
    });
    expect(co.statusCode, co.body).toBe(200);
    const accepted = await call(target, 'POST', `/api/groups/${id}/invitation/accept`);
    expect(accepted.json().status).toBe('active');
    const page = (await call(target, 'GET', `/api/groups/${id}`)).json();
    expect(page.me.role).toBe('co_facilitator');
    expect(page.me.canManage).toBe(true);
    // Answering needs an invitation of one's own.
    for (const path of ['invitation/accept', 'invitation/decline']) {
      expect((await call('anonymous', 'POST', `/api/groups/${id}/${path}`)).statusCode).toBe(401);
      expect((await call(p.outsider, 'POST', `/api/groups/${id}/${path}`)).statusCode).toBe(404);
    }
  });
});

describe('item 5: a carers-only group always asks the facilitator', () => {
  it('refuses open joining for a carers-only group on create and change', async () => {
    const made = await createGroup({ caregiversOnly: true, joinPolicy: 'open' });
    expect(made.statusCode).toBe(422);
    expect(made.json().errors.joinPolicy).toMatch(/only for carers cannot let anyone join/);
    const id = await makeGroup({ name: 'Carers Ask Group', caregiversOnly: true });
    const toOpen = await call(p.orgAdmin, 'PATCH', `/api/groups/${id}`, { joinPolicy: 'open' });
    expect(toOpen.statusCode).toBe(422);
    expect(toOpen.json().errors.joinPolicy).toMatch(/only for carers/);
    const openGroup = await makeGroup({ name: 'Open Then Carers', joinPolicy: 'open' });
    const toCarers = await call(p.orgAdmin, 'PATCH', `/api/groups/${openGroup}`, {
      caregiversOnly: true,
    });
    expect(toCarers.statusCode).toBe(422);
    expect((await call(p.orgAdmin, 'GET', `/api/groups/${openGroup}`)).json().caregiversOnly).toBe(
      false,
    );
  });

  it('makes every join a request, even with an invite link', async () => {
    const id = await makeGroup({
      name: 'Carers Invite Group',
      caregiversOnly: true,
      joinPolicy: 'invite',
      privacy: 'private',
    });
    const link = (await call(p.facilitator, 'POST', `/api/groups/${id}/invite-link`)).json();
    // The role is self-declared: a "carer" who walks in with a forwarded link still waits.
    const joined = await call(p.carer, 'POST', `/api/groups/${id}/join`, {
      inviteToken: link.token,
    });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json().status).toBe('pending');
    const page = (await call(p.carer, 'GET', `/api/groups/${id}`)).json();
    expect(page.meetingLink).toBeNull();
    expect(page.detailsHidden).toBe(true);
    const approve = await call(p.facilitator, 'POST', `/api/groups/${id}/requests/approve`, {
      userId: p.carer.user.id,
    });
    expect(approve.json().status).toBe('active');
    expect((await call(p.carer, 'GET', `/api/groups/${id}`)).json().meetingLink).toBe(
      'https://meet.example.org/privacy-room',
    );
  });
});

describe('item 6: a private group keeps its details for its members', () => {
  it('refuses "private + open joining" on create and change', async () => {
    const made = await createGroup({ privacy: 'private', joinPolicy: 'open' });
    expect(made.statusCode).toBe(422);
    expect(made.json().errors.joinPolicy).toMatch(/A private group cannot let anyone join/);
    const id = await makeGroup({ name: 'Public Open Then Private', joinPolicy: 'open' });
    const change = await call(p.orgAdmin, 'PATCH', `/api/groups/${id}`, { privacy: 'private' });
    expect(change.statusCode).toBe(422);
    expect(change.json().errors.joinPolicy).toMatch(/private group/);
    const both = await call(p.orgAdmin, 'PATCH', `/api/groups/${id}`, {
      privacy: 'private',
      joinPolicy: 'ask',
    });
    expect(both.statusCode, both.body).toBe(200);
  });

  it('shows outsiders only the name and description: no venue, times, facilitators or link', async () => {
    const id = await makeGroup({
      name: 'Hidden Leeds Circle',
      format: 'in_person',
      privacy: 'private',
      venue: leedsVenue as unknown as GroupInput['venue'],
    });
    const member = await makeMember(t, { displayName: 'Inside Member' });
    await askAndApprove(member, id);
    for (const who of ['anonymous', p.outsider] as Caller[]) {
      const res = await call(who, 'GET', `/api/groups/${id}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page).toMatchObject({
        name: 'Hidden Leeds Circle',
        description: base.description,
        detailsHidden: true,
        venue: null,
        rhythm: null,
        recurrenceRule: null,
        rhythmText: null,
        nextMeetings: [],
        facilitators: [],
        town: null,
        access: [],
        meetingLink: null,
      });
      for (const secret of [
        'Leeds Library',
        'Calverley',
        'Fern Facilitator',
        'Thursday',
        'meet.',
      ]) {
        expect(res.body).not.toContain(secret);
      }
    }
    const inside = (await call(member, 'GET', `/api/groups/${id}`)).json();
    expect(inside.detailsHidden).toBe(false);
    expect(inside.venue.name).toBe('Leeds Library');
    expect(inside.rhythmText).toMatch(/Thursday/);
    expect(inside.facilitators).toHaveLength(1);

    // The directory: the same group, without its place or time, and never found by place.
    const listed = (await call('anonymous', 'GET', '/api/groups?q=hidden%20leeds%20circle')).json();
    expect(listed.groups).toMatchObject([
      { id, town: null, rhythmText: null, access: [], distanceKm: null },
    ]);
    const near = '/api/groups?lat=53.8003&lng=-1.5486&km=5';
    const byPlace = (await call(p.outsider, 'GET', near)).json();
    expect(byPlace.groups.map((g: { id: string }) => g.id)).not.toContain(id);
    const byAccess = (await call('anonymous', 'GET', '/api/groups?access=hearing_loop')).json();
    expect(byAccess.groups.map((g: { id: string }) => g.id)).not.toContain(id);
    // Those it let in, and the organisation, still find it by place.
    for (const who of [member, p.orgAdmin]) {
      const found = (await call(who, 'GET', near)).json().groups;
      expect(found.find((g: { id: string }) => g.id === id)).toMatchObject({ town: 'Leeds' });
    }
    // A request still waiting sees no more than an outsider, in "my groups" too.
    const asker = await makeMember(t, { displayName: 'Still Asking' });
    await call(asker, 'POST', `/api/groups/${id}/join`, {});
    const mine = (await call(asker, 'GET', '/api/groups/mine')).json().groups;
    expect(mine).toMatchObject([
      { status: 'pending', group: { id, town: null, rhythmText: null } },
    ]);
  });

  it('the demo groups use no setting that keeps nobody out', () => {
    const bad = demoGroups.filter((g) => joinPolicyProblem(g) !== null).map((g) => g.name);
    expect(bad).toEqual([]);
  });

  it('the migration moves existing "private + open" and "carers-only + open" groups to asking', async () => {
    const db = t.app.ctx.database.db;
    const row = (
      name: string,
      privacy: 'public' | 'private',
      caregiversOnly: boolean,
      joinPolicy: 'open' | 'ask' = 'open',
    ) => ({
      organisationId: orgId,
      name,
      description: base.description,
      format: 'online' as const,
      sizeCap: 10,
      joinPolicy,
      privacy,
      caregiversOnly,
      country: 'GB',
      rhythm,
      recurrenceRule: 'FREQ=WEEKLY;BYDAY=TH',
      timeZone: 'Europe/London',
    });
    const made = await db
      .insert(groups)
      .values([
        row('Old Private Open', 'private', false),
        row('Old Carers Open', 'public', true),
        row('Old Public Open', 'public', false),
        row('Old Ask Group', 'public', false, 'ask'),
      ])
      .returning({ id: groups.id, name: groups.name });
    // In the old "ask" group: one request answered a day later, one person put in without asking.
    const askId = made.find((g) => g.name === 'Old Ask Group')!.id;
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
    await db.insert(groupMembers).values([
      {
        groupId: askId,
        userId: p.outsider.user.id,
        status: 'active',
        askedAt: dayAgo,
        joinedAt: new Date(),
      },
      {
        groupId: askId,
        userId: p.carer.user.id,
        status: 'active',
        askedAt: dayAgo,
        joinedAt: dayAgo,
      },
    ]);
    const file = readFileSync(
      resolve(import.meta.dirname, '../../../../migrations/0002_hardening_search_and_removal.sql'),
      'utf8',
    );
    const updates = file
      .split('--> statement-breakpoint')
      .map((part) =>
        part
          .split('\n')
          .filter((line) => !line.startsWith('--'))
          .join('\n')
          .trim(),
      )
      .filter((statement) => statement.startsWith('UPDATE'));
    expect(updates.length).toBeGreaterThan(0);
    for (const statement of updates) await db.execute(sql.raw(statement));
    const after = new Map<string, string>();
    for (const g of made) {
      const [found] = await db
        .select({ joinPolicy: groups.joinPolicy })
        .from(groups)
        .where(eq(groups.id, g.id));
      after.set(g.name, found!.joinPolicy);
    }
    expect(Object.fromEntries(after)).toEqual({
      'Old Private Open': 'ask',
      'Old Carers Open': 'ask',
      'Old Public Open': 'open',
      'Old Ask Group': 'ask',
    });
    const admitted = await db
      .select({ userId: groupMembers.userId, admission: groupMembers.admission })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, askId));
    expect(Object.fromEntries(admitted.map((m) => [m.userId, m.admission]))).toEqual({
      [p.outsider.user.id]: 'approved',
      [p.carer.user.id]: 'open',
    });
  });
});

describe('invite links expire after 30 days', () => {
  let clocked: TestApp;
  beforeAll(async () => {
    clocked = await startTestApp();
  });
  afterAll(() => clocked?.close());

  it('works on day 29 and answers 410 in plain words on day 31', async () => {
    const send = (who: Member, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      clocked.app.inject({
        method,
        url,
        headers: { cookie: who.cookie, ...(method === 'POST' ? { origin: ORIGIN } : {}) },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    const [admin, runner] = await Promise.all([
      makeMember(clocked, { displayName: 'Clock Keeper' }),
      makeMember(clocked, { displayName: 'Clock Runner', role: 'professional' }),
    ]);
    await promote(clocked, admin.user.id, 'admin');
    const org = await send(admin, 'POST', '/api/organisations', {
      name: 'Clock Charity',
      kind: 'charity',
      adminUserIds: [runner.user.id],
    });
    const made = await send(runner, 'POST', `/api/organisations/${org.json().id}/groups`, {
      ...base,
      name: 'Clock Invite Group',
      joinPolicy: 'invite',
      privacy: 'private',
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id as string;
    const link = await send(runner, 'POST', `/api/groups/${id}/invite-link`);
    const expiresAt = new Date(link.json().expiresAt).getTime();
    expect(Math.abs(expiresAt - (Date.now() + 30 * 24 * 3600 * 1000))).toBeLessThan(60_000);
    const before = (await send(runner, 'GET', `/api/groups/${id}`)).json();
    expect(before.inviteLinkActive).toBe(true);
    expect(before.inviteLinkExpiresAt).toBe(link.json().expiresAt);

    clocked.advanceClock(29 * 24 * 3600 * 1000);
    const early = await makeMember(clocked, { displayName: 'Day Twenty Nine' });
    const inTime = await send(early, 'POST', `/api/groups/${id}/join`, {
      inviteToken: link.json().token,
    });
    expect(inTime.json().status).toBe('active');

    clocked.advanceClock(2 * 24 * 3600 * 1000);
    const late = await makeMember(clocked, { displayName: 'Day Thirty One' });
    const tooLate = await send(late, 'POST', `/api/groups/${id}/join`, {
      inviteToken: link.json().token,
    });
    expect(tooLate.statusCode).toBe(410);
    expect(tooLate.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(tooLate.json().title).toBe(
      'This invite link is too old. It does not work any more. Ask the facilitator for a new link.',
    );
    expect((await send(late, 'GET', `/api/groups/${id}`)).json().me.status).toBeNull();
    // Those who run the group see that the link no longer works (read as the service sees them).
    const asRunner = {
      userId: runner.user.id,
      sessionId: 'x',
      siteRole: runner.user.siteRole,
      trustLevel: 1,
    };
    const page = await clocked.app.ctx.groups.groupDetail(asRunner, id);
    expect(page.inviteLinkActive).toBe(false);
    expect(page.inviteLinkExpiresAt).toBeNull();
  });
});
