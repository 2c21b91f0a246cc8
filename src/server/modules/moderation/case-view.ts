// One case as a moderator sees it: the words (even hidden or held), their thread, the
// person's history and who reported it. Every such view is written to the audit log.
import type { CaseDetail, CasePost } from '../../../contract/moderation';
import { trustLevelOf } from '../../../contract/trust';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { authorsByIds, peopleForModeration } from '../accounts/face';
import { type ModeratedPost, postsForModeration, threadAround } from '../forum/face';
import { groupNames } from '../groups/face';
import { audit } from './audit';
import type { ModerationDeps } from './deps';
import {
  actionsFor,
  type CaseFacts,
  canAct,
  canClaim,
  canSeeCase,
  type ModeratorStanding,
} from './permissions';
import { personOf, toActionSummary, toQueueItem } from './present';
import {
  actionById,
  actionsOfCase,
  actionsOn,
  activeRestrictions,
  appealOfCase,
  appealsOf,
  type CaseRow,
  caseById,
  casesAbout,
  reportsOfCase,
} from './queries';
import { standingOf } from './queue';

/** The facts permissions need, with the actor of the action appealed for an appeal. */
export async function caseFacts(deps: ModerationDeps, row: CaseRow): Promise<CaseFacts> {
  const appealed = row.appealActionId ? await actionById(deps.db, row.appealActionId) : undefined;
  return { ...row, appealedActorId: appealed?.actorId ?? null };
}

/** Loads a case the person may see, or answers 404 (a case is not even confirmed to others). */
export async function visibleCase(
  deps: ModerationDeps,
  actor: Actor,
  caseId: string,
): Promise<{ row: CaseRow; facts: CaseFacts; standing: ModeratorStanding }> {
  const row = await caseById(deps.db, caseId);
  const standing = await standingOf(deps, actor);
  const facts = row ? await caseFacts(deps, row) : null;
  if (!row || !facts || !canSeeCase(standing, facts)) {
    throw problems.notFound(t('moderation.problems.caseNotFound'));
  }
  return { row, facts, standing };
}

export async function caseDetail(
  deps: ModerationDeps,
  actor: Actor,
  caseId: string,
): Promise<CaseDetail> {
  const { row, facts, standing } = await visibleCase(deps, actor, caseId);
  const { db } = deps;
  const now = deps.now();
  const isPost = row.subjectKind === 'topic' || row.subjectKind === 'reply';
  const subject = isPost
    ? (
        await postsForModeration(db, [
          { kind: row.subjectKind as 'topic' | 'reply', id: row.subjectId },
        ])
      ).get(`${row.subjectKind}:${row.subjectId}`)
    : undefined;
  const thread = subject ? await threadAround(db, subject) : null;
  // The words as written, for a moderator's edit: while the case is open to decide.
  const currentWords =
    subject &&
    !subject.deleted &&
    row.status !== 'closed' &&
    actionsFor(standing, facts).includes('edit')
      ? await deps.postEdits.wordsOf(subject.kind, subject.id, isModerator(actor))
      : null;
  const personId = row.subjectUserId;
  const [caseActions, reports, appeal, history, earlier, restrictions] = await Promise.all([
    actionsOfCase(db, row.id),
    reportsOfCase(db, row.id),
    appealOfCase(db, row.id),
    personId ? actionsOn(db, personId) : Promise.resolve([]),
    personId ? casesAbout(db, personId, row.id) : Promise.resolve([]),
    personId ? activeRestrictions(db, [personId], now) : Promise.resolve([]),
  ]);
  const appealedAction = appeal ? await actionById(db, appeal.actionId) : undefined;
  const allActions = [...caseActions, ...history, ...(appealedAction ? [appealedAction] : [])];
  const posts = thread?.posts ?? [];
  const [names, people, appealed, groups, changed] = await Promise.all([
    authorsByIds(db, [
      ...posts.flatMap((p) => (p.authorId ? [p.authorId] : [])),
      ...allActions.flatMap((a) => (a.actorId ? [a.actorId] : [])),
      ...reports.flatMap((r) => (r.reporterId ? [r.reporterId] : [])),
      ...[row.claimedBy, row.closedBy].filter((id): id is string => id !== null),
    ]),
    personId ? peopleForModeration(db, [personId]) : Promise.resolve(new Map()),
    appealsOf(
      db,
      allActions.map((a) => a.id),
    ),
    groupNames(db, row.groupId ? [row.groupId] : []),
    deps.postEdits.changedByModerators(subject ? [subject, ...posts] : posts),
  ]);
  const toPost = (post: ModeratedPost): CasePost => ({
    kind: post.kind,
    id: post.id,
    topicId: post.topicId,
    author: personOf(names, post.authorId) ?? {
      id: null,
      displayName: t('moderation.formerMember'),
    },
    bodyHtml: post.bodyHtml,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt ? post.editedAt.toISOString() : null,
    deleted: post.deleted,
    held: post.held,
    editedByModerator: changed.has(post.id),
    isSubject: post.id === row.subjectId,
  });
  const person = personId ? people.get(personId) : undefined;

  // A case about a profile: its "about me" as written, for moderators (facilitators have no
  // profile cases; the words may be hidden from members while a high-tier case waits).
  const about =
    row.subjectKind === 'profile' && isModerator(actor)
      ? await deps.profileWords(row.subjectId)
      : null;

  // Staff saw private content: the words, the thread and the person's history.
  await audit(db, {
    actorId: actor.userId,
    action: 'case.view',
    subject: { kind: row.subjectKind, id: row.subjectId },
    detail: {
      caseId: row.id,
      reason: row.reason,
      groupBoard: row.groupId !== null,
      held: subject?.held ?? false,
      hidden: subject?.deleted ?? false,
      profileWords: about !== null,
    },
    at: now,
  });

  return {
    case: {
      ...toQueueItem(row, { names, groupNames: groups, me: actor.userId, now }),
      closedAt: row.closedAt ? row.closedAt.toISOString() : null,
      closedBy: personOf(names, row.closedBy),
      outcome: row.outcome,
      outcomeReason: row.outcomeReason,
      outcomeNote: row.outcomeNote,
    },
    content: subject ? toPost(subject) : null,
    about,
    thread: thread
      ? { topicId: thread.topicId, title: thread.title, posts: posts.map(toPost) }
      : null,
    person:
      personId && person
        ? {
            id: personId,
            displayName: person.displayName,
            trustLevel: trustLevelOf(person.trustLevel),
            siteRole: person.siteRole,
            joinedAt: person.joinedAt.toISOString(),
            restrictions: restrictions.map((r) => ({
              kind: r.kind,
              until: r.until ? r.until.toISOString() : null,
            })),
            earlierCases: earlier.map((c) => ({
              id: c.id,
              reason: c.reason,
              priority: c.priority,
              openedAt: c.openedAt.toISOString(),
              outcome: c.outcome,
            })),
            actions: history.map((a) => toActionSummary(a, names, appealed)),
          }
        : null,
    reports: reports.map((r) => ({
      reason: r.reason,
      weight: r.weight,
      at: r.createdAt.toISOString(),
      by: personOf(names, r.reporterId) ?? { id: null, displayName: t('moderation.formerMember') },
    })),
    appeal:
      appeal && appealedAction
        ? {
            action: toActionSummary(appealedAction, names, appealed),
            words: appeal.words,
            at: appeal.createdAt.toISOString(),
          }
        : null,
    currentWords,
    canClaim: canClaim(standing, facts, now),
    canAct: canAct(standing, facts),
    actions: actionsFor(standing, facts),
  };
}
