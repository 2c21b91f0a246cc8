// Safety: what people write is screened against phrase lists kept as data per language,
// checked for personal details, and searched for watched words. Other modules reach it
// through its face.
import type {
  SafetyPhraseValues,
  WatchedWordChangeValues,
  WatchedWordValues,
} from '../../../contract/safety';
import type { Actor } from '../../lib/access';
import { type SafetyServiceDeps, safetyDeps } from './deps';
import { createSafetyFace } from './face';
import {
  createPhrase,
  deletePhrase,
  ensureSeeded,
  listPhrases,
  tryScreening,
  updatePhrase,
} from './phrases';
import {
  changeWatchedWord,
  createWatchedWord,
  listWatchedWords,
  removeWatchedWord,
} from './watched-words';

export type SafetyService = ReturnType<typeof createSafetyService>;

export function createSafetyService(options: SafetyServiceDeps) {
  const deps = safetyDeps(options);
  return {
    ...createSafetyFace(deps),
    /** Puts the seeded lists in on first start; never overwrites an administrator's edits. */
    ensureSeeded: () => ensureSeeded(deps),
    phrases: (actor: Actor, language?: string) => listPhrases(deps, actor, language),
    createPhrase: (actor: Actor, values: SafetyPhraseValues) => createPhrase(deps, actor, values),
    updatePhrase: (actor: Actor, id: string, values: SafetyPhraseValues) =>
      updatePhrase(deps, actor, id, values),
    deletePhrase: (actor: Actor, id: string) => deletePhrase(deps, actor, id),
    tryScreening: (actor: Actor, body: { language: string; text: string }) =>
      tryScreening(deps, actor, body),
    watchedWords: (actor: Actor, language?: string) => listWatchedWords(deps, actor, language),
    createWatchedWord: (actor: Actor, values: WatchedWordValues) =>
      createWatchedWord(deps, actor, values),
    changeWatchedWord: (actor: Actor, id: string, change: WatchedWordChangeValues) =>
      changeWatchedWord(deps, actor, id, change),
    removeWatchedWord: (actor: Actor, id: string) => removeWatchedWord(deps, actor, id),
  };
}
