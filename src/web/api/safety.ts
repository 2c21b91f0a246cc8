import type { z } from 'zod';
import type { Ok } from '../../contract/common';
import type {
  PhrasesQuery,
  PhrasesResponse,
  SafetyPhrase,
  SafetyPhraseInput,
  TryScreeningBody,
  TryScreeningResponse,
} from '../../contract/safety';
import { call, route } from './route';

/** The screening lists administrators keep, typed from `src/contract/safety.ts`. */
export const safetyRoutes = {
  phrases: route<PhrasesResponse, never, z.input<typeof PhrasesQuery>>()(
    'GET',
    '/admin/safety/phrases',
  ),
  addPhrase: route<SafetyPhrase, SafetyPhraseInput>()('POST', '/admin/safety/phrases'),
  changePhrase: route<SafetyPhrase, SafetyPhraseInput>()('PUT', '/admin/safety/phrases/:id'),
  removePhrase: route<Ok>()('DELETE', '/admin/safety/phrases/:id'),
  tryWords: route<TryScreeningResponse, TryScreeningBody>()('POST', '/admin/safety/try'),
} as const;

export const getPhrases = (language: string) => call(safetyRoutes.phrases, { query: { language } });
export const addPhrase = (body: SafetyPhraseInput) => call(safetyRoutes.addPhrase, { body });
export const changePhrase = (id: string, body: SafetyPhraseInput) =>
  call(safetyRoutes.changePhrase, { params: { id }, body });
export const removePhrase = (id: string) => call(safetyRoutes.removePhrase, { params: { id } });
export const tryWords = (body: TryScreeningBody) => call(safetyRoutes.tryWords, { body });
