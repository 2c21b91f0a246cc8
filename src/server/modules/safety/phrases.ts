// The phrase lists as an administrator keeps them: seeded once per language, then listed,
// added to, changed and taken from. Every change empties this process's compiled lists.
import type {
  PhrasesResponse,
  SafetyPhrase,
  SafetyPhraseValues,
  TryScreeningResponse,
} from '../../../contract/safety';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { SafetyDeps } from './deps';
import { FALLBACK_LANGUAGE } from './lists';
import { canManagePhrases } from './permissions';
import { personalDetails } from './personal-details';
import { seededPhrases } from './phrases.data';
import { toPhrase } from './present';
import {
  countIn,
  deletePhraseRow,
  insertPhrase,
  languages,
  type PhraseRow,
  phrasesIn,
  sameEntry,
  updatePhraseRow,
} from './queries';
import { compilePhrases, phraseProblem, screenText } from './screening';
import { safetyPhrases } from './tables';

/** Puts each seeded list in when its language has none; never overwrites an administrator's. */
export async function ensureSeeded({ db }: SafetyDeps): Promise<void> {
  for (const [language, seeds] of Object.entries(seededPhrases)) {
    if ((await countIn(db, language)) > 0) continue;
    await db
      .insert(safetyPhrases)
      .values(
        seeds.map((s) => ({
          language,
          text: s.text,
          tier: s.tier,
          match: s.match,
          note: s.note ?? null,
        })),
      )
      .onConflictDoNothing();
  }
}

async function present(deps: SafetyDeps, rows: PhraseRow[]): Promise<SafetyPhrase[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.updatedBy ? [r.updatedBy] : [])))];
  const people = ids.length ? await deps.accounts.authorsByIds(ids) : new Map();
  return rows.map((row) => toPhrase(row, people));
}

const duplicate = () =>
  problems.conflict(t('safety.problems.duplicate'), { text: t('safety.problems.duplicate') });

function checkEntry(values: SafetyPhraseValues): void {
  const problem = phraseProblem(values.text);
  if (problem) throw problems.invalid({ text: t(problem) });
}

/** One language's list, highest tier first, and the languages that have one. */
export async function listPhrases(
  deps: SafetyDeps,
  actor: Actor,
  language = FALLBACK_LANGUAGE,
): Promise<PhrasesResponse> {
  if (!canManagePhrases(actor)) throw problems.forbidden();
  const [rows, known] = await Promise.all([phrasesIn(deps.db, language), languages(deps.db)]);
  const order = { high: 0, medium: 1, low: 2, none: 3 };
  rows.sort((a, b) => order[a.tier] - order[b.tier] || a.text.localeCompare(b.text));
  return {
    language,
    languages: [...new Set([...known, FALLBACK_LANGUAGE])].sort(),
    phrases: await present(deps, rows),
  };
}

export async function createPhrase(
  deps: SafetyDeps,
  actor: Actor,
  values: SafetyPhraseValues,
): Promise<SafetyPhrase> {
  checkEntry(values);
  if (!canManagePhrases(actor)) throw problems.forbidden();
  await deps.limits.consume('safetyPhraseWritePerUser', actor.userId);
  const row = await insertPhrase(deps.db, { ...values, createdBy: actor.userId, at: deps.now() });
  if (!row) throw duplicate();
  deps.lists.clear();
  const [phrase] = await present(deps, [row]);
  return phrase!;
}

export async function updatePhrase(
  deps: SafetyDeps,
  actor: Actor,
  id: string,
  values: SafetyPhraseValues,
): Promise<SafetyPhrase> {
  checkEntry(values);
  if (!canManagePhrases(actor)) throw problems.forbidden();
  await deps.limits.consume('safetyPhraseWritePerUser', actor.userId);
  if (await sameEntry(deps.db, values, id)) throw duplicate();
  const row = await updatePhraseRow(deps.db, id, {
    ...values,
    updatedBy: actor.userId,
    at: deps.now(),
  });
  if (!row) throw problems.notFound(t('safety.problems.notFound'));
  deps.lists.clear();
  const [phrase] = await present(deps, [row]);
  return phrase!;
}

export async function deletePhrase(deps: SafetyDeps, actor: Actor, id: string): Promise<void> {
  if (!canManagePhrases(actor)) throw problems.forbidden();
  await deps.limits.consume('safetyPhraseWritePerUser', actor.userId);
  if (!(await deletePhraseRow(deps.db, id))) throw problems.notFound(t('safety.problems.notFound'));
  deps.lists.clear();
}

/** An administrator tries some words against a list as it stands now (not the cached one). */
export async function tryScreening(
  deps: SafetyDeps,
  actor: Actor,
  { language, text }: { language: string; text: string },
): Promise<TryScreeningResponse> {
  if (!canManagePhrases(actor)) throw problems.forbidden();
  await deps.limits.consume('safetyTryPerUser', actor.userId);
  const rows = await phrasesIn(deps.db, language);
  const result = screenText(text, compilePhrases(rows));
  const byId = new Map(rows.map((r) => [r.id, r.text]));
  return {
    tier: result.tier,
    matches: result.matches.map((m) => ({
      ...m,
      text: byId.get(m.phraseId) ?? t('safety.rules.farewellWithMeans'),
    })),
    personalDetails: personalDetails(text),
  };
}
