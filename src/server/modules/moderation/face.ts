// What other modules may ask of moderation: to open a case (inside their own transaction), to
// write to the audit log, and whether a person may post or sign in now.
import type { CaseTier } from '../../../contract/moderation';
import type { Db, Tx } from '../../db';
import type { Enqueue } from '../../lib/jobs';
import { nobodyIsTold } from '../notifications/face';
import type { ModerationFaceDeps } from './deps';
import { type OpenCaseInput, type OpenedCase, openCase } from './opening';
import { postingBar, signInBar } from './restrictions';

export { type AuditAction, type AuditInput, audit } from './audit';
export type { OpenCaseInput, OpenedCase } from './opening';
export { REPEAT_VIEW_MS, recordStaffView, type StaffViewEntry } from './staff-views';
export { heldForScreening, upheldReportsAgainst } from './upheld';

/** A post the forum asks a moderator to look at (the forum's `ForumCases.lookAt`). */
export interface PostToLookAt {
  post: {
    kind: 'topic' | 'reply';
    id: string;
    topicId: string;
    authorId: string;
    groupId: string | null;
  };
  why: 'screening' | 'review';
  tier: 'none' | CaseTier;
}

export interface ModerationFace {
  /**
   * Opens a case (or adds to the one open for the same subject and reason) and tells the
   * moderators. Call it inside the change's own transaction (`jobs.transaction`).
   */
  openCase(tx: Tx, enqueue: Enqueue, input: OpenCaseInput): Promise<OpenedCase>;
  /** The forum's way in: a screened or held post becomes a case. */
  lookAt(tx: Tx, enqueue: Enqueue, input: PostToLookAt): Promise<void>;
  /** Why this person may not post now (muted, suspended or banned), in words; or null. */
  postingBar(userId: string): Promise<string | null>;
  /** Why this person may not sign in now (suspended or banned), in words; or null. */
  signInBar(userId: string): Promise<string | null>;
}

/**
 * Who may not post or sign in now. Needs only the database, so the wiring builds it before
 * accounts and the forum, which ask it.
 */
export function restrictionChecks(db: Db, now: () => Date = () => new Date()) {
  return {
    postingBar: (userId: string) => postingBar(db, userId, now()),
    signInBar: (userId: string) => signInBar(db, userId, now()),
  };
}

export function createModerationFace(deps: ModerationFaceDeps): ModerationFace {
  const now = deps.now ?? (() => new Date());
  const telling = { notifications: deps.notifications ?? nobodyIsTold, now };
  return {
    ...restrictionChecks(deps.db, now),
    openCase: (tx, enqueue, input) => openCase(telling, tx, enqueue, input),
    lookAt: async (tx, enqueue, { post, why, tier }) => {
      await openCase(telling, tx, enqueue, {
        reason: why,
        tier: tier === 'none' ? null : tier,
        subject: { kind: post.kind, id: post.id },
        subjectUserId: post.authorId,
        groupId: post.groupId,
      });
    },
  };
}
