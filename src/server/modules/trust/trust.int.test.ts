import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import { categoryId, forumClient, postReply, postTopic } from '../../../../tests/support/forum';
import type { QueuePage } from '../../../contract/moderation';
import type { TrustStanding } from '../../../contract/trust';

const DAY = 24 * 60 * 60 * 1000;

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let regular: Member;
let moderator: Member;
let admin: Member;
let daily: string;

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'error' });
  call = forumClient(t);
  [regular, moderator, admin] = await Promise.all([
    makeMember(t, { displayName: 'Rhian Long', trust: 'member' }),
    makeMember(t, { displayName: 'Mona Reed' }),
    makeMember(t, { displayName: 'Ada Stone' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  await promote(t, admin.user.id, 'admin');
  daily = await categoryId(t, regular, 'daily-life');
});
afterAll(() => t?.close());

const newcomer = (name: string) => makeMember(t, { displayName: name, trust: 'new' });
const topic = (who: Member, body: string) =>
  call(who, 'POST', '/api/forum/topics', {
    categoryId: daily,
    title: 'Hello from me',
    body,
    idempotencyKey: randomUUID(),
  });
const reply = (who: Member, topicId: string, body: string) =>
  call(who, 'POST', `/api/forum/topics/${topicId}/replies`, { body, idempotencyKey: randomUUID() });
const seenBy = async (who: Member, topicId: string) =>
  (
    await call(who, 'GET', `/api/forum/topics/${topicId}`).then((r) => {
      if (r.statusCode === 500) console.log('BODY', r.body);
      return r;
    })
  ).statusCode;
const standing = async (who: Member) =>
  (
    await call(moderator, 'GET', `/api/moderation/people/${who.user.id}/trust`)
  ).json() as TrustStanding;
const setting = (key: string, value: unknown) =>
  call(admin, 'PUT', `/api/admin/settings/${key}`, { value });

/** A moderator lets a held post through: claims its review case and finds nothing wrong. */
async function letThrough(subjectId: string) {
  const items = ((await call(moderator, 'GET', '/api/moderation/queue')).json() as QueuePage).items;
  const found = items.find((c) => c.subject.id === subjectId && c.reason === 'review');
  expect(found, 'a review case for the post').toBeDefined();
  expect(
    (await call(moderator, 'POST', `/api/moderation/cases/${found!.id}/claim`)).statusCode,
  ).toBe(200);
  const acted = await call(moderator, 'POST', `/api/moderation/cases/${found!.id}/actions`, {
    action: 'dismiss',
    reason: 'nothing_wrong',
  });
  expect(acted.statusCode, acted.body).toBe(200);
}

describe('new members', () => {
  it('cannot post links or pictures yet, and hear why in plain words; their words are kept', async () => {
    const nia = await newcomer('Nia Fresh');
    const link = await topic(nia, 'Look at this https://example.com/cheap-pills for a great offer');
    expect(link.statusCode, link.body).toBe(422);
    expect(link.json().errors.body).toMatch(/New members cannot add links yet/);
    expect(link.json().errors.body).toMatch(/Your words are kept/);
    const picture = await topic(
      nia,
      `My garden ![a garden with roses](/api/forum/images/${randomUUID()})`,
    );
    expect(picture.statusCode, picture.body).toBe(422);
    expect(picture.json().errors.body).toMatch(/New members cannot add pictures yet/);
    // A mention is not a link, and a link to our own pages is fine.
    const mention = await topic(
      nia,
      `Thank you [@Rhian Long](/members/${regular.user.id}) for the help page at /help`,
    );
    expect(mention.statusCode, mention.body).toBe(201);
    // Someone at the level the setting asks for may link.
    expect((await topic(regular, 'A useful page: https://www.stroke.org.uk')).statusCode).toBe(201);
  });

  it('have their first posts read by a moderator first; after two are let through, no longer', async () => {
    const sam = await newcomer('Sam Early');
    const first = await topic(sam, 'Hello, I had my stroke in March and I am new here.');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ held: true, review: true });
    const firstId = first.json().id as string;
    expect(await seenBy(regular, firstId)).toBe(404);
    expect(await seenBy(sam, firstId)).toBe(200);

    const open = await postTopic(t, regular, { categoryId: daily, title: 'Tea and biscuits' });
    const second = await reply(sam, open, 'I like ginger biscuits best.');
    expect(second.json()).toMatchObject({ held: true, review: true });
    const replies = async (who: Member) =>
      (
        (await call(who, 'GET', `/api/forum/topics/${open}`)).json().replies as { id: string }[]
      ).map((r) => r.id);
    expect(await replies(regular)).not.toContain(second.json().id);

    await letThrough(firstId);
    expect(await seenBy(regular, firstId)).toBe(200);
    // One let through of two: the next still waits.
    const third = await reply(sam, open, 'And shortbread on Sundays.');
    expect(third.json()).toMatchObject({ held: true, review: true });
    await letThrough(second.json().id);
    expect(await replies(regular)).toContain(second.json().id);
    const fourth = await reply(sam, open, 'Now I know my way around.');
    expect(fourth.json()).toMatchObject({ held: false, review: false });
    expect(await replies(regular)).toContain(fourth.json().id);
  });

  it('are never held when the setting asks for no first-post review', async () => {
    expect((await setting('trust.reviewFirstPosts', 0)).statusCode).toBe(200);
    try {
      const lee = await newcomer('Lee Swift');
      const sent = await topic(lee, 'Hello everyone, glad to be here.');
      expect(sent.json()).toMatchObject({ held: false, review: false });
    } finally {
      await setting('trust.reviewFirstPosts', 2);
    }
  });
});

describe('the recount', () => {
  it('raises a level from days and reading, not from a burst, and counts a page once', async () => {
    const threshold = {
      days: 1,
      topicsEntered: 2,
      postsRead: 6,
      readingMinutes: 3,
      upheldReportsAtMost: 0,
    };
    expect((await setting('trust.toBasic', threshold)).statusCode).toBe(200);
    try {
      const kim = await newcomer('Kim Reader');
      const topics = [
        await postTopic(t, regular, { categoryId: daily, title: 'Reading one' }),
        await postTopic(t, regular, { categoryId: daily, title: 'Reading two' }),
      ];
      for (const id of topics) for (let i = 0; i < 3; i += 1) await postReply(t, regular, id);
      // A burst: the same page again and again, all within a second, earns no time and no posts.
      for (let i = 0; i < 5; i += 1) await seenBy(kim, topics[0]!);
      let now = await standing(kim);
      expect(now.measures).toMatchObject({ topicsEntered: 1, postsRead: 4, readingMinutes: 0 });
      // Reading over a few minutes: each page counts up to two minutes.
      t.advanceClock(90_000);
      await seenBy(kim, topics[1]!);
      t.advanceClock(90_000);
      await seenBy(kim, topics[0]!);
      t.advanceClock(90_000);
      await seenBy(kim, topics[1]!);
      now = await standing(kim);
      expect(now.measures).toMatchObject({ topicsEntered: 2, postsRead: 8, readingMinutes: 4 });
      expect(now).toMatchObject({ level: 'new', earned: 'new' });
      expect(now.next).toEqual({ level: 'basic', needs: ['Be here for 1 day.'] });

      await t.app.ctx.trust.recount();
      expect((await standing(kim)).level).toBe('new');
      t.advanceClock(DAY);
      await t.app.ctx.trust.recount();
      expect((await standing(kim)).level).toBe('basic');
      // Links are open to them now.
      expect((await topic(kim, 'This helped me: https://www.stroke.org.uk')).statusCode).toBe(201);
    } finally {
      await setting('trust.toBasic', {
        days: 2,
        topicsEntered: 5,
        postsRead: 30,
        readingMinutes: 10,
        upheldReportsAtMost: 3,
      });
    }
  });

  it('does not take a level back when reading slows', async () => {
    const before = (await standing(regular)).level;
    await t.app.ctx.trust.recount();
    expect((await standing(regular)).level).toBe(before);
  });
});

describe('a moderator', () => {
  it('sets a level by hand and locks it; the recount keeps it; the audit log shows it', async () => {
    const ola = await newcomer('Ola Trusted');
    const set = await call(moderator, 'PUT', `/api/moderation/people/${ola.user.id}/trust`, {
      level: 'regular',
      locked: true,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      level: 'regular',
      locked: true,
      lockedBy: { id: moderator.user.id, displayName: 'Mona Reed' },
      earned: 'new',
    });
    await t.app.ctx.trust.recount();
    expect((await standing(ola)).level).toBe('regular');
    // They are no longer held back.
    expect((await topic(ola, 'A page I like: https://www.nhs.uk')).json()).toMatchObject({
      held: false,
    });

    const log = await call(admin, 'GET', `/api/admin/audit?subjectId=${ola.user.id}`);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items[0]).toMatchObject({
      action: 'trust.set',
      actor: { id: moderator.user.id },
      detail: { from: 'new', to: 'regular', locked: true },
    });

    // Unlocked, a level is kept too (levels are earned and not taken back by the recount).
    const unlocked = await call(moderator, 'PUT', `/api/moderation/people/${ola.user.id}/trust`, {
      level: 'new',
      locked: false,
    });
    expect(unlocked.json()).toMatchObject({ level: 'new', locked: false, lockedBy: null });
  });

  it('cannot set their own level; members cannot set or see any; an unknown person is a 404', async () => {
    const own = await call(moderator, 'PUT', `/api/moderation/people/${moderator.user.id}/trust`, {
      level: 'leader',
      locked: true,
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().title).toMatch(/another moderator/);
    expect(
      (await call(regular, 'GET', `/api/moderation/people/${regular.user.id}/trust`)).statusCode,
    ).toBe(403);
    expect(
      (
        await call(regular, 'PUT', `/api/moderation/people/${regular.user.id}/trust`, {
          level: 'leader',
          locked: true,
        })
      ).statusCode,
    ).toBe(403);
    const unknown = await call(moderator, 'GET', `/api/moderation/people/${randomUUID()}/trust`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().title).toBe('We cannot find this person.');
    const bad = await call(moderator, 'PUT', `/api/moderation/people/${regular.user.id}/trust`, {
      level: 'superhero',
      locked: 'yes',
    });
    expect(bad.statusCode).toBe(422);
  });
});
