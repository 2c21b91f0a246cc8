// Moderation: cases and the queue, claiming, actions with reasons, appeals, reports and the
// audit log. Other modules reach it through its face (face.ts), built first in the wiring.
import { act } from './actions';
import { appealByLink, appealLinkDecision, defineAppealLinkMail } from './appeal-links';
import { appeal, myAction } from './appeals';
import { auditList } from './audit';
import { caseDetail } from './case-view';
import { claim, release } from './claims';
import { raiseConcern } from './concerns';
import { type ModerationDeps, type ModerationServiceDeps, moderationDeps } from './deps';
import { createModerationFace, type ModerationFace } from './face';
import { moderationHours } from './hours';
import { queue } from './queue';
import { report, reportReasonWords } from './reports';

export type ModerationService = ReturnType<typeof createModerationService>;

export function createModerationService(
  serviceDeps: ModerationServiceDeps & { face?: ModerationFace | undefined },
) {
  const deps = moderationDeps(serviceDeps);
  const face = serviceDeps.face ?? createModerationFace(serviceDeps);
  // The appeal link is mailed by a job: the moderator who acted never waits on SMTP.
  defineAppealLinkMail(deps);
  /** A use case with its deps given: the same function, called as (actor, ...). */
  const use =
    <A extends unknown[], R>(useCase: (deps: ModerationDeps, ...args: A) => R) =>
    (...args: A): R =>
      useCase(deps, ...args);
  return {
    ...face,
    queue: use(queue),
    caseDetail: use(caseDetail),
    claim: use(claim),
    release: use(release),
    act: use(act),
    myAction: use(myAction),
    appeal: use(appeal),
    appealLinkDecision: use(appealLinkDecision),
    appealByLink: use(appealByLink),
    report: use(report),
    raiseConcern: use(raiseConcern),
    reportReasons: reportReasonWords,
    hours: use(moderationHours),
    auditLog: use(auditList),
  };
}
