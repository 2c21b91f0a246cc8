// Making, changing and cancelling events: a group's by its facilitators, an organisation's by
// its admins, the whole community's by site admins.
import { and, eq, gte, inArray } from 'drizzle-orm';
import type {
  EventDetail,
  EventInputParsed,
  EventUpdate,
  GroupEventInputParsed,
} from '../../../contract/events';
import type { GroupLanguage } from '../../../contract/groups-values';
import type { Tx } from '../../db';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { Enqueue } from '../../lib/jobs';
import { fillLine } from './answering';
import type { EventsDeps } from './deps';
import { eventDetail } from './event-page';
import { canRunCommunityEvents } from './permissions';
import { type EventRow, exceptionsOf, loadEvent, saidYes } from './queries';
import { compileSeries, type SeriesRule, seriesRuleFromRhythm } from './recurrence';
import { addMinutes, LONGEST_MEETING_MS, meetingAt, meetingsFrom, ruleOf } from './series';
import { checkedRule, columnsOf, type EventFields, fieldsOf, requireMeetingsAhead } from './shape';
import { requireRunner, standingOf } from './standing';
import { eventExceptions, eventRsvps, events } from './tables';
import { changeEvent } from './telling';

type Owner =
  | { ownerKind: 'group'; groupId: string; organisationId: string }
  | { ownerKind: 'organisation'; groupId: null; organisationId: string }
  | { ownerKind: 'community'; groupId: null; organisationId: null };

async function insertEvent(
  deps: EventsDeps,
  actor: Actor,
  owner: Owner,
  fields: EventFields,
  languages: GroupLanguage[],
  videoBaseUrl: string | null,
): Promise<EventDetail> {
  const rule = checkedRule(fields);
  requireMeetingsAhead(rule, [], deps.now());
  const [row] = await deps.db
    .insert(events)
    .values({
      ...owner,
      ...columnsOf(fields, rule, [], videoBaseUrl),
      languages,
      createdBy: actor.userId,
      createdAt: deps.now(),
      updatedAt: deps.now(),
    })
    .returning({ id: events.id });
  return eventDetail(deps, actor, row!.id);
}

/** Times given, or the group's own meeting rhythm from its next meeting on. */
async function groupEventFields(
  deps: EventsDeps,
  groupId: string,
  input: GroupEventInputParsed,
): Promise<EventFields> {
  const { followGroupRhythm, ...rest } = input;
  if (!followGroupRhythm) {
    return {
      ...rest,
      startLocal: rest.startLocal ?? '',
      endLocal: rest.endLocal ?? '',
      timeZone: rest.timeZone ?? '',
    };
  }
  const rhythm = (await deps.groups.groupRhythms([groupId])).get(groupId);
  if (!rhythm) throw problems.notFound(t('events.problems.groupNotFound'));
  const rule = seriesRuleFromRhythm(rhythm, deps.now());
  return {
    ...rest,
    startLocal: rule.firstStartLocal,
    endLocal: addMinutes(rule.firstStartLocal, rule.durationMinutes),
    timeZone: rule.timeZone,
    rrule: rule.rrule,
  };
}

export async function createGroupEvent(
  deps: EventsDeps,
  actor: Actor,
  groupId: string,
  input: GroupEventInputParsed,
): Promise<EventDetail> {
  const group = (await deps.groups.groupEventStandings(actor, [groupId])).get(groupId);
  if (!group) throw problems.notFound(t('events.problems.groupNotFound'));
  if (!group.run) throw problems.forbidden(t('events.problems.notRunner'));
  await deps.limits.consume('eventWritePerUser', actor.userId);
  const org = (await deps.groups.organisationEventStandings(actor, [group.organisationId])).get(
    group.organisationId,
  );
  const fields = await groupEventFields(deps, groupId, input);
  return insertEvent(
    deps,
    actor,
    { ownerKind: 'group', groupId, organisationId: group.organisationId },
    fields,
    // A group's meetings are in the languages of the group.
    group.languages,
    org?.videoBaseUrl ?? null,
  );
}

export async function createOrganisationEvent(
  deps: EventsDeps,
  actor: Actor,
  organisationId: string,
  input: EventInputParsed,
): Promise<EventDetail> {
  const org = (await deps.groups.organisationEventStandings(actor, [organisationId])).get(
    organisationId,
  );
  if (!org) throw problems.notFound(t('events.problems.organisationNotFound'));
  if (!org.run) throw problems.forbidden(t('events.problems.notRunner'));
  await deps.limits.consume('eventWritePerUser', actor.userId);
  return insertEvent(
    deps,
    actor,
    { ownerKind: 'organisation', groupId: null, organisationId },
    input,
    input.languages,
    org.videoBaseUrl,
  );
}

export async function createCommunityEvent(
  deps: EventsDeps,
  actor: Actor,
  input: EventInputParsed,
): Promise<EventDetail> {
  if (!canRunCommunityEvents(actor)) throw problems.forbidden(t('events.problems.notRunner'));
  await deps.limits.consume('eventWritePerUser', actor.userId);
  return insertEvent(
    deps,
    actor,
    { ownerKind: 'community', groupId: null, organisationId: null },
    input,
    input.languages,
    null,
  );
}

/** Loads the event and its standing, and refuses anyone who does not run it (before any lock). */
async function requireRun(deps: EventsDeps, actor: Actor, eventId: string) {
  const event = await loadEvent(deps.db, eventId);
  const standing = await standingOf(deps, actor, event);
  requireRunner(actor, standing);
  return { event, standing };
}

const sameTimes = (a: SeriesRule, b: SeriesRule) =>
  a.firstStartLocal === b.firstStartLocal && a.timeZone === b.timeZone && a.rrule === b.rrule;

/**
 * After the series' times change: answers for meetings it no longer has are gone, and
 * everyone who said yes to a meeting still to come hears the times changed.
 */
async function afterNewTimes(
  deps: EventsDeps,
  tx: Tx,
  enqueue: Enqueue,
  actor: Actor,
  event: EventRow,
  rule: SeriesRule,
) {
  const since = new Date(deps.now().getTime() - LONGEST_MEETING_MS);
  const told = [...new Set((await saidYes(tx, event.id, { since })).map((r) => r.userId))];
  const series = compileSeries(rule);
  const kept = (start: Date) => series.meetingAt(start) !== null;
  const answered = await tx
    .selectDistinct({ start: eventRsvps.meetingStart })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, event.id), gte(eventRsvps.meetingStart, since)));
  const gone = answered.map((r) => r.start).filter((start) => !kept(start));
  if (gone.length) {
    await tx
      .delete(eventRsvps)
      .where(and(eq(eventRsvps.eventId, event.id), inArray(eventRsvps.meetingStart, gone)));
  }
  const [next] = meetingsFrom(rule, [], deps.now(), new Date(Date.UTC(2200, 0, 1)), 1);
  if (told.length && next) {
    await deps.notifications.notify(tx, enqueue, [
      changeEvent(
        { ...event, timeZone: rule.timeZone },
        'times_changed',
        next,
        null,
        told,
        actor.userId,
        deps.now(),
      ),
    ]);
  }
}

/** Change an event; new times keep the answers of meetings that stay, and tell who said yes. */
export async function updateEvent(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
  update: EventUpdate,
): Promise<EventDetail> {
  const { event: before, standing } = await requireRun(deps, actor, eventId);
  if (before.cancelledAt) throw problems.conflict(t('events.problems.cancelled'));
  await deps.limits.consume('eventWritePerUser', actor.userId);
  await deps.jobs.transaction(async (tx, enqueue) => {
    const event = await loadEvent(tx, eventId, true);
    const current = fieldsOf(event);
    const fields: EventFields = { ...current, ...update };
    const rule = checkedRule(fields);
    const oldRule = ruleOf(event);
    const timesMoved = !sameTimes(rule, oldRule);
    const lengthChanged = rule.durationMinutes !== oldRule.durationMinutes;
    let exceptions = (await exceptionsOf(tx, [eventId])).get(eventId) ?? [];
    if (timesMoved) {
      requireMeetingsAhead(rule, [], deps.now());
      // A moved or cancelled meeting the new series no longer has is gone with it.
      const series = compileSeries(rule);
      const stale = exceptions.filter((e) => !series.meetingAt(e.originalStart));
      if (stale.length) {
        await tx.delete(eventExceptions).where(
          and(
            eq(eventExceptions.eventId, eventId),
            inArray(
              eventExceptions.originalStart,
              stale.map((e) => e.originalStart),
            ),
          ),
        );
      }
      exceptions = exceptions.filter((e) => !stale.includes(e));
    }
    await tx
      .update(events)
      .set({
        ...columnsOf(fields, rule, exceptions, standing.videoBaseUrl, event),
        updatedAt: deps.now(),
      })
      .where(eq(events.id, eventId));
    if (timesMoved || lengthChanged) await afterNewTimes(deps, tx, enqueue, actor, event, rule);
    // More places (or no limit now): those waiting move up.
    const roomier =
      fields.capacity === null || (event.capacity !== null && fields.capacity > event.capacity);
    if (roomier && fields.capacity !== event.capacity) {
      const waiting = await tx
        .selectDistinct({ start: eventRsvps.meetingStart })
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.place, 'waiting')));
      for (const { start } of waiting) {
        const meeting = meetingAt(rule, exceptions, start);
        if (meeting) {
          await fillLine(deps, tx, enqueue, { ...event, capacity: fields.capacity }, meeting);
        }
      }
    }
  });
  return eventDetail(deps, actor, eventId);
}

/** Cancel the whole event: its meetings stop, and everyone who said yes hears. */
export async function cancelEvent(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
): Promise<EventDetail> {
  await requireRun(deps, actor, eventId);
  await deps.limits.consume('eventWritePerUser', actor.userId);
  await deps.jobs.transaction(async (tx, enqueue) => {
    const event = await loadEvent(tx, eventId, true);
    // Cancelling twice changes nothing and tells nobody again.
    if (event.cancelledAt) return;
    await tx
      .update(events)
      .set({ cancelledAt: deps.now(), updatedAt: deps.now() })
      .where(eq(events.id, eventId));
    const since = new Date(deps.now().getTime() - LONGEST_MEETING_MS);
    const told = [...new Set((await saidYes(tx, eventId, { since })).map((r) => r.userId))];
    const exceptions = (await exceptionsOf(tx, [eventId])).get(eventId) ?? [];
    const [next] = meetingsFrom(
      ruleOf(event),
      exceptions,
      deps.now(),
      new Date(Date.UTC(2200, 0, 1)),
      1,
    );
    if (told.length && next) {
      await deps.notifications.notify(tx, enqueue, [
        changeEvent(event, 'event_cancelled', next, null, told, actor.userId, deps.now()),
      ]);
    }
  });
  return eventDetail(deps, actor, eventId);
}
