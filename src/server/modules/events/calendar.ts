// Calendars (issue 12 part 4): one event's .ics file, and each person's private feed of the
// meetings they said yes to, at a secret address they can reset.
import { and, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import type { CalendarFeedLink } from '../../../contract/events';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { hashToken, newToken } from '../../lib/tokens';
import type { EventsConfig, EventsDeps } from './deps';
import { calendarFeed, eventIcs, type IcsEvent } from './ics';
import { canSeeEvent, canSeeVideoLink } from './permissions';
import { type EventRow, eventColumns, exceptionsOf, loadEvent } from './queries';
import { instantToLocal } from './recurrence';
import { LONGEST_MEETING_MS, meetingAt, ruleOf } from './series';
import { standingOf, standingsOf } from './standing';
import { calendarFeeds, eventRsvps, events } from './tables';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A feed shows meetings from this long ago, so last week's stays in the calendar a while. */
const FEED_PAST_MS = 30 * DAY;
/** At most this many meetings in one feed. */
const FEED_MEETINGS = 500;
/** Sequence numbers count seconds from here, so they stay small. */
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

/** A calendar file to send: its words and a file name. */
export interface CalendarFile {
  body: string;
  filename: string;
}

const feedHash = (config: EventsConfig, token: string) =>
  hashToken(config.sessionSecret, `calendar-feed:${token}`);

function hostOf(config: EventsConfig): string {
  try {
    return new URL(config.publicUrl).hostname;
  } catch {
    return 'beenthere.invalid';
  }
}

/** A file name from the event's title: "tuesday-chat.ics". */
export function fileNameFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'event'}.ics`;
}

function locationOf(event: EventRow): string | null {
  const parts = [event.venueName, event.venueAddress, event.venueTown].filter((p): p is string =>
    Boolean(p?.trim()),
  );
  return parts.length ? parts.join(', ') : null;
}

function baseIcs(config: EventsConfig, event: EventRow, videoLink: string | null) {
  const base = config.publicUrl.replace(/\/+$/, '');
  return {
    title: event.title,
    description: event.description,
    location: locationOf(event),
    url: `${base}/events/${event.id}`,
    videoLink,
    cancelled: event.cancelledAt !== null,
    sequence: Math.max(0, Math.floor((event.updatedAt.getTime() - SEQUENCE_EPOCH) / 1000)),
    updatedAt: event.updatedAt,
  };
}

/** Does this person have a place at a meeting of the event that is not over? */
async function hasPlace(deps: EventsDeps, eventId: string, userId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ userId: eventRsvps.userId })
    .from(eventRsvps)
    .where(
      and(
        eq(eventRsvps.eventId, eventId),
        eq(eventRsvps.userId, userId),
        eq(eventRsvps.place, 'going'),
        gte(eventRsvps.meetingStart, new Date(deps.now().getTime() - LONGEST_MEETING_MS)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * One event's .ics, for anyone who may see the event: every meeting, moved and cancelled ones
 * marked. The video room only for those with a place at a meeting to come, and those who run it.
 */
export async function eventCalendar(
  deps: EventsDeps,
  actor: Actor,
  eventId: string,
): Promise<CalendarFile> {
  const event = await loadEvent(deps.db, eventId);
  const standing = await standingOf(deps, actor, event);
  if (!canSeeEvent(actor, standing)) throw problems.forbidden(t('events.problems.notForYou'));
  const exceptions = (await exceptionsOf(deps.db, [eventId])).get(eventId) ?? [];
  // A series has many meetings: a place at any one still to come shows the room.
  const place = (await hasPlace(deps, eventId, actor.userId)) ? 'going' : null;
  const mayVideo =
    event.videoUrl !== null &&
    event.cancelledAt === null &&
    canSeeVideoLink(actor, standing, place);
  const ics: IcsEvent = {
    ...baseIcs(deps.config, event, mayVideo ? event.videoUrl : null),
    uid: `event-${event.id}@${hostOf(deps.config)}`,
    series: ruleOf(event),
    exceptions,
  };
  return { body: eventIcs(ics), filename: fileNameFor(event.title) };
}

/** Makes the person's feed address, or a new one in place of the old (which then stops). */
export async function resetCalendarFeed(deps: EventsDeps, actor: Actor): Promise<CalendarFeedLink> {
  await deps.limits.consume('calendarFeedWritePerUser', actor.userId);
  const token = newToken();
  const tokenHash = feedHash(deps.config, token);
  await deps.db
    .insert(calendarFeeds)
    .values({ userId: actor.userId, tokenHash, createdAt: deps.now() })
    .onConflictDoUpdate({
      target: calendarFeeds.userId,
      set: { tokenHash, createdAt: deps.now() },
    });
  const base = deps.config.publicUrl.replace(/\/+$/, '');
  return {
    url: `${base}/api/calendar/${token}.ics`,
    message: t('events.calendar.feedMade'),
  };
}

/**
 * The feed behind a secret address: each meeting the person has a place at (or waits for),
 * from a month ago on, as one entry, with the video room where they have a place. The token
 * alone says who; their standing is checked as a plain member's, so leaving a private group
 * takes its meetings out.
 */
export async function calendarFeedFile(
  deps: EventsDeps,
  token: string,
  ip: string,
): Promise<CalendarFile> {
  const [feed] = await deps.db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, feedHash(deps.config, token)))
    .limit(1);
  if (!feed) {
    await deps.limits.consume('calendarFeedPerIp', ip);
    throw problems.notFound(t('events.problems.feedNotFound'));
  }
  const actor: Actor = {
    userId: feed.userId,
    sessionId: 'calendar-feed',
    siteRole: 'member',
    trustLevel: 0,
  };
  const since = new Date(deps.now().getTime() - FEED_PAST_MS);
  const answers = await deps.db
    .select({
      eventId: eventRsvps.eventId,
      start: eventRsvps.meetingStart,
      place: eventRsvps.place,
    })
    .from(eventRsvps)
    .where(
      and(
        eq(eventRsvps.userId, feed.userId),
        isNotNull(eventRsvps.place),
        gte(eventRsvps.meetingStart, since),
      ),
    )
    .orderBy(eventRsvps.meetingStart)
    .limit(FEED_MEETINGS);
  const eventIds = [...new Set(answers.map((a) => a.eventId))];
  const rows = eventIds.length
    ? await deps.db.select(eventColumns).from(events).where(inArray(events.id, eventIds))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const [standings, exceptions] = await Promise.all([
    standingsOf(deps, actor, rows),
    exceptionsOf(deps.db, eventIds),
  ]);
  const host = hostOf(deps.config);
  const entries: IcsEvent[] = [];
  for (const answer of answers) {
    const event = byId.get(answer.eventId);
    const standing = standings.get(answer.eventId);
    if (!event || !standing || !canSeeEvent(actor, standing)) continue;
    const meeting = meetingAt(ruleOf(event), exceptions.get(event.id) ?? [], answer.start);
    if (!meeting) continue;
    const cancelled = meeting.cancelled || event.cancelledAt !== null;
    const video = !cancelled && answer.place === 'going' ? event.videoUrl : null;
    entries.push({
      ...baseIcs(deps.config, event, video),
      // One entry per meeting: the person said yes to this one, not to the whole series.
      uid: `event-${event.id}-${answer.start.getTime()}@${host}`,
      title:
        answer.place === 'waiting'
          ? t('events.calendar.waitingTitle', { title: event.title })
          : event.title,
      series: {
        firstStartLocal: instantToLocal(meeting.start, event.timeZone),
        durationMinutes: Math.round((meeting.end.getTime() - meeting.start.getTime()) / MINUTE),
        timeZone: event.timeZone,
        rrule: null,
      },
      exceptions: [],
      cancelled,
    });
  }
  return { body: calendarFeed(t('events.calendar.feedName'), entries), filename: 'been-there.ics' };
}
