import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Member, makeMember, startTestApp, type TestApp } from '../../../../tests/support/app';
import {
  categoryId,
  expectProblem,
  forgetWriteLimits,
  forumClient,
  postReply,
  postTopic,
} from '../../../../tests/support/forum';
import { hostileCorpus, refusedCorpus } from '../../../../tests/support/hostile';
import { hasControlCharacter } from '../../../contract/common';
import { queryRows } from '../../db';
import { forumTopics } from './tables';

/**
 * Search matches the beginnings of words ("tired" finds "Tiredness"), offers "Did you mean"
 * from the forum's own words when nothing is found, and takes any text safely.
 */

let t: TestApp;
let call: ReturnType<typeof forumClient>;
let ann: Member;
let bob: Member;
let reader: Member;

type Found = {
  results: { id: string; kind: string; snippet: string; topicId: string }[];
  page: number;
  hasMore: boolean;
  suggestion?: string;
};

async function search(words: string, extra = ''): Promise<Found> {
  const response = await call(
    reader,
    'GET',
    `/api/forum/search?q=${encodeURIComponent(words)}${extra}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  t = await startTestApp();
  call = forumClient(t);
  [ann, bob, reader] = await Promise.all([
    makeMember(t, { displayName: 'Ann' }),
    makeMember(t, { displayName: 'Bob' }),
    makeMember(t, { displayName: 'Reader' }),
  ]);
});
afterAll(() => t?.close());
beforeEach(() => forgetWriteLimits(t, [ann, bob, reader]));

describe('matching the beginnings of words', () => {
  it('"tired" finds "Tiredness", and the snippet marks the word found', async () => {
    const daily = await categoryId(t, ann, 'daily-life');
    const topicId = await postTopic(t, ann, {
      categoryId: daily,
      title: 'Tiredness after a short walk',
      body: 'The tiredness hits me in the afternoon, after walking to the shop.',
    });
    const replyId = await postReply(t, bob, topicId, 'Fatigue was my worst symptom too.');

    const tired = await search('tired');
    expect(tired.results.map((r) => r.id)).toContain(topicId);
    expect(tired.results.find((r) => r.id === topicId)!.snippet).toMatch(
      /\uE000[Tt]iredness\uE001/,
    );
    // The search page's own example, word for word.
    expect((await search('tired after walking')).results.map((r) => r.id)).toContain(topicId);
    // The start of a word, as a person may type it before finishing.
    expect((await search('fatig')).results.map((r) => r.id)).toEqual([replyId]);
    expect((await search('tired')).suggestion).toBeUndefined();
  });

  it('every word must match: one word that is nowhere finds nothing', async () => {
    const daily = await categoryId(t, ann, 'daily-life');
    await postTopic(t, ann, {
      categoryId: daily,
      title: 'Buttons and zips',
      body: 'Buttons are hard with one hand.',
    });
    expect((await search('buttons')).results).toHaveLength(1);
    expect((await search('buttons xylophoneqwerty')).results).toEqual([]);
  });
});

describe('"Did you mean"', () => {
  it('offers "speech" for "speach", and the suggestion finds what was meant', async () => {
    const speech = await categoryId(t, ann, 'speech-aphasia');
    const meant = await postTopic(t, ann, {
      categoryId: speech,
      title: 'Speech therapy at home',
      body: 'My speech comes back slowly. Speech practice every day helps.',
    });
    await postReply(t, bob, meant, 'Speech apps helped my dad with his speech.');
    // Near misses that a plain trigram match would rank above "speech".
    await postTopic(t, bob, {
      categoryId: speech,
      title: 'Out of reach',
      body: 'A peach on the shelf I could not reach. Each day I try.',
    });

    const misspelt = await search('speach');
    expect(misspelt.results).toEqual([]);
    expect(misspelt.suggestion).toBe('speech');
    expect((await search(misspelt.suggestion!)).results.map((r) => r.topicId)).toContain(meant);

    // Only the word that is wrong changes; the words that are right stay.
    expect((await search('speach therapy')).suggestion).toBe('speech therapy');
    // Within a category the suggestion must find something there too.
    const elsewhere = await categoryId(t, ann, 'feelings');
    expect((await search('speach', `&category=${elsewhere}`)).suggestion).toBeUndefined();
    expect((await search('speach', `&category=${speech}`)).suggestion).toBe('speech');
    // Nothing near enough: no suggestion rather than a wild guess.
    expect((await search('xylophoneqwerty')).suggestion).toBeUndefined();
  });

  it('never suggests a word from a removed post or from a group board', async () => {
    const daily = await categoryId(t, ann, 'daily-life');
    const gone = await postTopic(t, ann, {
      categoryId: daily,
      title: 'My quokka photos',
      body: 'A quokka smiled at me.',
    });
    expect((await search('quoka')).suggestion).toBe('quokka');
    expect((await call(ann, 'DELETE', `/api/forum/posts/topic/${gone}`)).statusCode).toBe(200);
    expect((await search('quoka')).suggestion).toBeUndefined();

    // A private board's words stay on the board: not in the word list at all.
    await t.app.ctx.database.db.insert(forumTopics).values({
      categoryId: null,
      groupId: randomUUID(),
      authorId: ann.user.id,
      clientKey: randomUUID(),
      title: 'Wombatine secrets',
      body: 'Wombatine words of the group.',
      bodyHtml: '<p>Wombatine words of the group.</p>',
      bodyText: 'Wombatine words of the group.',
    });
    const listed = await queryRows<{ word: string }>(
      t.app.ctx.database.db,
      sql`select word from forum_search_words where word like 'wombat%'`,
    );
    expect(listed).toEqual([]);
    expect((await search('wombatin')).suggestion).toBeUndefined();
  });

  it('learns the words of an edit', async () => {
    const daily = await categoryId(t, ann, 'daily-life');
    const topicId = await postTopic(t, ann, { categoryId: daily, title: 'About my week' });
    expect((await search('physiotherapyy')).suggestion).toBeUndefined();
    const edit = await call(ann, 'PATCH', `/api/forum/topics/${topicId}`, {
      body: 'Physiotherapy twice this week.',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await search('physiotherapyy')).suggestion).toBe('physiotherapy');
  });
});

describe('any words are safe to search', () => {
  // What the text-search syntax would read as operators, quotes or escapes.
  const syntax = [
    "'",
    "''",
    "tired' | 'x",
    'tired:*',
    'tired:A',
    'a & b | !c',
    '!!',
    '(tired',
    'tired <-> walk',
    'tired <2> walk',
    '\\',
    "\\'; drop table forum_topics; --",
    '"tired after"',
    '-tired',
    'or or or',
    'the and of',
    '%_%',
    '$1 $2',
    '::regconfig',
    'a'.repeat(200),
    'w '.repeat(100),
  ];
  const inputs = [
    ...syntax,
    ...Object.values(hostileCorpus).map((text) => text.trim().slice(0, 200)),
  ].filter((text) => text.length >= 2);

  it('hostile and syntax-like words answer 200 with results or none, never a 500', async () => {
    const daily = await categoryId(t, ann, 'daily-life');
    await postTopic(t, ann, { categoryId: daily, title: 'Still here', body: 'Tired but fine.' });
    for (const words of inputs) {
      const response = await call(
        reader,
        'GET',
        `/api/forum/search?q=${encodeURIComponent(words)}`,
      );
      expect(response.statusCode, `${JSON.stringify(words)}: ${response.body}`).toBe(200);
      expect(Array.isArray(response.json().results)).toBe(true);
    }
    // The table the injection attempt named is still there.
    expect((await search('tired')).results.length).toBeGreaterThan(0);
  });

  it('words the server cannot take are refused with plain words (400), never a 500', async () => {
    for (const [name, text] of Object.entries(refusedCorpus)) {
      if (!hasControlCharacter(text)) continue;
      const response = await call(reader, 'GET', `/api/forum/search?q=${encodeURIComponent(text)}`);
      expect(expectProblem(response, 400).errors?.q, name).toBeTruthy();
    }
  });
});
