import {
  ActionBody,
  ActionDone,
  AppealBody,
  AppealByLinkBody,
  AppealByLinkDone,
  AppealLinkBody,
  AppealLinkDecision,
  AppealOpened,
  AuditPage,
  AuditQuery,
  CaseClaim,
  CaseDetail,
  ConcernBody,
  ConcernDone,
  IdParams,
  ModerationHours,
  MyAction,
  QueuePage,
  QueueQuery,
  ReportBody,
  ReportDone,
  ReportReasons,
} from '../../../contract/moderation';
import type { AppContext } from '../../context';
import { type Api, noBody, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['moderation'];

/**
 * The queue and cases are declared for members: staff see every case, and facilitators the
 * reports on their own group's boards (moderation/permissions.ts decides, 403 for the rest).
 */
export function moderationRoutes(api: Api, ctx: AppContext) {
  const { moderation } = ctx;

  api.get(
    '/moderation/queue',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Cases waiting: crisis first, then safety, then the rest, oldest first',
        querystring: QueueQuery,
        response: { 200: QueuePage, ...problemResponses },
      },
    },
    async (request) => moderation.queue(requireActor(request), request.query),
  );

  api.get(
    '/moderation/cases/:id',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'One case: the words, the thread, the person’s history (written to the audit log)',
        params: IdParams,
        response: { 200: CaseDetail, ...problemResponses },
      },
    },
    async (request) => moderation.caseDetail(requireActor(request), request.params.id),
  );

  api.post(
    '/moderation/cases/:id/claim',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Claim a case, so no one else acts on it (409 when someone has it)',
        params: IdParams,
        body: noBody,
        response: { 200: CaseClaim, ...problemResponses },
      },
    },
    async (request) => moderation.claim(requireActor(request), request.params.id),
  );

  api.post(
    '/moderation/cases/:id/release',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Give a claimed case back to the queue',
        params: IdParams,
        body: noBody,
        response: { 200: CaseClaim, ...problemResponses },
      },
    },
    async (request) => moderation.release(requireActor(request), request.params.id),
  );

  api.post(
    '/moderation/cases/:id/actions',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Act on a claimed case, with a reason; the case closes with that outcome',
        params: IdParams,
        body: ActionBody,
        response: { 200: ActionDone, ...problemResponses },
      },
    },
    async (request) => moderation.act(requireActor(request), request.params.id, request.body),
  );

  api.get(
    '/moderation/actions/:id',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'A decision about me: what, why, until when, and whether I may appeal',
        params: IdParams,
        response: { 200: MyAction, ...problemResponses },
      },
    },
    async (request) => moderation.myAction(requireActor(request), request.params.id),
  );

  api.post(
    '/moderation/actions/:id/appeal',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Ask for another look at a decision about me (once); another moderator decides',
        params: IdParams,
        body: AppealBody,
        response: { 201: AppealOpened, ...problemResponses },
      },
    },
    async (request, reply) => {
      const opened = await moderation.appeal(
        requireActor(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(opened);
    },
  );

  // The mailed link of a suspended or banned person: no sign-in, the token alone says which
  // one decision. Posted, so the token stays out of addresses and logs; limited per address.
  api.post(
    '/moderation/appeal-link/decision',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The decision a mailed appeal link is about, and whether it may be appealed',
        body: AppealLinkBody,
        response: { 200: AppealLinkDecision, ...problemResponses },
      },
    },
    async (request) => moderation.appealLinkDecision(request.body.token, request.ip),
  );

  api.post(
    '/moderation/appeal-link/appeal',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Appeal the one decision a mailed link is about, without signing in (once)',
        body: AppealByLinkBody,
        response: { 201: AppealByLinkDone, ...problemResponses },
      },
    },
    async (request, reply) => {
      const done = await moderation.appealByLink(request.body, request.ip);
      return reply.code(201).send(done);
    },
  );

  api.get(
    '/moderation/hours',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'When a moderator usually looks, in one honest sentence',
        response: { 200: ModerationHours, ...problemResponses },
      },
    },
    async () => moderation.hours(),
  );

  api.get(
    '/reports/reasons',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'The reasons a member may report something, in words',
        response: { 200: ReportReasons, ...problemResponses },
      },
    },
    async () => moderation.reportReasons(),
  );

  api.post(
    '/reports',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Report a post or a profile (once each); the person never learns who',
        body: ReportBody,
        response: { 200: ReportDone, ...problemResponses },
      },
    },
    async (request) => moderation.report(requireActor(request), request.body),
  );

  api.post(
    '/concerns',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary:
          '"I am worried about this person": they are sent kind words and help, never who asked',
        body: ConcernBody,
        response: { 200: ConcernDone, ...problemResponses },
      },
    },
    async (request) => moderation.raiseConcern(requireActor(request), request.body),
  );

  api.get(
    '/admin/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The audit log, newest first, by actor or by subject',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...problemResponses },
      },
    },
    async (request) => moderation.auditLog(requireActor(request), request.query),
  );
}
