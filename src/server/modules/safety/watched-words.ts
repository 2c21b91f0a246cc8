// Watched words as an administrator keeps them: listed, added, changed and taken away, each
// change written to the audit log in its own transaction and emptying this process's lists.
import {
  type WatchedAction,
  type WatchedWord,
  type WatchedWordChangeValues,
  type WatchedWordsResponse,
  type WatchedWordValues,
  watchedActions,
} from '../../../contract/safety';
import type { Tx } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { SafetyDeps } from './deps';
import { FALLBACK_LANGUAGE } from './lists';
import { canManageWatchedWords } from './permissions';
import { toWatchedWord } from './present';
import {
  deleteWatchedRow,
  insertWatched,
  sameWatched,
  updateWatchedRow,
  type WatchedRow,
  type WatchedValues,
  watchedById,
  watchedCountIn,
  watchedIn,
  watchedLanguages,
} from './queries';
import { watchedKey } from './watched-matching';

/** Every post is searched for every entry of its language: the list stays short enough to. */
export const MAX_WATCHED_PER_LANGUAGE = 1000;

const duplicate = () =>
  problems.conflict(t('safety.problems.watchedDuplicate'), {
    words: t('safety.problems.watchedDuplicate'),
  });
const full = () =>
  problems.conflict(t('safety.problems.watchedFull', { count: MAX_WATCHED_PER_LANGUAGE }));
const notFound = () => problems.notFound(t('safety.problems.watchedNotFound'));

/** PostgreSQL's unique_violation, as either driver reports it (drizzle wraps it in `cause`). */
function isDuplicateKey(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; ) {
    if (e.code === '23505') return true;
    e = e.cause as typeof e;
  }
  return false;
}

async function present(deps: SafetyDeps, rows: WatchedRow[]): Promise<WatchedWord[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.updatedBy ? [r.updatedBy] : [])))];
  const people = ids.length ? await deps.accounts.authorsByIds(ids) : new Map();
  return rows.map((row) => toWatchedWord(row, people));
}

/** What the audit log keeps of an entry: an admin's list, so its words too (no member's). */
const described = (row: Pick<WatchedRow, 'language' | 'words' | 'action'>) => ({
  language: row.language,
  words: row.words,
  watchedAction: row.action,
});

const actionOrder = new Map<WatchedAction, number>(watchedActions.map((a, i) => [a, i]));

/** One language's watched words, block first, and the languages that have some. */
export async function listWatchedWords(
  deps: SafetyDeps,
  actor: Actor,
  language = FALLBACK_LANGUAGE,
): Promise<WatchedWordsResponse> {
  if (!canManageWatchedWords(actor)) throw problems.forbidden();
  const [rows, known] = await Promise.all([
    watchedIn(deps.db, language),
    watchedLanguages(deps.db),
  ]);
  rows.sort((a, b) => actionOrder.get(a.action)! - actionOrder.get(b.action)!);
  return {
    language,
    languages: [...new Set([...known, FALLBACK_LANGUAGE])].sort(),
    words: await present(deps, rows),
  };
}

async function checkRoom(tx: Tx, language: string): Promise<void> {
  if ((await watchedCountIn(tx, language)) >= MAX_WATCHED_PER_LANGUAGE) throw full();
}

export async function createWatchedWord(
  deps: SafetyDeps,
  actor: Actor,
  values: WatchedWordValues,
): Promise<WatchedWord> {
  if (!canManageWatchedWords(actor)) throw problems.forbidden();
  await deps.limits.consume('safetyWatchedWritePerUser', actor.userId);
  const at = deps.now();
  const entry: WatchedValues = {
    language: values.language,
    words: values.words,
    key: watchedKey(values.words),
    action: values.action,
    note: values.note || null,
  };
  const row = await deps.db.transaction(async (tx) => {
    await checkRoom(tx, entry.language);
    const added = await insertWatched(tx, { ...entry, createdBy: actor.userId, at });
    if (!added) throw duplicate();
    await deps.audit(tx, {
      actorId: actor.userId,
      action: 'watched_word.add',
      subject: { kind: 'watched_word', id: added.id },
      detail: described(added),
      at,
    });
    return added;
  });
  deps.watched.clear();
  const [word] = await present(deps, [row]);
  return word!;
}

/** Changes what is sent of one entry; the rest stays as it was. */
export async function changeWatchedWord(
  deps: SafetyDeps,
  actor: Actor,
  id: string,
  change: WatchedWordChangeValues,
): Promise<WatchedWord> {
  if (!canManageWatchedWords(actor)) throw problems.forbidden();
  await deps.limits.consume('safetyWatchedWritePerUser', actor.userId);
  const at = deps.now();
  let row: WatchedRow;
  try {
    row = await deps.db.transaction(async (tx) => {
      const before = await watchedById(tx, id);
      if (!before) throw notFound();
      const words = change.words ?? before.words;
      const entry: WatchedValues = {
        language: change.language ?? before.language,
        words,
        key: watchedKey(words),
        action: change.action ?? before.action,
        note: change.note === undefined ? before.note : change.note || null,
      };
      if (await sameWatched(tx, entry.language, entry.key, id)) throw duplicate();
      if (entry.language !== before.language) await checkRoom(tx, entry.language);
      const changed = await updateWatchedRow(tx, id, { ...entry, updatedBy: actor.userId, at });
      if (!changed) throw notFound();
      await deps.audit(tx, {
        actorId: actor.userId,
        action: 'watched_word.change',
        subject: { kind: 'watched_word', id },
        detail: {
          ...described(changed),
          languageBefore: before.language,
          wordsBefore: before.words,
          watchedActionBefore: before.action,
        },
        at,
      });
      return changed;
    });
  } catch (error) {
    // Two admins changing two entries into the same words at once: the index tells.
    if (isDuplicateKey(error)) throw duplicate();
    throw error;
  }
  deps.watched.clear();
  const [word] = await present(deps, [row]);
  return word!;
}

export async function removeWatchedWord(deps: SafetyDeps, actor: Actor, id: string): Promise<void> {
  if (!canManageWatchedWords(actor)) throw problems.forbidden();
  await deps.limits.consume('safetyWatchedWritePerUser', actor.userId);
  const at = deps.now();
  await deps.db.transaction(async (tx) => {
    const removed = await deleteWatchedRow(tx, id);
    if (!removed) throw notFound();
    await deps.audit(tx, {
      actorId: actor.userId,
      action: 'watched_word.remove',
      subject: { kind: 'watched_word', id },
      detail: described(removed),
      at,
    });
  });
  deps.watched.clear();
}
