// Watched words as the forum's posts meet them: compiled once per language, kept a short
// while in each process (like the phrase lists), and emptied whenever this process changes them.
import type { Db } from '../../db';
import { FALLBACK_LANGUAGE, keptAWhile, languageTags, PHRASES_CACHE_MS } from './lists';
import { allWatched } from './queries';
import { type CompiledWatched, compileWatched, type WatchedEntry } from './watched-matching';

export type WatchedLists = ReturnType<typeof createWatchedLists>;

export function createWatchedLists(db: Db, now: () => Date) {
  const lists = keptAWhile(
    async () => {
      const byLanguage = new Map<string, WatchedEntry[]>();
      for (const row of await allWatched(db)) {
        const entries = byLanguage.get(row.language) ?? [];
        entries.push(row);
        byLanguage.set(row.language, entries);
      }
      return byLanguage;
    },
    now,
    PHRASES_CACHE_MS,
  );
  const compiled = new Map<string, CompiledWatched>();
  let compiledFrom: Map<string, WatchedEntry[]> | null = null;

  return {
    /**
     * The words watched in a language: its own, its base language's, and always English's
     * ("en", the list every post meets).
     */
    async forLanguage(language?: string): Promise<CompiledWatched> {
      const all = await lists.get();
      if (compiledFrom !== all) {
        compiled.clear();
        compiledFrom = all;
      }
      const { tag, base } = languageTags(language);
      const own = tag !== base ? (all.get(tag) ?? []) : [];
      const known = all.has(tag) || all.has(base);
      const key = known ? tag : FALLBACK_LANGUAGE;
      let list = compiled.get(key);
      if (!list) {
        // The region's own entries first, so they win over the language's for the same words.
        // English's are always watched too: a language picked by the writer's browser must
        // not be a way round the community's list.
        const entries = known
          ? [
              ...own,
              ...(all.get(base) ?? []),
              ...(base !== FALLBACK_LANGUAGE ? (all.get(FALLBACK_LANGUAGE) ?? []) : []),
            ]
          : (all.get(FALLBACK_LANGUAGE) ?? []);
        list = compileWatched(entries);
        compiled.set(key, list);
      }
      return list;
    },

    clear: lists.clear,
  };
}
