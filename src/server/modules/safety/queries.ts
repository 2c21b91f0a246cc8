// Reads and writes of the phrase lists and watched words, shared by the use cases; no rules here.
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { SafetyPhraseValues, WatchedAction } from '../../../contract/safety';
import type { Db, Tx } from '../../db';
import { safetyPhrases, safetyWatchedWords } from './tables';

export type PhraseRow = typeof safetyPhrases.$inferSelect;
export type WatchedRow = typeof safetyWatchedWords.$inferSelect;

/** What the engine needs of every entry, in every language. */
export function allEntries(db: Db) {
  return db
    .select({
      id: safetyPhrases.id,
      language: safetyPhrases.language,
      text: safetyPhrases.text,
      tier: safetyPhrases.tier,
      match: safetyPhrases.match,
    })
    .from(safetyPhrases);
}

export async function phrasesIn(db: Db, language: string): Promise<PhraseRow[]> {
  return db
    .select()
    .from(safetyPhrases)
    .where(eq(safetyPhrases.language, language))
    .orderBy(asc(safetyPhrases.tier), asc(safetyPhrases.text));
}

export async function languages(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ language: safetyPhrases.language })
    .from(safetyPhrases)
    .orderBy(asc(safetyPhrases.language));
  return rows.map((r) => r.language);
}

export async function countIn(db: Db, language: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(safetyPhrases)
    .where(eq(safetyPhrases.language, language));
  return Number(row?.n ?? 0);
}

/** Adds an entry; null when the list holds it already. */
export async function insertPhrase(
  db: Db,
  values: SafetyPhraseValues & { createdBy: string | null; at: Date },
): Promise<PhraseRow | null> {
  const { createdBy, at, ...entry } = values;
  const [row] = await db
    .insert(safetyPhrases)
    .values({ ...entry, createdBy, updatedBy: createdBy, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Another entry of the same words, matched the same way, in the same language. */
export async function sameEntry(db: Db, values: SafetyPhraseValues, exceptId: string) {
  const [row] = await db
    .select({ id: safetyPhrases.id })
    .from(safetyPhrases)
    .where(
      and(
        eq(safetyPhrases.language, values.language),
        eq(safetyPhrases.match, values.match),
        eq(safetyPhrases.text, values.text),
        ne(safetyPhrases.id, exceptId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function updatePhraseRow(
  db: Db,
  id: string,
  values: SafetyPhraseValues & { updatedBy: string; at: Date },
): Promise<PhraseRow | null> {
  const { at, ...entry } = values;
  const [row] = await db
    .update(safetyPhrases)
    .set({ ...entry, updatedAt: at })
    .where(eq(safetyPhrases.id, id))
    .returning();
  return row ?? null;
}

export async function deletePhraseRow(db: Db, id: string): Promise<boolean> {
  const deleted = await db
    .delete(safetyPhrases)
    .where(eq(safetyPhrases.id, id))
    .returning({ id: safetyPhrases.id });
  return deleted.length > 0;
}

/** What the matching needs of every watched word, in every language. */
export function allWatched(db: Db) {
  return db
    .select({
      language: safetyWatchedWords.language,
      words: safetyWatchedWords.words,
      action: safetyWatchedWords.action,
    })
    .from(safetyWatchedWords)
    .orderBy(asc(safetyWatchedWords.key));
}

export async function watchedIn(db: Db, language: string): Promise<WatchedRow[]> {
  return db
    .select()
    .from(safetyWatchedWords)
    .where(eq(safetyWatchedWords.language, language))
    .orderBy(asc(safetyWatchedWords.key));
}

export async function watchedLanguages(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ language: safetyWatchedWords.language })
    .from(safetyWatchedWords)
    .orderBy(asc(safetyWatchedWords.language));
  return rows.map((r) => r.language);
}

export async function watchedCountIn(db: Db | Tx, language: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(safetyWatchedWords)
    .where(eq(safetyWatchedWords.language, language));
  return Number(row?.n ?? 0);
}

export async function watchedById(db: Db | Tx, id: string): Promise<WatchedRow | null> {
  const [row] = await db
    .select()
    .from(safetyWatchedWords)
    .where(eq(safetyWatchedWords.id, id))
    .limit(1);
  return row ?? null;
}

export interface WatchedValues {
  language: string;
  words: string;
  key: string;
  action: WatchedAction;
  note: string | null;
}

/** Adds a watched word; null when its language holds the same plain form already. */
export async function insertWatched(
  db: Db | Tx,
  values: WatchedValues & { createdBy: string; at: Date },
): Promise<WatchedRow | null> {
  const { createdBy, at, ...entry } = values;
  const [row] = await db
    .insert(safetyWatchedWords)
    .values({ ...entry, createdBy, updatedBy: createdBy, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Another watched word of the same plain form in the same language. */
export async function sameWatched(db: Db | Tx, language: string, key: string, exceptId: string) {
  const [row] = await db
    .select({ id: safetyWatchedWords.id })
    .from(safetyWatchedWords)
    .where(
      and(
        eq(safetyWatchedWords.language, language),
        eq(safetyWatchedWords.key, key),
        ne(safetyWatchedWords.id, exceptId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function updateWatchedRow(
  db: Db | Tx,
  id: string,
  values: WatchedValues & { updatedBy: string; at: Date },
): Promise<WatchedRow | null> {
  const { at, ...entry } = values;
  const [row] = await db
    .update(safetyWatchedWords)
    .set({ ...entry, updatedAt: at })
    .where(eq(safetyWatchedWords.id, id))
    .returning();
  return row ?? null;
}

export async function deleteWatchedRow(db: Db | Tx, id: string): Promise<WatchedRow | null> {
  const [row] = await db
    .delete(safetyWatchedWords)
    .where(eq(safetyWatchedWords.id, id))
    .returning();
  return row ?? null;
}
