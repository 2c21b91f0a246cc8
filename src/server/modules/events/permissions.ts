// Who may do what with an event: the person's standing is loaded first (standing.ts), then
// these small predicates decide.
import type { RsvpPlace } from '../../../contract/events';
import { type Actor, isAdmin } from '../../lib/access';

/** How one person stands with one event. */
export interface EventStanding {
  /**
   * May see it and answer: a group's events as the group's board (its members, anyone signed
   * in for a public group, those who run it); an organisation's or the community's, anyone
   * signed in.
   */
  see: boolean;
  /** Makes and changes it: the group's facilitators, the organisation's admins, site admins. */
  run: boolean;
}

export function canSeeEvent(actor: Actor | null, s: EventStanding): boolean {
  return actor !== null && (s.see || s.run);
}

export function canAnswerEvent(actor: Actor | null, s: EventStanding): boolean {
  return canSeeEvent(actor, s);
}

export function canRunEvent(actor: Actor | null, s: EventStanding): boolean {
  return actor !== null && s.run;
}

/** Events for the whole community are made by site admins. */
export function canRunCommunityEvents(actor: Actor | null): boolean {
  return isAdmin(actor);
}

/** The video room: for people with a place at the meeting, and those who run it. */
export function canSeeVideoLink(actor: Actor | null, s: EventStanding, place: RsvpPlace | null) {
  return canRunEvent(actor, s) || (canSeeEvent(actor, s) && place === 'going');
}

/** Who is coming, with their carers and access needs: only for those who run it. */
export function canSeeMeetingPeople(actor: Actor | null, s: EventStanding): boolean {
  return canRunEvent(actor, s);
}

/** Who came to meetings, marked and counted: those who run the event or group (for funders). */
export function canKeepAttendance(actor: Actor | null, s: { run: boolean }): boolean {
  return actor !== null && s.run;
}
