import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  giveTrust,
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
import { categoryId, forumClient, postTopic } from '../../../../tests/support/forum';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/mail';
import type { QueuePage } from '../../../contract/moderation';
import { t as translate } from '../../lib/i18n';

// Issue 11: "I am worried about this person" sends resources to the person, by mail through
// a real SMTP server, without naming the worried member; a moderator is asked to look.

let smtp: TestSmtpServer;
let t: TestApp;
let call: ReturnType<typeof forumClient>;
let person: Member;
let worried: Member;
let moderator: Member;

async function member(displayName: string): Promise<Member> {
  const email = uniqueEmail('concern');
  const ip = randomIp();
  expect((await requestSignUp(t.app, { email, displayName }, ip)).statusCode).toBe(202);
  const welcome = await smtp.mailTo(email);
  const verify = await verifyEmailLink(t.app, tokenFromMail(welcome.text), ip);
  expect(verify.statusCode, verify.body).toBe(200);
  // Members who have been here a while: a new member's first posts would wait for review.
  await giveTrust(t.app, verify.json().user.id);
  return { user: verify.json().user, cookie: cookieFrom(verify)!, email, ip };
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ SMTP_URL: smtp.url });
  call = forumClient(t);
  person = await member('Pat Person');
  worried = await member('Wren Worried');
  moderator = await member('Mona Reed');
  await promote(t, moderator.user.id, 'moderator');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('"I am worried about this person"', () => {
  it('sends the person kind words and help by mail and in the app, never naming who asked', async () => {
    const daily = await categoryId(t, person, 'daily-life');
    const topicId = await postTopic(t, person, { categoryId: daily, title: 'Not sleeping' });
    const raised = await call(worried, 'POST', '/api/concerns', {
      subject: { kind: 'topic', id: topicId },
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().message).toBe(translate('moderation.concern.thanks'));

    await t.app.ctx.jobs.drain();
    const mail = smtp.received.find(
      (m) => m.to.includes(person.email) && m.subject.includes('thinking of you'),
    );
    expect(mail, 'the kind words arrive by mail').toBeDefined();
    expect(mail!.text).toContain('/help');
    for (const part of [mail!.subject, mail!.text, mail!.html]) {
      expect(part).not.toContain('Wren');
      expect(part).not.toContain(worried.email);
    }
    const inApp = (await call(person, 'GET', '/api/notifications')).json().items as {
      kind: string;
      text: string;
      link: string;
    }[];
    const kind = inApp.find((n) => n.kind === 'concern');
    expect(kind).toMatchObject({ link: '/help' });
    expect(kind!.text).not.toContain('Wren');

    const queue = (await call(moderator, 'GET', '/api/moderation/queue')).json() as QueuePage;
    expect(queue.items.find((c) => c.subject.id === topicId)).toMatchObject({
      reason: 'concern',
      priority: 'safety',
    });
  });

  it('tells the person once a day however many are worried', async () => {
    const daily = await categoryId(t, person, 'daily-life');
    const topicId = await postTopic(t, person, { categoryId: daily, title: 'Another day' });
    const before = smtp.received.filter((m) => m.to.includes(person.email)).length;
    const again = await call(worried, 'POST', '/api/concerns', {
      subject: { kind: 'topic', id: topicId },
    });
    expect(again.statusCode).toBe(200);
    await t.app.ctx.jobs.drain();
    expect(smtp.received.filter((m) => m.to.includes(person.email)).length).toBe(before);
  });

  it('points someone worried about themselves to help now, and refuses what they cannot see', async () => {
    const daily = await categoryId(t, worried, 'daily-life');
    const mine = await postTopic(t, worried, { categoryId: daily, title: 'My own' });
    const self = await call(worried, 'POST', '/api/concerns', {
      subject: { kind: 'topic', id: mine },
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().title).toBe(translate('moderation.concern.self'));
    const unknown = await call(worried, 'POST', '/api/concerns', {
      subject: { kind: 'topic', id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
