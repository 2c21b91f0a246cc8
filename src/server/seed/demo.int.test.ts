import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/support/app';
import { tipThemes } from '../../contract/values';
import forumLocale from '../../locales/en/forum.json';
import { demoMemberIds, reseedDemo } from './demo';
import { seedDemoForum } from './demo-forum';
import { demoMembers } from './demo-members';

const forumWords = forumLocale;

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
  // Every part of the forum has several conversations, and every tips theme several tips.
  for (const category of categories as { slug: string; topicCount: number }[]) {
    expect(category.topicCount, category.slug).toBeGreaterThanOrEqual(3);
  }
  const list = await t.app.inject({
    url: '/api/forum/categories/daily-life/topics',
    headers: { cookie },
  });
  expect(list.json().topics.map((x: { title: string }) => x.title)).toContain(
    'Getting dressed with one good hand',
  );
  for (const theme of tipThemes) {
    const tips = await t.app.inject({ url: `/api/forum/tips?theme=${theme}`, headers: { cookie } });
    expect(tips.json().tips.length, theme).toBeGreaterThanOrEqual(3);
    expect(tips.json().tips[0].helpfulCount, theme).toBeGreaterThanOrEqual(2);
  }

  // The search page's own examples find something on the demo data.
  const hint: string = forumWords.search.wordsHelp;
  const examples = hint
    .replace(/^For example:\s*/, '')
    .replace(/\.$/, '')
    .split(/,\s*(?:or\s+)?/);
  expect(examples.length).toBeGreaterThanOrEqual(2);
  for (const words of examples) {
    const found = await t.app.inject({
      url: `/api/forum/search?q=${encodeURIComponent(words)}`,
      headers: { cookie },
    });
    expect(found.json().results.length, words).toBeGreaterThan(0);
  }
});
