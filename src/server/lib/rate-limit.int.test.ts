import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ORIGIN,
  randomIp,
  startTestApp,
  type TestApp,
  uniqueEmail,
} from '../../../tests/support/app';
import { limitRules } from './rate-limit';

// The multi-process path: two app instances share one Redis, so a limit holds across both.
const redisUrl = process.env.REDIS_URL;

// Without REDIS_URL there is no Redis to share or to read keys from: skipped, as CI sets it.
describe.runIf(redisUrl)('rate limits shared through Redis (skipped without REDIS_URL)', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp({ REDIS_URL: redisUrl! });
    second = await startTestApp({ REDIS_URL: redisUrl! });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('counts email-link requests for one email across both processes', async () => {
    const email = uniqueEmail('shared-limit');
    const statuses: number[] = [];
    const allowed = limitRules.emailLinkPerEmail.points;
    for (let i = 0; i < allowed + 2; i++) {
      const app = i % 2 === 0 ? first.app : second.app;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/email-link',
        remoteAddress: randomIp(),
        headers: { origin: ORIGIN },
        payload: { email },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, allowed)).toEqual(Array(allowed).fill(202));
    expect(statuses.slice(allowed)).toEqual([429, 429]);
  });

  // Issue 7, item 7: Redis is not a list of who tried to sign in.
  it('keeps hashes in its Redis keys, never the email or the address', async () => {
    const email = uniqueEmail('hashed-key');
    const ip = randomIp();
    const res = await first.app.inject({
      method: 'POST',
      url: '/api/auth/email-link',
      remoteAddress: ip,
      headers: { origin: ORIGIN },
      payload: { email },
    });
    expect(res.statusCode).toBe(202);
    const redis = new Redis(redisUrl!);
    try {
      const before = new Set(await redis.keys('bt:rl:*'));
      const again = await second.app.inject({
        method: 'POST',
        url: '/api/auth/email-link',
        remoteAddress: randomIp(),
        headers: { origin: ORIGIN },
        payload: { email: uniqueEmail('hashed-key') },
      });
      expect(again.statusCode).toBe(202);
      const keys = await redis.keys('bt:rl:*');
      const added = keys.filter((k) => !before.has(k));
      // A new key per limit the request counted against (tests running alongside may add more).
      expect(added.some((k) => k.startsWith('bt:rl:emailLinkPerEmail:'))).toBe(true);
      expect(added.some((k) => k.startsWith('bt:rl:emailLinkPerIp:'))).toBe(true);
      for (const key of added) expect(key).toMatch(/^bt:rl:\w+:[A-Za-z0-9_-]{43}$/);
      const leaks = keys.filter((k) => k.includes(email) || k.includes(ip));
      expect(leaks).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});
