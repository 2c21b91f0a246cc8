import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';

/**
 * ACCESSIBILITY.md rule A6: interface text is plain. Short sentences, no
 * contractions, and easy words, measured by the Flesch-Kincaid grade.
 */

const MAX_WORDS_PER_SENTENCE = 20;
const MAX_AVERAGE_GRADE = 7;

// Every English strings file, whatever feature it belongs to.
const translation: unknown = Object.fromEntries(
  readdirSync(join(import.meta.dirname, 'en'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => [
      file.replace(/\.json$/, ''),
      JSON.parse(readFileSync(join(import.meta.dirname, 'en', file), 'utf8')),
    ]),
);

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      strings(child, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** The words a person reads: placeholders stand for one short word, bold marks go. */
function readable(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, 'Sam').replace(/\*\*/g, '');
}

function sentences(text: string): string[] {
  return readable(text)
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function words(text: string): string[] {
  return readable(text).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

const contraction = new RegExp(
  [
    "\\b\\w+n['’]t\\b", // don't, can't, won't, isn't
    "\\b\\w+['’](?:re|ll|ve|m|d)\\b", // we're, you'll, I've, I'm, I'd
    // 's after these is "is", "has" or "us"; after a noun it is a possessive, which is fine.
    "\\b(?:it|that|there|here|what|who|where|when|why|how|he|she|let|this|everyone|nobody)['’]s\\b",
  ].join('|'),
  'i',
);

function hasContraction(text: string): boolean {
  return contraction.test(text);
}

/** Flesch-Kincaid grade level; numbers count as one syllable. */
function grade(text: string): number | undefined {
  const all = words(text);
  if (all.length === 0) return undefined;
  const syllables = all.reduce((n, word) => n + Math.max(1, syllable(word)), 0);
  const sentenceCount = Math.max(1, sentences(text).length);
  return 0.39 * (all.length / sentenceCount) + 11.8 * (syllables / all.length) - 15.59;
}

const entries = strings(translation);

describe('the rules themselves', () => {
  it('finds contractions but lets possessives be', () => {
    for (const text of [
      "Don't wait.",
      'We can’t find it.',
      "It's here.",
      "We're sorry.",
      "You'll see.",
      "I'm fine.",
      "Let's go.",
      "I've done it.",
      "There's time.",
    ]) {
      expect(hasContraction(text), text).toBe(true);
    }
    for (const text of [
      "Do not share other people's details.",
      "The member's profile.",
      'It is here.',
      "Stroke survivors' stories.",
    ]) {
      expect(hasContraction(text), text).toBe(false);
    }
  });

  it('counts sentences and words as a reader would', () => {
    expect(sentences('Check your email. We sent a button! Did it come?')).toHaveLength(3);
    expect(words('Hello {{name}}, press **Read aloud**.')).toEqual([
      'Hello',
      'Sam',
      'press',
      'Read',
      'aloud',
    ]);
  });

  it('grades easy text low and hard text high', () => {
    expect(grade('The cat sat on the mat. It was warm.')!).toBeLessThan(2);
    expect(
      grade(
        'Notwithstanding considerable institutional heterogeneity, multidisciplinary rehabilitation interventions demonstrate substantial efficacy.',
      )!,
    ).toBeGreaterThan(14);
  });
});

describe('English interface text (ACCESSIBILITY.md A6)', () => {
  it('has strings to check', () => {
    expect(entries.length).toBeGreaterThan(100);
  });

  it(`has no sentence longer than ${MAX_WORDS_PER_SENTENCE} words`, () => {
    const long = entries.flatMap(([key, text]) =>
      sentences(text)
        .filter((s) => words(s).length > MAX_WORDS_PER_SENTENCE)
        .map((s) => `${key}: ${words(s).length} words: "${s}"`),
    );
    expect(long, 'split these sentences').toEqual([]);
  });

  it('has no contractions', () => {
    const found = entries
      .filter(([, text]) => hasContraction(text))
      .map(([key, text]) => `${key}: "${text}"`);
    expect(found, 'write the words out in full').toEqual([]);
  });

  it(`reads at grade ${MAX_AVERAGE_GRADE} or below on average (Flesch-Kincaid)`, () => {
    const grades = entries
      .map(([key, text]) => [key, grade(text)] as const)
      .filter((entry): entry is readonly [string, number] => entry[1] !== undefined);
    const average = grades.reduce((sum, [, g]) => sum + g, 0) / grades.length;
    const hardest = [...grades]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([key, g]) => `${key} (${g.toFixed(1)})`)
      .join(', ');
    expect(average, `hardest strings: ${hardest}`).toBeLessThanOrEqual(MAX_AVERAGE_GRADE);
  });
});
