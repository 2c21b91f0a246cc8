import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import {
  categoryId,
  forgetWriteLimits,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';
import {
  askAndApprove,
  callAs,
  makeFacilitator,
  makeGroupIn,
  makeOrganisation,
} from '../../../../tests/support/groups';
import type { GroupInput } from '../../../contract/groups';
import type { NotificationsPage, UnreadCount } from '../../../contract/notifications';
import { notifications } from './tables';

let t: TestApp;
let feelings: string;
let ann: Member;
let ben: Member;
let cat: Member;
let dev: Member;
let admin: Member;

beforeAll(async () => {
  t = await startTestApp();
  [ann, ben, cat, dev, admin] = await Promise.all([
    makeMember(t, { displayName: 'Ann Author' }),
    makeMember(t, { displayName: 'Ben Replier' }),
    makeMember(t, { displayName: 'Cat Reactor' }),
    makeMember(t, { displayName: 'Dev Fourth' }),
    makeMember(t, { displayName: 'Ada Lead' }),
  ]);
  await promote(t, admin.user.id, 'admin');
  feelings = await categoryId(t, ann, 'feelings');
});
afterAll(() => t?.close());

const listOf = async (who: Member): Promise<NotificationsPage> => {
  const res = await callAs(t, who, 'GET', '/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const unreadOf = async (who: Member): Promise<UnreadCount> =>
  (await callAs(t, who, 'GET', '/api/notifications/unread')).json();
const mention = (who: Member) => `[@${who.user.displayName}](/members/${who.user.id})`;

describe('in the app', () => {
  it('tells a topic’s author of a reply, in words, with a link to it; not the one who replied', async () => {
    const topicId = await postTopic(t, ann, { categoryId: feelings, title: 'Tired all the time' });
    const replyId = await postReply(t, ben, topicId);
    const page = await listOf(ann);
    const item = page.items.find((n) => n.link.includes(topicId));
    expect(item).toMatchObject({
      kind: 'reply',
      text: 'Ben Replier replied to your topic “Tired all the time”.',
      link: `/forum/t/${topicId}#post-${replyId}`,
      count: 1,
      read: false,
    });
    expect((await unreadOf(ann)).newest[0]?.text).toBe(item?.text);
    expect((await listOf(ben)).items.some((n) => n.link.includes(topicId))).toBe(false);
  });

  it('gathers replies to one topic while unread, and tells nobody twice of one reply', async () => {
    const topicId = await postTopic(t, ann, { categoryId: feelings, title: 'Sleep after stroke' });
    await postReply(t, ben, topicId);
    await postReply(t, cat, topicId);
    const items = (await listOf(ann)).items.filter((n) => n.link.includes(topicId));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      count: 2,
      text: 'Cat Reactor and 1 other person replied to your topic “Sleep after stroke”.',
    });
    // The same reply sent twice (a retry with the same key) is one reply and one notification.
    const key = randomUUID();
    for (let i = 0; i < 2; i++) {
      const res = await callAs(t, dev, 'POST', `/api/forum/topics/${topicId}/replies`, {
        body: 'Me too, every night.',
        idempotencyKey: key,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const after = (await listOf(ann)).items.filter((n) => n.link.includes(topicId));
    expect(after[0]?.count).toBe(3);
  });

  it('gathers reactions: "3 people sent you strength", and a reaction taken back and given again counts once', async () => {
    const topicId = await postTopic(t, ann, { categoryId: feelings, title: 'A hard week' });
    const react = (who: Member, on: boolean) =>
      callAs(
        t,
        who,
        on ? 'PUT' : 'DELETE',
        `/api/forum/posts/topic/${topicId}/reactions/sending_strength`,
      );
    for (const who of [ben, cat, dev]) expect((await react(who, true)).statusCode).toBe(200);
    expect((await react(ben, false)).statusCode).toBe(200);
    expect((await react(ben, true)).statusCode).toBe(200);
    const items = (await listOf(ann)).items.filter(
      (n) => n.kind === 'reaction' && n.link.includes(topicId),
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.text).toBe('3 people sent you strength in “A hard week”.');
  });

  it('tells a post’s author that it helped someone', async () => {
    const topicId = await postTopic(t, ann, { categoryId: feelings, title: 'What helped me' });
    const res = await callAs(t, ben, 'PUT', `/api/forum/posts/topic/${topicId}/helpful`);
    expect(res.statusCode, res.body).toBe(200);
    const item = (await listOf(ann)).items.find(
      (n) => n.kind === 'helpful' && n.link.includes(topicId),
    );
    expect(item?.text).toBe('Your post in “What helped me” helped Ben Replier.');
  });

  it('tells people named with @, once, even when they wrote the topic too', async () => {
    const topicId = await postTopic(t, cat, { categoryId: feelings, title: 'Talking again' });
    await postReply(t, ben, topicId, `Thank you ${mention(cat)} and ${mention(dev)}!`);
    const devItems = (await listOf(dev)).items.filter((n) => n.link.includes(topicId));
    expect(devItems.map((n) => n.text)).toEqual(['Ben Replier named you in “Talking again”.']);
    const catItems = (await listOf(cat)).items.filter((n) => n.link.includes(topicId));
    expect(catItems.map((n) => n.kind)).toEqual(['reply']);
  });

  it('caps a mention flood by trust level: a basic member’s post tells 5 people', async () => {
    const many = await Promise.all(
      Array.from({ length: 7 }, (_, i) => makeMember(t, { displayName: `Named ${i}` })),
    );
    const topicId = await postTopic(t, ben, {
      categoryId: feelings,
      title: 'Hello everyone',
      body: `Hello ${many.map(mention).join(' ')}`,
    });
    let told = 0;
    for (const who of many) {
      if ((await listOf(who)).items.some((n) => n.link.includes(topicId))) told++;
    }
    expect(told).toBe(5);
  });

  it('marks one read, then all; someone else’s notification is not found', async () => {
    const topicId = await postTopic(t, ann, { categoryId: feelings, title: 'Read marks' });
    await postReply(t, dev, topicId);
    const before = await unreadOf(ann);
    expect(before.unread).toBeGreaterThan(0);
    const item = (await listOf(ann)).items.find((n) => n.link.includes(topicId))!;
    const others = await callAs(t, ben, 'POST', `/api/notifications/${item.id}/read`, {});
    expect(others.statusCode).toBe(404);
    expect(others.headers['content-type']).toContain('application/problem+json');
    const one = await callAs(t, ann, 'POST', `/api/notifications/${item.id}/read`, {});
    expect(one.statusCode, one.body).toBe(200);
    expect((one.json() as UnreadCount).unread).toBe(before.unread - 1);
    expect((await listOf(ann)).items.find((n) => n.id === item.id)?.read).toBe(true);
    const all = await callAs(t, ann, 'POST', '/api/notifications/read-all', {});
    expect((all.json() as UnreadCount).unread).toBe(0);
  });

  it('pages newest first without repeats', async () => {
    // Through the face, as a module would: 35 pieces of group news, each its own cause.
    const { jobs, notifications: face } = t.app.ctx;
    for (let i = 0; i < 35; i++) {
      await jobs.transaction((tx, enqueue) =>
        face.notify(tx, enqueue, [
          {
            kind: 'announcement',
            recipientIds: [ann.user.id],
            actorId: dev.user.id,
            causeKey: `announcement:${randomUUID()}`,
            data: { groupId: randomUUID(), groupName: `Paging group ${i}` },
          },
        ]),
      );
    }
    const first = await listOf(ann);
    expect(first.items).toHaveLength(30);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await callAs(t, ann, 'GET', `/api/notifications?cursor=${first.nextCursor}`)
    ).json() as NotificationsPage;
    const ids = [...first.items, ...second.items].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const stamps = [...first.items, ...second.items].map((n) => n.updatedAt);
    expect([...stamps].sort().reverse()).toEqual(stamps);
  });

  it('keeps kinds the person turned off out of the app', async () => {
    await forgetWriteLimits(t, [dev, ann]);
    const off = await callAs(t, dev, 'PATCH', '/api/notifications/settings', {
      kinds: { reaction: { inApp: false } },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().kinds.reaction).toEqual({ inApp: false, email: false, push: false });
    expect(off.json().kinds.reply).toEqual({ inApp: true, email: true, push: false });
    const topicId = await postTopic(t, dev, { categoryId: feelings, title: 'Quiet please' });
    await callAs(t, ann, 'PUT', `/api/forum/posts/topic/${topicId}/reactions/me_too`);
    expect(
      (await listOf(dev)).items.some((n) => n.kind === 'reaction' && n.link.includes(topicId)),
    ).toBe(false);
  });

  it('tells an author that staff took their post down, and why, without naming who', async () => {
    const topicId = await postTopic(t, ben, { categoryId: feelings, title: 'Buy my pills' });
    const res = await callAs(t, admin, 'POST', `/api/forum/posts/topic/${topicId}/removal`, {
      reason: 'selling',
    });
    expect(res.statusCode, res.body).toBe(200);
    const item = (await listOf(ben)).items.find((n) => n.kind === 'post_removed');
    expect(item?.text).toBe(
      'Staff took down your topic “Buy my pills”. The reason: It is selling or advertising.',
    );
    expect(item?.text).not.toContain('Ada');
  });

  it('is for the signed-in person only', async () => {
    for (const url of [
      '/api/notifications',
      '/api/notifications/unread',
      '/api/notifications/settings',
    ]) {
      expect((await callAs(t, null, 'GET', url)).statusCode).toBe(401);
    }
  });

  it('removes nothing of anyone else when a person’s account goes', async () => {
    const rows = await t.app.ctx.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, ann.user.id));
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('groups', () => {
  const group: GroupInput = {
    name: 'Notified Group',
    description: 'A calm group for people after stroke. We take our time.',
    format: 'online',
    focus: ['aphasia_friendly'],
    languages: ['en'],
    sizeCap: 10,
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
      timeZone: 'Europe/London',
    },
    meetingLink: 'https://meet.example.org/secret-room',
  };
  let groupId: string;
  let fran: Member;
  let olu: Member;

  beforeAll(async () => {
    [fran, olu] = await Promise.all([
      makeMember(t, { displayName: 'Fran Facilitator', role: 'peer_supporter' }),
      makeMember(t, { displayName: 'Olu Org', role: 'professional' }),
    ]);
    const orgId = await makeOrganisation(t, admin, 'Notify Charity', [olu]);
    groupId = await makeGroupIn(t, olu, orgId, group);
    await makeFacilitator(t, olu, groupId, fran);
  });

  it('tells the invited person of the invitation', async () => {
    const item = (await listOf(fran)).items.find((n) => n.kind === 'group_invitation');
    expect(item).toMatchObject({
      text: 'Olu Org invited you to join Notified Group.',
      link: `/groups/${groupId}`,
    });
  });

  it('tells facilitators of a request, and the asker of the answer', async () => {
    const joined = await callAs(t, cat, 'POST', `/api/groups/${groupId}/join`, { message: 'Hi' });
    expect(joined.json().status).toBe('pending');
    const request = (await listOf(fran)).items.find((n) => n.kind === 'join_request');
    expect(request?.text).toBe('Cat Reactor asked to join Notified Group.');
    const ok = await callAs(t, fran, 'POST', `/api/groups/${groupId}/requests/approve`, {
      userId: cat.user.id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const answer = (await listOf(cat)).items.find((n) => n.kind === 'join_decision');
    expect(answer?.text).toBe('You are now a member of Notified Group. Welcome!');

    await callAs(t, dev, 'POST', `/api/groups/${groupId}/join`, { message: 'Hello' });
    await callAs(t, fran, 'POST', `/api/groups/${groupId}/requests/decline`, {
      userId: dev.user.id,
      message: 'Sorry, not this time.',
    });
    const no = (await listOf(dev)).items.find((n) => n.kind === 'join_decision');
    expect(no?.text).toContain('cannot take you this time');
  });

  it('tells members of news, but not the one who wrote it, nor people outside', async () => {
    await askAndApprove(t, ben, groupId, fran);
    const res = await callAs(t, fran, 'POST', `/api/groups/${groupId}/announcements`, {
      body: 'No meeting next week.',
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const who of [ben, cat]) {
      const item = (await listOf(who)).items.find((n) => n.kind === 'announcement');
      expect(item?.text).toBe('There is news from Notified Group.');
    }
    expect((await listOf(fran)).items.some((n) => n.kind === 'announcement')).toBe(false);
    expect((await listOf(dev)).items.some((n) => n.kind === 'announcement')).toBe(false);
  });

  it('does not tell people named on a private board they cannot read', async () => {
    const board = await callAs(t, ben, 'POST', `/api/groups/${groupId}/board`, {
      title: 'Board talk',
      body: `Hello ${mention(cat)} and ${mention(dev)}`,
      idempotencyKey: randomUUID(),
    });
    expect(board.statusCode, board.body).toBe(200);
    const topicId = board.json().topicId as string;
    expect((await listOf(cat)).items.some((n) => n.link.includes(topicId))).toBe(true);
    expect((await listOf(dev)).items.some((n) => n.link.includes(topicId))).toBe(false);
  });
});

describe('settings', () => {
  it('start few: everything in the app, email for replies and group answers, push for nothing', async () => {
    const res = await callAs(t, cat, 'GET', '/api/notifications/settings');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.emailMode).toBe('each');
    expect(s.quietHours).toBeNull();
    expect(s.announce).toBe(true);
    const emailed = Object.entries(s.kinds as Record<string, { email: boolean; push: boolean }>)
      .filter(([, c]) => c.email)
      .map(([k]) => k)
      .sort();
    // Moderation adds two: an urgent case (staff only ever get one) and a decision about me.
    // Gatherings add three: a place that came free, a meeting I said yes to that changed, and
    // reminders of meetings I am going to.
    expect(emailed).toEqual([
      'case_urgent',
      'concern',
      'event_changed',
      'event_place',
      'event_reminder',
      'group_invitation',
      'join_decision',
      'moderation_outcome',
      'reply',
    ]);
    expect(Object.values(s.kinds as Record<string, { push: boolean }>).some((c) => c.push)).toBe(
      false,
    );
  });

  it('keep what was changed, and only that', async () => {
    const changed = await callAs(t, cat, 'PATCH', '/api/notifications/settings', {
      emailMode: 'daily',
      quietHours: { from: '21:30', until: '07:00' },
      timeZone: 'Europe/London',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const again = (await callAs(t, cat, 'GET', '/api/notifications/settings')).json();
    expect(again).toMatchObject({
      emailMode: 'daily',
      quietHours: { from: '21:30', until: '07:00' },
      timeZone: 'Europe/London',
    });
    const cleared = await callAs(t, cat, 'PATCH', '/api/notifications/settings', {
      quietHours: null,
    });
    expect(cleared.json()).toMatchObject({ quietHours: null, emailMode: 'daily' });
  });

  it('refuse a time zone or time that is not one, in plain words', async () => {
    const zone = await callAs(t, cat, 'PATCH', '/api/notifications/settings', {
      timeZone: 'Mars/Base',
    });
    expect(zone.statusCode).toBe(422);
    expect(zone.json().errors.timeZone).toBe('Please choose a time zone from the list.');
    const time = await callAs(t, cat, 'PATCH', '/api/notifications/settings', {
      quietHours: { from: '25:00', until: '07:00' },
    });
    expect(time.statusCode).toBe(422);
  });

  it('pause everything for a week in one tap, and end the pause', async () => {
    const paused = await callAs(t, cat, 'POST', '/api/notifications/pause', { days: 7 });
    expect(paused.statusCode, paused.body).toBe(200);
    const until = new Date(paused.json().pausedUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const ended = await callAs(t, cat, 'DELETE', '/api/notifications/pause');
    expect(ended.json().pausedUntil).toBeNull();
  });
});
