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

export function createPhraseLists(db: Db, now: () => Date) {
  let cached: { until: number; lists: Promise<Map<string, CompiledList>> } | null = null;
  let lastGood: Map<string, CompiledList> | null = null;

  async function load(): Promise<Map<string, CompiledList>> {
    const byLanguage = new Map<string, PhraseEntry[]>();
    for (const row of await allEntries(db)) {
      const entries = byLanguage.get(row.language) ?? [];
      entries.push(row);
      byLanguage.set(row.language, entries);
    }
    const lists = new Map<string, CompiledList>();
    for (const [language, entries] of byLanguage) lists.set(language, compilePhrases(entries));
    lastGood = lists;
    return lists;
  }

  async function all(): Promise<Map<string, CompiledList>> {
    const at = now().getTime();
    let current = cached;
    if (!current || current.until <= at) {
      const lists = load();
      current = { until: at + PHRASES_CACHE_MS, lists };
      cached = current;
      // A database that fails for a moment must not stop screening: the last list holds.
      lists.catch(() => {
        if (cached?.lists === lists) cached = null;
      });
    }
    try {
      return await current.lists;
    } catch (error) {
      if (lastGood) return lastGood;
      throw error;
    }
  }

  return {
    /**
     * The list for a language: "en-GB" reads "en-GB", then "en"; a language with no list
     * of its own is screened with English, which is better than nothing.
     */
    async forLanguage(language?: string): Promise<CompiledList | undefined> {
      const lists = await all();
      const tag = (language ?? '').trim();
      const base = tag.slice(0, 2).toLowerCase();
      return lists.get(tag) ?? lists.get(base) ?? lists.get(FALLBACK_LANGUAGE);
    },

    clear(): void {
      cached = null;
    },
  };
}
