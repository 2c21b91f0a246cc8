import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
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
  categoryId,
  expectProblem,
  forumClient,
  postReply,
  postTopic,
  upload,
} from '../../../../tests/support/forum';
import { type LimitName, limitRules } from '../../lib/rate-limit';
import { MAX_DRAFTS_PER_PERSON } from './drafts';

/**
 * Issue 7, items 2, 3, 10 and 11: private pictures, writing on group boards,
 * limits on writing, and bookmarks of board topics.
 */

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let admin: Member;
let orgAdmin: Member;
let daily: string;
let orgId: string;

const BOARD_MEMBERS_ONLY = 'Only members of this group can write on its board.';

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  [admin, orgAdmin] = await Promise.all([
    makeMember(t, { displayName: 'Ada', role: 'professional' }),
    makeMember(t, { displayName: 'Olu', role: 'professional' }),
  ]);
  await promote(t, admin.user.id, 'admin');
  const org = await call(admin, 'POST', '/api/organisations', {
    name: 'Forum Test Charity',
    kind: 'charity',
    adminUserIds: [orgAdmin.user.id],
  });
  expect(org.statusCode, org.body).toBe(200);
  orgId = org.json().id;
  daily = await categoryId(t, admin, 'daily-life');
});
afterAll(() => t?.close());

/** New members, one per name, so no test's limits or groups touch another's. */
const people = <Names extends string[]>(...names: Names) =>
  Promise.all(names.map((displayName) => makeMember(t, { displayName }))) as Promise<{
    [K in keyof Names]: Member;
  }>;

/** A group run by the organisation admin (who is not a member of it). */
async function makeGroup(privacy: 'private' | 'public', name: string): Promise<string> {
  const response = await call(orgAdmin, 'POST', `/api/organisations/${orgId}/groups`, {
    name,
    description: 'A calm group for people after a stroke. We take our time.',
    format: 'online',
    focus: ['aphasia_friendly'],
    languages: ['en'],
    sizeCap: 20,
    joinPolicy: privacy === 'private' ? 'ask' : 'open',
    privacy,
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
    meetingLink: 'https://meet.example.org/room',
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().id;
}

/** Makes the person an active member: an open group lets them in, a private one needs a yes. */
async function joinGroup(groupId: string, who: Member) {
  const joined = await call(who, 'POST', `/api/groups/${groupId}/join`, {});
  expect(joined.statusCode, joined.body).toBe(200);
  if (joined.json().status === 'active') return;
  expect(joined.json().status).toBe('pending');
  const approved = await call(orgAdmin, 'POST', `/api/groups/${groupId}/requests/approve`, {
    userId: who.user.id,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  expect(approved.json().status).toBe('active');
}

async function leaveGroup(groupId: string, who: Member) {
  const left = await call(who, 'POST', `/api/groups/${groupId}/leave`);
  expect(left.statusCode, left.body).toBe(200);
}

async function postOnBoard(groupId: string, who: Member, body = 'Words for our group.') {
  const response = await call(who, 'POST', `/api/groups/${groupId}/board`, {
    title: 'On our board',
    body,
    idempotencyKey: randomUUID(),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().topicId as string;
}

async function picture(who: Member): Promise<string> {
  const png = await sharp({ create: { width: 6, height: 4, channels: 3, background: '#226644' } })
    .png()
    .toBuffer();
  const uploaded = await upload(t, who, png);
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  return uploaded.json().url;
}

const withPicture = (url: string) => `Look at this:\n\n![a green square](${url})`;

function expectPicture(response: LightMyRequestResponse, cacheControl: string) {
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers['content-type']).toBe('image/webp');
  expect(response.headers['cache-control']).toBe(cacheControl);
}

describe('pictures belong to their uploader until a post uses them', () => {
  it('an unused picture is only for its uploader: others get 404, as for no picture at all', async () => {
    const [ann, bob] = await people('Ann', 'Bob');
    const url = await picture(ann);
    expectPicture(await call(ann, 'GET', url), 'private, no-cache');
    expectProblem(await call(bob, 'GET', url), 404);
    expectProblem(await call(admin, 'GET', url), 404);
    expectProblem(await call(null, 'GET', url), 401);
  });

  it('a picture in a category post is seen by every member (never cached for all); not once the post is removed', async () => {
    const [ann, bob] = await people('Ann', 'Bob');
    const url = await picture(ann);
    const topicId = await postTopic(t, ann, { categoryId: daily, body: withPicture(url) });
    for (const who of [ann, bob, admin]) {
      const seen = await call(who, 'GET', url);
      expectPicture(seen, 'private, max-age=86400');
      expect(seen.headers['cache-control']).not.toMatch(/public|immutable/);
    }
    // The forum is for members: signed out, nobody sees a topic, nor its pictures.
    expectProblem(await call(null, 'GET', url), 401);
    expect((await call(ann, 'DELETE', `/api/forum/posts/topic/${topicId}`)).statusCode).toBe(200);
    expectProblem(await call(bob, 'GET', url), 404);
    // Still the uploader's own.
    expectPicture(await call(ann, 'GET', url), 'private, no-cache');
  });

  it("a picture in a reply follows the reply: removing the reply takes it from others' view", async () => {
    const [ann, bob] = await people('Ann', 'Bob');
    const topicId = await postTopic(t, bob, { categoryId: daily });
    const url = await picture(ann);
    const replyId = await postReply(t, ann, topicId, withPicture(url));
    expectPicture(await call(bob, 'GET', url), 'private, max-age=86400');
    expect((await call(ann, 'DELETE', `/api/forum/posts/reply/${replyId}`)).statusCode).toBe(200);
    expectProblem(await call(bob, 'GET', url), 404);
  });

  it("a member cannot show someone else's picture, not even one already in a public post", async () => {
    const [ann, bob] = await people('Ann', 'Bob');
    const annsUnused = await picture(ann);
    const annsShown = await picture(ann);
    const annsTopic = await postTopic(t, ann, { categoryId: daily, body: withPicture(annsShown) });
    const bobsTopic = await postTopic(t, bob, { categoryId: daily });
    const refused =
      'You can only show pictures you added yourself. Please add the picture with the Add a picture button.';
    for (const url of [annsUnused, annsShown]) {
      const topic = await call(bob, 'POST', '/api/forum/topics', {
        categoryId: daily,
        title: 'Not my picture',
        body: withPicture(url),
        idempotencyKey: randomUUID(),
      });
      expect(expectProblem(topic, 422).errors?.body).toBe(refused);
      const reply = await call(bob, 'POST', `/api/forum/topics/${annsTopic}/replies`, {
        body: withPicture(url),
        idempotencyKey: randomUUID(),
      });
      expect(expectProblem(reply, 422).errors?.body).toBe(refused);
      const edit = await call(bob, 'PATCH', `/api/forum/topics/${bobsTopic}`, {
        body: withPicture(url),
      });
      expect(expectProblem(edit, 422).errors?.body).toBe(refused);
    }
    // Embedding the unused one did not make it visible to Bob.
    expectProblem(await call(bob, 'GET', annsUnused), 404);
    // Ann may edit her post and keep her picture, or show it again elsewhere.
    const kept = await call(ann, 'PATCH', `/api/forum/topics/${annsTopic}`, {
      body: `${withPicture(annsShown)}\n\nNow with more words.`,
    });
    expect(kept.statusCode, kept.body).toBe(200);
    await postReply(t, ann, bobsTopic, withPicture(annsShown));
  });

  it('an edit that takes the picture out makes it the uploader’s alone again', async () => {
    const [ann, bob] = await people('Ann', 'Bob');
    const url = await picture(ann);
    const topicId = await postTopic(t, ann, { categoryId: daily, body: withPicture(url) });
    expectPicture(await call(bob, 'GET', url), 'private, max-age=86400');
    const edited = await call(ann, 'PATCH', `/api/forum/topics/${topicId}`, {
      body: 'No picture now.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expectProblem(await call(bob, 'GET', url), 404);
  });

  it('a picture on a private board: members see it, outsiders do not, and a member who leaves loses it', async () => {
    const [poster, reader, outsider] = await people('Poster', 'Reader', 'Outsider');
    const groupId = await makeGroup('private', 'Private Picture Group');
    await joinGroup(groupId, poster);
    await joinGroup(groupId, reader);
    const url = await picture(poster);
    await postOnBoard(groupId, poster, withPicture(url));

    const seen = await call(reader, 'GET', url);
    expectPicture(seen, 'private, no-cache');
    const etag = String(seen.headers.etag);
    // Asked again with the tag it has: 304, after the same check.
    const again = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: reader.cookie, 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expectProblem(await call(outsider, 'GET', url), 404);
    expectProblem(await call(admin, 'GET', url), 404);

    await leaveGroup(groupId, reader);
    expectProblem(await call(reader, 'GET', url), 404);
    const cached = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: reader.cookie, 'if-none-match': etag, origin: ORIGIN },
    });
    expectProblem(cached, 404);
    // The uploader still has their own picture.
    expectPicture(await call(poster, 'GET', url), 'private, no-cache');
  });
});

describe('writing on a group board is for its members', () => {
  it('a non-member may read a public group board but not reply, react or mark helpful (403); a member may', async () => {
    const [member, other, outsider] = await people('Member', 'Other', 'Outsider');
    const groupId = await makeGroup('public', 'Public Board Group');
    await joinGroup(groupId, member);
    await joinGroup(groupId, other);
    const topicId = await postOnBoard(groupId, member);

    const read = await call(outsider, 'GET', `/api/forum/topics/${topicId}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().topic.canReply).toBe(false);
    const refused = await call(outsider, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: 'I am not in this group.',
      idempotencyKey: randomUUID(),
    });
    expect(expectProblem(refused, 403).title).toBe(BOARD_MEMBERS_ONLY);
    expect(
      expectProblem(
        await call(outsider, 'PUT', `/api/forum/posts/topic/${topicId}/reactions/me_too`),
        403,
      ).title,
    ).toBe(BOARD_MEMBERS_ONLY);
    expect(
      expectProblem(await call(outsider, 'PUT', `/api/forum/posts/topic/${topicId}/helpful`), 403)
        .title,
    ).toBe(BOARD_MEMBERS_ONLY);
    // Nothing was written.
    const after = (await call(member, 'GET', `/api/forum/topics/${topicId}`)).json();
    expect(after.replies).toEqual([]);
    expect(after.topic.post.reactions.me_too).toBe(0);
    expect(after.topic.post.helpfulCount).toBe(0);

    expect((await call(other, 'GET', `/api/forum/topics/${topicId}`)).json().topic.canReply).toBe(
      true,
    );
    const replied = await call(other, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: 'I am in this group.',
      idempotencyKey: randomUUID(),
    });
    expect(replied.statusCode, replied.body).toBe(201);
    expect(
      (await call(other, 'PUT', `/api/forum/posts/topic/${topicId}/reactions/me_too`)).statusCode,
    ).toBe(200);
  });

  it('those who run a group but are not in it read its board and do not write on it', async () => {
    const [member] = await people('Member');
    const groupId = await makeGroup('private', 'Private Run Group');
    await joinGroup(groupId, member);
    const topicId = await postOnBoard(groupId, member);
    expect((await call(orgAdmin, 'GET', `/api/forum/topics/${topicId}`)).statusCode).toBe(200);
    const refused = await call(orgAdmin, 'POST', `/api/forum/topics/${topicId}/replies`, {
      body: 'I run the group.',
      idempotencyKey: randomUUID(),
    });
    expect(expectProblem(refused, 403).title).toBe(BOARD_MEMBERS_ONLY);
  });

  it('after leaving a public group, a member still reads, may remove their words, and may not edit them', async () => {
    const [member, leaver] = await people('Member', 'Leaver');
    const groupId = await makeGroup('public', 'Public Leaving Group');
    await joinGroup(groupId, member);
    await joinGroup(groupId, leaver);
    const topicId = await postOnBoard(groupId, member);
    const replyId = await postReply(t, leaver, topicId, 'Before I left.');
    await leaveGroup(groupId, leaver);

    const page = (await call(leaver, 'GET', `/api/forum/topics/${topicId}`)).json();
    expect(page.replies[0]).toMatchObject({ id: replyId, canEdit: false, canDelete: true });
    expectProblem(
      await call(leaver, 'PATCH', `/api/forum/replies/${replyId}`, { body: 'Changed after.' }),
      403,
    );
    expect((await call(leaver, 'DELETE', `/api/forum/posts/reply/${replyId}`)).statusCode).toBe(
      200,
    );
  });
});

describe('limits on writing', () => {
  /** Uses up all but `left` of a person's points on a rule, through the app's own limiter. */
  async function spendAllBut(who: Member, name: LimitName, left: number) {
    for (let i = 0; i < limitRules[name].points - left; i++) {
      await t.app.ctx.limits.consume(name, who.user.id);
    }
  }

  function expectTooFast(response: LightMyRequestResponse) {
    const problem = expectProblem(response, 429);
    expect(problem.title).toMatch(
      /^You have written a lot in a short time\. Please wait \d+ minutes and try again\. Your words are kept\.$/,
    );
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  }

  it('topics: 10 an hour; the 11th is a plain 429 and its draft is kept', async () => {
    const [writer, neighbour] = await people('Writer', 'Neighbour');
    expect(limitRules.forumTopicPerUser.points).toBe(10);
    for (let i = 0; i < 10; i++) await postTopic(t, writer, { categoryId: daily });
    const draftKey = `topic-${daily}`;
    await call(writer, 'PUT', `/api/forum/drafts/${draftKey}`, {
      title: 'My eleventh',
      body: 'Words I do not want to lose.',
    });
    const refused = await call(writer, 'POST', '/api/forum/topics', {
      categoryId: daily,
      title: 'My eleventh',
      body: 'Words I do not want to lose.',
      idempotencyKey: randomUUID(),
    });
    expectTooFast(refused);
    const draft = await call(writer, 'GET', `/api/forum/drafts/${draftKey}`);
    expect(draft.json().draft).toMatchObject({ body: 'Words I do not want to lose.' });
    // The limit is one person's: someone else still posts.
    await postTopic(t, neighbour, { categoryId: daily });
  });

  it('replies: the one past the limit is refused and its draft is kept', async () => {
    const [writer] = await people('Writer');
    const topicId = await postTopic(t, admin, { categoryId: daily });
    await spendAllBut(writer, 'forumReplyPerUser', 1);
    await postReply(t, writer, topicId, 'The last one this hour.');
    const draftKey = `reply-${topicId}`;
    await call(writer, 'PUT', `/api/forum/drafts/${draftKey}`, { title: '', body: 'One more.' });
    expectTooFast(
      await call(writer, 'POST', `/api/forum/topics/${topicId}/replies`, {
        body: 'One more.',
        idempotencyKey: randomUUID(),
      }),
    );
    expect((await call(writer, 'GET', `/api/forum/drafts/${draftKey}`)).json().draft.body).toBe(
      'One more.',
    );
    const page = (await call(writer, 'GET', `/api/forum/topics/${topicId}`)).json();
    expect(page.replies).toHaveLength(1);
  });

  it('uploads, edits, reactions and "this helped me" have their own limits', async () => {
    const [writer, other] = await people('Writer', 'Other');
    const topicId = await postTopic(t, writer, { categoryId: daily });
    const othersTopic = await postTopic(t, other, { categoryId: daily });

    await spendAllBut(writer, 'forumUploadPerUser', 1);
    await picture(writer);
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expectTooFast(await upload(t, writer, png));

    await spendAllBut(writer, 'forumEditPerUser', 1);
    const edit = (title: string) =>
      call(writer, 'PATCH', `/api/forum/topics/${topicId}`, { title });
    expect((await edit('A first change')).statusCode).toBe(200);
    expectTooFast(await edit('A second change'));
    expect((await call(other, 'GET', `/api/forum/topics/${topicId}`)).json().topic.title).toBe(
      'A first change',
    );

    await spendAllBut(writer, 'forumReactionPerUser', 1);
    expect(
      (await call(writer, 'PUT', `/api/forum/posts/topic/${othersTopic}/reactions/me_too`))
        .statusCode,
    ).toBe(200);
    expectTooFast(await call(writer, 'PUT', `/api/forum/posts/topic/${othersTopic}/helpful`));
    expect(
      (await call(other, 'GET', `/api/forum/topics/${othersTopic}`)).json().topic.post.helpfulCount,
    ).toBe(0);
  });

  it('draft saves: the one past the limit is refused with words', async () => {
    const [writer] = await people('Writer');
    await spendAllBut(writer, 'forumDraftSavePerUser', 1);
    const key = `reply-${randomUUID()}`;
    const save = () => call(writer, 'PUT', `/api/forum/drafts/${key}`, { title: '', body: 'Hi' });
    expect((await save()).statusCode).toBe(200);
    expectTooFast(await save());
  });

  it(`a person keeps at most ${MAX_DRAFTS_PER_PERSON} drafts: a new one past that is refused, an old one still saves`, async () => {
    const [writer] = await people('Writer');
    const keys = Array.from({ length: MAX_DRAFTS_PER_PERSON }, () => `reply-${randomUUID()}`);
    for (const key of keys) {
      const saved = await call(writer, 'PUT', `/api/forum/drafts/${key}`, {
        title: '',
        body: `Draft for ${key}`,
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const extra = `reply-${randomUUID()}`;
    const refused = await call(writer, 'PUT', `/api/forum/drafts/${extra}`, {
      title: '',
      body: 'One too many.',
    });
    expect(expectProblem(refused, 409).title).toBe(
      `You have ${MAX_DRAFTS_PER_PERSON} unfinished posts saved. Please post or throw away one of them first. What you typed here stays on this device.`,
    );
    expect((await call(writer, 'GET', `/api/forum/drafts/${extra}`)).json().draft).toBeNull();
    // Changing a draft I have always works, and nothing older was thrown away.
    const updated = await call(writer, 'PUT', `/api/forum/drafts/${keys[0]}`, {
      title: '',
      body: 'Changed words.',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await call(writer, 'GET', `/api/forum/drafts/${keys[1]}`)).json().draft.body).toBe(
      `Draft for ${keys[1]}`,
    );
    // Once one is gone, there is room again.
    expect((await call(writer, 'DELETE', `/api/forum/drafts/${keys[2]}`)).statusCode).toBe(200);
    expect(
      (await call(writer, 'PUT', `/api/forum/drafts/${extra}`, { title: '', body: 'Room now.' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('bookmarks of topics on group boards', () => {
  it('show with their group while I may see the board, and are left out after I leave', async () => {
    const [member, poster] = await people('Member', 'Poster');
    const groupId = await makeGroup('private', 'Bookmark Board Group');
    await joinGroup(groupId, member);
    await joinGroup(groupId, poster);
    const boardTopic = await postOnBoard(groupId, poster);
    const categoryTopic = await postTopic(t, poster, { categoryId: daily });
    for (const topicId of [categoryTopic, boardTopic]) {
      expect((await call(member, 'PUT', `/api/forum/topics/${topicId}/bookmark`)).statusCode).toBe(
        200,
      );
    }
    const listed = await call(member, 'GET', '/api/forum/bookmarks');
    expect(listed.statusCode, listed.body).toBe(200);
    const topics = listed.json().topics as {
      id: string;
      categoryId: string | null;
      group: { id: string; name: string } | null;
    }[];
    expect(topics.map((topic) => topic.id)).toEqual([boardTopic, categoryTopic]);
    expect(topics[0]).toMatchObject({
      categoryId: null,
      group: { id: groupId, name: 'Bookmark Board Group' },
    });
    expect(topics[1]).toMatchObject({ categoryId: daily, group: null });

    await leaveGroup(groupId, member);
    const after = await call(member, 'GET', '/api/forum/bookmarks');
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().topics.map((topic: { id: string }) => topic.id)).toEqual([categoryTopic]);
    // Joining again brings it back.
    await joinGroup(groupId, member);
    expect(
      (await call(member, 'GET', '/api/forum/bookmarks'))
        .json()
        .topics.map((topic: { id: string }) => topic.id),
    ).toEqual([boardTopic, categoryTopic]);
  });
});
