import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  giveTrust,
  type Member,
  ORIGIN,
  randomIp,
  requestSignUp,
  startTestApp,
  type TestApp,
  tokenFromMail,
  uniqueEmail,
  verifyEmailLink,
} from '../../../../tests/support/app';
import {
  categoryId,
  expectProblem,
  forgetWriteLimits,
  forumClient,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';
import {
  type ReceivedMail,
  startSmtpServer,
  type TestSmtpServer,
} from '../../../../tests/support/mail';
import { startTcpProxy, type TcpProxy } from '../../../../tests/support/tcp-proxy';
import { queryRows } from '../../db';
import { t as translate } from '../../lib/i18n';
import { limitRules } from '../../lib/rate-limit';
import { NOTIFICATION_EMAIL } from './jobs';
import { notifications } from './tables';
import { unsubscribeToken } from './unsubscribe-token';

// Issue 10, "Done when": notification email through a real SMTP server. The mail server
// sits behind a TCP proxy, so one test can take it away and bring it back.

let smtp: TestSmtpServer;
let proxy: TcpProxy;
let t: TestApp;
let call: ReturnType<typeof forumClient>;
let daily: string;
/** How far the tests moved the app's clock on (one clock for the whole file). */
let offset = 0;

const HOUR = 60 * 60 * 1000;
const welcomeSubject = () => translate('mail.welcome.subject');

beforeAll(async () => {
  smtp = await startSmtpServer();
  proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(smtp.url).port) });
  t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${proxy.port}` });
  call = forumClient(t);
});
afterAll(async () => {
  await t?.close();
  await proxy?.close();
  await smtp?.close();
});

/** The app's clock. */
const appNow = () => new Date(Date.now() + offset);
function advanceClock(ms: number) {
  offset += ms;
  t.advanceClock(ms);
}

/** Signs a member up and in through the mail they are sent (there is no dev outbox here). */
async function member(displayName: string): Promise<Member> {
  const email = uniqueEmail('notified');
  const ip = randomIp();
  const signUp = await requestSignUp(t.app, { email, displayName }, ip);
  expect(signUp.statusCode, signUp.body).toBe(202);
  const welcome = await smtp.mailTo(email);
  const verify = await verifyEmailLink(t.app, tokenFromMail(welcome.text), ip);
  expect(verify.statusCode, verify.body).toBe(200);
  const joined = { user: verify.json().user, cookie: cookieFrom(verify)!, email, ip };
  await giveTrust(t.app, joined.user.id);
  daily ||= await categoryId(t, joined, 'daily-life');
  return joined;
}

/** The notification mails this member was sent: everything but the welcome. */
function mailsTo(who: Member): ReceivedMail[] {
  return smtp.received.filter(
    (m) => m.to.includes(who.email.toLowerCase()) && m.subject !== welcomeSubject(),
  );
}

/** What the sweep timer and the workers would do: hand over what is due, and send it. */
async function deliverDue() {
  await t.app.ctx.notifications.sweepDue();
  await t.app.ctx.jobs.drain();
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number, what: string) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function emailStates(who: Member) {
  return t.app.ctx.database.db
    .select({
      id: notifications.id,
      state: notifications.emailState,
      dueAt: notifications.emailDueAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, who.user.id))
    .orderBy(notifications.createdAt);
}

function settings(who: Member, payload: Record<string, unknown>) {
  return call(who, 'PATCH', '/api/notifications/settings', payload);
}

async function replyTo(author: Member, replier: Member, title: string, body?: string) {
  const topicId = await postTopic(t, author, { categoryId: daily, title });
  const replyId = await postReply(t, replier, topicId, body);
  return { topicId, replyId };
}

/** A zone with no daylight saving where it is now between 10:00 and 11:00. */
function zoneAtTenNow(now: Date): string {
  let ahead = 10 - now.getUTCHours();
  if (ahead < -12) ahead += 24;
  if (ahead > 14) ahead -= 24;
  // Etc/GMT names count the other way round: Etc/GMT-3 is three hours ahead of UTC.
  return ahead === 0 ? 'UTC' : `Etc/GMT${ahead > 0 ? '-' : '+'}${Math.abs(ahead)}`;
}

function wallClock(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

const clock = (minute: number) => {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

describe('one email per event', () => {
  it('a reply to my topic sends exactly one plain email, with a one-click way out', async () => {
    const author = await member('Asha Patel');
    const replier = await member('Ben Okafor');
    const title = 'Buttons with one hand';
    const words = 'Velcro rescued my mornings, honestly marvellous';
    const { topicId, replyId } = await replyTo(author, replier, title, words);

    // However often the queue and the sweep run, one event is one mail.
    await deliverDue();
    await deliverDue();
    const mails = mailsTo(author);
    expect(mails).toHaveLength(1);
    const [mail] = mails as [ReceivedMail];

    const what = translate('notifications.text.replyToTopic', { name: 'Ben Okafor', title });
    expect(mail.subject).toBe(translate('notifications.email.subject', { what }));
    expect(mail.subject).not.toMatch(/[<>{}]|https?:/);
    expect(mail.text).toContain('Hello Asha Patel,');

    // The one clear link leads to the reply itself.
    const link = `${ORIGIN}/forum/t/${topicId}#post-${replyId}`;
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);

    // RFC 8058: a mail program may offer "unsubscribe" that posts to this address.
    const listUnsubscribe = mail.headers['list-unsubscribe'] ?? '';
    expect(listUnsubscribe).toMatch(new RegExp(`^<${ORIGIN}/api/unsubscribe/[\\w.-]+>`));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // The same way out is in the words, as a page that asks first.
    const token = /\/api\/unsubscribe\/([\w.-]+)>/.exec(listUnsubscribe)![1]!;
    expect(mail.text).toContain(`${ORIGIN}/unsubscribe/${token}`);

    // What someone wrote stays on the site: not one of its words is in the mail.
    for (const word of words.toLowerCase().match(/[a-z]{4,}/g)!) {
      for (const part of [mail.subject, mail.text, mail.html]) {
        expect(part.toLowerCase()).not.toContain(word);
      }
    }

    expect((await emailStates(author)).map((n) => n.state)).toEqual(['sent']);
  });
});

describe('digests', () => {
  it('ten events within a day become one digest when it falls due', async () => {
    const person = await member('Dana Reyes');
    const repliers = [await member('Eve Long'), await member('Finn Hart')];
    // Ten events, an hour apart, all before the next morning in the person's zone.
    const timeZone = zoneAtTenNow(appNow());
    const chosen = await settings(person, { emailMode: 'daily', timeZone });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const tomorrow = wallClock(new Date(appNow().getTime() + 24 * HOUR), timeZone).date;
    // Ten topics is the hourly limit for starting them; this test is not about limits.
    await forgetWriteLimits(t, [person]);
    for (let i = 0; i < 10; i++) {
      await replyTo(person, repliers[i % 2]!, `Morning question ${i + 1}`);
      await deliverDue();
      advanceClock(HOUR);
    }
    expect(mailsTo(person)).toHaveLength(0);

    const waiting = await emailStates(person);
    expect(waiting.map((n) => n.state)).toEqual(Array(10).fill('waiting'));
    const dueAt = waiting[0]!.dueAt!;
    expect(waiting.every((n) => n.dueAt?.getTime() === dueAt.getTime())).toBe(true);
    // 09:00 the next morning where the person lives.
    expect(wallClock(dueAt, timeZone)).toEqual({ date: tomorrow, time: '09:00' });
    expect(dueAt.getTime() - appNow().getTime()).toBeGreaterThan(0);
    expect(dueAt.getTime() - appNow().getTime()).toBeLessThan(24 * HOUR);

    // A minute early, nothing; a minute late, one mail with all ten.
    advanceClock(dueAt.getTime() - appNow().getTime() - 60_000);
    await deliverDue();
    expect(mailsTo(person)).toHaveLength(0);
    advanceClock(2 * 60_000);
    await deliverDue();
    await deliverDue();
    const mails = mailsTo(person);
    expect(mails).toHaveLength(1);
    const [digest] = mails as [ReceivedMail];
    expect(digest.subject).toBe(translate('notifications.digest.subject', { count: 10 }));
    for (let i = 0; i < 10; i++) expect(digest.text).toContain(`Morning question ${i + 1}”`);
    expect(digest.text).toContain(`${ORIGIN}/notifications`);
    expect(digest.headers['list-unsubscribe']).toMatch(/\/api\/unsubscribe\/[\w-]+\.all\./);
    expect(digest.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect((await emailStates(person)).map((n) => n.state)).toEqual(Array(10).fill('sent'));
  });
});

describe('quiet hours', () => {
  it('an event during quiet hours is not mailed then, and is when they end', async () => {
    const person = await member('Gita Rao');
    const replier = await member('Hal Price');
    // Quiet from half an hour ago until an hour from now, on the app's clock.
    const now = appNow();
    const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
    const chosen = await settings(person, {
      timeZone: 'UTC',
      quietHours: { from: clock(minute - 30), until: clock(minute + 60) },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);

    await replyTo(person, replier, 'Sleeping after therapy');
    await deliverDue();
    expect(mailsTo(person)).toHaveLength(0);
    const [held] = await emailStates(person);
    expect(held?.state).toBe('waiting');
    expect(wallClock(held!.dueAt!, 'UTC').time).toBe(clock(minute + 60));

    // Still quiet half an hour on.
    advanceClock(30 * 60_000);
    await deliverDue();
    expect(mailsTo(person)).toHaveLength(0);

    // Once they end, the mail goes, once.
    advanceClock(31 * 60_000);
    await deliverDue();
    await deliverDue();
    const mails = mailsTo(person);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Sleeping after therapy');
    expect((await emailStates(person)).map((n) => n.state)).toEqual(['sent']);
  });
});

describe('unsubscribing from the mail', () => {
  const oneClick = (path: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: path,
      remoteAddress: randomIp(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://mail.example.net',
        ...headers,
      },
      payload: 'List-Unsubscribe=One-Click',
    });
  const look = (path: string) => t.app.inject({ url: path, remoteAddress: randomIp() });
  const pathOf = (mail: ReceivedMail) =>
    new URL(/<([^>]+)>/.exec(mail.headers['list-unsubscribe'] ?? '')![1]!).pathname;

  it('works without a session, from another site, and stops that email', async () => {
    const person = await member('Ivy Chen');
    const replier = await member('Jon Muir');
    await replyTo(person, replier, 'Walking sticks');
    await deliverDue();
    const [mail] = mailsTo(person);
    const path = pathOf(mail!);

    const info = await look(path);
    expect(info.statusCode, info.body).toBe(200);
    const what = translate('notifications.unsubscribe.kind', {
      kind: translate('notifications.kinds.reply'),
    });
    expect(info.json()).toEqual({ what, done: false });

    // A mail program's one-click post: a form body, another site's origin, no cookie.
    const done = await oneClick(path);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ what, done: true });
    expect((await look(path)).json()).toEqual({ what, done: true });

    const mine = await call(person, 'GET', '/api/notifications/settings');
    expect(mine.json().kinds.reply.email).toBe(false);
    // Only that kind: the rest stay as they were.
    expect(mine.json().kinds.reply.inApp).toBe(true);
    expect(mine.json().kinds.join_decision.email).toBe(true);

    // The next reply is in the app, not in the mail.
    await replyTo(person, replier, 'Walking frames');
    await deliverDue();
    await deliverDue();
    expect(mailsTo(person)).toHaveLength(1);
    expect((await emailStates(person)).map((n) => n.state)).toEqual(['sent', 'none']);

    // Posting it again changes nothing and is still fine.
    expect((await oneClick(path)).statusCode).toBe(200);
  });

  it('a link changed by one character is a 404 problem, and changes nothing', async () => {
    const person = await member('Kim Lowe');
    const replier = await member('Lea Stone');
    await replyTo(person, replier, 'Shoes that stay on');
    await deliverDue();
    const path = pathOf(mailsTo(person)[0]!);
    const token = path.split('/').at(-1)!;
    const flip = (c: string) => (c === 'a' ? 'b' : 'a');
    // One character changed: in the person's id, in what it stops, or in the signature.
    const changed = [0, token.indexOf('.') + 1, token.length - 1].map(
      (i) => `/api/unsubscribe/${token.slice(0, i)}${flip(token[i]!)}${token.slice(i + 1)}`,
    );
    for (const bad of changed) {
      expectProblem(await look(bad), 404);
      expectProblem(await oneClick(bad), 404);
    }
    expect(
      (await call(person, 'GET', '/api/notifications/settings')).json().kinds.reply.email,
    ).toBe(true);
  });

  it("one person's link cannot unsubscribe another", async () => {
    const owner = await member('Mo Adams');
    const other = await member('Nia Brooks');
    const replier = await member('Oli Grant');
    await replyTo(owner, replier, 'Cutting food');
    await deliverDue();
    const path = pathOf(mailsTo(owner)[0]!);
    const [, scope, mac] = path.split('/').at(-1)!.split('.');

    // The owner's signature with the other person's id is not a link we made.
    const forged = `/api/unsubscribe/${other.user.id}.${scope}.${mac}`;
    expectProblem(await look(forged), 404);
    expectProblem(await oneClick(forged), 404);

    // Posted while signed in as the other person, the link still stops only the owner's mail:
    // no session is read.
    expect((await oneClick(path, { cookie: other.cookie })).statusCode).toBe(200);
    const kindsOf = async (who: Member) =>
      (await call(who, 'GET', '/api/notifications/settings')).json().kinds;
    expect((await kindsOf(owner)).reply.email).toBe(false);
    expect((await kindsOf(other)).reply.email).toBe(true);

    await replyTo(other, replier, 'Opening jars');
    await deliverDue();
    expect(mailsTo(other)).toHaveLength(1);
  });
  it('a mail provider may post for all its people from one address; guesses are limited', async () => {
    // Mail programs' one-click posts come from their provider's few servers (RFC 8058).
    const provider = randomIp();
    const from = (path: string) =>
      t.app.inject({
        method: 'POST',
        url: path,
        remoteAddress: provider,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
    const allowed = limitRules.unsubscribePerIp.points;
    for (let i = 0; i <= allowed; i++) {
      const token = unsubscribeToken(t.app.ctx.config, randomUUID(), 'reply');
      const res = await from(`/api/unsubscribe/${token}`);
      expect(res.statusCode, res.body).toBe(200);
    }
    // Links that were never made are guesses: those are counted per address.
    const answers: number[] = [];
    for (let i = 0; i <= allowed; i++) {
      const forged = `${randomUUID()}.reply.${'A'.repeat(43)}`;
      answers.push((await from(`/api/unsubscribe/${forged}`)).statusCode);
    }
    expect(answers.slice(0, allowed)).toEqual(Array(allowed).fill(404));
    expect(answers.at(-1)).toBe(429);
  });
});

describe('when the mail server fails', () => {
  async function emailJob(notificationId: string) {
    const [job] = await queryRows<{
      state: string;
      retry_count: number;
      output: { message?: string } | null;
    }>(
      t.app.ctx.database.db,
      sql`select state, retry_count, output from pgboss.job
           where name = ${NOTIFICATION_EMAIL} and data->>'notificationId' = ${notificationId}`,
    );
    return job;
  }

  // Both wait for pg-boss's first retry (5–10 s, then the worker's 1 s poll), so they run
  // side by side in one test: the server gone, and the server saying "try again later".
  it('a failed send is retried with backoff and then delivered once', {
    timeout: 60_000,
  }, async () => {
    const [gone, busy, replier] = [
      await member('Pat Quinn'),
      await member('Quin Ross'),
      await member('Ray Sol'),
    ];

    proxy.mode('drop');
    try {
      await replyTo(gone, replier, 'Speech apps');
      const [row] = await emailStates(gone);
      // The first try fails at once (the connection is cut), and the job waits to retry.
      await waitFor(async () => (await emailJob(row!.id))?.state === 'retry', 10_000, 'a retry');
    } finally {
      proxy.mode('forward');
    }
    smtp.refuse(busy.email, { code: 451, times: 1 });
    await replyTo(busy, replier, 'Reading again');
    const [busyRow] = await emailStates(busy);
    await waitFor(async () => (await emailJob(busyRow!.id))?.state === 'retry', 10_000, 'a retry');

    for (const who of [gone, busy]) {
      expect(mailsTo(who)).toHaveLength(0);
      const [row] = await emailStates(who);
      expect(row?.state).toBe('queued');
      // What the failed try left for admins (and the log) does not name the person.
      const failedTry = await emailJob(row!.id);
      expect(failedTry?.output?.message).toBeTruthy();
      expect(failedTry?.output?.message).not.toContain(who.email);
    }

    for (const who of [gone, busy]) {
      const [row] = await emailStates(who);
      await waitFor(() => mailsTo(who).length > 0, 30_000, 'the retried mail');
      await waitFor(async () => (await emailJob(row!.id))?.state === 'completed', 5_000, 'done');
    }
    await deliverDue();
    await deliverDue();
    for (const who of [gone, busy]) {
      expect(mailsTo(who)).toHaveLength(1);
      const [row] = await emailStates(who);
      expect(row?.state).toBe('sent');
      expect(await emailJob(row!.id)).toMatchObject({ state: 'completed', retry_count: 1 });
    }
  });
});

describe('pause everything for a week', () => {
  it('mails nothing while paused, not even what was waiting for a digest', async () => {
    const person = await member('Sam Ito');
    const replier = await member('Tia Vale');
    expect((await settings(person, { emailMode: 'daily', timeZone: 'UTC' })).statusCode).toBe(200);
    await replyTo(person, replier, 'Before the pause');
    expect((await emailStates(person)).map((n) => n.state)).toEqual(['waiting']);

    const paused = await call(person, 'POST', '/api/notifications/pause', { days: 7 });
    expect(paused.statusCode, paused.body).toBe(200);
    const until = new Date(paused.json().pausedUntil).getTime();
    expect(until - appNow().getTime()).toBeGreaterThan(7 * 24 * HOUR - 60_000);
    expect(until - appNow().getTime()).toBeLessThanOrEqual(7 * 24 * HOUR);
    // Each email again, so nothing here is held for a digest: the pause alone stops it.
    expect((await settings(person, { emailMode: 'each' })).statusCode).toBe(200);

    await replyTo(person, replier, 'During the pause');
    await deliverDue();
    // The digest that was due falls in the pause: it is dropped, not sent.
    advanceClock(25 * HOUR);
    await deliverDue();
    await deliverDue();
    expect(mailsTo(person)).toHaveLength(0);
    expect((await emailStates(person)).map((n) => n.state)).toEqual(['dropped', 'none']);
    // The list in the app still fills.
    const list = await call(person, 'GET', '/api/notifications');
    expect(list.json().items).toHaveLength(2);
  });
});
