import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  patchProfile as patchProfileOf,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import { categoryId, forumClient, postTopic } from '../../../../tests/support/forum';
import { t as translate } from '../../lib/i18n';
import { users } from '../accounts/tables';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const patchProfile = (m: Member, payload: Record<string, unknown>) => patchProfileOf(t, m, payload);

async function seenBy(viewer: Member, owner: Member) {
  const res = await t.app.inject({
    url: `/api/members/${owner.user.id}`,
    headers: { cookie: viewer.cookie },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

let reader: Member;
beforeAll(async () => {
  reader = await makeMember(t);
});

/** The role shown beside a new topic by this author, as another member reads it. */
async function roleBesidePost(author: Member): Promise<string | null> {
  const topicId = await postTopic(t, author, {
    categoryId: await categoryId(t, author, 'daily-life'),
  });
  const page = await forumClient(t)(reader, 'GET', `/api/forum/topics/${topicId}`);
  expect(page.statusCode, page.body).toBe(200);
  return page.json().topic.post.author.role;
}

describe('"about me" and the role have their own visibility', () => {
  it('hides "about me" and the role from others when set to "only me"', async () => {
    const owner = await makeMember(t, { role: 'caregiver' });
    const other = await makeMember(t);
    await patchProfile(owner, { about: 'My husband had a stroke in May.' });
    expect(await seenBy(other, owner)).toMatchObject({
      about: 'My husband had a stroke in May.',
      role: 'caregiver',
    });

    const res = await patchProfile(owner, { visibility: { about: 'only_me', role: 'only_me' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().visibility).toMatchObject({ about: 'only_me', role: 'only_me' });
    expect(await seenBy(other, owner)).toMatchObject({ about: null, role: null });
    // The owner still sees everything.
    expect(await seenBy(owner, owner)).toMatchObject({
      about: 'My husband had a stroke in May.',
      role: 'caregiver',
    });
  });

  it('shows the role beside posts only when all members may see it', async () => {
    const author = await makeMember(t, { role: 'caregiver' });
    expect(await roleBesidePost(author)).toBe('caregiver');
    await patchProfile(author, { visibility: { role: 'my_groups' } });
    expect(await roleBesidePost(author)).toBeNull();
    await patchProfile(author, { visibility: { role: 'only_me' } });
    expect(await roleBesidePost(author)).toBeNull();
  });

  it('never shows an unchecked "professional", and shows it once verified', async () => {
    const pro = await makeMember(t, { role: 'professional' });
    const other = await makeMember(t);
    expect(await roleBesidePost(pro)).toBeNull();
    expect((await seenBy(other, pro)).role).toBeNull();
    const mine = await t.app.inject({ url: '/api/me/profile', headers: { cookie: pro.cookie } });
    expect(mine.json()).toMatchObject({ role: 'professional', roleShown: false });

    // Verification comes with referrals; until then only the database can set it.
    await t.app.ctx.database.db
      .update(users)
      .set({ professionalVerifiedAt: new Date() })
      .where(eq(users.id, pro.user.id));
    expect(await roleBesidePost(pro)).toBe('professional');
    expect((await seenBy(other, pro)).role).toBe('professional');
  });
});

describe('withdrawing health consent asks about "about me"', () => {
  async function withStory(about: string) {
    const owner = await makeMember(t);
    const res = await patchProfile(owner, {
      about,
      healthConsent: true,
      experience: { strokeYear: 2020, aphasia: 'some' },
      visibility: { strokeYear: 'members' },
    });
    expect(res.statusCode).toBe(200);
    return owner;
  }

  it('asks, in plain words, whether to keep "about me" visible, and changes nothing until answered', async () => {
    const owner = await withStory('Since my stroke I get tired fast.');
    const res = await patchProfile(owner, { healthConsent: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().title).toBe(translate('problems.keepAboutVisibleQuestion'));
    expect(res.json().errors).toEqual({
      keepAboutVisible: translate('fields.keepAboutVisible.required'),
    });
    const profile = (
      await t.app.inject({ url: '/api/me/profile', headers: { cookie: owner.cookie } })
    ).json();
    expect(profile.healthConsent.given).toBe(true);
    expect(profile.experience.strokeYear).toBe(2020);
  });

  it('hides "about me" from others when the answer is no', async () => {
    const owner = await withStory('Since my stroke I get tired fast.');
    const other = await makeMember(t);
    const res = await patchProfile(owner, { healthConsent: false, keepAboutVisible: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      healthConsent: { given: false },
      about: 'Since my stroke I get tired fast.',
      visibility: { about: 'only_me' },
    });
    expect(res.json().experience.strokeYear).toBeNull();
    const seen = await seenBy(other, owner);
    expect(seen.about).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('tired');
  });

  it('keeps "about me" as it was when the answer is yes', async () => {
    const owner = await withStory('I like gardens.');
    const other = await makeMember(t);
    const res = await patchProfile(owner, { healthConsent: false, keepAboutVisible: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().visibility.about).toBe('members');
    expect((await seenBy(other, owner)).about).toBe('I like gardens.');
  });

  it('does not ask when there is nothing others can read', async () => {
    const owner = await withStory('');
    const res = await patchProfile(owner, { healthConsent: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().healthConsent.given).toBe(false);
  });
});
