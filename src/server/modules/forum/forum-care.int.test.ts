import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import { categoryId, forumClient, postTopic } from '../../../../tests/support/forum';
import type { QueuePage } from '../../../contract/moderation';

const HIGH = 'I have saved up all my pills and I am going to take them tonight.';
const MEDIUM = 'Some days I just do not want to be here any more.';
const ORDINARY = 'My arm is weak but physio is helping a little each week.';

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let author: Member;
let writer: Member;
let reader: Member;
let moderator: Member;
let daily: string;

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  [author, writer, reader, moderator] = await Promise.all([
    makeMember(t, { displayName: 'Topic Author' }),
    makeMember(t, { displayName: 'Worried Writer' }),
    makeMember(t, { displayName: 'Other Reader' }),
    makeMember(t, { displayName: 'Mona Reed' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  daily = await categoryId(t, author, 'daily-life');
});
afterAll(() => t?.close());

const reply = (who: Member, topicId: string, body: string) =>
  call(who, 'POST', `/api/forum/topics/${topicId}/replies`, {
    body,
    idempotencyKey: randomUUID(),
  });
const repliesSeenBy = async (who: Member, topicId: string) =>
  ((await call(who, 'GET', `/api/forum/topics/${topicId}`)).json().replies ?? []) as {
    id: string;
    held: boolean;
  }[];
const queue = async () =>
  ((await call(moderator, 'GET', '/api/moderation/queue')).json() as QueuePage).items;

describe('screening what people write', () => {
  it('holds a plan for a moderator: never blocked, only the writer and moderators see it', async () => {
    const topicId = await postTopic(t, author, { categoryId: daily, title: 'A long week' });
    const sent = await reply(writer, topicId, HIGH);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ held: true, care: { support: true } });
    const replyId = sent.json().id as string;

    expect((await repliesSeenBy(reader, topicId)).some((r) => r.id === replyId)).toBe(false);
    expect((await repliesSeenBy(author, topicId)).some((r) => r.id === replyId)).toBe(false);
    expect((await repliesSeenBy(writer, topicId)).find((r) => r.id === replyId)?.held).toBe(true);
    expect((await repliesSeenBy(moderator, topicId)).find((r) => r.id === replyId)?.held).toBe(
      true,
    );
    // Nobody else can reach it directly, and it is not counted or told of.
    const direct = await call(reader, 'PUT', `/api/forum/posts/reply/${replyId}/reactions/me_too`);
    expect(direct.statusCode).toBe(404);
    const topic = (await call(reader, 'GET', `/api/forum/topics/${topicId}`)).json().topic;
    expect(topic.replyCount).toBe(0);
    const told = (await call(author, 'GET', '/api/notifications')).json().items as {
      link: string;
    }[];
    expect(told.some((n) => n.link.includes(replyId))).toBe(false);

    // The moderator sees it first in the queue, as a crisis.
    const first = (await queue())[0];
    expect(first).toMatchObject({
      priority: 'crisis',
      reason: 'screening',
      subject: { kind: 'reply', id: replyId },
    });
  });

  it('lets a held post be seen once a moderator decides it may, and tells of it then', async () => {
    const topicId = await postTopic(t, author, { categoryId: daily, title: 'Being honest' });
    const replyId = (await reply(writer, topicId, HIGH)).json().id as string;
    const item = (await queue()).find((c) => c.subject.id === replyId)!;
    const claimed = await call(moderator, 'POST', `/api/moderation/cases/${item.id}/claim`, {});
    expect(claimed.statusCode, claimed.body).toBe(200);
    const done = await call(moderator, 'POST', `/api/moderation/cases/${item.id}/actions`, {
      action: 'restore',
      reason: 'needs_support',
    });
    expect(done.statusCode, done.body).toBe(200);
    const seen = (await repliesSeenBy(reader, topicId)).find((r) => r.id === replyId);
    expect(seen?.held).toBe(false);
    const told = (await call(author, 'GET', '/api/notifications')).json().items as {
      link: string;
    }[];
    expect(told.some((n) => n.link.includes(replyId))).toBe(true);
  });

  it('brings support for ongoing thoughts and opens a case, without holding the post', async () => {
    const topicId = await postTopic(t, author, { categoryId: daily, title: 'Low days' });
    const sent = await reply(writer, topicId, MEDIUM);
    expect(sent.json()).toMatchObject({ held: false, care: { support: true } });
    const replyId = sent.json().id as string;
    expect((await repliesSeenBy(reader, topicId)).some((r) => r.id === replyId)).toBe(true);
    expect((await queue()).find((c) => c.subject.id === replyId)).toMatchObject({
      priority: 'safety',
    });
  });

  it('leaves ordinary words alone: no support panel, no case', async () => {
    const topicId = await postTopic(t, author, { categoryId: daily, title: 'Physio' });
    const sent = await reply(writer, topicId, ORDINARY);
    expect(sent.json()).toMatchObject({ held: false, care: { support: false } });
    expect((await queue()).some((c) => c.subject.id === sent.json().id)).toBe(false);
  });

  it('holds a new topic with a plan, and lists it for its author alone', async () => {
    const sent = await call(writer, 'POST', '/api/forum/topics', {
      categoryId: daily,
      title: 'Goodbye',
      body: HIGH,
      idempotencyKey: randomUUID(),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().held).toBe(true);
    const topicId = sent.json().id as string;
    expect((await call(reader, 'GET', `/api/forum/topics/${topicId}`)).statusCode).toBe(404);
    expect((await call(writer, 'GET', `/api/forum/topics/${topicId}`)).statusCode).toBe(200);
    const listed = async (who: Member) =>
      (
        (await call(who, 'GET', '/api/forum/categories/daily-life/topics')).json().topics as {
          id: string;
        }[]
      ).some((x) => x.id === topicId);
    expect(await listed(reader)).toBe(false);
    expect(await listed(writer)).toBe(true);
    const search = await call(reader, 'GET', '/api/forum/search?q=pills');
    expect(JSON.stringify(search.json())).not.toContain(topicId);
  });

  it('screens a draft as it is saved, and warns of personal details', async () => {
    const topicId = await postTopic(t, author, { categoryId: daily, title: 'Drafts' });
    const key = `reply-${topicId}`;
    const saved = await call(writer, 'PUT', `/api/forum/drafts/${key}`, {
      title: '',
      body: `${HIGH} Call me on 07700 900123.`,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().draft.care).toEqual({ support: true, personalDetails: ['phone'] });
    const calm = await call(writer, 'PUT', `/api/forum/drafts/${key}`, {
      title: '',
      body: ORDINARY,
    });
    expect(calm.json().draft.care).toEqual({ support: false, personalDetails: [] });
  });
});
