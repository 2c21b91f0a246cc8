// Reads and writes of the phrase lists, shared by the use cases; no rules here.
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { SafetyPhraseValues } from '../../../contract/safety';
import type { Db } from '../../db';
import { safetyPhrases } from './tables';

export type PhraseRow = typeof safetyPhrases.$inferSelect;

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
