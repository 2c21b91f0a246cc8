import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/support/app';
import { demoMemberIds, reseedDemo } from './demo';
import { seedDemoForum } from './demo-forum';
import { demoMembers } from './demo-members';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds the demo community, and seeding again replaces it without doubling anything', async () => {
  const { db } = t.app.ctx.database;
  for (let round = 0; round < 2; round++) {
    await reseedDemo(db);
    await seedDemoForum(t.app.ctx.forum, await demoMemberIds(db));
  }
  const accounts = await t.app.inject({ url: '/api/dev/demo-accounts' });
  expect(accounts.json().accounts).toHaveLength(demoMembers.length);
  const roles = new Set(accounts.json().accounts.map((a: { siteRole: string }) => a.siteRole));
  expect(roles).toEqual(new Set(['member', 'moderator', 'admin']));

  const maggie = accounts
    .json()
    .accounts.find((a: { displayName: string }) => a.displayName === 'Maggie R');
  const signIn = await t.app.inject({
    method: 'POST',
    url: '/api/dev/sign-in-as',
    headers: { origin: 'http://localhost:3000' },
    payload: { userId: maggie.id },
  });
  const cookie = `bt_session=${signIn.cookies.find((c) => c.name === 'bt_session')!.value}`;
  const { categories } = (
    await t.app.inject({ url: '/api/forum/categories', headers: { cookie } })
  ).json();
  const daily = categories.find((c: { slug: string }) => c.slug === 'daily-life');
  expect(daily.topicCount).toBe(1);
  const list = await t.app.inject({
    url: '/api/forum/categories/daily-life/topics',
    headers: { cookie },
  });
  expect(list.json().topics.map((x: { title: string }) => x.title)).toEqual([
    'Getting dressed with one good hand',
  ]);
  const tips = await t.app.inject({
    url: '/api/forum/tips?theme=daily_living',
    headers: { cookie },
  });
  expect(tips.json().tips[0]).toMatchObject({ kind: 'reply', helpfulCount: 3 });
});
