import { describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/access';
import { clockInWords, daysInWords, hoursSentence, isOpenAt } from './hours';
import { priorityOf } from './opening';
import {
  actionsFor,
  type CaseFacts,
  canAct,
  canClaim,
  canSeeCase,
  type ModeratorStanding,
} from './permissions';
import { waitedInWords } from './present';

const actor = (siteRole: Actor['siteRole'], userId = 'me'): Actor => ({
  userId,
  sessionId: 's',
  siteRole,
  trustLevel: 2,
});
const standing = (siteRole: Actor['siteRole'], led: string[] = []): ModeratorStanding => ({
  actor: actor(siteRole),
  ledGroups: new Set(led),
});
const aCase = (facts: Partial<CaseFacts> = {}): CaseFacts => ({
  reason: 'report',
  status: 'open',
  subjectKind: 'reply',
  subjectUserId: 'them',
  groupId: null,
  claimedBy: null,
  claimedAt: null,
  appealedActorId: null,
  ...facts,
});

describe('priority', () => {
  it('crisis for a plan, a time or a place; safety for worry and harm; the rest after', () => {
    expect(priorityOf({ reason: 'screening', tier: 'high' })).toBe('crisis');
    expect(priorityOf({ reason: 'concern', tier: 'high' })).toBe('crisis');
    expect(priorityOf({ reason: 'screening', tier: 'medium' })).toBe('safety');
    expect(priorityOf({ reason: 'concern' })).toBe('safety');
    expect(priorityOf({ reason: 'report', reportReason: 'unsafe' })).toBe('safety');
    expect(priorityOf({ reason: 'report', reportReason: 'private_details' })).toBe('safety');
    expect(priorityOf({ reason: 'report', reportReason: 'unkind' })).toBe('other');
    expect(priorityOf({ reason: 'screening', tier: 'low' })).toBe('other');
    expect(priorityOf({ reason: 'review' })).toBe('other');
    expect(priorityOf({ reason: 'appeal' })).toBe('other');
  });
});

describe('who may do what with a case', () => {
  const now = new Date('2026-03-02T12:00:00Z');

  it('staff see every case but those about themselves; facilitators their board’s reports', () => {
    expect(canSeeCase(standing('moderator'), aCase())).toBe(true);
    expect(canSeeCase(standing('moderator'), aCase({ subjectUserId: 'me' }))).toBe(false);
    expect(canSeeCase(standing('member'), aCase())).toBe(false);
    const facilitator = standing('member', ['g1']);
    expect(canSeeCase(facilitator, aCase({ groupId: 'g1' }))).toBe(true);
    expect(canSeeCase(facilitator, aCase({ groupId: 'g2' }))).toBe(false);
    expect(canSeeCase(facilitator, aCase({ groupId: 'g1', reason: 'screening' }))).toBe(false);
  });

  it('a claim is free when open, mine, or older than 30 minutes', () => {
    const mod = standing('moderator');
    const claimed = (minutesAgo: number, by = 'other') =>
      aCase({
        status: 'claimed',
        claimedBy: by,
        claimedAt: new Date(now.getTime() - minutesAgo * 60_000),
      });
    expect(canClaim(mod, aCase(), now)).toBe(true);
    expect(canClaim(mod, claimed(5), now)).toBe(false);
    expect(canClaim(mod, claimed(5, 'me'), now)).toBe(true);
    expect(canClaim(mod, claimed(31), now)).toBe(true);
    expect(canClaim(mod, aCase({ status: 'closed' }), now)).toBe(false);
    expect(canAct(mod, claimed(5, 'me'))).toBe(true);
    expect(canAct(mod, claimed(5))).toBe(false);
  });

  it('an appeal goes to someone other than the one who acted', () => {
    const appeal = aCase({ reason: 'appeal', appealedActorId: 'me' });
    expect(canClaim(standing('moderator'), appeal, now)).toBe(false);
    expect(actionsFor(standing('moderator'), appeal)).toEqual(['uphold', 'overturn']);
  });

  it('mutes, suspensions and bans are for site staff; a board’s leader edits and hides', () => {
    expect(actionsFor(standing('member', ['g1']), aCase({ groupId: 'g1' }))).toEqual([
      'dismiss',
      'reach_out',
      'edit',
      'hide',
      'restore',
      'warn',
    ]);
    expect(actionsFor(standing('moderator'), aCase({ subjectKind: 'profile' }))).toEqual([
      'dismiss',
      'reach_out',
      'warn',
      'mute',
      'suspend',
      'ban',
    ]);
  });
});

describe('words', () => {
  it('say how long a case waited', () => {
    expect(waitedInWords(1)).toBe('1 minute');
    expect(waitedInWords(45)).toBe('45 minutes');
    expect(waitedInWords(60)).toBe('1 hour');
    expect(waitedInWords(47 * 60)).toBe('47 hours');
    expect(waitedInWords(3 * 24 * 60)).toBe('3 days');
  });

  it('say the moderation hours honestly', () => {
    expect(clockInWords('08:00')).toBe('8 am');
    expect(clockInWords('22:00')).toBe('10 pm');
    expect(clockInWords('12:30')).toBe('12:30 pm');
    expect(clockInWords('00:00')).toBe('12 am');
    expect(daysInWords([0, 1, 2, 3, 4, 5, 6])).toBeNull();
    expect(daysInWords([5, 1, 2, 3, 4])).toBe('Monday to Friday');
    expect(daysInWords([1, 3, 5])).toBe('Monday, Wednesday and Friday');
    expect(daysInWords([6])).toBe('Saturday');
    const hours = {
      days: [0, 1, 2, 3, 4, 5, 6],
      from: '08:00',
      until: '22:00',
      timeZone: 'Europe/London',
    };
    expect(hoursSentence(hours, 2, new Date('2026-03-02T12:00:00Z'))).toBe(
      'A moderator usually looks within 2 hours, 8 am to 10 pm UK time.',
    );
    expect(hoursSentence(hours, 0.5, new Date('2026-03-02T12:00:00Z'))).toBe(
      'A moderator usually looks within 30 minutes, 8 am to 10 pm UK time.',
    );
  });

  it('know when moderators are usually looking, in their own time zone', () => {
    const weekdays = {
      days: [1, 2, 3, 4, 5],
      from: '08:00',
      until: '22:00',
      timeZone: 'Europe/London',
    };
    // Monday 2 March 2026, 12:00 UTC is noon in London (no summer time yet).
    expect(isOpenAt(weekdays, new Date('2026-03-02T12:00:00Z'))).toBe(true);
    expect(isOpenAt(weekdays, new Date('2026-03-02T22:30:00Z'))).toBe(false);
    // Saturday.
    expect(isOpenAt(weekdays, new Date('2026-03-07T12:00:00Z'))).toBe(false);
    // In summer time, 07:30 UTC is 08:30 in London.
    expect(isOpenAt(weekdays, new Date('2026-07-06T07:30:00Z'))).toBe(true);
    const nights = { ...weekdays, days: [0, 1, 2, 3, 4, 5, 6], from: '22:00', until: '06:00' };
    expect(isOpenAt(nights, new Date('2026-03-02T23:00:00Z'))).toBe(true);
    expect(isOpenAt(nights, new Date('2026-03-02T12:00:00Z'))).toBe(false);
  });
});
