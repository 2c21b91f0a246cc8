import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  ORIGIN,
  randomIp,
  startTestApp,
  type TestApp,
  tokenFromMail,
  uniqueEmail,
} from '../../../../tests/support/app';
import {
  decodeQuotedPrintable,
  parseMail,
  startSmtpServer,
  type TestSmtpServer,
} from '../../../../tests/support/mail';
import { CONDUCT_VERSION } from '../../../contract';
import { t as translate } from '../i18n';

let smtp: TestSmtpServer;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Been There <hello@beenthere.test>' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('mail over SMTP', () => {
  it('mails a sign-in link on sign-up that starts a working session', async () => {
    expect(t.app.ctx.mailer.kind).toBe('smtp');
    const email = uniqueEmail('smtp');
    const ip = randomIp();
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      remoteAddress: ip,
      headers: { origin: ORIGIN },
      payload: {
        email,
        displayName: 'Mail Reader',
        role: 'caregiver',
        isAdult: true,
        acceptConduct: true,
        conductVersion: CONDUCT_VERSION,
      },
    });
    expect(signUp.statusCode, signUp.body).toBe(202);

    const mail = await smtp.mailTo(email);
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('hello@beenthere.test');
    expect(mail.subject).toBe(translate('mail.welcome.subject'));
    expect(mail.text).toContain('Hello Mail Reader,');
    expect(mail.html).toContain('Mail Reader');

    // The token in the plain text and in the button of the HTML is the same one.
    const token = tokenFromMail(mail.text);
    expect(mail.text).toContain(`${ORIGIN}/sign-in/link#token=${token}`);
    expect(mail.html).toContain(`href="${ORIGIN}/sign-in/link#token=${token}"`);

    // Nothing went to the dev outbox instead.
    const outbox = await t.app.inject({ url: '/api/dev/outbox' });
    expect(outbox.json().messages).toEqual([]);

    const verify = await t.app.inject({
      method: 'POST',
      url: '/api/auth/email-link/verify',
      remoteAddress: ip,
      headers: { origin: ORIGIN },
      payload: { token },
    });
    expect(verify.statusCode, verify.body).toBe(200);
    const cookie = cookieFrom(verify);
    expect(cookie).toBeDefined();

    const me = await t.app.inject({ url: '/api/me', headers: { cookie: cookie! } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({
      email,
      displayName: 'Mail Reader',
      role: 'caregiver',
      conductCurrent: true,
    });
  });

  it('mails a kind note, not a link, to an address with no account', async () => {
    const email = uniqueEmail('nobody');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/email-link',
      remoteAddress: randomIp(),
      headers: { origin: ORIGIN },
      payload: { email },
    });
    expect(res.statusCode).toBe(202);
    const mail = await smtp.mailTo(email);
    expect(mail.subject).toBe(translate('mail.noAccount.subject'));
    expect(mail.text).toContain(`${ORIGIN}/sign-up`);
    expect(mail.text).not.toContain('#token=');
  });
});

describe('the test mail reader', () => {
  it('joins quoted-printable soft line breaks and decodes =XX', () => {
    const token = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const encoded = `Sign in: http://localhost:3000/sign-in/link#token=3D${token.slice(0, 20)}=\r\n${token.slice(20)}\r\n`;
    expect(decodeQuotedPrintable(encoded).toString('utf8')).toBe(
      `Sign in: http://localhost:3000/sign-in/link#token=${token}\r\n`,
    );
    expect(decodeQuotedPrintable('caf=C3=A9 =E2=80=94 ok').toString('utf8')).toBe('café — ok');
  });

  it('reads a multipart message with encoded headers', () => {
    const raw = [
      'From: a@example.test',
      'Subject: =?UTF-8?Q?Caf=C3=A9_time?=',
      'Content-Type: multipart/alternative;',
      ' boundary="--b1"',
      '',
      '----b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Hello =E2=80=94 a long line that goes on=',
      ' and on',
      '----b1',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<p>Hi</p>').toString('base64'),
      '----b1--',
      '',
    ].join('\r\n');
    expect(parseMail(raw)).toMatchObject({
      subject: 'Café time',
      text: 'Hello — a long line that goes on and on',
      html: '<p>Hi</p>',
    });
  });
});
