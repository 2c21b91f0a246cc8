import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Member,
  makeMember,
  ORIGIN,
  promote,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app';
import type { AuditEntry } from '../../../contract/moderation';
import type { WatchedWord, WatchedWordInput, WatchedWordsResponse } from '../../../contract/safety';
import { PHRASES_CACHE_MS } from './lists';
import { safetyWatchedWords } from './tables';
import { HIDDEN } from './watched-matching';
import { MAX_WATCHED_PER_LANGUAGE } from './watched-words';

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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const URL = '/api/admin/safety/watched-words';

function call(method: Method, url: string, cookie?: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(method === 'GET' ? {} : { origin: ORIGIN }) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

async function add(input: Partial<WatchedWordInput> & { words: string }): Promise<WatchedWord> {
  const res = await call('POST', URL, admin.cookie, { action: 'flag', ...input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const remove = (id: string) => call('DELETE', `${URL}/${id}`, admin.cookie);

const watched = (text: string, language?: string) => t.app.ctx.safety.watched(text, language);

async function auditOf(subjectId: string): Promise<AuditEntry[]> {
  const res = await call('GET', `/api/admin/audit?subjectId=${subjectId}`, admin.cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('watched words', () => {
  it('are for admins only', async () => {
    const id = randomUUID();
    const routes: [Method, string, unknown?][] = [
      ['GET', URL],
      ['POST', URL, { words: 'scam', action: 'block' }],
      ['PATCH', `${URL}/${id}`, { action: 'hold' }],
      ['DELETE', `${URL}/${id}`],
    ];
    for (const [method, url, payload] of routes) {
      expect((await call(method, url, undefined, payload)).statusCode, url).toBe(401);
      expect((await call(method, url, member.cookie, payload)).statusCode, url).toBe(403);
      expect((await call(method, url, moderator.cookie, payload)).statusCode, url).toBe(403);
    }
  });

  it('start empty', async () => {
    const res = await call('GET', URL, admin.cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ language: 'en', languages: ['en'], words: [] });
    expect(await watched('buy now, a miracle cure')).toEqual({
      block: [],
      hold: [],
      flag: [],
      hide: [],
    });
  });

  it('are found by the face at once in this process, by action, as the admin wrote them', async () => {
    const entries = await Promise.all([
      add({ words: 'Scam*', action: 'block' }),
      add({ words: '  buy   now ', action: 'hold', note: 'Selling.' }),
      add({ words: 'miracle cure', action: 'flag' }),
      add({ words: 'darn', action: 'hide' }),
    ]);
    expect(entries[1]).toMatchObject({
      language: 'en',
      words: 'buy now',
      action: 'hold',
      note: 'Selling.',
      updatedBy: { id: admin.user.id, displayName: 'Adam' },
    });
    const text = 'BUY NOW: the Miracle Cure! Darn scammers. (Not scampi.)';
    const found = await watched(text);
    expect(found).toEqual({
      block: ['Scam*'],
      hold: ['buy now'],
      flag: ['miracle cure'],
      hide: ['darn'],
    });
    expect(t.app.ctx.safety.hideWords(text, found.hide)).toBe(
      `BUY NOW: the Miracle Cure! ${HIDDEN} scammers. (Not scampi.)`,
    );

    const list: WatchedWordsResponse = (await call('GET', URL, admin.cookie)).json();
    expect(list.words.map((w) => w.action)).toEqual(['block', 'hold', 'flag', 'hide']);
    for (const entry of entries) expect((await remove(entry.id)).statusCode).toBe(200);
    expect((await watched(text)).block).toEqual([]);
  });

  it('change only what is sent, and write every change to the audit log', async () => {
    const entry = await add({ words: 'snake oil', action: 'flag', note: 'Sellers.' });
    expect((await watched('pure snake oil')).flag).toEqual(['snake oil']);

    const held = await call('PATCH', `${URL}/${entry.id}`, admin.cookie, { action: 'hold' });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ words: 'snake oil', action: 'hold', note: 'Sellers.' });
    expect(await watched('pure snake oil')).toMatchObject({ flag: [], hold: ['snake oil'] });

    const reworded = await call('PATCH', `${URL}/${entry.id}`, admin.cookie, {
      words: 'snake oil*',
      note: '',
    });
    expect(reworded.json()).toMatchObject({ words: 'snake oil*', action: 'hold', note: null });
    expect((await watched('snake oils for sale')).hold).toEqual(['snake oil*']);

    expect((await remove(entry.id)).statusCode).toBe(200);
    expect((await watched('snake oils for sale')).hold).toEqual([]);
    expect((await remove(entry.id)).statusCode).toBe(404);
    const gone = await call('PATCH', `${URL}/${entry.id}`, admin.cookie, { action: 'flag' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().title).toMatch(/could not find/);

    const log = await auditOf(entry.id);
    expect(log.map((e) => e.action)).toEqual([
      'watched_word.remove',
      'watched_word.change',
      'watched_word.change',
      'watched_word.add',
    ]);
    for (const e of log) {
      expect(e.actor).toEqual({ id: admin.user.id, displayName: 'Adam' });
      expect(e.subject).toEqual({ kind: 'watched_word', id: entry.id });
    }
    expect(log[3]!.detail).toEqual({ language: 'en', words: 'snake oil', watchedAction: 'flag' });
    expect(log[2]!.detail).toMatchObject({
      watchedAction: 'hold',
      watchedActionBefore: 'flag',
      wordsBefore: 'snake oil',
    });
    expect(log[0]!.detail).toMatchObject({ words: 'snake oil*', watchedAction: 'hold' });
  });

  it('refuse the same words twice, whatever their capitals, accents or spaces', async () => {
    const first = await add({ words: 'Café scam', action: 'block' });
    for (const words of ['café scam', 'CAFE  SCAM', 'cafe scam']) {
      const twice = await call('POST', URL, admin.cookie, { words, action: 'flag' });
      expect(twice.statusCode, words).toBe(409);
      expect(twice.headers['content-type']).toContain('application/problem+json');
      expect(twice.json().errors).toHaveProperty('words');
    }
    const other = await add({ words: 'tea scam', action: 'flag' });
    const into = await call('PATCH', `${URL}/${other.id}`, admin.cookie, { words: 'Cafe Scam' });
    expect(into.statusCode).toBe(409);
    // With a * it is another entry; in another language too.
    const wider = await add({ words: 'cafe scam*', action: 'flag' });
    const welsh = await add({ words: 'cafe scam', action: 'flag', language: 'cy' });
    // An entry may keep its own words while it changes.
    const same = await call('PATCH', `${URL}/${first.id}`, admin.cookie, { words: 'café SCAM' });
    expect(same.statusCode, same.body).toBe(200);
    for (const entry of [first, other, wider, welsh]) await remove(entry.id);
  });

  it('refuse two entries changed into the same words at the same time', async () => {
    const [a, b] = await Promise.all([
      add({ words: 'racing one', action: 'flag' }),
      add({ words: 'racing two', action: 'flag' }),
    ]);
    const answers = await Promise.all(
      [a!, b!].map((entry) =>
        call('PATCH', `${URL}/${entry.id}`, admin.cookie, { words: 'racing both' }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    for (const entry of [a!, b!]) await remove(entry.id);
  });

  it('refuse bad entries with a problem that says what is wrong', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ words: '' }, 'words'],
      [{ words: '   ' }, 'words'],
      [{ words: 'a'.repeat(101) }, 'words'],
      [{ words: '!!!' }, 'words'],
      [{ words: '*scam' }, 'words'],
      [{ words: 'sc*m' }, 'words'],
      [{ words: 'scam *' }, 'words'],
      [{ words: '*' }, 'words'],
      [{ action: 'delete' }, 'action'],
      [{ action: undefined }, 'action'],
      [{ language: 'english' }, 'language'],
      [{ note: 'n'.repeat(301) }, 'note'],
      [{ regex: '.*' }, 'regex'],
    ];
    for (const [over, field] of bad) {
      const res = await call('POST', URL, admin.cookie, {
        words: 'scam',
        action: 'block',
        ...over,
      });
      expect(res.statusCode, JSON.stringify(over)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const errors = res.json().errors;
      expect(errors, JSON.stringify(over)).toHaveProperty(field);
      expect(errors[field], JSON.stringify(over)).not.toMatch(/safety\.fields/);
    }
    const unknown = await call('POST', URL, admin.cookie, { words: 'scam', action: 'delete' });
    expect(unknown.json().errors.action).toBe('Choose what to do: block, hold, flag or hide.');
    const long = await call('POST', URL, admin.cookie, { words: 'a'.repeat(101), action: 'flag' });
    expect(long.json().errors.words).toBe('Keep it to 100 letters or fewer.');
    // 100 letters are fine.
    const longest = await add({ words: 'a'.repeat(100), action: 'flag' });
    await remove(longest.id);

    const entry = await add({ words: 'grumble', action: 'flag' });
    const nothing = await call('PATCH', `${URL}/${entry.id}`, admin.cookie, {});
    expect(nothing.statusCode).toBe(422);
    const empty = await call('PATCH', `${URL}/${entry.id}`, admin.cookie, { words: ' ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors).toHaveProperty('words');
    await remove(entry.id);

    expect((await call('GET', `${URL}?language=x`, admin.cookie)).statusCode).toBe(400);
    expect((await call('DELETE', `${URL}/not-an-id`, admin.cookie)).statusCode).toBe(400);
  });

  it('are kept per language', async () => {
    const english = await add({ words: 'hooray', action: 'flag' });
    const british = await add({ words: 'bloke', action: 'hide', language: 'en-GB' });
    const welsh = await add({ words: 'diawl', action: 'hide', language: 'cy' });
    // A region watches its own words and its language's.
    expect(await watched('hooray, a bloke', 'en-GB')).toMatchObject({
      flag: ['hooray'],
      hide: ['bloke'],
    });
    expect(await watched('hooray, a bloke', 'en')).toMatchObject({ flag: ['hooray'], hide: [] });
    // A language with words of its own is watched with them and English's (the browser's
    // language is no way round the community's list); one with none, with English's.
    expect(await watched('hooray diawl', 'cy')).toMatchObject({
      flag: ['hooray'],
      hide: ['diawl'],
    });
    expect(await watched('hooray diawl', 'fr')).toMatchObject({ flag: ['hooray'], hide: [] });
    expect(await watched('hooray diawl')).toMatchObject({ flag: ['hooray'], hide: [] });

    const res = await call('GET', `${URL}?language=cy`, admin.cookie);
    expect(res.json()).toMatchObject({ language: 'cy', words: [{ id: welsh.id }] });
    expect(res.json().languages).toEqual(['cy', 'en', 'en-GB']);
    // Moving an entry to another language.
    const moved = await call('PATCH', `${URL}/${english.id}`, admin.cookie, { language: 'cy' });
    expect(moved.json()).toMatchObject({ language: 'cy', words: 'hooray' });
    expect(await watched('hooray', 'cy')).toMatchObject({ flag: ['hooray'] });
    expect(await watched('hooray', 'en')).toMatchObject({ flag: [] });
    for (const entry of [english, british, welsh]) await remove(entry.id);
  });

  it('reach other processes within the cache time', async () => {
    const db = t.app.ctx.database.db;
    expect((await watched('a tingly toe')).flag).toEqual([]);
    // Another process's write: this one does not know of it until its cache runs out.
    const [row] = await db
      .insert(safetyWatchedWords)
      .values({ language: 'en', words: 'tingly toe', key: 'tingly toe', action: 'flag' })
      .returning();
    expect((await watched('a tingly toe')).flag).toEqual([]);
    t.advanceClock(PHRASES_CACHE_MS + 1);
    expect((await watched('a tingly toe')).flag).toEqual(['tingly toe']);
    await remove(row!.id);
  });

  it(`hold at most ${MAX_WATCHED_PER_LANGUAGE} entries in a language`, async () => {
    const db = t.app.ctx.database.db;
    await db.insert(safetyWatchedWords).values(
      Array.from({ length: MAX_WATCHED_PER_LANGUAGE - 1 }, (_, i) => ({
        language: 'fr',
        words: `mot${i}`,
        key: `mot${i}`,
        action: 'flag' as const,
      })),
    );
    const last = await add({ words: 'dernier', action: 'flag', language: 'fr' });
    const over = await call('POST', URL, admin.cookie, {
      words: 'encore',
      action: 'flag',
      language: 'fr',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().title).toMatch(/full/);
    await remove(last.id);
  });
});
