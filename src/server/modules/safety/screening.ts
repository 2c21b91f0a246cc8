// The screening engine: pure and fast. The phrase list (data, per language) says what to
// look for and how worrying each entry is; a few rules in code (screening-rules.ts) read
// the words around a match: a negation drops it, the past or a "you" makes it low, a
// figure of speech caps it, and intent, a time for an act or a means nearby make it high.
import type { PhraseMatch, ScreeningResult, ScreeningTier } from '../../../contract/safety';
import { type Inflection, type TextToken, tokenise } from './normalise';
import {
  isFarewellWithMeans,
  isNegated,
  isPast,
  isPlan,
  personOf,
  SMALL_WORDS,
  type Span,
} from './screening-rules';

/** One entry of the list, as stored. */
export interface PhraseEntry {
  id: string;
  text: string;
  tier: ScreeningTier;
  match: PhraseMatch;
}

interface CompiledToken {
  /** The entry's own word, as the rules compare it. */
  literal: string;
  keys: Set<string>;
  /** A small word a 'phrase' entry may miss. */
  optional: boolean;
}

interface CompiledPhrase {
  id: string;
  tier: ScreeningTier;
  match: PhraseMatch;
  tokens: CompiledToken[];
  /** The first word that must be there: where a search for this entry starts. */
  anchor: number;
}

export interface CompiledList {
  byAnchor: Map<string, CompiledPhrase[]>;
  /** 'words' entries, looked for sentence by sentence. */
  unordered: CompiledPhrase[];
  /** Every key of every entry's words, and those long enough to forgive a wrong letter. */
  vocabulary: Set<string>;
  nearby: Map<string, Set<string>>;
  /** Which list keys each misspelt word stood for, remembered while the list lives. */
  forgiven: Map<string, string[]>;
  size: number;
}

/** Other words allowed between two words of a 'phrase' entry, one step and all in all. */
const MAX_GAP = 2;
const MAX_TOTAL_GAP = 3;
/** Longest entry, in words. */
export const MAX_PHRASE_WORDS = 10;
/** Words this long or longer match with one letter wrong, missing or extra ("sucide"). */
const FORGIVING_LENGTH = 6;

const rank: Record<ScreeningTier, number> = { none: 0, low: 1, medium: 2, high: 3 };
const lower = (a: ScreeningTier, b: ScreeningTier) => (rank[a] <= rank[b] ? a : b);

/** Why an entry cannot be used as written (an i18n key), or null when it can. */
export function phraseProblem(text: string): string | null {
  const tokens = tokenise(text);
  if (tokens.length === 0) return 'safety.fields.text.noWords';
  if (tokens.length > MAX_PHRASE_WORDS) return 'safety.fields.text.tooManyWords';
  return null;
}

function compileOne(entry: PhraseEntry): CompiledPhrase | null {
  const words = tokenise(entry.text);
  if (words.length === 0 || words.length > MAX_PHRASE_WORDS) return null;
  const content = words.filter((w) => !SMALL_WORDS.has(w.base)).length;
  const loose = entry.match === 'phrase' && content >= 2;
  const tokens = words.map((w, i) => ({
    literal: w.base,
    keys: new Set(w.keys.keys()),
    // The last word always counts: "want to end it" is not "want to end the call".
    optional: loose && i < words.length - 1 && SMALL_WORDS.has(w.base),
  }));
  const anchor = Math.max(
    0,
    tokens.findIndex((t) => !t.optional),
  );
  return { id: entry.id, tier: entry.tier, match: entry.match, tokens, anchor };
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Turns the stored list into what the engine searches: do it once per change, not per text. */
export function compilePhrases(entries: PhraseEntry[]): CompiledList {
  const byAnchor = new Map<string, CompiledPhrase[]>();
  const unordered: CompiledPhrase[] = [];
  const vocabulary = new Set<string>();
  const nearby = new Map<string, Set<string>>();
  let size = 0;
  for (const entry of entries) {
    const phrase = compileOne(entry);
    if (!phrase) continue;
    size++;
    for (const token of phrase.tokens) {
      for (const key of token.keys) {
        vocabulary.add(key);
        if (key.length < FORGIVING_LENGTH) continue;
        for (const near of [key, ...deletions(key)]) {
          const keys = nearby.get(near) ?? new Set<string>();
          keys.add(key);
          nearby.set(near, keys);
        }
      }
    }
    if (phrase.match === 'words') {
      unordered.push(phrase);
      continue;
    }
    for (const key of phrase.tokens[phrase.anchor]!.keys) {
      const list = byAnchor.get(key) ?? [];
      list.push(phrase);
      byAnchor.set(key, list);
    }
  }
  return { byAnchor, unordered, vocabulary, nearby, forgiven: new Map(), size };
}

/** True when a and b differ by one letter changed, added, dropped or two swapped. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (restA.slice(1) === restB.slice(1)) return true; // changed
  if (restA.slice(1) === restB || restA === restB.slice(1)) return true; // dropped or added
  return restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2);
}

/** What one search needs. */
interface Search {
  tokens: TextToken[];
  list: CompiledList;
}

/** Words remembered per list: past this many, the memory starts again. */
const FORGIVEN_MEMORY = 50_000;

/** Keys of the list a misspelt word may stand for; none for a word the list knows as it is. */
function forgivenKeys(search: Search, token: TextToken): string[] {
  const word = token.base;
  const { forgiven } = search.list;
  const known = forgiven.get(word);
  if (known) return known;
  let found: string[] = [];
  const inList = [...token.keys.keys()].some((k) => search.list.vocabulary.has(k));
  if (!inList && word.length >= FORGIVING_LENGTH - 1 && /^[a-z]+$/.test(word)) {
    const candidates = new Set<string>();
    for (const near of [word, ...deletions(word)]) {
      for (const key of search.list.nearby.get(near) ?? []) candidates.add(key);
    }
    found = [...candidates].filter((key) => key[0] === word[0] && oneEditApart(word, key));
  }
  if (forgiven.size >= FORGIVEN_MEMORY) forgiven.clear();
  forgiven.set(word, found);
  return found;
}

/** How a text word matches a list word: undefined if not, else how the text word was bent. */
function matchKey(search: Search, token: TextToken, wanted: CompiledToken) {
  let how: Inflection | null | undefined;
  for (const [key, bent] of token.keys) {
    if (!wanted.keys.has(key)) continue;
    if (bent === null) return null;
    how ??= bent;
  }
  if (how !== undefined) return how;
  for (const key of forgivenKeys(search, token)) if (wanted.keys.has(key)) return null;
  return undefined;
}

interface Found extends Span {
  phrase: CompiledPhrase;
  /** For each matched position, the index of the entry's word it matched. */
  wordOf: number[];
  /** How the first matched word was bent: a past tense reads as history. */
  first: Inflection | null;
}

/** Matches the entry's words from the k-th on, after position pos: [position, word] pairs. */
function extend(
  search: Search,
  phrase: CompiledPhrase,
  k: number,
  pos: number,
  gaps: number,
  pairs: [number, number][],
): [number, number][] | null {
  if (k === phrase.tokens.length) return pairs;
  const { tokens } = search;
  const wanted = phrase.tokens[k]!;
  const limit = phrase.match === 'phrase' ? MAX_GAP : 0;
  const sentence = tokens[pos]!.sentence;
  for (let j = pos + 1; j <= pos + 1 + limit && j < tokens.length; j++) {
    if (tokens[j]!.sentence !== sentence) break;
    if (matchKey(search, tokens[j]!, wanted) === undefined) continue;
    const used = gaps + (j - pos - 1);
    if (used > MAX_TOTAL_GAP) break;
    const done = extend(search, phrase, k + 1, j, used, [...pairs, [j, k]]);
    if (done) return done;
    break;
  }
  return wanted.optional ? extend(search, phrase, k + 1, pos, gaps, pairs) : null;
}

function findOrdered(search: Search): Found[] {
  const found: Found[] = [];
  const { tokens, list } = search;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const candidates = new Set<CompiledPhrase>();
    for (const key of token.keys.keys()) {
      for (const phrase of list.byAnchor.get(key) ?? []) candidates.add(phrase);
    }
    for (const key of forgivenKeys(search, token)) {
      for (const phrase of list.byAnchor.get(key) ?? []) candidates.add(phrase);
    }
    for (const phrase of candidates) {
      const first = matchKey(search, token, phrase.tokens[phrase.anchor]!);
      if (first === undefined) continue;
      const pairs = extend(search, phrase, phrase.anchor + 1, i, 0, [[i, phrase.anchor]]);
      if (!pairs) continue;
      const positions = pairs.map(([p]) => p);
      const wordOf = pairs.map(([, k]) => k);
      found.push({ phrase, first, start: i, end: positions.at(-1)!, positions, wordOf });
    }
  }
  return found;
}

/** 'words' entries: every word somewhere in one sentence, in any order. */
function findUnordered(search: Search): Found[] {
  const found: Found[] = [];
  const { tokens, list } = search;
  if (list.unordered.length === 0 || tokens.length === 0) return found;
  let from = 0;
  while (from < tokens.length) {
    let to = from;
    while (to + 1 < tokens.length && tokens[to + 1]!.sentence === tokens[from]!.sentence) to++;
    for (const phrase of list.unordered) {
      const pairs: [number, number][] = [];
      for (const [k, wanted] of phrase.tokens.entries()) {
        let at = -1;
        for (let i = from; i <= to && at < 0; i++) {
          if (matchKey(search, tokens[i]!, wanted) !== undefined) at = i;
        }
        if (at < 0) break;
        pairs.push([at, k]);
      }
      if (pairs.length === phrase.tokens.length) {
        pairs.sort((a, b) => a[0] - b[0]);
        const positions = pairs.map(([p]) => p);
        const wordOf = pairs.map(([, k]) => k);
        const start = positions[0]!;
        found.push({ phrase, first: null, start, end: positions.at(-1)!, positions, wordOf });
      }
    }
    from = to + 1;
  }
  return found;
}

/** True when the word at a position is the entry's own word, not one matched through a stem. */
function literalAt(found: Found, tokens: TextToken[], position: number): boolean {
  const k = found.wordOf[found.positions.indexOf(position)];
  return k !== undefined && found.phrase.tokens[k]!.literal === tokens[position]!.base;
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;
const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;

/** Screens some words against a compiled list: the tier, and each entry that counted. */
export function screenText(text: string, list: CompiledList): ScreeningResult {
  const tokens = tokenise(text);
  const search: Search = { tokens, list };
  const found = [...findOrdered(search), ...findUnordered(search)];
  const figures = found.filter((f) => f.phrase.match === 'figurative');
  const counted = new Map<string, ScreeningResult['matches'][number]>();
  const count = (match: ScreeningResult['matches'][number]) => {
    const earlier = counted.get(match.phraseId);
    if (!earlier || rank[match.tier] > rank[earlier.tier]) counted.set(match.phraseId, match);
  };

  for (const f of found) {
    if (f.phrase.match === 'figurative' || isNegated(tokens, f)) continue;
    let tier = f.phrase.tier;
    const rules: string[] = [];
    const caps = figures.filter((fig) => overlaps(fig, f) && !contains(f, fig));
    if (caps.length > 0) {
      const cap = caps.map((fig) => fig.phrase.tier).reduce(lower);
      if (cap === 'none') continue;
      tier = lower(tier, cap);
      rules.push('figurative');
    }
    const person = personOf(tokens, f, (p) => literalAt(f, tokens, p));
    // Harm to someone else ("I could kill him") is not for this screening.
    if (person === 'other') continue;
    if (person === 2) {
      tier = lower(tier, 'low');
      rules.push('second-person');
    } else if (isPast(tokens, f, f.first)) {
      tier = lower(tier, 'low');
      rules.push('past');
    } else if (tier === 'medium' && caps.length === 0 && isPlan(tokens, f)) {
      tier = 'high';
      rules.push('plan');
    }
    if (person === 3) rules.push('third-person');
    count({ tier, phraseTier: f.phrase.tier, phraseId: f.phrase.id, rules });
  }
  if (isFarewellWithMeans(tokens)) {
    count({ tier: 'high', phraseTier: 'high', phraseId: 'rule:farewell-means', rules: ['plan'] });
  }

  const matches = [...counted.values()].sort((a, b) => rank[b.tier] - rank[a.tier]);
  const tier = matches.reduce<ScreeningTier>(
    (t, m) => (rank[m.tier] > rank[t] ? m.tier : t),
    'none',
  );
  return { tier, matches };
}
