import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  patchProfile,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import { forumClient } from '../../../../tests/support/forum';
import type { QueuePage } from '../../../contract/moderation';

/** "About me" is screened as it is saved, through the same safety face as posts (issue 11). */

const HIGH = 'I have saved up all my pills and I am going to take them tonight.';
const MEDIUM = 'Some days I just do not want to be here any more.';

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let writer: Member;
let reader: Member;
let moderator: Member;

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  [writer, reader, moderator] = await Promise.all([
    makeMember(t, { displayName: 'Pat Writer' }),
    makeMember(t, { displayName: 'Rae Reader' }),
    makeMember(t, { displayName: 'Mona Reed' }),
  ]);
  await promote(t, moderator.user.id, 'moderator');
});
afterAll(() => t?.close());

const aboutSeenBy = async (who: Member) =>
  (await call(who, 'GET', `/api/members/${writer.user.id}`)).json().about as string | null;
const profileCase = async () =>
  ((await call(moderator, 'GET', '/api/moderation/queue')).json() as QueuePage).items.find(
    (c) => c.subject.kind === 'profile' && c.subject.id === writer.user.id,
  );

describe('screening "about me"', () => {
  it('ordinary words: saved, no support panel, no case', async () => {
    const saved = await patchProfile(t, writer, { about: 'I love gardening and my dog Bess.' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().aboutCare).toEqual({ support: false });
    expect(await profileCase()).toBeUndefined();
    expect(await aboutSeenBy(reader)).toBe('I love gardening and my dog Bess.');
  });

  it('a plan: saved, support for the writer, a crisis case, and hidden from others until a moderator looks', async () => {
    const saved = await patchProfile(t, writer, { about: HIGH });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ about: HIGH, aboutCare: { support: true } });
    const opened = await profileCase();
    expect(opened).toMatchObject({ reason: 'screening', tier: 'high', priority: 'crisis' });
    expect(await aboutSeenBy(reader)).toBeNull();
    expect(await aboutSeenBy(writer)).toBe(HIGH);
    expect(await aboutSeenBy(moderator)).toBe(HIGH);

    // The moderator's case shows the words as written.
    const shown = await call(moderator, 'GET', `/api/moderation/cases/${opened!.id}`);
    expect(shown.json()).toMatchObject({ content: null, about: HIGH });
    expect(
      (await call(moderator, 'POST', `/api/moderation/cases/${opened!.id}/claim`)).statusCode,
    ).toBe(200);
    const acted = await call(moderator, 'POST', `/api/moderation/cases/${opened!.id}/actions`, {
      action: 'reach_out',
      reason: 'needs_support',
    });
    expect(acted.statusCode, acted.body).toBe(200);
    expect(await aboutSeenBy(reader)).toBe(HIGH);
  });

  it('ongoing thoughts: support and a case, and the words stay seen', async () => {
    const saved = await patchProfile(t, writer, { about: MEDIUM });
    expect(saved.json().aboutCare).toEqual({ support: true });
    expect(await profileCase()).toMatchObject({ reason: 'screening', tier: 'medium' });
    expect(await aboutSeenBy(reader)).toBe(MEDIUM);
  });
});
