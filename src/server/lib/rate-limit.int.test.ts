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

describe.runIf(redisUrl)('rate limits shared through Redis', () => {
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
});
