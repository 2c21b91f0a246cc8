import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  ORIGIN,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import type { Setting, SettingsResponse } from '../../../contract/settings';
import { limitRules } from '../../lib/rate-limit';
import { SETTINGS_CACHE_MS } from './service';
import { siteSettings } from './tables';

let t: TestApp;
let member: Member;
let moderator: Member;
let admin: Member;

beforeAll(async () => {
  t = await startTestApp();
  [member, moderator, admin] = await Promise.all([
    makeMember(t, { displayName: 'Member' }),
    makeMember(t, { displayName: 'Mona' }),
    makeMember(t, { displayName: 'Adam' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
  await promote(t, admin.user.id, 'admin');
});
afterAll(() => t.close());

const list = (cookie?: string) =>
  t.app.inject({ url: '/api/admin/settings', headers: cookie ? { cookie } : {} });

const put = (key: string, payload: unknown, cookie = admin.cookie) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/admin/settings/${key}`,
    headers: { cookie, origin: ORIGIN },
    payload: payload as Record<string, unknown>,
  });

async function settingsNow(): Promise<Map<string, Setting>> {
  const res = await list(admin.cookie);
  expect(res.statusCode, res.body).toBe(200);
  return new Map((res.json() as SettingsResponse).settings.map((s) => [s.key, s]));
}

describe('site settings', () => {
  it('are for admins only', async () => {
    expect((await list()).statusCode).toBe(401);
    expect((await list(member.cookie)).statusCode).toBe(403);
    expect((await list(moderator.cookie)).statusCode).toBe(403);
    expect((await put('trust.postLinks', { value: 'member' }, member.cookie)).statusCode).toBe(403);
    expect((await put('trust.postLinks', { value: 'member' }, moderator.cookie)).statusCode).toBe(
      403,
    );
    expect(await t.app.ctx.settings.get('trust.postLinks')).toBe('basic');
  });

  it('list every setting with its typed default until an admin sets it', async () => {
    const settings = await settingsNow();
    expect(settings.get('trust.reviewFirstPosts')).toEqual({
      key: 'trust.reviewFirstPosts',
      value: 2,
      isDefault: true,
      updatedBy: null,
      updatedAt: null,
    });
    expect(settings.get('trust.postImages')?.value).toBe('basic');
    expect(await t.app.ctx.settings.all()).toMatchObject({
      'trust.postImages': 'basic',
      'trust.postLinks': 'basic',
    });
  });

  it('change when an admin sets one, and keep who did it and when', async () => {
    const before = Date.now();
    const res = await put('trust.postImages', { value: 'member' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      key: 'trust.postImages',
      value: 'member',
      isDefault: false,
      updatedBy: { id: admin.user.id, displayName: 'Adam' },
    });
    expect(Date.parse(res.json().updatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect((await settingsNow()).get('trust.postImages')?.value).toBe('member');
    // The cache of this process was emptied by the write: the new value holds at once.
    expect(await t.app.ctx.settings.get('trust.postImages')).toBe('member');
  });

  it('refuse a value its schema does not allow, and change nothing', async () => {
    for (const [key, value] of [
      ['trust.postImages', 'superhero'],
      ['trust.postImages', 3],
      ['trust.reviewFirstPosts', 1000],
      ['trust.reviewFirstPosts', 1.5],
      ['trust.reviewFirstPosts', '2'],
      ['trust.reviewFirstPosts', null],
      ['trust.toBasic', { days: 2 }],
      [
        'trust.toBasic',
        { days: -1, topicsEntered: 1, postsRead: 1, readingMinutes: 1, upheldReportsAtMost: 0 },
      ],
    ] as const) {
      const res = await put(key, { value });
      expect(res.statusCode, `${key}=${JSON.stringify(value)}`).toBe(422);
      expect(res.json().errors).toEqual({ value: expect.any(String) });
    }
    const missing = await put('trust.reviewFirstPosts', {});
    expect(missing.statusCode).toBe(422);
    expect((await settingsNow()).get('trust.reviewFirstPosts')?.isDefault).toBe(true);
  });

  it('know no other keys', async () => {
    const res = await put('trust.everything', { value: 'leader' });
    expect(res.statusCode).toBe(400);
  });

  it('are read through a short cache, so a change elsewhere shows within 30 s', async () => {
    expect(await t.app.ctx.settings.get('trust.reviewFirstPosts')).toBe(2);
    // Another process writes the row (here, straight to the database).
    await t.app.ctx.database.db
      .insert(siteSettings)
      .values({ key: 'trust.reviewFirstPosts', value: 7, updatedBy: admin.user.id });
    expect(await t.app.ctx.settings.get('trust.reviewFirstPosts')).toBe(2);
    t.advanceClock(SETTINGS_CACHE_MS + 1);
    expect(await t.app.ctx.settings.get('trust.reviewFirstPosts')).toBe(7);
  });

  it('fall back to the default when a stored value no longer fits its schema', async () => {
    await t.app.ctx.database.db
      .insert(siteSettings)
      .values({ key: 'trust.postLinks', value: 'retired-level' })
      .onConflictDoUpdate({ target: siteSettings.key, set: { value: 'retired-level' } });
    t.advanceClock(SETTINGS_CACHE_MS + 1);
    expect(await t.app.ctx.settings.get('trust.postLinks')).toBe('basic');
    expect((await settingsNow()).get('trust.postLinks')).toMatchObject({
      value: 'basic',
      isDefault: true,
    });
  });

  it('are limited per admin', async () => {
    const other = await makeMember(t, { displayName: 'Ada' });
    await promote(t, other.user.id, 'admin');
    for (let i = 0; i < limitRules.settingsWritePerUser.points - 1; i++) {
      await t.app.ctx.limits.consume('settingsWritePerUser', other.user.id);
    }
    expect((await put('trust.postLinks', { value: 'member' }, other.cookie)).statusCode).toBe(200);
    const refused = await put('trust.postLinks', { value: 'regular' }, other.cookie);
    expect(refused.statusCode).toBe(429);
    expect(await t.app.ctx.settings.get('trust.postLinks')).toBe('member');
  });
});
