import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  ORIGIN,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import type {
  PhrasesResponse,
  SafetyPhrase,
  SafetyPhraseInput,
  TryScreeningResponse,
} from '../../../contract/safety';
import { PHRASES_CACHE_MS } from './lists';
import { seededPhrases } from './phrases.data';
import { safetyPhrases } from './tables';

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

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function call(method: Method, url: string, cookie?: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { origin: ORIGIN }) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

const entry = (over: Partial<SafetyPhraseInput> = {}): SafetyPhraseInput => ({
  language: 'en',
  text: 'feel quite grumbly',
  tier: 'medium',
  match: 'phrase',
  note: 'A test entry.',
  ...over,
});

async function add(over: Partial<SafetyPhraseInput> = {}): Promise<SafetyPhrase> {
  const res = await call('POST', '/api/admin/safety/phrases', admin.cookie, entry(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const screen = async (text: string, language?: string) =>
  (await t.app.ctx.safety.screen(text, language)).tier;

describe('the screening lists', () => {
  it('are for admins only', async () => {
    const id = randomUUID();
    const routes: [Method, string, unknown?][] = [
      ['GET', '/api/admin/safety/phrases'],
      ['POST', '/api/admin/safety/phrases', entry()],
      ['PUT', `/api/admin/safety/phrases/${id}`, entry()],
      ['DELETE', `/api/admin/safety/phrases/${id}`],
      ['POST', '/api/admin/safety/try', { text: 'hello' }],
    ];
    for (const [method, url, payload] of routes) {
      expect((await call(method, url, undefined, payload)).statusCode, url).toBe(401);
      expect((await call(method, url, member.cookie, payload)).statusCode, url).toBe(403);
      expect((await call(method, url, moderator.cookie, payload)).statusCode, url).toBe(403);
    }
    expect(await screen('I feel quite grumbly today')).toBe('none');
  });

  it('start with the seeded English list, highest tier first', async () => {
    const res = await call('GET', '/api/admin/safety/phrases', admin.cookie);
    expect(res.statusCode, res.body).toBe(200);
    const body: PhrasesResponse = res.json();
    expect(body.language).toBe('en');
    expect(body.languages).toContain('en');
    expect(body.phrases.length).toBe(seededPhrases.en!.length);
    expect(body.phrases.map((p) => p.text)).toContain('want to die');
    const tiers = body.phrases.map((p) => p.tier);
    expect(tiers[0]).toBe('high');
    expect(tiers.at(-1)).toBe('none');
    expect(body.phrases[0]?.updatedBy).toBeNull();
  });

  it('screen with the stored list, through the face', async () => {
    expect(await screen('I want to die')).toBe('medium');
    expect(await screen('I am going to kill myself tonight')).toBe('high');
    expect(await screen('This fatigue is killing me')).toBe('none');
    // Languages with no list of their own are screened with English.
    expect(await screen('I want to die', 'cy')).toBe('medium');
    expect(await screen('I want to die', 'en-US')).toBe('medium');
    expect(t.app.ctx.safety.personalDetails('Ring 07700 900123')).toEqual(['phone']);
  });

  it('take an admin’s additions, changes and removals at once in this process', async () => {
    expect(await screen('I feel quite grumbly today')).toBe('none');
    const added = await add({ text: '  Feel   QUITE grumbly ' });
    expect(added).toMatchObject({
      language: 'en',
      text: 'feel quite grumbly',
      tier: 'medium',
      match: 'phrase',
      note: 'A test entry.',
      updatedBy: { id: admin.user.id, displayName: 'Adam' },
    });
    expect(await screen('I feel quite grumbly today')).toBe('medium');

    const changed = await call(
      'PUT',
      `/api/admin/safety/phrases/${added.id}`,
      admin.cookie,
      entry({ tier: 'high', note: null }),
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ tier: 'high', note: null });
    expect(await screen('I feel quite grumbly today')).toBe('high');

    const removed = await call('DELETE', `/api/admin/safety/phrases/${added.id}`, admin.cookie);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await screen('I feel quite grumbly today')).toBe('none');
    const again = await call('DELETE', `/api/admin/safety/phrases/${added.id}`, admin.cookie);
    expect(again.statusCode).toBe(404);
    const gone = await call('PUT', `/api/admin/safety/phrases/${added.id}`, admin.cookie, entry());
    expect(gone.statusCode).toBe(404);
  });

  it('reach other processes within the cache time', async () => {
    const db = t.app.ctx.database.db;
    expect(await screen('my toes are tingly and odd')).toBe('none');
    // Another process's write: this one does not know of it until its cache runs out.
    await db
      .insert(safetyPhrases)
      .values({ language: 'en', text: 'toes are tingly', tier: 'low', match: 'phrase' });
    expect(await screen('my toes are tingly and odd')).toBe('none');
    t.advanceClock(PHRASES_CACHE_MS + 1);
    expect(await screen('my toes are tingly and odd')).toBe('low');
    await db.delete(safetyPhrases).where(eq(safetyPhrases.text, 'toes are tingly'));
    t.advanceClock(PHRASES_CACHE_MS + 1);
    expect(await screen('my toes are tingly and odd')).toBe('none');
  });

  it('keep lists per language', async () => {
    const welsh = await add({ language: 'cy', text: 'eisiau marw', tier: 'medium' });
    expect(await screen('dwi eisiau marw', 'cy')).toBe('medium');
    // A language with a list of its own is screened with that list.
    expect(await screen('I want to die', 'cy')).toBe('none');
    const res = await call('GET', '/api/admin/safety/phrases?language=cy', admin.cookie);
    expect(res.json()).toMatchObject({ language: 'cy', phrases: [{ id: welsh.id }] });
    expect(res.json().languages).toEqual(['cy', 'en']);
    await call('DELETE', `/api/admin/safety/phrases/${welsh.id}`, admin.cookie);
    expect(await screen('I want to die', 'cy')).toBe('medium');
  });

  it('refuse the same entry twice, whether added or changed into it', async () => {
    const first = await add({ text: 'grumbly toes' });
    const twice = await call('POST', '/api/admin/safety/phrases', admin.cookie, {
      ...entry({ text: 'Grumbly  toes' }),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors).toHaveProperty('text');
    const other = await add({ text: 'grumbly fingers' });
    const into = await call(
      'PUT',
      `/api/admin/safety/phrases/${other.id}`,
      admin.cookie,
      entry({ text: 'grumbly toes' }),
    );
    expect(into.statusCode).toBe(409);
    // The same words matched another way are another entry.
    await add({ text: 'grumbly toes', match: 'exact' });
    const kept = await call(
      'PUT',
      `/api/admin/safety/phrases/${first.id}`,
      admin.cookie,
      entry({ text: 'grumbly toes', tier: 'low' }),
    );
    expect(kept.statusCode, kept.body).toBe(200);
  });

  it('refuse bad entries with a problem that says what is wrong', async () => {
    const bad: [Partial<SafetyPhraseInput> | Record<string, unknown>, string][] = [
      [{ tier: 'none' }, 'tier'],
      [{ match: 'figurative', tier: 'high' }, 'tier'],
      [{ text: '...!?' }, 'text'],
      [{ text: 'x' }, 'text'],
      [{ text: 'one two three four five six seven eight nine ten eleven' }, 'text'],
      [{ text: 'a'.repeat(121) }, 'text'],
      [{ language: 'english' }, 'language'],
      [{ tier: 'urgent' }, 'tier'],
      [{ match: 'regex' }, 'match'],
      [{ note: 'n'.repeat(301) }, 'note'],
    ];
    for (const [over, field] of bad) {
      const res = await call('POST', '/api/admin/safety/phrases', admin.cookie, {
        ...entry(),
        ...over,
      });
      expect(res.statusCode, JSON.stringify(over)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors, JSON.stringify(over)).toHaveProperty(field);
    }
    const extra = await call('POST', '/api/admin/safety/phrases', admin.cookie, {
      ...entry(),
      regex: '.*',
    });
    expect(extra.statusCode).toBe(422);
    const badQuery = await call('GET', '/api/admin/safety/phrases?language=x', admin.cookie);
    expect(badQuery.statusCode).toBe(400);
  });

  it('lets an admin try words against a list, with what matched and why', async () => {
    const res = await call('POST', '/api/admin/safety/try', admin.cookie, {
      text: 'After my stroke I wanted to die. Ring me on 07700 900123.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body: TryScreeningResponse = res.json();
    expect(body.tier).toBe('low');
    expect(body.matches[0]).toMatchObject({
      tier: 'low',
      phraseTier: 'medium',
      text: 'want to die',
      rules: ['past'],
    });
    expect(body.personalDetails).toEqual(['phone']);
    const empty = await call('POST', '/api/admin/safety/try', admin.cookie, { text: '  ' });
    expect(empty.statusCode).toBe(422);
  });

  it('are seeded only where a language has no list, so edits survive a restart', async () => {
    const db = t.app.ctx.database.db;
    const [wanted] = await db
      .select()
      .from(safetyPhrases)
      .where(eq(safetyPhrases.text, 'want to die'));
    await call('DELETE', `/api/admin/safety/phrases/${wanted!.id}`, admin.cookie);
    const before = await db.select({ id: safetyPhrases.id }).from(safetyPhrases);
    await t.app.ctx.safety.ensureSeeded();
    const after = await db.select({ id: safetyPhrases.id }).from(safetyPhrases);
    expect(after.length).toBe(before.length);
    expect(await screen('want to die')).toBe('none');
    // Put it back for the tests that follow.
    await add({ text: 'want to die', tier: 'medium', note: null });
    expect(await screen('want to die')).toBe('medium');
  });
});
