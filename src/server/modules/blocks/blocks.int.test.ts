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
  categoryId,
  expectProblem,
  forgetWriteLimits,
  forumClient,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';

/**
 * Mute, ignore and block between members (issue 11 part 8): my own list through the API,
 * choices that run out, and what each strength changes in the forum. A blocked person is
 * never told: a refused reply reads like any closed conversation.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let daily: string;

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  const anyone = await makeMember(t, { displayName: 'Wren Hollis' });
  daily = await categoryId(t, anyone, 'daily-life');
});
afterAll(() => t?.close());

/** Two or more new members, with fresh write limits, for one test. */
async function people(...names: string[]): Promise<Member[]> {
  const made = await Promise.all(names.map((displayName) => makeMember(t, { displayName })));
  await forgetWriteLimits(t, made);
  return made;
}

const choose = (who: Member | null, otherId: string, body: unknown) =>
  call(who, 'PUT', `/api/me/blocks/${otherId}`, body);
const stop = (who: Member | null, otherId: string) =>
  call(who, 'DELETE', `/api/me/blocks/${otherId}`);

async function listOf(who: Member, query = '') {
  const response = await call(who, 'GET', `/api/me/blocks${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    items: {
      person: { id: string; displayName: string };
      strength: string;
      until: string | null;
      since: string;
    }[];
    nextCursor: string | null;
  };
}

async function mustChoose(who: Member, other: Member, strength: string, days: number | null) {
  const response = await choose(who, other.user.id, { strength, days });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** What this person has been told, as links and kinds. */
async function toldTo(who: Member) {
  const response = await call(who, 'GET', '/api/notifications');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { kind: string; link: string }[];
}

const mention = (who: Member) => `[@${who.user.displayName}](/members/${who.user.id})`;

async function topicPage(who: Member, topicId: string) {
  const response = await call(who, 'GET', `/api/forum/topics/${topicId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    topic: { post: { id: string; hiddenBecause: string | null; bodyHtml: string } };
    replies: { id: string; hiddenBecause: string | null; bodyHtml: string }[];
  };
}

describe('my list through the API', () => {
  it('is for members only: nobody signed in gets a plain 401', async () => {
    const [other] = await people('Tansy Mole');
    for (const response of [
      await call(null, 'GET', '/api/me/blocks'),
      await choose(null, other!.user.id, { strength: 'mute', days: 1 }),
      await stop(null, other!.user.id),
    ]) {
      expect(expectProblem(response, 401).title).toMatch(/^[A-Z].*[.!?]$/);
    }
  });

  it('keeps one choice per person: a new strength or time replaces it, and Stop ends it', async () => {
    const [me, other] = await people('Hazel Corrin', 'Basil Reed');
    const muted = await mustChoose(me!, other!, 'mute', 7);
    expect(muted).toMatchObject({
      person: { id: other!.user.id, displayName: 'Basil Reed' },
      strength: 'mute',
    });
    const until = new Date(muted.until).getTime() - new Date(muted.since).getTime();
    expect(until).toBe(7 * DAY_MS);

    const blocked = await mustChoose(me!, other!, 'block', null);
    expect(blocked).toMatchObject({ strength: 'block', until: null });
    const list = await listOf(me!);
    expect(list.items).toEqual([blocked]);
    expect(list.nextCursor).toBeNull();
    // Only my own choices: the other person's list is empty, and says nothing of mine.
    expect((await listOf(other!)).items).toEqual([]);
    expect((await listOf(me!, `?userId=${other!.user.id}`)).items).toEqual([blocked]);
    expect((await listOf(me!, `?userId=${me!.user.id}`)).items).toEqual([]);

    expect((await stop(me!, other!.user.id)).json()).toEqual({ ok: true });
    expect((await listOf(me!)).items).toEqual([]);
    // Twice is the same as once.
    expect((await stop(me!, other!.user.id)).statusCode).toBe(200);
  });

  it('lists the newest choice first, a page at a time', async () => {
    const [me, a, b] = await people('Ivy Tarrant', 'Rowan Pike', 'Elm Sorrel');
    await mustChoose(me!, a!, 'mute', 1);
    t.advanceClock(1000);
    await mustChoose(me!, b!, 'ignore', 30);
    expect((await listOf(me!)).items.map((i) => i.person.displayName)).toEqual([
      'Elm Sorrel',
      'Rowan Pike',
    ]);
  });

  it('says in plain words when the person is unknown, is oneself, or is staff to block', async () => {
    const [me, helper] = await people('Juniper Vale', 'Moss Fairley');
    await promote(t, helper!.user.id, 'moderator');
    const nobody = randomUUID();
    for (const response of [
      await choose(me!, nobody, { strength: 'mute', days: 1 }),
      await stop(me!, nobody),
    ]) {
      expect(expectProblem(response, 404).title).toBe('We cannot find this person.');
    }
    const self = expectProblem(await choose(me!, me!.user.id, { strength: 'mute', days: 1 }), 422);
    expect(self.title).toBe('You cannot mute, ignore or block yourself.');
    const staff = expectProblem(
      await choose(me!, helper!.user.id, { strength: 'block', days: null }),
      422,
    );
    expect(staff.errors?.strength).toMatch(/moderator/);
    // Muting or ignoring staff is a member's own choice.
    await mustChoose(me!, helper!, 'ignore', null);
  });

  it('takes only a day, a week, a month or for good', async () => {
    const [me, other] = await people('Sage Alder', 'Flint Marrow');
    for (const body of [
      { strength: 'mute', days: 2 },
      { strength: 'mute' },
      { strength: 'mute', days: '7' },
      { strength: 'hide', days: 1 },
      { strength: 'mute', days: 1, extra: true },
    ]) {
      const problem = expectProblem(await choose(me!, other!.user.id, body), 422);
      expect(Object.values(problem.errors ?? {}).join(' ')).toMatch(/^[A-Z]/);
    }
    const days = expectProblem(
      await choose(me!, other!.user.id, { strength: 'mute', days: 2 }),
      422,
    );
    expect(days.errors?.days).toBe('Choose a day, a week, a month or for good.');
  });
});

describe('a choice that runs out', () => {
  it('counts as none once its time has passed', async () => {
    const [author, writer] = await people('Poppy Lark', 'Cedar Hume');
    await mustChoose(author!, writer!, 'block', 1);
    const topicId = await postTopic(t, author!, { categoryId: daily, title: 'Slow mornings' });
    const refused = await call(writer!, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: 'Me too.',
      idempotencyKey: randomUUID(),
    });
    expect(refused.statusCode).toBe(409);

    t.advanceClock(DAY_MS + 60_000);
    expect((await listOf(author!)).items).toEqual([]);
    const replyId = await postReply(t, writer!, topicId, 'Mornings are hard for me too.');
    expect((await toldTo(author!)).some((n) => n.link.includes(replyId))).toBe(true);
    expect((await topicPage(author!, topicId)).replies[0]?.hiddenBecause).toBeNull();
  });
});

describe('block: no replies and no mentions, and they are never told', () => {
  it('refuses a reply to my topic with the neutral words, and lets them read as usual', async () => {
    const [author, blocked, friend] = await people('Laurel Quince', 'Thorn Baxley', 'Fern Oakes');
    await mustChoose(author!, blocked!, 'block', 30);
    const topicId = await postTopic(t, author!, { categoryId: daily, title: 'Garden days' });

    const refused = await call(blocked!, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: 'I like gardens.',
      idempotencyKey: randomUUID(),
    });
    const problem = expectProblem(refused, 409);
    expect(problem.title).toBe('You cannot reply here.');
    expect(JSON.stringify(problem)).not.toMatch(/block/i);

    // They still see my topic and my posts as usual: nothing is folded away for them.
    const seen = await topicPage(blocked!, topicId);
    expect(seen.topic.post.hiddenBecause).toBeNull();
    expect(seen.topic.post.bodyHtml).not.toBe('');
    // Everyone else replies as before, and the blocked person replies to others as before.
    await postReply(t, friend!, topicId);
    const friendsTopic = await postTopic(t, friend!, { categoryId: daily, title: 'Tea' });
    await postReply(t, blocked!, friendsTopic);
  });

  it('does not stop staff from answering', async () => {
    const [author, helper] = await people('Briar Hask', 'Linden Moor');
    await mustChoose(author!, helper!, 'block', null);
    // Made a moderator after the block: the block no longer keeps them from answering.
    await promote(t, helper!.user.id, 'moderator');
    const topicId = await postTopic(t, author!, { categoryId: daily, title: 'A question' });
    const answer = await call(helper!, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: 'A moderator here: welcome.',
      idempotencyKey: randomUUID(),
    });
    expect(answer.statusCode, answer.body).toBe(201);
  });

  it('keeps the mention as words but does not tell me, in replies and in new topics', async () => {
    const [me, blocked, other] = await people('Marigold Penn', 'Bramble Cutt', 'Alder Fenn');
    await mustChoose(me!, blocked!, 'block', 7);
    const topicId = await postTopic(t, other!, { categoryId: daily, title: 'Walking' });
    const replyId = await postReply(
      t,
      blocked!,
      topicId,
      `Hello ${mention(me!)} and ${mention(other!)}.`,
    );
    const newTopic = await postTopic(t, blocked!, {
      categoryId: daily,
      title: 'Music',
      body: `What do you like, ${mention(me!)}?`,
    });

    const page = await topicPage(other!, topicId);
    expect(page.replies.find((r) => r.id === replyId)?.bodyHtml).toContain('Marigold Penn');
    const mine = await toldTo(me!);
    expect(mine.some((n) => n.link.includes(replyId) || n.link.includes(newTopic))).toBe(false);
    // Someone else named in the same reply is told as usual.
    expect((await toldTo(other!)).some((n) => n.link.includes(replyId))).toBe(true);
  });

  it('keeps us out of each other’s mention picker', async () => {
    const [me, blocked, muted] = await people('Quillon Abbot', 'Quillan Rooke', 'Quillis Dune');
    await mustChoose(me!, blocked!, 'block', null);
    await mustChoose(me!, muted!, 'mute', null);
    const names = async (who: Member) => {
      const response = await call(who, 'GET', '/api/members/mentionable?q=quill');
      expect(response.statusCode, response.body).toBe(200);
      return (response.json().members as { displayName: string }[]).map((m) => m.displayName);
    };
    expect(await names(me!)).toEqual(['Quillis Dune']);
    expect(await names(blocked!)).toEqual(['Quillis Dune']);
    // A mute is mine alone: it changes nothing in their picker.
    expect(await names(muted!)).toEqual(['Quillan Rooke', 'Quillon Abbot']);
  });
});

describe('mute: I am not told of anything they do', () => {
  it('lets them reply, but tells me nothing of their replies, mentions and reactions', async () => {
    const [me, muted, other] = await people('Rosalind Hythe', 'Gorse Tamblin', 'Heath Dorling');
    await mustChoose(me!, muted!, 'mute', 30);
    const topicId = await postTopic(t, me!, { categoryId: daily, title: 'Sleep' });
    const quiet = await postReply(t, muted!, topicId, `I sleep badly too, ${mention(me!)}.`);
    const react = await call(muted!, 'PUT', `/api/forum/posts/topic/${topicId}/reactions/me_too`);
    expect(react.statusCode, react.body).toBe(200);
    const helpful = await call(muted!, 'PUT', `/api/forum/posts/topic/${topicId}/helpful`);
    expect(helpful.statusCode, helpful.body).toBe(200);
    expect(await toldTo(me!)).toEqual([]);

    // Others are told as before, and the muted person's reply is not folded away.
    const loud = await postReply(t, other!, topicId, 'Warm milk helps me.');
    expect((await toldTo(me!)).some((n) => n.link.includes(loud))).toBe(true);
    expect(
      (await topicPage(me!, topicId)).replies.find((r) => r.id === quiet)?.hiddenBecause,
    ).toBeNull();

    // Stopping the mute: their next reply reaches me again.
    await stop(me!, muted!.user.id);
    const later = await postReply(t, muted!, topicId, 'Sleep went better today.');
    expect((await toldTo(me!)).some((n) => n.link.includes(later))).toBe(true);
  });
});

describe('ignore: their posts fold away for me', () => {
  it('flags their posts on topic pages, words still sent, and their topics in lists', async () => {
    const [me, ignored, other] = await people('Tamsin Greer', 'Yarrow Blunt', 'Clover Amis');
    const theirTopic = await postTopic(t, ignored!, { categoryId: daily, title: 'Yarrow asks' });
    const myTopic = await postTopic(t, me!, { categoryId: daily, title: 'Tamsin asks' });
    const theirReply = await postReply(t, ignored!, myTopic, 'Words from Yarrow.');
    const otherReply = await postReply(t, other!, myTopic, 'Words from Clover.');
    await forgetWriteLimits(t, [ignored!]);
    await mustChoose(me!, ignored!, 'ignore', null);

    const page = await topicPage(me!, myTopic);
    const reply = (id: string) => page.replies.find((r) => r.id === id);
    expect(reply(theirReply)).toMatchObject({ hiddenBecause: 'ignored' });
    expect(reply(theirReply)?.bodyHtml).toContain('Words from Yarrow.');
    expect(reply(otherReply)?.hiddenBecause).toBeNull();
    expect((await topicPage(me!, theirTopic)).topic.post.hiddenBecause).toBe('ignored');
    // For everyone else nothing is folded.
    expect((await topicPage(other!, myTopic)).replies.every((r) => r.hiddenBecause === null)).toBe(
      true,
    );

    const listed = async (who: Member) => {
      const response = await call(who, 'GET', '/api/forum/categories/daily-life/topics');
      expect(response.statusCode, response.body).toBe(200);
      return response.json().topics as { id: string; hiddenBecause: string | null }[];
    };
    const forMe = await listed(me!);
    expect(forMe.find((x) => x.id === theirTopic)?.hiddenBecause).toBe('ignored');
    expect(forMe.find((x) => x.id === myTopic)?.hiddenBecause).toBeNull();
    expect((await listed(other!)).find((x) => x.id === theirTopic)?.hiddenBecause).toBeNull();

    // Ignore includes mute: a new reply of theirs is not told.
    const quiet = await postReply(t, ignored!, myTopic, 'More words from Yarrow.');
    expect((await toldTo(me!)).some((n) => n.link.includes(quiet))).toBe(false);
  });
});
