import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  type Member,
  promote,
  randomIp,
  requestSignUp,
  startTestApp,
  type TestApp,
  tokenFromMail,
  uniqueEmail,
  verifyEmailLink,
} from '../../../../tests/support/app';
import {
  askAndApprove,
  callAs,
  makeGroupIn,
  makeOrganisation,
} from '../../../../tests/support/groups';
import {
  type ReceivedMail,
  startSmtpServer,
  type TestSmtpServer,
} from '../../../../tests/support/mail';
import { groupInput } from '../../../../tests/support/world';
import { t as translate } from '../../lib/i18n';
import { reminderDue } from './reminders';

/**
 * Reminders (issue 12 part 3): a day and an hour before a meeting, by email through a real
 * SMTP server, to people with a place (not to those who said maybe), never twice; a moved
 * meeting is reminded of again for its new time. The clock is moved, nobody waits.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const codes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

let smtp: TestSmtpServer;
let t: TestApp;
let admin: Member;
let goer: Member;
let maybe: Member;
let eventId: string;
let start: string;
let startsAt: Date;
let offset = 0;

const appNow = () => new Date(Date.now() + offset);
/** Moves the app's clock to `at`. */
function clockTo(at: Date) {
  const ms = at.getTime() - appNow().getTime();
  offset += ms;
  t.advanceClock(ms);
}

async function member(displayName: string): Promise<Member> {
  const email = uniqueEmail('reminded');
  const ip = randomIp();
  const signUp = await requestSignUp(t.app, { email, displayName }, ip);
  expect(signUp.statusCode, signUp.body).toBe(202);
  const welcome = await smtp.mailTo(email);
  const verify = await verifyEmailLink(t.app, tokenFromMail(welcome.text), ip);
  expect(verify.statusCode, verify.body).toBe(200);
  return { user: verify.json().user, cookie: cookieFrom(verify)!, email, ip } as Member;
}

const welcomeSubject = () => translate('mail.welcome.subject');
const remindersTo = (who: Member): ReceivedMail[] =>
  smtp.received.filter(
    (m) =>
      m.to.includes(who.email.toLowerCase()) &&
      m.subject !== welcomeSubject() &&
      m.text.includes('Reminder:'),
  );

/** What the queue's minute sweep and its workers would do. */
async function sweep() {
  const reminded = await t.app.ctx.events.sendReminders();
  await t.app.ctx.jobs.drain();
  return reminded;
}

async function ok<T = Record<string, unknown>>(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
) {
  const answer = await response;
  expect(answer.statusCode, answer.body.slice(0, 400)).toBe(status);
  return answer.json() as T;
}

async function settle(count: number, who: Member) {
  const until = Date.now() + 5000;
  while (remindersTo(who).length < count && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ SMTP_URL: smtp.url });
  [admin, goer, maybe] = await Promise.all([
    member('Rae Runs'),
    member('Gil Goer'),
    member('May Bee'),
  ]);
  await promote(t, admin.user.id, 'admin');
  const date = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
  const weekday = codes[new Date(`${date}T12:00:00Z`).getUTCDay()];
  const made = await ok<{ id: string; meetings: { start: string; startsAt: string }[] }>(
    callAs(t, admin, 'POST', '/api/events', {
      title: 'Tuesday chat',
      format: 'online',
      startLocal: `${date}T14:00`,
      endLocal: `${date}T15:30`,
      timeZone: 'Europe/London',
      rrule: `FREQ=WEEKLY;BYDAY=${weekday}`,
      video: { kind: 'link', url: 'https://meet.example.org/reminders' },
    }),
    201,
  );
  eventId = made.id;
  start = made.meetings[0]!.start;
  startsAt = new Date(made.meetings[0]!.startsAt);
  await ok(callAs(t, goer, 'POST', `/api/events/${eventId}/rsvp`, { start, answer: 'going' }));
  await ok(callAs(t, maybe, 'POST', `/api/events/${eventId}/rsvp`, { start, answer: 'maybe' }));
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('which reminder is due', () => {
  it('the hour one within the hour, the day one within the day, else none', () => {
    const now = new Date('2026-05-13T12:00:00Z');
    expect(reminderDue(new Date(now.getTime() + 30 * MINUTE), now)).toBe('hour');
    expect(reminderDue(new Date(now.getTime() + HOUR), now)).toBe('hour');
    expect(reminderDue(new Date(now.getTime() + 2 * HOUR), now)).toBe('day');
    expect(reminderDue(new Date(now.getTime() + DAY), now)).toBe('day');
    expect(reminderDue(new Date(now.getTime() + DAY + MINUTE), now)).toBeNull();
    expect(reminderDue(new Date(now.getTime() - MINUTE), now)).toBeNull();
  });
});

describe('reminders by email', () => {
  it('none while the meeting is more than a day away', async () => {
    expect(await sweep()).toBe(0);
    expect(remindersTo(goer)).toHaveLength(0);
  });

  it('a day before: one email to the person going, in words; not twice; not to "maybe"', async () => {
    clockTo(new Date(startsAt.getTime() - 23 * HOUR));
    expect(await sweep()).toBe(1);
    await settle(1, goer);
    const [mail] = remindersTo(goer);
    expect(mail?.text).toMatch(/Reminder: Tuesday chat, \w+day \d{1,2} \w+, 2 pm to 3:30 pm\./);
    // The next sweeps a minute on find nothing new.
    clockTo(new Date(appNow().getTime() + MINUTE));
    expect(await sweep()).toBe(0);
    expect(await sweep()).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(remindersTo(goer)).toHaveLength(1);
    expect(remindersTo(maybe)).toHaveLength(0);
  });

  it('an hour before: one more email, once', async () => {
    clockTo(new Date(startsAt.getTime() - 50 * MINUTE));
    expect(await sweep()).toBe(1);
    await settle(2, goer);
    expect(await sweep()).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(remindersTo(goer)).toHaveLength(2);
    expect(remindersTo(maybe)).toHaveLength(0);
    // It shows in the app too.
    const inbox = await ok<{ items: { kind: string; text: string }[] }>(
      callAs(t, goer, 'GET', '/api/notifications'),
    );
    expect(inbox.items.filter((n) => n.kind === 'event_reminder')).toHaveLength(2);
  });

  it('a moved meeting is reminded of again, for its new time', async () => {
    const day = startsAt.toISOString().slice(0, 10);
    // Moved to 4 pm: more than an hour away now, so the day reminder for the new time is due.
    await ok(
      callAs(t, admin, 'POST', `/api/events/${eventId}/meetings/change`, {
        start,
        cancelled: false,
        newStartLocal: `${day}T16:00`,
        newEndLocal: `${day}T17:30`,
      }),
    );
    expect(await sweep()).toBe(1);
    await settle(3, goer);
    const mails = remindersTo(goer);
    expect(mails).toHaveLength(3);
    expect(mails[2]?.text).toMatch(/Reminder: Tuesday chat, \w+day \d{1,2} \w+, 4 pm to 5:30 pm\./);
    expect(await sweep()).toBe(0);
    // And an hour before the new time, the hour's reminder, once.
    clockTo(new Date(startsAt.getTime() + 2 * HOUR - 30 * MINUTE));
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    await settle(4, goer);
    await new Promise((r) => setTimeout(r, 200));
    expect(remindersTo(goer)).toHaveLength(4);
  });

  it('a cancelled meeting is not reminded of', async () => {
    const second = new Date(startsAt.getTime() + 7 * DAY);
    await ok(
      callAs(t, goer, 'POST', `/api/events/${eventId}/rsvp`, {
        start: second.toISOString(),
        answer: 'going',
      }),
    );
    await ok(
      callAs(t, admin, 'POST', `/api/events/${eventId}/meetings/change`, {
        start: second.toISOString(),
        cancelled: true,
      }),
    );
    clockTo(new Date(second.getTime() - 23 * HOUR));
    expect(await sweep()).toBe(0);
  });

  it('someone who left a private group is not reminded of its meetings', async () => {
    const orgId = await makeOrganisation(t, admin, 'Reminder Charity', [admin]);
    const groupId = await makeGroupIn(
      t,
      admin,
      orgId,
      groupInput({ name: 'Reminder Group', joinPolicy: 'ask', privacy: 'private' }),
    );
    await askAndApprove(t, goer, groupId, admin);
    await askAndApprove(t, maybe, groupId, admin);
    const date = new Date(appNow().getTime() + 3 * DAY).toISOString().slice(0, 10);
    const made = await ok<{ id: string; meetings: { start: string; startsAt: string }[] }>(
      callAs(t, admin, 'POST', `/api/groups/${groupId}/events`, {
        title: 'Group walk',
        format: 'online',
        startLocal: `${date}T11:00`,
        endLocal: `${date}T12:00`,
        timeZone: 'Europe/London',
        video: { kind: 'link', url: 'https://meet.example.org/walk' },
      }),
      201,
    );
    const meeting = made.meetings[0]!;
    for (const who of [goer, maybe]) {
      await ok(
        callAs(t, who, 'POST', `/api/events/${made.id}/rsvp`, {
          start: meeting.start,
          answer: 'going',
        }),
      );
    }
    await ok(callAs(t, maybe, 'POST', `/api/groups/${groupId}/leave`));
    clockTo(new Date(new Date(meeting.startsAt).getTime() - 20 * HOUR));
    expect(await sweep()).toBe(1);
    const inbox = await ok<{ items: { kind: string; text: string }[] }>(
      callAs(t, maybe, 'GET', '/api/notifications'),
    );
    expect(inbox.items.filter((n) => n.kind === 'event_reminder')).toHaveLength(0);
  });
});
