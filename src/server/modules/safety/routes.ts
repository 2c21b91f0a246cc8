import { IdParams, Ok } from '../../../contract/common';
import {
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
} from '../../../contract/safety';
import type { AppContext } from '../../context';
import { type Api, noBody, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['safety'];

export function safetyRoutes(api: Api, ctx: AppContext) {
  const { safety } = ctx;

  api.get(
    '/admin/safety/phrases',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "One language's screening list (?language=, English by default)",
        querystring: PhrasesQuery,
        response: { 200: PhrasesResponse, ...problemResponses },
      },
    },
    async (request) => safety.phrases(requireActor(request), request.query.language),
  );

  api.post(
    '/admin/safety/phrases',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add an entry to a screening list',
        body: SafetyPhraseInput,
        response: { 201: SafetyPhrase, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await safety.createPhrase(requireActor(request), request.body)),
  );

  api.put(
    '/admin/safety/phrases/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change an entry of a screening list',
        params: IdParams,
        body: SafetyPhraseInput,
        response: { 200: SafetyPhrase, ...problemResponses },
      },
    },
    async (request) => safety.updatePhrase(requireActor(request), request.params.id, request.body),
  );

  api.delete(
    '/admin/safety/phrases/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Take an entry off a screening list',
        params: IdParams,
        body: noBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await safety.deletePhrase(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/admin/safety/try',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Screen some words against a list as it is now, to see what an edit does',
        body: TryScreeningBody,
        response: { 200: TryScreeningResponse, ...problemResponses },
      },
    },
    async (request) => safety.tryScreening(requireActor(request), request.body),
  );

  api.get(
    '/admin/safety/watched-words',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: "One language's watched words (?language=, English by default)",
        querystring: WatchedWordsQuery,
        response: { 200: WatchedWordsResponse, ...problemResponses },
      },
    },
    async (request) => safety.watchedWords(requireActor(request), request.query.language),
  );

  api.post(
    '/admin/safety/watched-words',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Watch for a word: block, hold, flag or hide it in posts',
        body: WatchedWordInput,
        response: { 201: WatchedWord, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await safety.createWatchedWord(requireActor(request), request.body)),
  );

  api.patch(
    '/admin/safety/watched-words/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change a watched word: only what is sent changes',
        params: IdParams,
        body: WatchedWordChange,
        response: { 200: WatchedWord, ...problemResponses },
      },
    },
    async (request) =>
      safety.changeWatchedWord(requireActor(request), request.params.id, request.body),
  );

  api.delete(
    '/admin/safety/watched-words/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Stop watching for a word',
        params: IdParams,
        body: noBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await safety.removeWatchedWord(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
}
