import { randomUUID } from 'node:crypto';
import type { GroupInput } from '../../src/contract/groups';
import type { TrustLevel } from '../../src/contract/trust';
import { giveTrust, type Member, makeMember, promote, randomIp, type TestApp } from './app';
import { categoryId, postReply, postTopic } from './forum';
import { askAndApprove, callAs, makeFacilitator, makeGroupIn, makeOrganisation } from './groups';

/**
 * One fixture world for tests that call the app as each role the platform knows (issue 11
 * part 9): who the people are, and the places they stand in.
 */

/** Anonymous, then each role from least to most trusted. */
export const roles = [
  'anonymous',
  'newMember',
  'member',
  'facilitator',
  'orgAdmin',
  'moderator',
  'admin',
] as const;
export type Role = (typeof roles)[number];
export type Person = Exclude<Role, 'anonymous'>;

export interface World {
  t: TestApp;
  /** The signed-in people, one per role; their cookies change when a session is renewed. */
  people: Record<Person, Member>;
  orgId: string;
  /** A private group that asks first: the facilitator runs it, the member is in it. */
  groupId: string;
  /** The "daily-life" category. */
  categoryId: string;
  /** The member's topic in daily-life, and the member's reply on it (edited once). */
  topicId: string;
  replyId: string;
  /** The member's topic on the private group's board. */
  boardTopicId: string;
}

/** Sets a person's trust level directly (the scheduled recount is not under test here). */
export async function setTrust(t: TestApp, userId: string, level: TrustLevel) {
  await giveTrust(t.app, userId, level);
}

/** A group made by the organisation admin, open to anyone who asks; `input` changes it. */
export function groupInput(input: Partial<GroupInput> = {}): GroupInput {
  return {
    name: 'An open group',
    description: 'A friendly group that meets online.',
    format: 'online',
    focus: ['exercise'],
    languages: ['en'],
    sizeCap: 20,
    joinPolicy: 'open',
    privacy: 'public',
    caregiversOnly: false,
    country: 'GB',
    rhythm: {
      frequency: 'weekly',
      weekday: 'MO',
      weekOfMonth: null,
      startTime: '10:00',
      durationMinutes: 60,
      timeZone: 'Europe/London',
    },
    meetingLink: 'https://meet.example.org/room',
    ...input,
  };
}

/**
 * Signs up one person per role and builds what they stand in: an organisation, its private
 * group with a facilitator and a member, a topic and a reply by the member, a board topic.
 * A fresh sign-up has trust level `new`; the member and those who run groups are `member`,
 * staff `leader` (as the demo seed has them).
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const [newMember, member, facilitator, orgAdmin, moderator, admin] = await Promise.all([
    makeMember(t, { displayName: 'Nia New', trust: 'new' }),
    makeMember(t, { displayName: 'Mo Member' }),
    makeMember(t, { displayName: 'Fran Facilitator', role: 'peer_supporter' }),
    makeMember(t, { displayName: 'Olu Org Lead', role: 'professional' }),
    makeMember(t, { displayName: 'Mona Mills' }),
    makeMember(t, { displayName: 'Ada Adeyemi' }),
  ]);
  const people = { newMember, member, facilitator, orgAdmin, moderator, admin };
  for (const who of [member, facilitator, orgAdmin]) await setTrust(t, who.user.id, 'member');
  for (const who of [moderator, admin]) await setTrust(t, who.user.id, 'leader');
  await promote(t, moderator.user.id, 'moderator');
  await promote(t, admin.user.id, 'admin');

  const orgId = await makeOrganisation(t, admin, 'Matrix Stroke Charity', [orgAdmin]);
  const groupId = await makeGroupIn(
    t,
    orgAdmin,
    orgId,
    groupInput({ name: 'Matrix Private Group', joinPolicy: 'ask', privacy: 'private' }),
  );
  await makeFacilitator(t, orgAdmin, groupId, facilitator);
  await askAndApprove(t, member, groupId, facilitator);

  const daily = await categoryId(t, member, 'daily-life');
  const topicId = await postTopic(t, member, {
    categoryId: daily,
    title: 'Getting dressed alone',
    body: 'Any tips for buttons?',
  });
  const replyId = await postReply(t, member, topicId, 'Before I learnt the trick.');
  const edited = await callAs(t, member, 'PATCH', `/api/forum/replies/${replyId}`, {
    body: 'A button hook helps.',
  });
  if (edited.statusCode !== 200) throw new Error(`editing the reply failed: ${edited.body}`);
  const board = await callAs(t, member, 'POST', `/api/groups/${groupId}/board`, {
    title: 'Our next meeting',
    body: 'Who is coming on Monday?',
    idempotencyKey: randomUUID(),
  });
  if (board.statusCode !== 200) throw new Error(`the board topic failed: ${board.body}`);

  return {
    t,
    people,
    orgId,
    groupId,
    categoryId: daily,
    topicId,
    replyId,
    boardTopicId: board.json().topicId,
  };
}

/** A session cookie for this person besides the one they hold (signed in by email link). */
export async function extraSession(t: TestApp, who: Member): Promise<string> {
  const session = await t.app.ctx.accounts.createSession(
    who.user.id,
    { ip: randomIp() },
    { byEmailLink: true },
  );
  return `bt_session=${session.token}`;
}

/** Gives the role's person a new session, after a call that ended all of theirs. */
export async function renewSession(world: World, person: Person): Promise<void> {
  const who = world.people[person];
  world.people[person] = { ...who, cookie: await extraSession(world.t, who) };
}
