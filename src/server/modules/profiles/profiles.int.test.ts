import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieFrom,
  latestTokenFor,
  type Member,
  makeMember,
  ORIGIN,
  patchProfile as patchProfileOf,
  requestEmailLink,
  startTestApp,
  type TestApp,
  verifyEmailLink,
} from '../../../../tests/support/app';
import { defaultPreferences } from '../../../contract/preferences';
import { experienceFields, HEALTH_CONSENT_VERSION } from '../../../contract/profiles';
import { t as translate } from '../../lib/i18n';
import { consents } from '../accounts/tables';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

function getProfile(m: Member) {
  return t.app.inject({ url: '/api/me/profile', headers: { cookie: m.cookie } });
}

const patchProfile = (m: Member, payload: Record<string, unknown>) => patchProfileOf(t, m, payload);

function viewMember(id: string, viewer?: Member) {
  return t.app.inject({
    url: `/api/members/${id}`,
    headers: viewer ? { cookie: viewer.cookie } : {},
  });
}

async function me(cookie: string) {
  const res = await t.app.inject({ url: '/api/me', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json().user;
}

function healthConsents(userId: string) {
  return t.app.ctx.database.db
    .select({ version: consents.version, withdrawnAt: consents.withdrawnAt })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.kind, 'health_data')))
    .orderBy(asc(consents.givenAt));
}

const noExperience = Object.fromEntries(experienceFields.map((f) => [f, null]));

describe('my profile', () => {
  it('starts empty and private, with no health consent', async () => {
    const m = await makeMember(t, { displayName: 'Rosa', role: 'caregiver', country: 'ie' });
    const res = await getProfile(m);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: m.user.id,
      displayName: 'Rosa',
      role: 'caregiver',
      about: '',
      country: 'IE',
      experience: noExperience,
      visibility: {
        ...Object.fromEntries(experienceFields.map((f) => [f, 'only_me'])),
        // Not health details: shown to members, as before they had their own setting.
        about: 'members',
        role: 'members',
      },
      roleShown: true,
      healthConsent: { given: false, version: null },
    });
  });

  it('needs a session', async () => {
    const get = await t.app.inject({ url: '/api/me/profile' });
    expect(get.statusCode).toBe(401);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: { origin: ORIGIN },
      payload: { about: 'hello' },
    });
    expect(patch.statusCode).toBe(401);
    expect(patch.headers['content-type']).toContain('application/problem+json');
  });

  it('saves about me, trimmed, and leaves what was not sent', async () => {
    const m = await makeMember(t, { displayName: 'Otto' });
    const res = await patchProfile(m, { about: '  I like gardens.\nAnd tea.  ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      about: 'I like gardens.\nAnd tea.',
      displayName: 'Otto',
      role: 'survivor',
    });
    const again = await patchProfile(m, {});
    expect(again.json().about).toBe('I like gardens.\nAnd tea.');
  });

  it('shows changes to name, role and country in /api/me', async () => {
    const m = await makeMember(t, { displayName: 'Before', role: 'survivor' });
    const res = await patchProfile(m, {
      displayName: '  After  ',
      role: 'peer_supporter',
      country: 'au',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: 'After',
      role: 'peer_supporter',
      country: 'AU',
    });
    expect(await me(m.cookie)).toMatchObject({
      displayName: 'After',
      role: 'peer_supporter',
      country: 'AU',
    });
    const cleared = await patchProfile(m, { country: null });
    expect(cleared.json().country).toBeNull();
    expect((await me(m.cookie)).country).toBeNull();
  });

  it('refuses a bad name or country with a message per field', async () => {
    const m = await makeMember(t);
    const res = await patchProfile(m, { displayName: 'x', country: 'Narnia' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      displayName: translate('fields.displayName.tooShort'),
      country: translate('fields.country.invalid'),
    });
    expect((await me(m.cookie)).displayName).toBe('Test Member');
  });

  it('tells a wrong kind of answer from a missing one', async () => {
    const m = await makeMember(t);
    const res = await patchProfile(m, { about: 123, role: null });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      about: translate('fields.generic.wrongType'),
      role: translate('fields.generic.chooseOption'),
    });
  });

  it('refuses hidden control characters in about me', async () => {
    const m = await makeMember(t);
    const res = await patchProfile(m, { about: 'Hello\u0000there' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({ about: translate('fields.generic.notRight') });
  });
});

describe('health details need consent', () => {
  it('refuses experience fields without consent, and saves nothing', async () => {
    const m = await makeMember(t);
    const res = await patchProfile(m, { about: 'Hello', experience: { aphasia: 'some' } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toBe(translate('problems.healthConsentNeeded'));
    expect(res.json().errors).toEqual({
      healthConsent: translate('fields.healthConsent.required'),
    });
    const profile = (await getProfile(m)).json();
    expect(profile.experience.aphasia).toBeNull();
    expect(profile.about).toBe('');
    expect(await healthConsents(m.user.id)).toEqual([]);
  });

  it('lets a person clear fields without consent', async () => {
    const m = await makeMember(t);
    const res = await patchProfile(m, { experience: { aphasia: null, strokeYear: null } });
    expect(res.statusCode).toBe(200);
    expect(res.json().healthConsent.given).toBe(false);
  });

  it('saves experience with consent, and records the consent and its version', async () => {
    const m = await makeMember(t);
    const res = await patchProfile(m, {
      healthConsent: true,
      experience: { strokeYear: 2021, aphasia: 'yes', sideAffected: 'right' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().healthConsent).toEqual({ given: true, version: HEALTH_CONSENT_VERSION });
    expect(res.json().experience).toEqual({
      ...noExperience,
      strokeYear: 2021,
      aphasia: 'yes',
      sideAffected: 'right',
    });
    const records = await healthConsents(m.user.id);
    expect(records).toEqual([{ version: HEALTH_CONSENT_VERSION, withdrawnAt: null }]);

    // Consent held: more details need no new tick, and no second record.
    const more = await patchProfile(m, { experience: { fatigue: 'some' } });
    expect(more.statusCode).toBe(200);
    expect(more.json().experience).toMatchObject({ strokeYear: 2021, fatigue: 'some' });
    const twice = await patchProfile(m, { healthConsent: true });
    expect(twice.statusCode).toBe(200);
    expect(await healthConsents(m.user.id)).toHaveLength(1);
  });

  it('erases the experience when consent is withdrawn', async () => {
    const m = await makeMember(t);
    await patchProfile(m, {
      healthConsent: true,
      experience: { strokeYear: 2019, mobilityAid: 'stick', driving: 'not_yet' },
      visibility: { strokeYear: 'members' },
    });
    const res = await patchProfile(m, { healthConsent: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().experience).toEqual(noExperience);
    expect(res.json().healthConsent).toEqual({ given: false, version: null });
    const [record] = await healthConsents(m.user.id);
    expect(record?.withdrawnAt).toBeInstanceOf(Date);

    // Without consent again, new details are refused.
    const after = await patchProfile(m, { experience: { strokeYear: 2019 } });
    expect(after.statusCode).toBe(422);
    expect(after.json().errors).toHaveProperty('healthConsent');
  });

  it('refuses to withdraw consent and save details in one go', async () => {
    const m = await makeMember(t);
    await patchProfile(m, { healthConsent: true, experience: { fatigue: 'yes' } });
    const res = await patchProfile(m, { healthConsent: false, experience: { fatigue: 'no' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      healthConsent: translate('fields.healthConsent.withdrawClears'),
    });
    const profile = (await getProfile(m)).json();
    expect(profile.experience.fatigue).toBe('yes');
    expect(profile.healthConsent.given).toBe(true);
  });

  it('refuses experience values outside their lists', async () => {
    const m = await makeMember(t);
    const res = await patchProfile(m, {
      healthConsent: true,
      experience: { strokeYear: 1800, aphasia: 'maybe' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual({
      'experience.strokeYear': translate('fields.strokeYear.range'),
      'experience.aphasia': translate('fields.generic.chooseOption'),
    });
  });
});

describe('who sees which field', () => {
  let owner: Member;
  let other: Member;

  beforeAll(async () => {
    owner = await makeMember(t, { displayName: 'Owner', role: 'survivor' });
    other = await makeMember(t, { displayName: 'Other' });
    const res = await patchProfile(owner, {
      about: 'Recovering slowly.',
      healthConsent: true,
      experience: {
        strokeYear: 2022,
        aphasia: 'some',
        sideAffected: 'left',
        fatigue: 'yes',
      },
      visibility: { strokeYear: 'members', aphasia: 'members', sideAffected: 'my_groups' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('keeps visibility I did not change', async () => {
    const res = await patchProfile(owner, { visibility: { fatigue: 'only_me' } });
    expect(res.json().visibility).toMatchObject({
      strokeYear: 'members',
      aphasia: 'members',
      sideAffected: 'my_groups',
      fatigue: 'only_me',
      driving: 'only_me',
    });
  });

  it('shows me every field I filled in', async () => {
    const res = await viewMember(owner.user.id, owner);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: owner.user.id,
      displayName: 'Owner',
      role: 'survivor',
      about: 'Recovering slowly.',
      experience: { strokeYear: 2022, aphasia: 'some', sideAffected: 'left', fatigue: 'yes' },
    });
  });

  it('shows another member only the fields for all members', async () => {
    const res = await viewMember(owner.user.id, other);
    expect(res.statusCode).toBe(200);
    // sideAffected is for my groups: no group in common yet. fatigue is only for me.
    expect(res.json()).toEqual({
      id: owner.user.id,
      displayName: 'Owner',
      role: 'survivor',
      about: 'Recovering slowly.',
      experience: { strokeYear: 2022, aphasia: 'some' },
    });
  });

  it('follows a change of visibility at once', async () => {
    await patchProfile(owner, { visibility: { aphasia: 'only_me', fatigue: 'members' } });
    const res = await viewMember(owner.user.id, other);
    expect(res.json().experience).toEqual({ strokeYear: 2022, fatigue: 'yes' });
    await patchProfile(owner, { visibility: { aphasia: 'members', fatigue: 'only_me' } });
  });

  it('shows nothing to someone not signed in', async () => {
    const res = await viewMember(owner.user.id);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).not.toContain('Recovering');
  });

  it('answers 404 in plain words for a member who is not there', async () => {
    const res = await viewMember(randomUUID(), other);
    expect(res.statusCode).toBe(404);
    expect(res.json().title).toBe(translate('problems.memberNotFound'));
  });
});

describe('accessibility preferences', () => {
  function patchPreferences(m: Member, payload: Record<string, unknown>) {
    return t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: { cookie: m.cookie, origin: ORIGIN },
      payload,
    });
  }

  it('changes only the keys sent, and keeps them across a new sign-in', async () => {
    const m = await makeMember(t, { preferences: { readAloudRate: 0.75 } });
    expect(m.user.preferences).toEqual({ ...defaultPreferences, readAloudRate: 0.75 });

    const first = await patchPreferences(m, { textSize: 'largest', highContrast: true });
    expect(first.statusCode).toBe(200);
    const expected = {
      ...defaultPreferences,
      readAloudRate: 0.75,
      textSize: 'largest',
      highContrast: true,
    };
    expect(first.json()).toEqual(expected);

    const second = await patchPreferences(m, { pictures: false });
    expect(second.json()).toEqual({ ...expected, pictures: false });
    expect((await me(m.cookie)).preferences).toEqual({ ...expected, pictures: false });

    // Sign out, then in again with a new email link: the preferences come back.
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: m.cookie, origin: ORIGIN },
    });
    expect(out.statusCode).toBe(200);
    expect(await me(m.cookie)).toBeNull();
    const ask = await requestEmailLink(t.app, m.email, m.ip);
    expect(ask.statusCode).toBe(202);
    const verify = await verifyEmailLink(t.app, await latestTokenFor(t.app, m.email), m.ip);
    expect(verify.statusCode).toBe(200);
    expect(verify.json().user.preferences).toEqual({ ...expected, pictures: false });
    const cookie = cookieFrom(verify)!;
    expect((await me(cookie)).preferences).toEqual({ ...expected, pictures: false });
  });

  it('refuses unknown keys and values out of range, and changes nothing', async () => {
    const m = await makeMember(t);
    const res = await patchPreferences(m, { textSize: 'huge', readAloudRate: 5, colour: 'red' });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().errors).sort()).toEqual(['colour', 'readAloudRate', 'textSize']);
    expect((await me(m.cookie)).preferences).toEqual(defaultPreferences);
  });

  it('needs a session', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: { origin: ORIGIN },
      payload: { textSize: 'large' },
    });
    expect(res.statusCode).toBe(401);
  });
});
