import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, startTestApp, type TestApp } from '../../../../tests/support/app';

// Issue 7, item 8: the dev outbox holds every sign-in link, so only this machine may read it.
describe('development routes answer only callers on this machine', () => {
  let plain: TestApp;
  let behindProxy: TestApp;
  beforeAll(async () => {
    plain = await startTestApp();
    behindProxy = await startTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await plain?.close();
    await behindProxy?.close();
  });

  const get = (t: TestApp, remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: '/api/dev/outbox', remoteAddress, headers });

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('answers %s', async (address) => {
    const response = await get(plain, address);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toHaveProperty('messages');
  });

  it.each(['10.1.2.3', '192.168.0.7', '::ffff:10.0.0.1', '2001:db8::1', '128.0.0.1'])(
    'gives %s the same 404 as a route that does not exist',
    async (address) => {
      const outbox = await get(plain, address);
      const nothing = await plain.app.inject({
        url: '/api/dev/nothing-here',
        remoteAddress: address,
      });
      expect(outbox.statusCode).toBe(404);
      expect(outbox.headers['content-type']).toContain('application/problem+json');
      expect(outbox.json()).toEqual(nothing.json());
      for (const url of ['/api/dev/demo-accounts']) {
        expect((await plain.app.inject({ url, remoteAddress: address })).statusCode).toBe(404);
      }
      const signIn = await plain.app.inject({
        method: 'POST',
        url: '/api/dev/sign-in-as',
        remoteAddress: address,
        headers: { origin: ORIGIN },
        payload: { userId: '00000000-0000-4000-8000-000000000000' },
      });
      expect(signIn.statusCode).toBe(404);
      const clock = await plain.app.inject({
        method: 'POST',
        url: '/api/dev/clock',
        remoteAddress: address,
        headers: { origin: ORIGIN },
        payload: { aheadMinutes: 60 },
      });
      expect(clock.statusCode).toBe(404);
      expect(plain.app.ctx.devClock?.aheadMs()).toBe(0);
    },
  );

  it("moves the app's clock ahead for this machine, and back", async () => {
    const move = (aheadMinutes: unknown) =>
      plain.app.inject({
        method: 'POST',
        url: '/api/dev/clock',
        remoteAddress: '127.0.0.1',
        headers: { origin: ORIGIN },
        payload: { aheadMinutes },
      });
    const before = Date.now();
    const moved = await move(25 * 60);
    expect(moved.statusCode).toBe(200);
    const said = new Date(moved.json<{ now: string }>().now).getTime();
    expect(said).toBeGreaterThanOrEqual(before + 25 * 3_600_000);
    expect(said).toBeLessThan(Date.now() + 25 * 3_600_000 + 1_000);
    expect(plain.app.ctx.devClock?.aheadMs()).toBe(25 * 3_600_000);
    for (const wrong of [-1, 1.5, 'soon', 400 * 24 * 60 + 1]) {
      const refused = await move(wrong);
      expect(refused.statusCode).toBe(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await move(0)).statusCode).toBe(200);
    expect(plain.app.ctx.devClock?.aheadMs()).toBe(0);
  });

  it('believes the socket, not X-Forwarded-For, even with TRUST_PROXY=true', async () => {
    const forged = await get(behindProxy, '10.1.2.3', { 'x-forwarded-for': '127.0.0.1' });
    expect(forged.statusCode).toBe(404);
    // A proxy or tunnel on this machine that forwards someone else: refused too.
    for (const t of [plain, behindProxy]) {
      expect((await get(t, '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(
        404,
      );
      expect((await get(t, '127.0.0.1', { forwarded: 'for=203.0.113.9' })).statusCode).toBe(404);
    }
    expect(
      (await get(behindProxy, '127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).statusCode,
    ).toBe(200);
  });
});
