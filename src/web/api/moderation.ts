import type { z } from 'zod';
import type {
  ActionBody,
  ActionDone,
  AppealBody,
  AppealByLinkBody,
  AppealByLinkDone,
  AppealLinkBody,
  AppealLinkDecision,
  AuditPage,
  AuditQuery,
  CaseClaim,
  CaseDetail,
  ConcernBody,
  ConcernDone,
  ModerationHours,
  MyAction,
  QueuePage,
  QueueQuery,
  ReportBody,
  ReportDone,
  ReportReasons,
} from '../../contract/moderation';
import type { TrustStanding, TrustUpdate } from '../../contract/trust';
import { call, route } from './route';

type In<Schema extends z.ZodType> = z.input<Schema>;

/** Moderation's routes the web app calls, typed from `src/contract/moderation.ts`. */
export const moderationRoutes = {
  hours: route<ModerationHours>()('GET', '/moderation/hours'),
  queue: route<QueuePage, never, In<typeof QueueQuery>>()('GET', '/moderation/queue'),
  caseDetail: route<CaseDetail>()('GET', '/moderation/cases/:id'),
  claim: route<CaseClaim>()('POST', '/moderation/cases/:id/claim'),
  release: route<CaseClaim>()('POST', '/moderation/cases/:id/release'),
  act: route<ActionDone, ActionBody>()('POST', '/moderation/cases/:id/actions'),
  audit: route<AuditPage, never, In<typeof AuditQuery>>()('GET', '/admin/audit'),
  myAction: route<MyAction>()('GET', '/moderation/actions/:id'),
  appeal: route<{ caseId: string }, AppealBody>()('POST', '/moderation/actions/:id/appeal'),
  appealLinkDecision: route<AppealLinkDecision, AppealLinkBody>()(
    'POST',
    '/moderation/appeal-link/decision',
  ),
  appealByLink: route<AppealByLinkDone, AppealByLinkBody>()(
    'POST',
    '/moderation/appeal-link/appeal',
  ),
  trust: route<TrustStanding>()('GET', '/moderation/people/:id/trust'),
  setTrust: route<TrustStanding, TrustUpdate>()('PUT', '/moderation/people/:id/trust'),
} as const;

const r = moderationRoutes;

/** When moderators usually look, as one honest sentence (a site setting). */
export const getModerationHours = () => call(r.hours);
/** Cases waiting, in the server's order: crisis, then safety, then the rest. */
export const getQueue = (cursor: string | null) =>
  call(r.queue, { query: { cursor: cursor ?? undefined } });
/** One case; the server writes that I looked to the audit log. */
export const getCase = (id: string) => call(r.caseDetail, { params: { id } });
export const claimCase = (id: string) => call(r.claim, { params: { id } });
export const releaseCase = (id: string) => call(r.release, { params: { id } });
export const actOnCase = (id: string, body: ActionBody) => call(r.act, { params: { id }, body });
/** A person's trust level, what they have done, and what the next level needs. */
export const getTrust = (id: string) => call(r.trust, { params: { id } });
export const setTrust = (id: string, body: TrustUpdate) =>
  call(r.setTrust, { params: { id }, body });
export const getAuditLog = (cursor: string | null) =>
  call(r.audit, { query: { cursor: cursor ?? undefined } });
/** A decision about me, and whether I may still appeal it. */
export const getMyAction = (id: string) => call(r.myAction, { params: { id } });
export const appealAction = (id: string, body: AppealBody) =>
  call(r.appeal, { params: { id }, body });
/** The decision a mailed appeal link is about; the token is the link's fragment. */
export const getAppealLinkDecision = (token: string) =>
  call(r.appealLinkDecision, { body: { token } });
/** Sends the appeal of that one decision, without signing in. */
export const appealByLink = (body: AppealByLinkBody) => call(r.appealByLink, { body });

/** A member's "Report" and "I am worried about this person", on posts and profiles. */
export const safetyActionRoutes = {
  reportReasons: route<z.infer<typeof ReportReasons>>()('GET', '/reports/reasons'),
  report: route<ReportDone, ReportBody>()('POST', '/reports'),
  concern: route<ConcernDone, ConcernBody>()('POST', '/concerns'),
} as const;

/** The reasons to report something, each with a short label and a hint, in words. */
export const getReportReasons = () => call(safetyActionRoutes.reportReasons);
/** Reports a post or a profile once; the answer says what happens next. */
export const sendReport = (body: ReportBody) => call(safetyActionRoutes.report, { body });
/** Sends the person kind words and where to find help, never saying who asked. */
export const sendConcern = (body: ConcernBody) => call(safetyActionRoutes.concern, { body });
