// The few structural rules the screening keeps in code, beside the phrase lists kept as data:
// which words negate, which mark the past, who the words are about, and what makes a plan.
// English for now: the word sets they read are in screening-words.ts.
import { skeleton, type TextToken } from './normalise';
import {
  FAREWELL,
  FIRST_PERSON,
  HARM_ACTION,
  HARM_STATE,
  HOARD,
  INSIDE_FIRST,
  INSIDE_SECOND,
  INSIDE_THIRD,
  INTENT,
  IRREALIS,
  LINKING,
  MEDICATION,
  METHOD,
  NEGATIONS,
  PAST_BEFORE,
  PAST_MARKERS,
  PERFECT,
  PRESENT_AGAIN,
  RECENT_MARKERS,
  RECENT_WORDS,
  REPORTING,
  SECOND_PERSON,
  THIRD_PERSON,
  TIME,
} from './screening-words';

export { SMALL_WORDS } from './screening-words';

export type Person = 1 | 2 | 3 | 'other';

/** A matched run of words: where it starts and ends, and the positions it used. */
export interface Span {
  start: number;
  end: number;
  positions: number[];
}

const hasKey = (token: TextToken, words: Set<string>) => {
  for (const key of token.keys.keys()) if (words.has(key)) return true;
  return false;
};

function runAt(tokens: TextToken[], i: number, run: string[]): boolean {
  return run.every((word, k) => tokens[i + k]?.base === word);
}

function anyRun(tokens: TextToken[], from: number, to: number, runs: string[][]): boolean {
  for (let i = from; i <= to; i++) if (runs.some((run) => runAt(tokens, i, run))) return true;
  return false;
}

/** First and last index of the sentence (or clause) that token i is in. */
export function extent(tokens: TextToken[], i: number, by: 'sentence' | 'clause') {
  const at = tokens[i]![by];
  let from = i;
  let to = i;
  while (from > 0 && tokens[from - 1]![by] === at) from--;
  while (to < tokens.length - 1 && tokens[to + 1]![by] === at) to++;
  return { from, to };
}

/**
 * "I would never hurt myself", "no plans to end my life", "I am not a burden": a negation
 * reaches the words, from before them or from among the words a 'phrase' entry skipped.
 * After them, only "…has never crossed my mind".
 */
export function isNegated(tokens: TextToken[], span: Span): boolean {
  for (let k = 1; k < span.positions.length; k++) {
    for (let j = span.positions[k - 1]! + 1; j < span.positions[k]!; j++) {
      if (NEGATIONS.has(tokens[j]!.base)) return true;
    }
  }
  const clause = tokens[span.start]!.clause;
  for (let j = span.start - 1, between = 0; j >= 0 && tokens[j]!.clause === clause; j--) {
    const word = tokens[j]!.base;
    if (NEGATIONS.has(word)) return true;
    if (!LINKING.has(word) || ++between > 4) break;
  }
  for (let j = span.end + 1; j <= span.end + 3 && tokens[j]?.clause === clause; j++) {
    if (NEGATIONS.has(tokens[j]!.base) && tokens[j + 1]?.keys.has(CROSS)) return true;
  }
  return false;
}

const CROSS = skeleton('cross');

/** Told as history: "after my stroke I wanted to die", "back then", "I was suicidal". */
export function isPast(tokens: TextToken[], span: Span, first: string | null): boolean {
  const sentence = extent(tokens, span.start, 'sentence');
  const clause = extent(tokens, span.start, 'clause');
  for (let i = sentence.from; i <= sentence.to; i++) {
    if (RECENT_WORDS.has(tokens[i]!.base)) return false;
  }
  if (anyRun(tokens, sentence.from, sentence.to, RECENT_MARKERS)) return false;
  for (let i = clause.from; i <= clause.to; i++) {
    if (PRESENT_AGAIN.has(tokens[i]!.base)) return false;
  }
  const before: string[] = [];
  for (let j = span.start - 1; j >= clause.from && before.length < 4; j--) {
    before.push(tokens[j]!.base);
  }
  // "wish I had died", "if I killed myself": the form is not the past, though a marker may be.
  const irrealis = before.some((w) => IRREALIS.has(w));
  const perfectBefore = (j: number) => {
    for (let k = j - 1; k >= Math.max(clause.from, j - 3); k--) {
      if (PERFECT.has(tokens[k]!.base)) return true;
    }
    return false;
  };
  const byForm = !irrealis && !before.some((w) => REPORTING.has(w));
  if (byForm && first === 'past' && !perfectBefore(span.start)) return true;
  for (let j = span.start - 1; byForm && j >= Math.max(clause.from, span.start - 3); j--) {
    if (PAST_BEFORE.has(tokens[j]!.base) && !perfectBefore(j)) return true;
  }
  return anyRun(tokens, sentence.from, sentence.to, PAST_MARKERS);
}

/**
 * Whom the words are about: a pronoun inside them ("killed her", "without me"), else the
 * nearest subject before. `literal` says which positions hold a word of the entry itself:
 * an entry's own "you" ("by the time you read this") says nothing of whom it is about.
 * "I am better off without him" is about the writer and someone else: 'other'.
 */
export function personOf(
  tokens: TextToken[],
  span: Span,
  literal: (position: number) => boolean,
): Person {
  let inside: Person | undefined;
  for (const p of span.positions) {
    const word = tokens[p]!.base;
    if (INSIDE_FIRST.has(word)) inside = 1;
    else if (INSIDE_THIRD.has(word)) inside = 3;
    else if (INSIDE_SECOND.has(word) && !literal(p)) inside = 2;
    if (inside) break;
  }
  if (inside === 1 || inside === 2) return inside;
  const before = subjectBefore(tokens, span.start);
  if (inside === 3) return before === 1 ? 'other' : 3;
  return before ?? 1;
}

function subjectBefore(tokens: TextToken[], start: number): Person | undefined {
  const sentence = tokens[start]!.sentence;
  for (let j = start - 1; j >= 0 && j >= start - 8; j--) {
    if (tokens[j]!.sentence !== sentence) break;
    const word = tokens[j]!.base;
    // "Has anyone else felt…" includes the writer.
    if (word === 'else' && /^(anyone|anybody|someone)$/.test(tokens[j - 1]?.base ?? '')) return 1;
    if (FIRST_PERSON.has(word)) return 1;
    if (SECOND_PERSON.has(word)) return 2;
    if (THIRD_PERSON.has(word)) return 3;
  }
  return undefined;
}

/** A plan: intent just before ("going to", "will"), a time for an act, or a means nearby. */
export function isPlan(tokens: TextToken[], span: Span): boolean {
  const inside = span.positions.map((p) => tokens[p]!);
  if (!inside.some((t) => hasKey(t, HARM_STATE) || hasKey(t, HARM_ACTION))) return false;
  const clause = extent(tokens, span.start, 'clause');
  for (let j = span.start - 1, between = 0; j >= clause.from && between <= 3; j--, between++) {
    const word = tokens[j]!.base;
    if (INTENT.has(word)) return true;
    if (word === 'going' && tokens[j + 1]?.base === 'to') return true;
    if (word === 'about' && tokens[j + 1]?.base === 'to') return true;
    if (!LINKING.has(word)) break;
  }
  if (inside.some((t) => hasKey(t, HARM_ACTION))) {
    for (let i = clause.from; i <= clause.to; i++) if (TIME.has(tokens[i]!.base)) return true;
  }
  const sentence = tokens[span.start]!.sentence;
  return hasMeans(tokens, (t) => Math.abs(t.sentence - sentence) <= 1);
}

/** A means or a place, or medication with a hoard in the same sentence, where `near` says. */
function hasMeans(tokens: TextToken[], near: (t: TextToken) => boolean): boolean {
  const hoarded = new Set<number>();
  const medicated = new Set<number>();
  for (const t of tokens) {
    if (!near(t)) continue;
    if (hasKey(t, METHOD)) return true;
    if (hasKey(t, MEDICATION)) medicated.add(t.sentence);
    if (HOARD.has(t.base)) hoarded.add(t.sentence);
  }
  for (const s of medicated) if (hoarded.has(s)) return true;
  return false;
}

/** "Goodbye everyone… the bridge": a farewell with a means or a place anywhere in the text. */
export function isFarewellWithMeans(tokens: TextToken[]): boolean {
  return tokens.some((t) => FAREWELL.has(t.base)) && hasMeans(tokens, () => true);
}
