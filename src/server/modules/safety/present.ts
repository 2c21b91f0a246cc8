import type { SafetyPhrase, WatchedWord } from '../../../contract/safety';
import type { PhraseRow, WatchedRow } from './queries';

export function toPhrase(
  row: PhraseRow,
  people: Map<string, { displayName: string }>,
): SafetyPhrase {
  const by = row.updatedBy ? people.get(row.updatedBy) : undefined;
  return {
    id: row.id,
    language: row.language,
    text: row.text,
    tier: row.tier,
    match: row.match,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy && by ? { id: row.updatedBy, displayName: by.displayName } : null,
  };
}

export function toWatchedWord(
  row: WatchedRow,
  people: Map<string, { displayName: string }>,
): WatchedWord {
  const by = row.updatedBy ? people.get(row.updatedBy) : undefined;
  return {
    id: row.id,
    language: row.language,
    words: row.words,
    action: row.action,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy && by ? { id: row.updatedBy, displayName: by.displayName } : null,
  };
}
