// A moderator acts on a case they claimed, with a reason, and the case closes with that
// outcome. One transaction holds the effect (a post taken down or its words changed, a mute),
// the action, the audit row and what people are told; a held post is let through by the forum
// after commit. A suspended or banned person, who cannot sign in, is mailed a link to appeal.
import { and, eq, isNull } from 'drizzle-orm';
import type { RemovalReason } from '../../../contract/forum';
import type {
  ActionBody,
  ActionDone,
  ActionReason,
  ModerationAction,
} from '../../../contract/moderation';
import type { Tx } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { authorsByIds, endSessions } from '../accounts/face';
import {
  type HeldReason,
  isHeld,
  postsForModeration,
  putBackPost,
  takeDownPost,
} from '../forum/face';
import type { NotificationEvent } from '../notifications/face';
import { APPEAL_LINK_MAIL } from './appeal-links';
import { audit } from './audit';
import { visibleCase } from './case-view';
import { notFree } from './claims';
import type { ModerationDeps } from './deps';
import { actionsFor, isOwnAppeal } from './permissions';
import { toActionSummary } from './present';
import { type ActionRow, actionById, type CaseRow, lockedCase, reportsOfCase } from './queries';
import { moderationActions, moderationCases, moderationRestrictions } from './tables';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Actions that, on a report, count as "a moderator took action" for the reporters. */
const actedOn: readonly ModerationAction[] = [
  'reach_out',
  'hide',
  'edit',
  'warn',
  'mute',
  'suspend',
  'ban',
];

/** The forum's removal reasons are fewer: the rest are "other", with the moderator's note. */
function removalReason(reason: ActionReason): RemovalReason {
  return reason === 'unkind' ||
    reason === 'private_details' ||
    reason === 'selling' ||
    reason === 'harmful_advice'
    ? reason
    : 'other';
}

/** Days fit mutes (none: for good) and suspensions (needed); no other action lasts. */
function checkDays(body: ActionBody) {
  if (body.action === 'suspend' && body.days === undefined) {
    throw problems.invalid({ days: t('moderation.problems.daysNeeded') });
  }
  if (body.action !== 'suspend' && body.action !== 'mute' && body.days !== undefined) {
    throw problems.invalid({ days: t('moderation.problems.noDays') });
  }
}

/** A new title is for a topic: a reply has none. */
function checkEditFits(body: ActionBody, subjectKind: CaseRow['subjectKind']) {
  if (body.title !== undefined && subjectKind !== 'topic') {
    throw problems.invalid({ title: t('moderation.problems.titleOnlyTopic') });
  }
}

interface Effect {
  /** The post to let through once the change committed (it was held). */
  release: { kind: 'topic' | 'reply'; id: string } | null;
  /** The person acted on is told (not for a plain dismissal). */
  tell: boolean;
  until: Date | null;
  /** For an edit: the revision that keeps the author's words. */
  revisionId?: string | undefined;
}

/** Those who cannot sign in hear by mail, with a link to appeal that needs no sign-in. */
const locksOut = (action: ModerationAction) => action === 'suspend' || action === 'ban';

export async function act(
  deps: ModerationDeps,
  actor: Actor,
  caseId: string,
  body: ActionBody,
): Promise<ActionDone> {
  checkDays(body);
  const { row: loaded, facts, standing } = await visibleCase(deps, actor, caseId);
  checkEditFits(body, loaded.subjectKind);
  if (isOwnAppeal(standing, facts)) throw problems.forbidden(t('moderation.problems.ownAppeal'));
  const allowed = actionsFor(standing, facts);
  if (!allowed.includes(body.action)) {
    if (['mute', 'suspend', 'ban'].includes(body.action) && facts.reason !== 'appeal') {
      throw problems.forbidden(t('moderation.problems.staffOnly'));
    }
    throw problems.invalid({ action: t('moderation.problems.actionNotHere') });
  }
  await deps.limits.consume('moderationActPerUser', actor.userId);
  const appealed = loaded.reason === 'appeal' ? loaded.appealActionId : null;
  const note = body.note?.trim() ? body.note.trim() : null;
  const at = deps.now();

  const done = await deps.jobs.transaction(async (tx, enqueue) => {
    const row = await lockedCase(tx, caseId);
    if (row?.status !== 'claimed' || row.claimedBy !== actor.userId) {
      throw notFree(row, actor.userId);
    }
    const effect = await applyEffect(deps, tx, row, body, actor, note, at, appealed);
    // Held because people reported it: any decision but taking it down lets it through.
    if (!effect.release && row.heldByReportsAt && body.action !== 'hide') {
      const kind = row.subjectKind;
      if (kind !== 'profile' && (await isHeld(tx, kind, row.subjectId))) {
        effect.release = { kind, id: row.subjectId };
      }
    }
    const targetUserId = row.subjectUserId;
    const [action] = await tx
      .insert(moderationActions)
      .values({
        caseId,
        action: body.action,
        reason: body.reason,
        note,
        days: body.days ?? null,
        until: effect.until,
        revisionId: effect.revisionId ?? null,
        actorId: actor.userId,
        targetUserId,
        subjectKind: row.subjectKind,
        subjectId: row.subjectId,
        createdAt: at,
      })
      .returning();
    if (!action) throw problems.internal();
    if (body.action === 'mute' || body.action === 'suspend' || body.action === 'ban') {
      if (!targetUserId) throw problems.invalid({ action: t('moderation.problems.actionNotHere') });
      await tx.insert(moderationRestrictions).values({
        userId: targetUserId,
        kind: body.action,
        until: effect.until,
        actionId: action.id,
        createdAt: at,
      });
      // A suspended or banned person's open sessions end now; signing in is refused until then.
      if (body.action !== 'mute') await endSessions(tx, targetUserId);
    }
    const [closed] = await tx
      .update(moderationCases)
      .set({
        status: 'closed',
        closedBy: actor.userId,
        closedAt: at,
        outcome: body.action,
        outcomeReason: body.reason,
        outcomeNote: note,
      })
      .where(eq(moderationCases.id, caseId))
      .returning();
    await audit(tx, {
      actorId: actor.userId,
      action: 'case.action',
      subject: { kind: row.subjectKind, id: row.subjectId },
      detail: {
        caseId,
        actionId: action.id,
        action: body.action,
        reason: body.reason,
        days: body.days ?? null,
        targetUserId,
        groupBoard: row.groupId !== null,
        ...(body.action === 'edit' ? { titleChanged: body.title !== undefined } : {}),
      },
      at,
    });
    const events: NotificationEvent[] = [];
    if (effect.tell && targetUserId && locksOut(body.action)) {
      // Mailed whatever their mail choices: it is their only way to ask for another look.
      await enqueue(APPEAL_LINK_MAIL, { actionId: action.id });
    } else if (effect.tell && targetUserId) {
      events.push({
        kind: 'moderation_outcome',
        recipientIds: [targetUserId],
        actorId: null,
        causeKey: `moderation-action:${action.id}`,
        data: {
          actionId: action.id,
          action: body.action,
          reason: body.reason,
          until: effect.until ? effect.until.toISOString() : null,
        },
      });
    }
    if (row.reason === 'report') events.push(...(await reporterEvents(tx, row, body.action)));
    await deps.notifications.notify(tx, enqueue, events);
    return { action, closed: closed!, release: effect.release };
  });

  if (done.release) {
    // The forum counts it and tells its readers as if just sent. The decision above stands
    // even if this fails; the post then stays held until a moderator lets it through.
    const staff: Actor = { ...actor, siteRole: 'moderator' };
    await deps.heldPosts
      .releaseHeld(staff, done.release.kind, done.release.id)
      .catch((err) => deps.log.warn({ err, caseId }, 'letting a held post through failed'));
  }
  const names = await authorsByIds(deps.db, [actor.userId]);
  return {
    action: toActionSummary(done.action, names, new Map()),
    case: { id: caseId, status: 'closed', claimedBy: null, claimedAt: null },
  };
}

async function applyEffect(
  deps: ModerationDeps,
  tx: Tx,
  row: CaseRow,
  body: ActionBody,
  actor: Actor,
  note: string | null,
  at: Date,
  appealedId: string | null,
): Promise<Effect> {
  const post =
    row.subjectKind === 'topic' || row.subjectKind === 'reply'
      ? { kind: row.subjectKind, id: row.subjectId }
      : null;
  const until = (days: number | undefined) =>
    days ? new Date(at.getTime() + days * DAY_MS) : null;
  switch (body.action) {
    case 'dismiss':
      // Nothing wrong: a post held for this case is let through, and only for this case: a
      // plan held by the screening waits for its own (crisis) case, whatever else is dismissed.
      return {
        release: post && (await isHeld(tx, post.kind, post.id, heldFor[row.reason])) ? post : null,
        tell: false,
        until: null,
      };
    case 'reach_out':
    case 'warn':
      return { release: null, tell: true, until: null };
    case 'hide': {
      if (!post) throw problems.invalid({ action: t('moderation.problems.actionNotHere') });
      const result = await takeDownPost(
        tx,
        post.kind,
        post.id,
        { userId: actor.userId, reason: removalReason(body.reason), note },
        at,
      );
      if (result === 'gone') throw problems.conflict(t('moderation.problems.postGone'));
      if (result === 'missing') throw problems.notFound(t('moderation.problems.postGone'));
      return { release: null, tell: true, until: null };
    }
    case 'edit': {
      if (!post || body.body === undefined) {
        throw problems.invalid({ action: t('moderation.problems.actionNotHere') });
      }
      // Changing the words is a decision about them: a held post is let through with them.
      const held = await isHeld(tx, post.kind, post.id);
      const edited = await deps.postEdits.editAsModerator(tx, actor, post.kind, post.id, {
        body: body.body,
        title: post.kind === 'topic' ? body.title : undefined,
      });
      if (edited.result === 'gone') throw problems.conflict(t('moderation.problems.postGoneEdit'));
      if (edited.result === 'missing') throw problems.notFound(t('moderation.problems.postGone'));
      return {
        release: held ? post : null,
        tell: true,
        until: null,
        revisionId: edited.revisionId,
      };
    }
    case 'restore': {
      if (!post) throw problems.invalid({ action: t('moderation.problems.actionNotHere') });
      const held = await isHeld(tx, post.kind, post.id);
      const result = await putBackPost(tx, post.kind, post.id, actor.userId, at);
      if (result === 'gone') throw problems.conflict(t('moderation.problems.postGone'));
      if (result === 'missing') throw problems.notFound(t('moderation.problems.postGone'));
      if (result === 'not_hidden' && !held) {
        throw problems.conflict(t('moderation.problems.notHidden'));
      }
      return { release: held ? post : null, tell: true, until: null };
    }
    case 'mute':
      return { release: null, tell: true, until: until(body.days) };
    case 'suspend':
      return { release: null, tell: true, until: until(body.days) };
    case 'ban':
      return { release: null, tell: true, until: null };
    case 'uphold':
      return { release: null, tell: true, until: null };
    case 'overturn': {
      const original = appealedId ? await actionById(tx, appealedId) : undefined;
      if (!original) throw problems.notFound(t('moderation.problems.actionNotFound'));
      await undo(deps, tx, original, actor, at);
      return { release: null, tell: true, until: null };
    }
  }
}

/** Which holds on a post a case of each reason may let go. */
const heldFor: Record<CaseRow['reason'], readonly HeldReason[]> = {
  screening: ['screening'],
  review: ['review'],
  report: ['reports'],
  concern: [],
  appeal: [],
};

/** An appeal upheld: the first decision is undone, and stays on record as overturned. */
async function undo(
  deps: ModerationDeps,
  tx: Tx,
  original: ActionRow,
  actor: Actor,
  at: Date,
): Promise<void> {
  await tx
    .update(moderationActions)
    .set({ overturnedAt: at, overturnedBy: actor.userId })
    .where(eq(moderationActions.id, original.id));
  if (original.action === 'hide' && original.subjectKind !== 'profile') {
    await putBackPost(tx, original.subjectKind, original.subjectId, actor.userId, at);
  }
  // The author's words come back, unless they have written new ones since.
  if (original.action === 'edit' && original.revisionId && original.subjectKind !== 'profile') {
    await deps.postEdits.undoModeratorEdit(
      tx,
      original.subjectKind,
      original.subjectId,
      original.revisionId,
      at,
    );
  }
  await tx
    .update(moderationRestrictions)
    .set({ liftedAt: at, liftedBy: actor.userId })
    .where(
      and(
        eq(moderationRestrictions.actionId, original.id),
        isNull(moderationRestrictions.liftedAt),
      ),
    );
}

/** Each reporter hears that a moderator looked, and whether they acted; never who. */
async function reporterEvents(
  tx: Tx,
  row: CaseRow,
  action: ModerationAction,
): Promise<NotificationEvent[]> {
  const reports = await reportsOfCase(tx, row.id);
  const reporters = reports.flatMap((r) => (r.reporterId ? [r.reporterId] : []));
  if (reporters.length === 0) return [];
  const post =
    row.subjectKind === 'profile'
      ? undefined
      : (await postsForModeration(tx, [{ kind: row.subjectKind, id: row.subjectId }])).get(
          `${row.subjectKind}:${row.subjectId}`,
        );
  return [
    {
      kind: 'report_outcome',
      recipientIds: reporters,
      actorId: null,
      causeKey: `report-outcome:${row.id}`,
      data: {
        outcome: actedOn.includes(action) ? 'acted' : 'no_action',
        subjectKind: row.subjectKind,
        subjectId: row.subjectId,
        topicId: post?.topicId ?? null,
        title: post?.title ?? null,
      },
    },
  ];
}
