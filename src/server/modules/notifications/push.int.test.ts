import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  ORIGIN,
  startTestApp,
  type TestApp,
  testConfig,
} from '../../../../tests/support/app';
import {
  categoryId,
  expectProblem,
  forumClient,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';
import { ConfigError, KNOWN_PUSH_SERVICES, loadConfig } from '../../config';
import { isKnownPushService } from './push';
import { notifications, pushKeys, pushSubscriptions } from './tables';

/**
 * Web push against a push service of our own: a small HTTP server that takes the encrypted
 * message, checks its VAPID signature, and decrypts it with the browser's keys (RFC 8291).
 */

interface Received {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What the push service answers, by the first part of the endpoint's path. */
const answers = new Map<string, number[]>();
const received: Received[] = [];
let service: Server;
let serviceOrigin: string;

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let daily: string;

beforeAll(async () => {
  service = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({
        path,
        method: request.method ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      const planned = answers.get(path.split('/')[1] ?? '');
      response.statusCode = planned?.shift() ?? 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceOrigin = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
  t = await startTestApp({ PUSH_SERVICE_HOSTS: `${serviceOrigin}, fcm.googleapis.com` });
  call = forumClient(t);
  const someone = await makeMember(t);
  daily = await categoryId(t, someone, 'daily-life');
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => service?.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  answers.clear();
});

/** A browser's push subscription: its own key pair and auth secret, as PushManager makes them. */
function browser(label = 'ok') {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    subscription: {
      endpoint: `${serviceOrigin}/${label}/${randomBytes(12).toString('base64url')}`,
      keys: {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: auth.toString('base64url'),
      },
    },
  };
}
type Browser = ReturnType<typeof browser>;

async function subscribe(who: Member, device: Browser) {
  const response = await call(
    who,
    'POST',
    '/api/notifications/push/subscriptions',
    device.subscription,
  );
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json()).toEqual({ ok: true });
}

async function pushForReplies(who: Member) {
  const response = await call(who, 'PATCH', '/api/notifications/settings', {
    kinds: { reply: { push: true } },
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().kinds.reply.push).toBe(true);
}

/** Works the queue until `done` holds (retries come a few seconds later) or time runs out. */
async function workUntil(done: () => boolean, deadlineMs = 2_000) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    await t.app.ctx.notifications.sweepDue();
    await t.app.ctx.jobs.drain();
    if (done() || Date.now() > until) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const to = (device: Browser) =>
  received.filter((r) => device.subscription.endpoint.endsWith(r.path));

/** RFC 8291 decryption, as the browser does it: ECDH, HKDF, AES-128-GCM, one record. */
function decrypt(device: Browser, body: Buffer) {
  const salt = body.subarray(0, 16);
  const idLength = body[20]!;
  const serverKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = device.ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([
    Buffer.from('WebPush: info\0'),
    device.ecdh.getPublicKey(),
    serverKey,
  ]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, device.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(-16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, -16)), decipher.final()]);
  // The last record ends with a 2, then zeros of padding.
  const end = padded.lastIndexOf(2);
  expect(padded.subarray(end + 1).every((b) => b === 0)).toBe(true);
  return JSON.parse(padded.subarray(0, end).toString('utf8'));
}

/** Checks the VAPID header (RFC 8292): an ES256 JWT for this push service, with our key. */
function checkVapid(headers: IncomingHttpHeaders, serverKey: string) {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(headers.authorization ?? '');
  expect(match, headers.authorization).not.toBeNull();
  const [, jwt, k] = match!;
  expect(k).toBe(serverKey);
  const [head, claims, signature] = jwt!.split('.') as [string, string, string];
  expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual({
    typ: 'JWT',
    alg: 'ES256',
  });
  const point = Buffer.from(k!, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  expect(signed, 'the JWT verifies with the server key').toBe(true);
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString());
  expect(body.aud).toBe(serviceOrigin);
  const now = Date.now() / 1000;
  expect(body.exp).toBeGreaterThan(now);
  expect(body.exp).toBeLessThanOrEqual(now + 24 * 60 * 60);
  expect(body.sub).toMatch(/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/);
}

async function serverKey(who: Member): Promise<string> {
  const response = await call(who, 'GET', '/api/notifications/push/key');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().publicKey;
}

async function pushDevices(who: Member): Promise<number> {
  return (await call(who, 'GET', '/api/notifications/settings')).json().pushDevices;
}

describe('sending', () => {
  it('a reply reaches the browser once: encrypted, signed, in words, with its link', async () => {
    const [author, replier] = await Promise.all([
      makeMember(t, { displayName: 'Ada' }),
      makeMember(t, { displayName: 'Bram' }),
    ]);
    const device = browser();
    await subscribe(author, device);
    await pushForReplies(author);
    const topicId = await postTopic(t, author, { categoryId: daily, title: 'Walking again' });
    const replyId = await postReply(t, replier, topicId, 'My secret words about my knee.');
    await workUntil(() => to(device).length > 0);

    expect(to(device)).toHaveLength(1);
    const [push] = to(device);
    expect(push!.method).toBe('POST');
    expect(push!.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(push!.headers.ttl)).toBeGreaterThan(60 * 60);
    expect(Number(push!.headers.ttl)).toBeLessThanOrEqual(24 * 60 * 60);
    expect(push!.headers.urgency).toBe('normal');
    checkVapid(push!.headers, await serverKey(author));

    const message = decrypt(device, push!.body);
    expect(message).toEqual({
      title: 'Been There',
      body: 'Bram replied to your topic “Walking again”.',
      url: `/forum/t/${topicId}#post-${replyId}`,
    });
    expect(push!.body.toString('latin1')).not.toContain('Walking');
    expect(JSON.stringify(message)).not.toContain('secret words');

    // Never twice: the queue worked and swept again sends nothing more.
    await workUntil(() => false, 300);
    expect(to(device)).toHaveLength(1);
    const [row] = await t.app.ctx.database.db
      .select({ pushState: notifications.pushState, pushSentAt: notifications.pushSentAt })
      .from(notifications)
      .where(eq(notifications.userId, author.user.id));
    expect(row?.pushState).toBe('sent');
    expect(row?.pushSentAt).not.toBeNull();
  });

  it('nothing goes to a browser whose person has push off for the kind (the default)', async () => {
    const [author, replier] = await Promise.all([makeMember(t), makeMember(t)]);
    const device = browser();
    await subscribe(author, device);
    const topicId = await postTopic(t, author, { categoryId: daily });
    await postReply(t, replier, topicId);
    await workUntil(() => false, 300);
    expect(to(device)).toHaveLength(0);
  });

  it('a pause holds push', async () => {
    const [author, replier] = await Promise.all([makeMember(t), makeMember(t)]);
    const device = browser();
    await subscribe(author, device);
    await pushForReplies(author);
    expect((await call(author, 'POST', '/api/notifications/pause', { days: 7 })).statusCode).toBe(
      200,
    );
    const topicId = await postTopic(t, author, { categoryId: daily });
    await postReply(t, replier, topicId);
    await workUntil(() => false, 300);
    expect(to(device)).toHaveLength(0);
  });

  it('a 410 from the push service removes that subscription; the others still get it', async () => {
    const [author, replier] = await Promise.all([makeMember(t), makeMember(t)]);
    const gone = browser('gone');
    const kept = browser();
    answers.set('gone', [410]);
    await subscribe(author, gone);
    await subscribe(author, kept);
    await pushForReplies(author);
    expect(await pushDevices(author)).toBe(2);
    const topicId = await postTopic(t, author, { categoryId: daily });
    await postReply(t, replier, topicId);
    await workUntil(() => to(gone).length > 0 && to(kept).length > 0);
    expect(to(gone)).toHaveLength(1);
    expect(to(kept)).toHaveLength(1);
    expect(await pushDevices(author)).toBe(1);
    const left = await t.app.ctx.database.db
      .select({ endpoint: pushSubscriptions.endpoint })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, author.user.id));
    expect(left).toEqual([{ endpoint: kept.subscription.endpoint }]);
  });

  it('a failing push service is tried again, and a browser that already got it gets nothing twice', async () => {
    const [author, replier] = await Promise.all([makeMember(t), makeMember(t)]);
    const flaky = browser('flaky');
    const steady = browser();
    answers.set('flaky', [500]);
    await subscribe(author, flaky);
    await subscribe(author, steady);
    await pushForReplies(author);
    const topicId = await postTopic(t, author, { categoryId: daily });
    await postReply(t, replier, topicId);
    // The queue's first retry comes 5–10 s later.
    await workUntil(() => to(flaky).length >= 2, 25_000);
    expect(to(flaky)).toHaveLength(2);
    expect(to(steady)).toHaveLength(1);
    expect(decrypt(flaky, to(flaky)[1]!.body).url).toBe(decrypt(steady, to(steady)[0]!.body).url);
    await workUntil(() => false, 300);
    expect(to(flaky)).toHaveLength(2);
    expect(to(steady)).toHaveLength(1);
    const [row] = await t.app.ctx.database.db
      .select({ pushState: notifications.pushState })
      .from(notifications)
      .where(eq(notifications.userId, author.user.id));
    expect(row?.pushState).toBe('sent');
  }, 40_000);
});

describe('subscribing', () => {
  it('refuses an endpoint on a push service we do not know (422), so the server posts nowhere else', async () => {
    const who = await makeMember(t);
    for (const endpoint of [
      'https://evil.example/push/abc',
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://fcm.googleapis.com:8443/fcm/send/abc',
      'https://fcm.googleapis.com.evil.example/fcm/send/abc',
      'https://user@fcm.googleapis.com/fcm/send/abc',
      'http://127.0.0.1:1/push/abc',
      `${serviceOrigin.replace('127.0.0.1', 'localhost')}/push/abc`,
    ]) {
      const response = await call(who, 'POST', '/api/notifications/push/subscriptions', {
        ...browser().subscription,
        endpoint,
      });
      const problem = expectProblem(response, 422);
      expect(problem.title, endpoint).toBe(
        'This browser’s push service is not one we know. Push cannot be turned on here.',
      );
    }
    expect(await pushDevices(who)).toBe(0);
    // A listed host is fine, even though nothing is sent to it here.
    const fcm = { ...browser().subscription, endpoint: 'https://fcm.googleapis.com/fcm/send/x' };
    expect((await call(who, 'POST', '/api/notifications/push/subscriptions', fcm)).statusCode).toBe(
      200,
    );
  });

  it('refuses keys that cannot encrypt a message', async () => {
    const who = await makeMember(t);
    const good = browser().subscription;
    for (const keys of [
      { ...good.keys, p256dh: Buffer.alloc(65, 4).toString('base64url') },
      { ...good.keys, p256dh: randomBytes(40).toString('base64url') },
      { ...good.keys, auth: randomBytes(8).toString('base64url') },
      { ...good.keys, auth: '!!!!!!!!!!!!!!!!!!!!!!' },
    ]) {
      const response = await call(who, 'POST', '/api/notifications/push/subscriptions', {
        ...good,
        keys,
      });
      expectProblem(response, 422);
    }
    expect(await pushDevices(who)).toBe(0);
  });

  it('a browser subscribing again moves to the person signed in now', async () => {
    const [first, second] = await Promise.all([makeMember(t), makeMember(t)]);
    const device = browser();
    await subscribe(first, device);
    await subscribe(first, device);
    expect(await pushDevices(first)).toBe(1);
    await subscribe(second, device);
    expect(await pushDevices(first)).toBe(0);
    expect(await pushDevices(second)).toBe(1);
  });

  it('keeps the newest ten browsers of a person', async () => {
    const who = await makeMember(t);
    const devices = Array.from({ length: 12 }, () => browser());
    for (const device of devices) await subscribe(who, device);
    const kept = await t.app.ctx.database.db
      .select({ endpoint: pushSubscriptions.endpoint })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, who.user.id));
    expect(kept).toHaveLength(10);
    expect(kept.map((k) => k.endpoint)).not.toContain(devices[0]!.subscription.endpoint);
    expect(kept.map((k) => k.endpoint)).toContain(devices[11]!.subscription.endpoint);
  });

  it('unsubscribing ends push for that browser; an unknown one is fine', async () => {
    const [author, replier, stranger] = await Promise.all([
      makeMember(t),
      makeMember(t),
      makeMember(t),
    ]);
    const device = browser();
    await subscribe(author, device);
    await pushForReplies(author);
    const { endpoint } = device.subscription;
    // Someone else cannot turn off my browser.
    expect(
      (await call(stranger, 'DELETE', '/api/notifications/push/subscriptions', { endpoint }))
        .statusCode,
    ).toBe(200);
    expect(await pushDevices(author)).toBe(1);
    const off = await call(author, 'DELETE', '/api/notifications/push/subscriptions', { endpoint });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ ok: true });
    expect(await pushDevices(author)).toBe(0);
    expect(
      (await call(author, 'DELETE', '/api/notifications/push/subscriptions', { endpoint }))
        .statusCode,
    ).toBe(200);
    expectProblem(
      await call(author, 'DELETE', '/api/notifications/push/subscriptions', {
        endpoint: `${endpoint}\u0000`,
      }),
      422,
    );
    const topicId = await postTopic(t, author, { categoryId: daily });
    await postReply(t, replier, topicId);
    await workUntil(() => false, 300);
    expect(to(device)).toHaveLength(0);
  });
});

describe('the VAPID key', () => {
  it('is made once, kept in the database and the same for everyone', async () => {
    const [a, b] = await Promise.all([makeMember(t), makeMember(t)]);
    const key = await serverKey(a);
    expect(Buffer.from(key, 'base64url')).toHaveLength(65);
    expect(await serverKey(b)).toBe(key);
    const kept = await t.app.ctx.database.db.select().from(pushKeys);
    expect(kept.map((k) => k.publicKey)).toEqual([key]);
  });

  it('comes from the config when both keys are set, and never one without the other', () => {
    const env = {
      VAPID_PUBLIC_KEY: createECDH('prime256v1').generateKeys().toString('base64url'),
      VAPID_PRIVATE_KEY: randomBytes(32).toString('base64url'),
    };
    expect(testConfig(env).vapidKeys).toEqual({
      publicKey: env.VAPID_PUBLIC_KEY,
      privateKey: env.VAPID_PRIVATE_KEY,
    });
    expect(() => testConfig({ VAPID_PUBLIC_KEY: env.VAPID_PUBLIC_KEY })).toThrow(ConfigError);
    expect(() => testConfig({ ...env, VAPID_PRIVATE_KEY: 'short' })).toThrow(ConfigError);
    // The subject: the address mail comes from, unless one is given.
    expect(testConfig({ MAIL_FROM: 'Us <us@example.org>' }).vapidSubject).toBe(
      'mailto:us@example.org',
    );
    expect(testConfig({ VAPID_SUBJECT: 'https://beenthere.example/contact' }).vapidSubject).toBe(
      'https://beenthere.example/contact',
    );
    expect(() => testConfig({ VAPID_SUBJECT: 'http://beenthere.example' })).toThrow(ConfigError);
  });
});

describe('push services', () => {
  it('are the ones browsers use unless PUSH_SERVICE_HOSTS says otherwise', () => {
    expect(testConfig().pushServices).toEqual(KNOWN_PUSH_SERVICES);
    const known = (endpoint: string) => isKnownPushService(endpoint, KNOWN_PUSH_SERVICES);
    expect(known('https://fcm.googleapis.com/fcm/send/abc')).toBe(true);
    expect(known('https://updates.push.services.mozilla.com/wpush/v2/abc')).toBe(true);
    expect(known('https://wns2-par02p.notify.windows.com/w/?token=abc')).toBe(true);
    expect(known('https://web.push.apple.com/abc')).toBe(true);
    expect(known('https://notify.windows.com/w/')).toBe(false);
    expect(known('https://evilnotify.windows.com/w/')).toBe(false);
    expect(known('http://web.push.apple.com/abc')).toBe(false);
    expect(known('not a url')).toBe(false);
    expect(
      loadConfig({ DATA_DIR: testConfig().dataDir, PUSH_SERVICE_HOSTS: 'HTTP://127.0.0.1:80' })
        .pushServices,
    ).toEqual(['http://127.0.0.1']);
    expect(() => testConfig({ PUSH_SERVICE_HOSTS: 'fcm.googleapis.com/path' })).toThrow(
      ConfigError,
    );
  });
});

describe('access', () => {
  it('every push route needs a signed-in member', async () => {
    const { subscription } = browser();
    for (const [method, url, payload] of [
      ['GET', '/api/notifications/push/key'],
      ['POST', '/api/notifications/push/subscriptions', subscription],
      ['DELETE', '/api/notifications/push/subscriptions', { endpoint: subscription.endpoint }],
    ] as const) {
      const response = await t.app.inject({
        method,
        url,
        headers: { origin: ORIGIN },
        ...(payload ? { payload } : {}),
      });
      expectProblem(response, 401);
    }
  });
});
