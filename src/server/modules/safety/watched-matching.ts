// Watched words as the forum meets them: whole words, any case, accents and repeated spaces
// ignored, and a `*` at the end for any ending. The text is made plain the way the screening
// makes it plain (normalise.ts: lower case, no accents, straight apostrophes), one character
// at a time, so every match can be traced back to the letters the person wrote.
import type { WatchedAction } from '../../../contract/safety';
import { plainLetters } from './normalise';

/** What stands in for a hidden word. */
export const HIDDEN = '■■■';

/** A word's letters: what must not touch a match on either side. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const WORD_CLASS = '[\\p{L}\\p{N}\\p{M}]';

/** Some words made plain, and for each plain character where it came from in the original. */
export interface PlainText {
  text: string;
  /** For each code unit of `text`, the original's [start, end) it stands for. */
  starts: number[];
  ends: number[];
}

const characterCache = new Map<string, string>();

/** One character made plain; may be more than one ("ﬁ" → "fi") or none (an accent alone). */
function plainCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (character.length === 1 && code < 0x80) {
    return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : character;
  }
  let plain = characterCache.get(character);
  if (plain === undefined) {
    // Zero-width and other invisible format characters must not split a word.
    plain = /\p{Cf}/u.test(character) ? '' : plainLetters(character).replace(/ς/g, 'σ');
    if (characterCache.size < 5_000) characterCache.set(character, plain);
  }
  return plain;
}

/** The text made plain, every run of spaces and line breaks one space, each character traced. */
export function toPlainText(original: string): PlainText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; ) {
    const point = original.codePointAt(i)!;
    const length = point > 0xffff ? 2 : 1;
    const character = original.slice(i, i + length);
    const end = i + length;
    if (/\s/u.test(character)) {
      if (text.endsWith(' ')) ends[ends.length - 1] = end;
      else {
        text += ' ';
        starts.push(i);
        ends.push(end);
      }
    } else {
      const plain = plainCharacter(character);
      if (plain === '' && starts.length > 0 && /\p{M}/u.test(character)) {
        // An accent written as its own character belongs to the letter before it.
        ends[ends.length - 1] = end;
      }
      for (let unit = 0; unit < plain.length; unit++) {
        text += plain[unit];
        starts.push(i);
        ends.push(end);
      }
    }
    i = end;
  }
  return { text, starts, ends };
}

/** How an entry is told apart from another: "Scam *" and "scam*" are the same entry. */
export function watchedKey(words: string): string {
  return toPlainText(words.trim()).text.trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The expression that finds an entry in plain text; null for one with no letters. */
export function watchedPattern(words: string): RegExp | null {
  let key = watchedKey(words);
  const anyEnding = key.endsWith('*');
  if (anyEnding) key = key.slice(0, -1).trimEnd();
  if (!/[\p{L}\p{N}]/u.test(key)) return null;
  // Only a word character needs a word's edge beside it: "c++" ends where its letters do.
  const before = WORD_CHARACTER.test(key[0]!) ? `(?<!${WORD_CLASS})` : '';
  const ending = anyEnding ? `${WORD_CLASS}*` : '';
  const after = anyEnding || WORD_CHARACTER.test(key.at(-1)!) ? `(?!${WORD_CLASS})` : '';
  return new RegExp(`${before}${escapeRegExp(key)}${ending}${after}`, 'gu');
}

export interface WatchedEntry {
  words: string;
  action: WatchedAction;
}

export interface CompiledWatched {
  entries: {
    words: string;
    action: WatchedAction;
    pattern: RegExp;
    /** The entry's first word, which the text must hold before the pattern is tried. */
    first: string | null;
    /** The first word is also the last, with a `*`: any word starting so will do. */
    firstIsStart: boolean;
  }[];
}

export type WatchedFound = Record<WatchedAction, string[]>;

export const nothingWatched = (): WatchedFound => ({ block: [], hold: [], flag: [], hide: [] });

const WORDS = /[\p{L}\p{N}\p{M}]+/gu;

/** A language's entries, ready to search with. Entries with the same key count once. */
export function compileWatched(entries: readonly WatchedEntry[]): CompiledWatched {
  const seen = new Set<string>();
  const compiled: CompiledWatched['entries'] = [];
  for (const entry of entries) {
    const key = watchedKey(entry.words);
    const pattern = watchedPattern(entry.words);
    if (!pattern || seen.has(key)) continue;
    seen.add(key);
    const first = WORD_CHARACTER.test(key[0]!) ? (key.match(WORDS)?.[0] ?? null) : null;
    const firstIsStart = first !== null && key === `${first}*`;
    compiled.push({ words: entry.words, action: entry.action, pattern, first, firstIsStart });
  }
  return { entries: compiled };
}

/** Whether a sorted list of words holds one that starts with `start`. */
function holdsStart(sorted: string[], start: string): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < start) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low]!.startsWith(start);
}

/** Which entries some words hold, by action, each as the admin wrote it. */
export function findWatched(text: string, list: CompiledWatched): WatchedFound {
  const found = nothingWatched();
  if (list.entries.length === 0 || !/[\p{L}\p{N}]/u.test(text)) return found;
  const plain = toPlainText(text).text;
  // Most entries' first word is not in a post at all: a set of its words says so quickly.
  const words = new Set(plain.match(WORDS));
  let sorted: string[] | null = null;
  for (const entry of list.entries) {
    if (entry.first !== null) {
      if (entry.firstIsStart) {
        sorted ??= [...words].sort();
        if (!holdsStart(sorted, entry.first)) continue;
      } else if (!words.has(entry.first)) continue;
    }
    entry.pattern.lastIndex = 0;
    if (entry.pattern.test(plain)) found[entry.action].push(entry.words);
  }
  return found;
}

const patternCache = new Map<string, RegExp | null>();

function cachedPattern(words: string): RegExp | null {
  let pattern = patternCache.get(words);
  if (pattern === undefined) {
    pattern = watchedPattern(words);
    if (patternCache.size > 2_000) patternCache.clear();
    patternCache.set(words, pattern);
  }
  return pattern;
}

/**
 * The text with every match of these entries replaced by ■■■, and nothing else changed.
 * Run it on the words as written (Markdown), not on HTML, whose tags it would not know.
 */
export function hideWords(text: string, words: readonly string[]): string {
  if (words.length === 0 || text.length === 0) return text;
  const plain = toPlainText(text);
  const spans: [number, number][] = [];
  for (const entry of words) {
    const pattern = cachedPattern(entry);
    if (!pattern) continue;
    pattern.lastIndex = 0;
    for (const match of plain.text.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      const last = match.index + match[0].length - 1;
      spans.push([plain.starts[match.index]!, plain.ends[last]!]);
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (end <= at) continue;
    // Overlapping matches ("buy now" and "now") are hidden as one.
    if (start < at) {
      at = end;
      continue;
    }
    out += `${text.slice(at, start)}${HIDDEN}`;
    at = end;
  }
  return out + text.slice(at);
}
