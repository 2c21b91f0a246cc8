// One event's page with its next meetings, and one meeting's people for those who run it.
import type { EventDetail, Meeting, MeetingPeople } from '../../../contract/events';
import type { Db, Tx } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { zoneInWords } from '../groups/face';
import type { EventsDeps } from './deps';
import { canKeepAttendance, canSeeEvent, canSeeMeetingPeople } from './permissions';
import { type MeetingView, toDetail, toMeeting, zoneFor } from './present';
import {
  answersFor,
  answersOf,
  type EventRow,
  exceptionsOf,
  loadEvent,
  meetingCounts,
  meetingKey,
} from './queries';
import { type Occurrence, occurrences } from './recurrence';
import { meetingAt, meetingsFrom, ruleOf } from './series';
import { type LoadedStanding, standingOf } from './standing';

/** How many meetings an event's page shows. */
export const PAGE_MEETINGS = 10;
/** Past meetings shown to those who run it, to mark who came: at most this many, this recent. */
const RECENT_MEETINGS = 3;
const RECENT_MS = 14 * 24 * 60 * 60 * 1000;
const FAR_FUTURE = new Date(Date.UTC(2200, 0, 1));

export interface Shown {
  event: EventRow;
  standing: LoadedStanding;
  meeting: Occurrence;
}

/** What each meeting needs besides itself: its counts and my answer (two queries for all). */
export async function viewsOf(
  db: Db | Tx,
  actor: Actor | null,
  shown: Shown[],
  zone: (event: EventRow) => string,
  now: Date,
): Promise<MeetingView[]> {
  const refs = shown.map((s) => ({ eventId: s.event.id, start: s.meeting.originalStart }));
  const [counts, mine] = await Promise.all([
    meetingCounts(db, refs),
    actor ? answersOf(db, actor.userId, refs) : Promise.resolve(new Map()),
  ]);
  return shown.map((s) => {
    const key = meetingKey(s.event.id, s.meeting.originalStart);
    return {
      actor,
      standing: s.standing,
      counts: counts.get(key),
      mine: mine.get(key),
      zone: zone(s.event),
      now,
    };
  });
}

/** An event's page: what it is, where, and its next meetings with my answers. */
export async function eventDetail(
  deps: EventsDeps,
  actor: Actor | null,
  eventId: string,
  timeZone?: string,
): Promise<EventDetail> {
  const { db, now } = deps;
  const event = await loadEvent(db, eventId);
  const standing = await standingOf(deps, actor, event);
  if (!canSeeEvent(actor, standing)) throw problems.forbidden(t('events.problems.notForYou'));
  const exceptions = (await exceptionsOf(db, [eventId])).get(eventId) ?? [];
  const at = now();
  const upcoming = meetingsFrom(ruleOf(event), exceptions, at, FAR_FUTURE, PAGE_MEETINGS);
  // Those who run it also see the last few meetings of the past fortnight, to mark who came.
  const recent = canKeepAttendance(actor, standing)
    ? occurrences(ruleOf(event), exceptions, new Date(at.getTime() - RECENT_MS), at, 50)
        .filter((m) => !m.cancelled && m.end <= at)
        .slice(-RECENT_MEETINGS)
    : [];
  const meetings = [...recent, ...upcoming];
  const zone = zoneFor(event, timeZone);
  const shown = meetings.map((meeting) => ({ event, standing, meeting }));
  const views = await viewsOf(db, actor, shown, () => zone, now());
  const out: Meeting[] = shown.map((s, i) => toMeeting(event, s.meeting, views[i]!));
  return toDetail(actor, event, standing, out, zoneInWords(zone));
}

/** Who answered for one meeting, with carers and access needs: for those who run it. */
export async function meetingPeople(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  start: string,
): Promise<MeetingPeople> {
  const { db, now } = deps;
  const event = await loadEvent(db, eventId);
  const standing = await standingOf(deps, actor, event);
  if (!canSeeMeetingPeople(actor, standing)) {
    throw problems.forbidden(t('events.problems.notRunner'));
  }
  const exceptions = (await exceptionsOf(db, [eventId])).get(eventId) ?? [];
  const meeting = meetingAt(ruleOf(event), exceptions, new Date(start));
  if (!meeting) throw problems.notFound(t('events.problems.meetingNotFound'));
  const rows = await answersFor(db, eventId, meeting.originalStart);
  const names = await deps.accounts.authorsByIds(rows.map((r) => r.userId));
  const [view] = await viewsOf(db, actor, [{ event, standing, meeting }], (e) => e.timeZone, now());
  const person = (r: (typeof rows)[number]) => ({
    id: r.userId,
    displayName: names.get(r.userId)?.displayName ?? t('events.people.someone'),
    carer: r.carer,
    accessNeeds: r.accessNeeds,
    answeredAt: r.answeredAt.toISOString(),
  });
  return {
    meeting: toMeeting(event, meeting, view!),
    going: rows.filter((r) => r.place === 'going').map(person),
    waiting: rows.filter((r) => r.place === 'waiting').map(person),
    maybe: rows.filter((r) => r.answer === 'maybe').map(person),
    notGoing: rows.filter((r) => r.answer === 'not_going').map(person),
  };
}
