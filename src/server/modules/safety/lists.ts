// The phrase lists as the engine searches them: compiled once, kept a short while in each
// process (like site settings), and emptied here whenever this process changes them.
import type { Db } from '../../db';
import { allEntries } from './queries';
import { type CompiledList, compilePhrases, type PhraseEntry } from './screening';

/** Other processes screen with a changed list within this long. */
export const PHRASES_CACHE_MS = 30_000;

/** The list screened with when none is kept for a person's language. */
export const FALLBACK_LANGUAGE = 'en';

export type PhraseLists = ReturnType<typeof createPhraseLists>;

/**
 * Something loaded from the database and kept `ms` in this process; emptied by `clear()`. A
 * database that fails for a moment must not stop screening: the last good value holds.
 */
export function keptAWhile<T>(load: () => Promise<T>, now: () => Date, ms: number) {
  let cached: { until: number; value: Promise<T> } | null = null;
  let lastGood: { value: T } | null = null;
  return {
    async get(): Promise<T> {
      const at = now().getTime();
      let current = cached;
      if (!current || current.until <= at) {
        const value = load().then((loaded) => {
          lastGood = { value: loaded };
          return loaded;
        });
        current = { until: at + ms, value };
        cached = current;
        value.catch(() => {
          if (cached?.value === value) cached = null;
        });
      }
      try {
        return await current.value;
      } catch (error) {
        if (lastGood) return lastGood.value;
        throw error;
      }
    },
    clear(): void {
      cached = null;
    },
  };
}

/** A language tag as the lists keep it ("EN-gb" → "en-GB"), and its language alone ("en"). */
export function languageTags(language?: string): { tag: string; base: string } {
  const [base = '', region] = (language ?? '').trim().split(/[-_]/);
  const lower = base.toLowerCase();
  return { tag: region ? `${lower}-${region.toUpperCase()}` : lower, base: lower };
}

export function createPhraseLists(db: Db, now: () => Date) {
  const lists = keptAWhile(
    async () => {
      const byLanguage = new Map<string, PhraseEntry[]>();
      for (const row of await allEntries(db)) {
        const entries = byLanguage.get(row.language) ?? [];
        entries.push(row);
        byLanguage.set(row.language, entries);
      }
      const compiled = new Map<string, CompiledList>();
      for (const [language, entries] of byLanguage) {
        compiled.set(language, compilePhrases(entries));
      }
      return compiled;
    },
    now,
    PHRASES_CACHE_MS,
  );

  return {
    /**
     * The list for a language: "en-GB" reads "en-GB", then "en"; a language with no list
     * of its own is screened with English, which is better than nothing.
     */
    async forLanguage(language?: string): Promise<CompiledList | undefined> {
      const all = await lists.get();
      const { tag, base } = languageTags(language);
      return all.get(tag) ?? all.get(base) ?? all.get(FALLBACK_LANGUAGE);
    },

    clear: lists.clear,
  };
}
