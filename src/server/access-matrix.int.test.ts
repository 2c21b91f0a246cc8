import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  latestTokenFor,
  type Member,
  makeMember,
  ORIGIN,
  outboxFor,
  randomIp,
  requestSignUp,
  startTestApp,
  type TestApp,
  tokenFromMail,
  uniqueEmail,
} from '../../tests/support/app';
import { forgetWriteLimits, multipart, postReply, postTopic } from '../../tests/support/forum';
import { callAs, makeGroupIn } from '../../tests/support/groups';
import { collectRoutes, type RegisteredRoute } from '../../tests/support/routes';
import {
  buildWorld,
  extraSession,
  groupInput,
  type Person,
  type Role,
  renewSession,
  roles,
  type World,
} from '../../tests/support/world';
import { CONDUCT_VERSION } from '../contract';
import { users } from './modules/accounts/tables';
import { unsubscribeToken } from './modules/notifications/unsubscribe-token';

/**
 * The authorisation matrix (issue 11 part 9): every API route the app registers, called with
 * a valid request as nobody and as each role, with the exact status each must get. A route
 * without a row, or a row for a route that is gone, fails the suite; no call may answer 5xx.
 */

type Expected = Record<Role, number>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every role, signed in or not, gets this status, but for the exceptions. */
const everyone = (status: number, except: Partial<Expected> = {}): Expected =>
  ({ ...Object.fromEntries(roles.map((role) => [role, status])), ...except }) as Expected;
/** Nobody signed in gets 401; each role this status, but for the exceptions. */
const signedIn = (status: number, except: Partial<Expected> = {}) =>
  everyone(status, { anonymous: 401, ...except });
/** Nobody signed in gets 401; these roles `status`, every other role `others`. */
const only = (who: Person[], status: number, others = 403) =>
  signedIn(others, Object.fromEntries(who.map((role) => [role, status])));

const staff: Person[] = ['moderator', 'admin'];
const admins: Person[] = ['admin'];
/** Active members of the private group. */
const inTheGroup: Person[] = ['member', 'facilitator'];
/** Those who run the private group: its facilitator, its organisation, platform admins. */
const runTheGroup: Person[] = ['facilitator', 'orgAdmin', 'admin'];
/** Those who see inside the private group: its members and its organisation. */
const seeTheGroup: Person[] = ['member', 'facilitator', 'orgAdmin'];
/** Everyone signed in but the member, who wrote the fixture posts. */
const notTheAuthor: Person[] = ['newMember', 'facilitator', 'orgAdmin', 'moderator', 'admin'];
/** Those who may moderate the private group's board: its leaders, and site staff. */
const boardModerators: Person[] = ['facilitator', 'orgAdmin', ...staff];

/** How to make a valid request as one role. */
interface Call {
  /** Values for the route's :params. */
  params?: Record<string, string>;
  query?: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** A cookie instead of the role's own (a session the call may end). */
  cookie?: string;
  /** Puts back what the call ended, once it is answered. */
  after?: () => Promise<void>;
}

interface Row {
  method: Method;
  url: string;
  /** Tells a second row for the same route apart. */
  label?: string;
  expected: Expected;
  call: (as: Role) => Call | Promise<Call>;
}

function row(
  route: `${Method} /api/${string}`,
  expected: Expected,
  call: Call | ((as: Role) => Call | Promise<Call>) = {},
  label?: string,
): Row {
  const [method, url] = route.split(' ') as [Method, string];
  return {
    method,
    url,
    expected,
    call: typeof call === 'function' ? call : () => call,
    ...(label ? { label } : {}),
  };
}

let t: TestApp;
let w: World;
let registered: RegisteredRoute[];
/** What the rows need besides the world: people to act on, and things made once. */
const extra = {} as {
  asker: Member;
  removee: Member;
  invitee: Member;
  passwordHolder: Member;
  subscriberId: string;
  demoUserId: string;
  /** Someone each role mutes (and stops muting): nobody else's rows meet them. */
  keptAwayId: string;
  lineId: string;
  adminCategoryId: string;
  notificationId: string;
  imageAlone: string;
  imageInPost: string;
  /** A weekly event of the private group, made by its facilitator: its first two meetings. */
  eventId: string;
  eventStart: string;
  eventSecondStart: string;
  /** The secret of a calendar feed someone outside the world made (no row resets it). */
  feedToken: string;
  /** A weekly event of the private group whose first meeting is over: attendance is marked. */
  pastEventId: string;
  pastStart: string;
};

/** Calls the app as a person of the world (or any member), for setting up a row. */
const as = (who: Person | Member, method: Method, url: string, payload?: unknown) =>
  callAs(t, typeof who === 'string' ? w.people[who] : who, method, url, payload);

async function must(response: Promise<LightMyRequestResponse>, status = 200) {
  const answer = await response;
  if (answer.statusCode !== status) {
    throw new Error(
      `setting up a row: expected ${status}, got ${answer.statusCode}: ${answer.body}`,
    );
  }
  return answer;
}

const freshTopic = () => postTopic(t, w.people.member, { categoryId: w.categoryId });
const freshReply = () => postReply(t, w.people.member, w.topicId);
const freshGroup = () => makeGroupIn(t, w.people.orgAdmin, w.orgId, groupInput());

/** A reply by the member that a moderator removed, with a reason. */
async function removedReply() {
  const id = await freshReply();
  await must(as('moderator', 'POST', `/api/forum/posts/reply/${id}/removal`, { reason: 'unkind' }));
  return id;
}

/** Leaves the group, or takes back a request or an invitation: no row for this person. */
const outOf = (groupId: string, who: Member) => as(who, 'POST', `/api/groups/${groupId}/leave`);

/** Asks to join the private group afresh, whatever was asked or decided before. */
async function pendingIn(groupId: string, who: Member) {
  await outOf(groupId, who);
  await must(as(who, 'POST', `/api/groups/${groupId}/join`, {}));
}

/** Makes this person an active member of the private group afresh. */
async function activeIn(groupId: string, who: Member) {
  await pendingIn(groupId, who);
  await must(
    as('facilitator', 'POST', `/api/groups/${groupId}/requests/approve`, { userId: who.user.id }),
  );
}

/** A fresh open group the role is in (nothing to do for nobody). */
async function groupWith(role: Role) {
  const id = await freshGroup();
  if (role !== 'anonymous') await must(as(role, 'POST', `/api/groups/${id}/join`, {}));
  return { params: { id } };
}

/** A fresh group the role is invited to by its organisation. */
async function groupInvitingMe(role: Role) {
  const id = await freshGroup();
  if (role !== 'anonymous') {
    const userId = w.people[role].user.id;
    await must(as('orgAdmin', 'POST', `/api/groups/${id}/invitations`, { userId, role: 'member' }));
  }
  return { params: { id } };
}

/** The role's own session on another device, so ending it leaves the role signed in. */
const anotherSession = async (role: Role): Promise<Call> =>
  role === 'anonymous' ? {} : { cookie: await extraSession(t, w.people[role]) };

const crisisLine = {
  country: 'GB',
  kind: 'crisis',
  name: 'A matrix helpline',
  phone: '0800 123 456',
  textNumber: '85258',
  textMessage: 'HELLO',
  url: 'https://example.org',
  hours: 'Any time',
  description: 'People who listen.',
  sortOrder: 90,
};

/** A screening-list entry no other row has: each call adds its own. */
const safetyPhrase = () => ({
  language: 'en',
  text: `matrix words ${randomBytes(4).toString('hex')}`,
  tier: 'low',
  match: 'exact',
  note: null,
});

/** A watched word no other row has: each call adds its own. */
const watchedWord = () => ({
  language: 'en',
  words: `matrix watch ${randomBytes(4).toString('hex')}`,
  action: 'flag',
});

const categoryInput = (slug: string) => ({
  slug,
  name: `Category ${slug}`,
  description: 'About something new.',
  tipTheme: 'daily_living',
  sortOrder: 50,
});

const png = () =>
  sharp({ create: { width: 4, height: 3, channels: 3, background: '#336699' } })
    .png()
    .toBuffer();

async function uploadAs(who: Person): Promise<string> {
  const body = multipart(await png());
  const uploaded = await t.app.inject({
    method: 'POST',
    url: '/api/forum/images',
    headers: { origin: ORIGIN, cookie: w.people[who].cookie, ...body.headers },
    payload: body.payload,
  });
  if (uploaded.statusCode !== 201) throw new Error(`upload failed: ${uploaded.body}`);
  return uploaded.json().id;
}

function pushKeys() {
  const p256dh = createECDH('prime256v1').generateKeys().toString('base64url');
  return { p256dh, auth: randomBytes(16).toString('base64url') };
}

const pushEndpoint = 'https://fcm.googleapis.com/fcm/send/matrix';

const topicParams = () => ({ params: { id: w.topicId } });
const topicPost = () => ({ params: { kind: 'topic', id: w.topicId } });
const groupParams = () => ({ params: { id: w.groupId } });
const eventParams = () => ({ params: { id: extra.eventId } });

/** A weekly meeting online, starting in three days: 2 pm to 3 pm, UK time. */
function eventInput() {
  const day = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
  const date = day.toISOString().slice(0, 10);
  const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][day.getUTCDay()];
  return {
    title: 'Matrix meeting',
    format: 'online',
    startLocal: `${date}T14:00`,
    endLocal: `${date}T15:00`,
    timeZone: 'Europe/London',
    rrule: `FREQ=WEEKLY;BYDAY=${weekday}`,
    video: { kind: 'link', url: 'https://meet.example.org/matrix' },
  };
}

/** A fresh event of the private group, made by its facilitator. */
async function freshEvent(): Promise<string> {
  const made = await must(
    as('facilitator', 'POST', `/api/groups/${w.groupId}/events`, eventInput()),
    201,
  );
  return made.json().id;
}

const rows: Row[] = [
  // System
  row('GET /api/openapi.json', everyone(200)),
  row('GET /api/health', everyone(200)),
  row('GET /api/ready', everyone(200)),

  // Signing up and in: open to all; a signed-in caller is answered like anyone.
  row('POST /api/auth/sign-up', everyone(202), () => ({
    payload: {
      email: uniqueEmail('matrix'),
      displayName: 'Someone New',
      role: 'survivor',
      isAdult: true,
      acceptConduct: true,
      conductVersion: CONDUCT_VERSION,
    },
  })),
  row('POST /api/auth/email-link', everyone(202), () => ({
    payload: { email: uniqueEmail('link') },
  })),
  row('POST /api/auth/email-link/verify', everyone(200), async () => {
    const email = uniqueEmail('verify');
    await must(requestSignUp(t.app, { email }), 202);
    return { payload: { token: await latestTokenFor(t.app, email) } };
  }),
  row('POST /api/auth/password', everyone(200), () => ({
    payload: { email: extra.passwordHolder.email, password: 'a long pass phrase' },
  })),
  row('POST /api/auth/sign-out', everyone(200), anotherSession),
  row('POST /api/auth/sign-out-everywhere', signedIn(200), async (role) => ({
    ...(await anotherSession(role)),
    // Every session of the person ends: they sign in again for the rows after this one.
    after: async () => {
      if (role !== 'anonymous') await renewSession(w, role);
    },
  })),

  // My account and profile
  row('GET /api/me', everyone(200)),
  row('PUT /api/me/password', signedIn(200), { payload: { password: 'a long pass phrase' } }),
  row('DELETE /api/me/password', signedIn(200)),
  row('PATCH /api/me/preferences', signedIn(200), { payload: { textSize: 'large' } }),
  row('POST /api/me/conduct', signedIn(200), { payload: { version: CONDUCT_VERSION } }),
  row('GET /api/me/profile', signedIn(200)),
  row('PATCH /api/me/profile', signedIn(200), { payload: { about: 'I like gardens.' } }),
  row('GET /api/members/:id', signedIn(200), () => ({ params: { id: w.people.member.user.id } })),
  row('GET /api/members/mentionable', signedIn(200), { query: 'q=mo' }),
  // Mute, ignore and block: only ever my own list.
  row('GET /api/me/blocks', signedIn(200)),
  row('PUT /api/me/blocks/:userId', signedIn(200), () => ({
    params: { userId: extra.keptAwayId },
    payload: { strength: 'mute', days: 1 },
  })),
  row('DELETE /api/me/blocks/:userId', signedIn(200), () => ({
    params: { userId: extra.keptAwayId },
  })),
  row('GET /api/home', signedIn(200), { query: 'timeZone=Europe/London' }),
  row('GET /api/help', everyone(200), { query: 'country=GB' }),

  // Running the site
  row('GET /api/admin/crisis-lines', only(admins, 200)),
  row('POST /api/admin/crisis-lines', only(admins, 201), { payload: crisisLine }),
  row('PUT /api/admin/crisis-lines/:id', only(admins, 200), () => ({
    params: { id: extra.lineId },
    payload: crisisLine,
  })),
  row('DELETE /api/admin/crisis-lines/:id', only(admins, 200), async () => {
    const line = await must(as('admin', 'POST', '/api/admin/crisis-lines', crisisLine), 201);
    return { params: { id: line.json().id } };
  }),
  row('GET /api/admin/safety/phrases', only(admins, 200), { query: 'language=en' }),
  row('POST /api/admin/safety/phrases', only(admins, 201), () => ({ payload: safetyPhrase() })),
  row('PUT /api/admin/safety/phrases/:id', only(admins, 200), async () => {
    const made = await must(as('admin', 'POST', '/api/admin/safety/phrases', safetyPhrase()), 201);
    return { params: { id: made.json().id }, payload: safetyPhrase() };
  }),
  row('DELETE /api/admin/safety/phrases/:id', only(admins, 200), async () => {
    const made = await must(as('admin', 'POST', '/api/admin/safety/phrases', safetyPhrase()), 201);
    return { params: { id: made.json().id } };
  }),
  row('POST /api/admin/safety/try', only(admins, 200), { payload: { text: 'Some words.' } }),
  row('GET /api/admin/safety/watched-words', only(admins, 200), { query: 'language=en' }),
  row('POST /api/admin/safety/watched-words', only(admins, 201), () => ({
    payload: watchedWord(),
  })),
  row('PATCH /api/admin/safety/watched-words/:id', only(admins, 200), async () => {
    const made = await must(
      as('admin', 'POST', '/api/admin/safety/watched-words', watchedWord()),
      201,
    );
    return { params: { id: made.json().id }, payload: { action: 'hold' } };
  }),
  row('DELETE /api/admin/safety/watched-words/:id', only(admins, 200), async () => {
    const made = await must(
      as('admin', 'POST', '/api/admin/safety/watched-words', watchedWord()),
      201,
    );
    return { params: { id: made.json().id } };
  }),
  row('GET /api/admin/jobs/failed', only(admins, 200)),
  row('GET /api/admin/settings', only(admins, 200)),
  // The value it already has (its default), so no other row sees a change.
  row('PUT /api/admin/settings/:key', only(admins, 200), {
    params: { key: 'trust.reviewFirstPosts' },
    payload: { value: 2 },
  }),

  // Groups: the private group asks first; the member is in it, the facilitator runs it.
  row('GET /api/groups', everyone(200), { query: 'q=matrix' }),
  row('GET /api/groups/places', everyone(200), { query: 'q=Leeds' }),
  row('GET /api/groups/fits-me', signedIn(200)),
  row('POST /api/groups/fits-me', signedIn(200), { payload: { aphasia: 'yes' } }),
  row('GET /api/groups/mine', signedIn(200)),
  // Anyone sees a private group's page; only what is inside is kept back.
  row('GET /api/groups/:id', everyone(200), groupParams),
  // The size it already has: changing the group is for its organisation and platform admins.
  row('PATCH /api/groups/:id', only(['orgAdmin', 'admin'], 200), () => ({
    ...groupParams(),
    payload: { sizeCap: 20 },
  })),
  // Who is in it: its members, its organisation, and site staff.
  row('GET /api/groups/:id/members', only([...seeTheGroup, ...staff], 200), groupParams),
  row('POST /api/groups/:id/join', signedIn(200), async () => ({
    params: { id: await freshGroup() },
    payload: { message: 'Hello.' },
  })),
  row('POST /api/groups/:id/leave', signedIn(200), groupWith),
  row('GET /api/groups/:id/requests', only(runTheGroup, 200), groupParams),
  row('POST /api/groups/:id/requests/approve', only(runTheGroup, 200), async () => {
    await pendingIn(w.groupId, extra.asker);
    return { ...groupParams(), payload: { userId: extra.asker.user.id } };
  }),
  row('POST /api/groups/:id/requests/decline', only(runTheGroup, 200), async () => {
    await pendingIn(w.groupId, extra.asker);
    return { ...groupParams(), payload: { userId: extra.asker.user.id, message: 'Not now.' } };
  }),
  // The member stays a member: the role they already have.
  row('POST /api/groups/:id/members/role', only(runTheGroup, 200), () => ({
    ...groupParams(),
    payload: { userId: w.people.member.user.id, role: 'member' },
  })),
  row('POST /api/groups/:id/members/remove', only(runTheGroup, 200), async () => {
    await activeIn(w.groupId, extra.removee);
    return { ...groupParams(), payload: { userId: extra.removee.user.id } };
  }),
  row('POST /api/groups/:id/invitations', only(runTheGroup, 200), async () => {
    await outOf(w.groupId, extra.invitee);
    return { ...groupParams(), payload: { userId: extra.invitee.user.id, role: 'member' } };
  }),
  row('POST /api/groups/:id/invitation/accept', signedIn(200), groupInvitingMe),
  row('POST /api/groups/:id/invitation/decline', signedIn(200), groupInvitingMe),
  row('POST /api/groups/:id/invite-link', only(runTheGroup, 200), groupParams),
  row('DELETE /api/groups/:id/invite-link', only(runTheGroup, 200), groupParams),
  row('POST /api/groups/:id/announcements', only(runTheGroup, 200), () => ({
    ...groupParams(),
    payload: { body: 'No meeting next week.' },
  })),
  // A private board: read by those inside it (not site staff), written on by its members.
  row('GET /api/groups/:id/board', only(seeTheGroup, 200), groupParams),
  row('POST /api/groups/:id/board', only(inTheGroup, 200), () => ({
    ...groupParams(),
    payload: { title: 'Hello all', body: 'A first post.', idempotencyKey: randomUUID() },
  })),
  // The organisations I run: none for most, which is still an answer.
  row('GET /api/organisations', signedIn(200)),
  row('POST /api/organisations', only(admins, 200), {
    payload: { name: 'Another stroke charity', kind: 'charity' },
  }),
  // The admin it already has.
  row('POST /api/organisations/:id/admins', only(admins, 200), () => ({
    params: { id: w.orgId },
    payload: { userId: w.people.orgAdmin.user.id },
  })),
  row('POST /api/organisations/:id/groups', only(['orgAdmin', 'admin'], 200), () => ({
    params: { id: w.orgId },
    payload: groupInput({ name: 'Made in the matrix' }),
  })),

  // The organisation's own settings: its admins and platform admins. The value it has.
  row('PATCH /api/organisations/:id', only(['orgAdmin', 'admin'], 200), () => ({
    params: { id: w.orgId },
    payload: { videoBaseUrl: null },
  })),

  // Gatherings: the private group's event is for those inside it; those who run it change it.
  row('POST /api/groups/:id/events', only(runTheGroup, 201), () => ({
    ...groupParams(),
    payload: eventInput(),
  })),
  row('POST /api/organisations/:id/events', only(['orgAdmin', 'admin'], 201), () => ({
    params: { id: w.orgId },
    payload: eventInput(),
  })),
  row('POST /api/events', only(admins, 201), () => ({ payload: eventInput() })),
  row('GET /api/events', signedIn(200), { query: 'format=online' }),
  row('GET /api/events/mine', signedIn(200)),
  row('GET /api/events/:id', only([...seeTheGroup, 'admin'], 200), eventParams),
  // Its own name again.
  row('PATCH /api/events/:id', only(runTheGroup, 200), () => ({
    ...eventParams(),
    payload: { title: 'Matrix meeting' },
  })),
  row('POST /api/events/:id/cancel', only(runTheGroup, 200), async () => ({
    params: { id: await freshEvent() },
  })),
  // The second meeting, cancelled again: the same each time.
  row('POST /api/events/:id/meetings/change', only(runTheGroup, 200), () => ({
    ...eventParams(),
    payload: { start: extra.eventSecondStart, cancelled: true },
  })),
  row('POST /api/events/:id/rsvp', only([...seeTheGroup, 'admin'], 200), () => ({
    ...eventParams(),
    payload: { start: extra.eventStart, answer: 'maybe' },
  })),
  row('GET /api/events/:id/people', only(runTheGroup, 200), () => ({
    ...eventParams(),
    query: `start=${encodeURIComponent(extra.eventStart)}`,
  })),
  row('GET /api/events/:id/calendar.ics', only([...seeTheGroup, 'admin'], 200), eventParams),
  // Each role's own feed, made afresh.
  row('POST /api/me/calendar-feed', signedIn(200), { payload: {} }),
  // The secret address alone says whose feed it is: no session is read.
  row('GET /api/calendar/:token.ics', everyone(200), () => ({
    params: { token: extra.feedToken },
  })),
  row('GET /api/events/:id/attendance', only(runTheGroup, 200), () => ({
    params: { id: extra.pastEventId },
    query: `start=${encodeURIComponent(extra.pastStart)}`,
  })),
  // Nobody came to the meeting that is over: the same each time.
  row('PUT /api/events/:id/attendance', only(runTheGroup, 200), () => ({
    params: { id: extra.pastEventId },
    payload: { start: extra.pastStart, came: [] },
  })),
  row('GET /api/groups/:id/attendance', only(runTheGroup, 200), groupParams),
  row('GET /api/me/attendance', signedIn(200)),

  // Notifications: each person's own; someone else's is as unknown as one that never was.
  row('GET /api/notifications', signedIn(200)),
  row('GET /api/notifications/unread', signedIn(200)),
  row('POST /api/notifications/:id/read', only(['member'], 200, 404), () => ({
    params: { id: extra.notificationId },
  })),
  row('POST /api/notifications/read-all', signedIn(200)),
  row('GET /api/notifications/settings', signedIn(200)),
  row('PATCH /api/notifications/settings', signedIn(200), { payload: { announce: true } }),
  row('POST /api/notifications/pause', signedIn(200), { payload: { days: 7 } }),
  row('DELETE /api/notifications/pause', signedIn(200)),
  row('GET /api/notifications/push/key', signedIn(200)),
  row('POST /api/notifications/push/subscriptions', signedIn(200), () => ({
    payload: { endpoint: pushEndpoint, keys: pushKeys() },
  })),
  row('DELETE /api/notifications/push/subscriptions', signedIn(200), {
    payload: { endpoint: pushEndpoint },
  }),
  // The link alone says who: no session is read.
  row('GET /api/unsubscribe/:token', everyone(200), () => ({
    params: { token: unsubscribeToken(t.app.ctx.config, extra.subscriberId, 'reply') },
  })),
  row('POST /api/unsubscribe/:token', everyone(200), () => ({
    params: { token: unsubscribeToken(t.app.ctx.config, extra.subscriberId, 'reply') },
    payload: { 'List-Unsubscribe': 'One-Click' },
  })),

  // Development tools: for callers on this machine, whoever they are (see send).
  row('GET /api/dev/outbox', everyone(200)),
  row('GET /api/dev/demo-accounts', everyone(200)),
  row('POST /api/dev/sign-in-as', everyone(200), () => ({
    payload: { userId: extra.demoUserId },
  })),
  // Put back where it was (0): the clock stays as the other rows expect it.
  row('POST /api/dev/clock', everyone(200), { payload: { aheadMinutes: 0 } }),

  // The forum. The member wrote the fixture topic and reply.
  row('GET /api/forum/categories', signedIn(200)),
  row('GET /api/forum/categories/:slug/topics', signedIn(200), { params: { slug: 'daily-life' } }),
  row('POST /api/forum/topics', signedIn(201), () => ({
    payload: {
      categoryId: w.categoryId,
      title: 'A new topic',
      body: 'Some words.',
      idempotencyKey: randomUUID(),
    },
  })),
  row('GET /api/forum/topics/:id', signedIn(200), topicParams),
  // A hidden board is not even confirmed: 404, for site staff too.
  row(
    'GET /api/forum/topics/:id',
    only(seeTheGroup, 200, 404),
    () => ({ params: { id: w.boardTopicId } }),
    'a topic on the private board',
  ),
  // Its own words again: only its author may change them, not staff.
  row('PATCH /api/forum/topics/:id', only(['member'], 200), () => ({
    ...topicParams(),
    payload: { title: 'Getting dressed alone', body: 'Any tips for buttons?' },
  })),
  row('POST /api/forum/topics/:id/replies', signedIn(201), () => ({
    ...topicParams(),
    payload: { body: 'Elastic laces.', idempotencyKey: randomUUID() },
  })),
  // The organisation sees the board but only members write on it.
  row(
    'POST /api/forum/topics/:id/replies',
    signedIn(404, { member: 201, facilitator: 201, orgAdmin: 403 }),
    () => ({
      params: { id: w.boardTopicId },
      payload: { body: 'See you Monday.', idempotencyKey: randomUUID() },
    }),
    'on the private board',
  ),
  row('PATCH /api/forum/replies/:id', only(['member'], 200), () => ({
    params: { id: w.replyId },
    payload: { body: 'A button hook helps.' },
  })),
  // "Delete my post" is the author's; staff remove someone's post with a reason instead.
  row('DELETE /api/forum/posts/:kind/:id', only(['member'], 200), async () => ({
    params: { kind: 'topic', id: await freshTopic() },
  })),
  row('POST /api/forum/posts/:kind/:id/removal', only(staff, 200), async () => ({
    params: { kind: 'reply', id: await freshReply() },
    payload: { reason: 'other', note: 'Some words.' },
  })),
  row('POST /api/forum/posts/:kind/:id/restore', only(staff, 200), async () => ({
    params: { kind: 'reply', id: await removedReply() },
  })),
  row('GET /api/forum/posts/:kind/:id/revisions', only(staff, 200), () => ({
    params: { kind: 'reply', id: w.replyId },
  })),
  // Not on one's own post.
  row('PUT /api/forum/posts/:kind/:id/reactions/:reaction', only(notTheAuthor, 200), () => ({
    params: { ...topicPost().params, reaction: 'me_too' },
  })),
  row('DELETE /api/forum/posts/:kind/:id/reactions/:reaction', only(notTheAuthor, 200), () => ({
    params: { ...topicPost().params, reaction: 'me_too' },
  })),
  row('PUT /api/forum/posts/:kind/:id/helpful', only(notTheAuthor, 200), topicPost),
  row('DELETE /api/forum/posts/:kind/:id/helpful', only(notTheAuthor, 200), topicPost),
  row('PUT /api/forum/topics/:id/bookmark', signedIn(200), topicParams),
  row('DELETE /api/forum/topics/:id/bookmark', signedIn(200), topicParams),
  row('GET /api/forum/bookmarks', signedIn(200)),
  row('GET /api/forum/tips', signedIn(200), { query: 'theme=speech' }),
  row('GET /api/forum/search', signedIn(200), { query: 'q=dressed' }),
  // Drafts are scoped by person: the key names no one.
  row('GET /api/forum/drafts/:key', signedIn(200), () => ({
    params: { key: `reply-${w.topicId}` },
  })),
  row('PUT /api/forum/drafts/:key', signedIn(200), () => ({
    params: { key: `reply-${w.topicId}` },
    payload: { title: '', body: 'Half a thought' },
  })),
  row('DELETE /api/forum/drafts/:key', signedIn(200), () => ({
    params: { key: `reply-${w.topicId}` },
  })),
  row('POST /api/forum/images', signedIn(201), async () => {
    const body = multipart(await png());
    return { payload: body.payload, headers: body.headers };
  }),
  // Until a post shows it, a picture is its uploader's alone.
  row(
    'GET /api/forum/images/:id',
    only(['member'], 200, 404),
    () => ({ params: { id: extra.imageAlone } }),
    'not yet in a post',
  ),
  row(
    'GET /api/forum/images/:id',
    signedIn(200),
    () => ({ params: { id: extra.imageInPost } }),
    'in a topic',
  ),
  row('POST /api/admin/forum/categories', only(admins, 201), () => ({
    payload: categoryInput(`matrix-${randomBytes(4).toString('hex')}`),
  })),
  // Its own slug again.
  row('PUT /api/admin/forum/categories/:id', only(admins, 200), () => ({
    params: { id: extra.adminCategoryId },
    payload: categoryInput('matrix-category'),
  })),

  // Moderation: staff see every case; the private group's facilitator and organisation the
  // reports on its board; a case about the member is not theirs to see (404, not confirmed).
  row('GET /api/moderation/queue', only(boardModerators, 200)),
  row('GET /api/moderation/cases/:id', only(boardModerators, 200, 404), async () => ({
    params: { id: await boardCase() },
  })),
  row('POST /api/moderation/cases/:id/claim', only(boardModerators, 200, 404), async () => ({
    params: { id: await boardCase() },
  })),
  row('POST /api/moderation/cases/:id/release', only(boardModerators, 200, 404), async () => ({
    params: { id: await boardCase() },
  })),
  row('POST /api/moderation/cases/:id/actions', only(boardModerators, 200, 404), async (role) => {
    const id = await boardCase();
    if (role !== 'anonymous') await as(role, 'POST', `/api/moderation/cases/${id}/claim`);
    return { params: { id }, payload: { action: 'dismiss', reason: 'nothing_wrong' } };
  }),
  // A decision about the member: theirs to read and appeal; staff read it too.
  row('GET /api/moderation/actions/:id', only(['member', ...staff], 200, 404), async () => ({
    params: { id: await warningOfMember() },
  })),
  row(
    'POST /api/moderation/actions/:id/appeal',
    signedIn(404, { member: 201, moderator: 403, admin: 403 }),
    async () => ({
      params: { id: await warningOfMember() },
      payload: { words: 'Please look again.' },
    }),
  ),
  // A suspended person's mailed link: the token alone opens that one decision, for anyone
  // who holds it, signed in or not (the person it is about cannot sign in).
  row('POST /api/moderation/appeal-link/decision', everyone(200), async () => ({
    payload: { token: await appealLinkToken() },
  })),
  row('POST /api/moderation/appeal-link/appeal', everyone(201), async () => ({
    payload: { token: await appealLinkToken(), words: 'Please look again.' },
  })),
  row('GET /api/moderation/hours', everyone(200)),
  row('GET /api/reports/reasons', signedIn(200)),
  // The member wrote the topic: their own words are not theirs to report.
  row('POST /api/reports', signedIn(200, { member: 403 }), async () => ({
    payload: { subject: { kind: 'topic', id: await freshTopic() }, reason: 'unkind' },
  })),
  row('POST /api/concerns', signedIn(200, { member: 403 }), async () => ({
    payload: { subject: { kind: 'topic', id: await freshTopic() } },
  })),
  row('GET /api/admin/audit', only(admins, 200)),
  // Trust levels, about the new member: staff only. The level it has, so no other row sees a change.
  row('GET /api/moderation/people/:id/trust', only(staff, 200), () => ({
    params: { id: w.people.newMember.user.id },
  })),
  row('PUT /api/moderation/people/:id/trust', only(staff, 200), () => ({
    params: { id: w.people.newMember.user.id },
    payload: { level: 'new', locked: false },
  })),
];

/** A fresh report case about a reply by the member on the private group's board. */
async function boardCase(): Promise<string> {
  const opened = await t.app.ctx.jobs.transaction((tx, enqueue) =>
    t.app.ctx.moderation.openCase(tx, enqueue, {
      reason: 'report',
      reportReason: 'unkind',
      subject: { kind: 'reply', id: randomUUID() },
      subjectUserId: w.people.member.user.id,
      groupId: w.groupId,
    }),
  );
  return opened.caseId;
}

/** A fresh warning a moderator gave the member, on a report about their profile. */
async function warningOfMember(): Promise<string> {
  const opened = await t.app.ctx.jobs.transaction((tx, enqueue) =>
    t.app.ctx.moderation.openCase(tx, enqueue, {
      reason: 'report',
      reportReason: 'other',
      subject: { kind: 'profile', id: w.people.member.user.id },
      subjectUserId: w.people.member.user.id,
    }),
  );
  await must(as('moderator', 'POST', `/api/moderation/cases/${opened.caseId}/claim`));
  const warned = await must(
    as('moderator', 'POST', `/api/moderation/cases/${opened.caseId}/actions`, {
      action: 'warn',
      reason: 'unkind',
    }),
  );
  return warned.json().action.id;
}

/** The token of a fresh appeal link: a new person a moderator suspended, read from the mail. */
async function appealLinkToken(): Promise<string> {
  const person = await makeMember(t, { displayName: `Sol ${randomBytes(3).toString('hex')}` });
  const opened = await t.app.ctx.jobs.transaction((tx, enqueue) =>
    t.app.ctx.moderation.openCase(tx, enqueue, {
      reason: 'report',
      reportReason: 'spam',
      subject: { kind: 'profile', id: person.user.id },
      subjectUserId: person.user.id,
    }),
  );
  await must(as('moderator', 'POST', `/api/moderation/cases/${opened.caseId}/claim`));
  await must(
    as('moderator', 'POST', `/api/moderation/cases/${opened.caseId}/actions`, {
      action: 'suspend',
      reason: 'spam',
      days: 7,
    }),
  );
  const mail = (await outboxFor(t.app, person.email)).find((m) => m.text.includes('/appeal#'));
  if (!mail) throw new Error('setting up a row: no appeal link was mailed');
  return tokenFromMail(mail.text);
}

/** Everyone the rows act on or need, made once, after the world. */
async function buildExtras() {
  const [asker, removee, invitee, passwordHolder, subscriber, demo] = await Promise.all([
    makeMember(t, { displayName: 'Asha Asker' }),
    makeMember(t, { displayName: 'Remy Removed' }),
    makeMember(t, { displayName: 'Ivy Invited' }),
    makeMember(t, { displayName: 'Pat Password' }),
    makeMember(t, { displayName: 'Sam Subscriber' }),
    makeMember(t, { displayName: 'Dee Demo' }),
  ]);
  Object.assign(extra, { asker, removee, invitee, passwordHolder });
  extra.subscriberId = subscriber.user.id;
  extra.demoUserId = demo.user.id;
  extra.keptAwayId = (await makeMember(t, { displayName: 'Kit Faraway' })).user.id;
  await t.app.ctx.database.db.update(users).set({ isDemo: true }).where(eq(users.id, demo.user.id));
  await must(as(passwordHolder, 'PUT', '/api/me/password', { password: 'a long pass phrase' }));
  extra.lineId = (
    await must(as('admin', 'POST', '/api/admin/crisis-lines', crisisLine), 201)
  ).json().id;
  extra.adminCategoryId = (
    await must(
      as('admin', 'POST', '/api/admin/forum/categories', categoryInput('matrix-category')),
      201,
    )
  ).json().id;
  // Someone replies to the member's topic, so the member has a notification of their own.
  await postReply(t, w.people.newMember, w.topicId, 'Velcro works for me.');
  const inbox = await must(as('member', 'GET', '/api/notifications'));
  extra.notificationId = inbox.json().items[0].id;
  extra.imageAlone = await uploadAs('member');
  extra.imageInPost = await uploadAs('member');
  extra.eventId = await freshEvent();
  const pastDay = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
  const pastDate = pastDay.toISOString().slice(0, 10);
  const past = await must(
    as('facilitator', 'POST', `/api/groups/${w.groupId}/events`, {
      ...eventInput(),
      startLocal: `${pastDate}T14:00`,
      endLocal: `${pastDate}T15:00`,
      timeZone: 'UTC',
      rrule: `FREQ=WEEKLY;BYDAY=${['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][pastDay.getUTCDay()]}`,
    }),
    201,
  );
  extra.pastEventId = past.json().id;
  extra.pastStart = new Date(`${pastDate}T14:00:00Z`).toISOString();
  const feedOwner = await makeMember(t, { displayName: 'Cara Calendar' });
  const feed = await must(as(feedOwner, 'POST', '/api/me/calendar-feed', {}));
  extra.feedToken = /\/api\/calendar\/([^/]+)\.ics$/.exec(feed.json().url)![1]!;
  const event = await must(as('facilitator', 'GET', `/api/events/${extra.eventId}`));
  [extra.eventStart, extra.eventSecondStart] = event
    .json()
    .meetings.map((m: { start: string }) => m.start);
  await postTopic(t, w.people.member, {
    categoryId: w.categoryId,
    body: `![a blue square](/api/forum/images/${extra.imageInPost})`,
  });
}

beforeAll(async () => {
  const started = await collectRoutes(() => startTestApp());
  t = started.result;
  registered = started.routes.filter(
    (r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
  );
  w = await buildWorld(t);
  await buildExtras();
});
afterAll(() => t?.close());

// A row makes fresh posts; a fresh hour of writing keeps the forum's limits out of the way.
beforeEach(() => (w ? forgetWriteLimits(t, Object.values(w.people)) : undefined));

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const rowName = (r: Row) => (r.label ? `${key(r)} (${r.label})` : key(r));

/** The registered route a concrete path reaches: static segments win over parameters. */
function routeOf(method: string, path: string): string | undefined {
  const parts = path.split('?')[0]!.split('/');
  const matches = registered.filter((r) => {
    const pattern = r.url.split('/');
    return (
      r.method === method &&
      pattern.length === parts.length &&
      pattern.every((p, i) => p.startsWith(':') || p === parts[i])
    );
  });
  const statics = (url: string) => url.split('/').filter((p) => !p.startsWith(':')).length;
  return matches.sort((a, b) => statics(b.url) - statics(a.url))[0]?.url;
}

function pathOf(r: Row, call: Call): string {
  const path = r.url.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = call.params?.[name];
    if (value === undefined) throw new Error(`${key(r)}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  return call.query ? `${path}?${call.query}` : path;
}

async function send(r: Row, role: Role) {
  const call = await r.call(role);
  const path = pathOf(r, call);
  expect(routeOf(r.method, path), `${key(r)}: ${path} reaches another route`).toBe(r.url);
  const headers: Record<string, string> = { ...call.headers };
  const cookie = call.cookie ?? (role === 'anonymous' ? undefined : w.people[role].cookie);
  if (cookie) headers.cookie = cookie;
  if (r.method !== 'GET') headers.origin = ORIGIN;
  const response = await t.app.inject({
    method: r.method,
    url: path,
    // The dev routes answer only this machine (modules/dev/dev-access.int.test.ts).
    remoteAddress: r.url.startsWith('/api/dev/') ? '127.0.0.1' : randomIp(),
    headers,
    ...(call.payload !== undefined ? { payload: call.payload as string } : {}),
  });
  await call.after?.();
  return response;
}

describe('the matrix', () => {
  it('has a row for every route the app registers under /api, and none for a route gone', () => {
    const inApp = [...new Set(registered.map(key))].sort();
    const inRows = [...new Set(rows.map(key))].sort();
    expect(inApp.length).toBeGreaterThan(50);
    expect(
      inApp.filter((route) => !inRows.includes(route)),
      'add a row for each of these routes',
    ).toEqual([]);
    expect(
      inRows.filter((route) => !inApp.includes(route)),
      'these rows name routes the app no longer has',
    ).toEqual([]);
    const names = rows.map(rowName);
    expect(
      names.filter((name, i) => names.indexOf(name) !== i),
      'two rows for one route: give the second a label, or drop one',
    ).toEqual([]);
    console.log(
      `authorisation matrix: ${inApp.length} routes × ${roles.length} roles = ` +
        `${inApp.length * roles.length} (${rows.length} rows, ${rows.length * roles.length} calls)`,
    );
  });

  it.each(rows.map((r) => [rowName(r), r] as const))('%s', async (_name, r) => {
    const got = {} as Expected;
    const bodies: string[] = [];
    for (const role of roles) {
      const response = await send(r, role);
      got[role] = response.statusCode;
      if (response.statusCode >= 500) bodies.push(`${role}: ${response.body.slice(0, 300)}`);
      else if (response.statusCode !== r.expected[role]) {
        bodies.push(`${role}: ${response.body.slice(0, 200)}`);
      }
    }
    expect(
      Object.values(got).filter((status) => status >= 500),
      bodies.join('\n'),
    ).toEqual([]);
    expect(got, bodies.join('\n')).toEqual(r.expected);
  });
});
