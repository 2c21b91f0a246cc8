// Rows → contract types, and the few words the module puts together (how long a case waited).
import type { ActionSummary, Person, QueueItem } from '../../../contract/moderation';
import { t } from '../../lib/i18n';
import { claimIsStale } from './permissions';
import type { ActionRow, CaseRow } from './queries';

type Names = Map<string, { displayName: string }>;

/** A person by id as moderators see them; an account that is gone is a former member. */
export function personOf(names: Names, id: string | null): Person | null {
  if (!id) return null;
  const person = names.get(id);
  return person
    ? { id, displayName: person.displayName }
    : { id: null, displayName: t('moderation.formerMember') };
}

/** "12 minutes", "3 hours", "2 days": how long something has waited, in words. */
export function waitedInWords(minutes: number): string {
  if (minutes < 60) return t('moderation.waited.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('moderation.waited.hours', { count: hours });
  return t('moderation.waited.days', { count: Math.floor(hours / 24) });
}

/** A date in words ("Monday 3 March"), in UK time like the moderation hours. */
export function dayInWords(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/London',
  }).format(at);
}

export function toQueueItem(
  row: CaseRow,
  context: { names: Names; groupNames: Map<string, string>; me: string; now: Date },
): QueueItem {
  const minutes = Math.max(
    0,
    Math.floor((context.now.getTime() - row.openedAt.getTime()) / 60_000),
  );
  return {
    id: row.id,
    reason: row.reason,
    tier: row.tier,
    priority: row.priority,
    status: row.status,
    subject: { kind: row.subjectKind, id: row.subjectId },
    groupId: row.groupId,
    groupName: row.groupId ? (context.groupNames.get(row.groupId) ?? null) : null,
    openings: row.openings,
    openedAt: row.openedAt.toISOString(),
    latestAt: row.latestAt.toISOString(),
    waitedMinutes: minutes,
    waited: waitedInWords(minutes),
    claimedBy: row.status === 'claimed' ? personOf(context.names, row.claimedBy) : null,
    claimedAt: row.status === 'claimed' && row.claimedAt ? row.claimedAt.toISOString() : null,
    mine: row.status === 'claimed' && row.claimedBy === context.me,
    claimStale: row.status === 'claimed' && claimIsStale(row, context.now),
  };
}

export function toActionSummary(
  row: ActionRow,
  names: Names,
  appealed: Map<string, Date>,
): ActionSummary {
  return {
    id: row.id,
    caseId: row.caseId,
    action: row.action,
    reason: row.reason,
    note: row.note,
    days: row.days,
    until: row.until ? row.until.toISOString() : null,
    by: personOf(names, row.actorId),
    at: row.createdAt.toISOString(),
    appealed: appealed.has(row.id),
    overturned: row.overturnedAt !== null,
  };
}
