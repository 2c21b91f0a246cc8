// Claiming: one moderator at a time acts on a case. A claim is one UPDATE that checks the
// case is free (open, mine, or claimed over 30 minutes ago), so of two claims at once
// exactly one wins; the other hears, in plain words, that someone else has it.
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { CaseClaim } from '../../../contract/moderation';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { authorsByIds } from '../accounts/face';
import { audit } from './audit';
import { visibleCase } from './case-view';
import type { ModerationDeps } from './deps';
import { CLAIM_STALE_MS, isOwnAppeal } from './permissions';
import { personOf } from './present';
import { type CaseRow, caseById } from './queries';
import { moderationCases } from './tables';

async function toClaim(deps: ModerationDeps, row: CaseRow): Promise<CaseClaim> {
  const claimed = row.status === 'claimed';
  const names = await authorsByIds(deps.db, claimed && row.claimedBy ? [row.claimedBy] : []);
  return {
    id: row.id,
    status: row.status,
    claimedBy: claimed ? personOf(names, row.claimedBy) : null,
    claimedAt: claimed && row.claimedAt ? row.claimedAt.toISOString() : null,
  };
}

/** Why a case could not be claimed or acted on by this person: closed, or someone else's. */
export function notFree(row: CaseRow | undefined, userId: string) {
  if (!row) return problems.notFound(t('moderation.problems.caseNotFound'));
  if (row.status === 'closed') return problems.conflict(t('moderation.problems.closed'));
  if (row.status === 'claimed' && row.claimedBy !== userId) {
    return problems.conflict(t('moderation.problems.claimedByOther'));
  }
  return problems.conflict(t('moderation.problems.claimFirst'));
}

export async function claim(
  deps: ModerationDeps,
  actor: Actor,
  caseId: string,
): Promise<CaseClaim> {
  const { facts, standing } = await visibleCase(deps, actor, caseId);
  if (isOwnAppeal(standing, facts)) throw problems.forbidden(t('moderation.problems.ownAppeal'));
  const at = deps.now();
  const claimed = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(moderationCases)
      .set({ status: 'claimed', claimedBy: actor.userId, claimedAt: at })
      .where(
        and(
          eq(moderationCases.id, caseId),
          ne(moderationCases.status, 'closed'),
          or(
            eq(moderationCases.status, 'open'),
            eq(moderationCases.claimedBy, actor.userId),
            lt(moderationCases.claimedAt, new Date(at.getTime() - CLAIM_STALE_MS)),
          ),
        ),
      )
      .returning();
    if (row) {
      await audit(tx, {
        actorId: actor.userId,
        action: 'case.claim',
        subject: { kind: row.subjectKind, id: row.subjectId },
        detail: { caseId },
        at,
      });
    }
    return row;
  });
  if (!claimed) throw notFree(await caseById(deps.db, caseId), actor.userId);
  return toClaim(deps, claimed);
}

/** Gives a claimed case back to the queue; only its claimer may. Twice is the same as once. */
export async function release(
  deps: ModerationDeps,
  actor: Actor,
  caseId: string,
): Promise<CaseClaim> {
  await visibleCase(deps, actor, caseId);
  const at = deps.now();
  const released = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(moderationCases)
      .set({ status: 'open', claimedBy: null, claimedAt: null })
      .where(
        and(
          eq(moderationCases.id, caseId),
          eq(moderationCases.status, 'claimed'),
          eq(moderationCases.claimedBy, actor.userId),
        ),
      )
      .returning();
    if (row) {
      await audit(tx, {
        actorId: actor.userId,
        action: 'case.release',
        subject: { kind: row.subjectKind, id: row.subjectId },
        detail: { caseId },
        at,
      });
    }
    return row;
  });
  if (released) return toClaim(deps, released);
  const row = await caseById(deps.db, caseId);
  if (row?.status === 'open') return toClaim(deps, row);
  throw notFree(row, actor.userId);
}
