import type { z } from 'zod';
import type { Ok } from '../../contract/common';
import type {
  PhrasesQuery,
  PhrasesResponse,
  SafetyPhrase,
  SafetyPhraseInput,
  TryScreeningBody,
  TryScreeningResponse,
  WatchedWord,
  WatchedWordChange,
  WatchedWordInput,
  WatchedWordsQuery,
  WatchedWordsResponse,
} from '../../contract/safety';
import { call, route } from './route';

/** The screening lists and watched words administrators keep, typed from `src/contract/safety.ts`. */
export const safetyRoutes = {
  phrases: route<PhrasesResponse, never, z.input<typeof PhrasesQuery>>()(
    'GET',
    '/admin/safety/phrases',
  ),
  addPhrase: route<SafetyPhrase, SafetyPhraseInput>()('POST', '/admin/safety/phrases'),
  changePhrase: route<SafetyPhrase, SafetyPhraseInput>()('PUT', '/admin/safety/phrases/:id'),
  removePhrase: route<Ok>()('DELETE', '/admin/safety/phrases/:id'),
  tryWords: route<TryScreeningResponse, TryScreeningBody>()('POST', '/admin/safety/try'),
  watchedWords: route<WatchedWordsResponse, never, z.input<typeof WatchedWordsQuery>>()(
    'GET',
    '/admin/safety/watched-words',
  ),
  addWatchedWord: route<WatchedWord, WatchedWordInput>()('POST', '/admin/safety/watched-words'),
  changeWatchedWord: route<WatchedWord, WatchedWordChange>()(
    'PATCH',
    '/admin/safety/watched-words/:id',
  ),
  removeWatchedWord: route<Ok>()('DELETE', '/admin/safety/watched-words/:id'),
} as const;

export const getPhrases = (language: string) => call(safetyRoutes.phrases, { query: { language } });
export const addPhrase = (body: SafetyPhraseInput) => call(safetyRoutes.addPhrase, { body });
export const changePhrase = (id: string, body: SafetyPhraseInput) =>
  call(safetyRoutes.changePhrase, { params: { id }, body });
export const removePhrase = (id: string) => call(safetyRoutes.removePhrase, { params: { id } });
export const tryWords = (body: TryScreeningBody) => call(safetyRoutes.tryWords, { body });
export const getWatchedWords = (language: string) =>
  call(safetyRoutes.watchedWords, { query: { language } });
export const addWatchedWord = (body: WatchedWordInput) =>
  call(safetyRoutes.addWatchedWord, { body });
export const changeWatchedWord = (id: string, body: WatchedWordChange) =>
  call(safetyRoutes.changeWatchedWord, { params: { id }, body });
export const removeWatchedWord = (id: string) =>
  call(safetyRoutes.removeWatchedWord, { params: { id } });
