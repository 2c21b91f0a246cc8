import { z } from 'zod';
import { IdParams, Ok } from '../../../contract/common';
import { CrisisLine, CrisisLineInput, HelpQuery, HelpResponse } from '../../../contract/help';
import type { AppContext } from '../../context';
import { type Api, noBody, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['help'];

export function helpRoutes(api: Api, ctx: AppContext) {
  const { help, accounts } = ctx;

  api.get(
    '/help',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Emergency number and crisis lines: for ?country, else my profile country',
        querystring: HelpQuery,
        response: { 200: HelpResponse, ...problemResponses },
      },
    },
    async (request) => {
      let country = request.query.country ?? null;
      if (!country && request.actor) {
        country = (await accounts.sessionUser(request.actor.userId)).country;
      }
      return help.helpFor(country);
    },
  );

  api.get(
    '/admin/crisis-lines',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Every crisis line, for administrators to keep right',
        response: { 200: z.object({ lines: z.array(CrisisLine) }), ...problemResponses },
      },
    },
    async (request) => ({ lines: await help.allLines(requireActor(request)) }),
  );

  api.post(
    '/admin/crisis-lines',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Add a crisis line',
        body: CrisisLineInput,
        response: { 201: CrisisLine, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await help.createLine(requireActor(request), request.body)),
  );

  api.put(
    '/admin/crisis-lines/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Change a crisis line',
        params: IdParams,
        body: CrisisLineInput,
        response: { 200: CrisisLine, ...problemResponses },
      },
    },
    async (request) => help.updateLine(requireActor(request), request.params.id, request.body),
  );

  api.delete(
    '/admin/crisis-lines/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Remove a crisis line',
        params: IdParams,
        body: noBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await help.deleteLine(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
}
