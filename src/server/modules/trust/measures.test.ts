import { describe, expect, it } from 'vitest';
import { earnedLevel, type TrustMeasures } from '../../../contract/trust';
import { recountedLevel, type Thresholds } from './measures';

const thresholds: Thresholds = {
  basic: { days: 2, topicsEntered: 5, postsRead: 30, readingMinutes: 10, upheldReportsAtMost: 0 },
  member: {
    days: 14,
    topicsEntered: 20,
    postsRead: 100,
    readingMinutes: 60,
    upheldReportsAtMost: 0,
  },
  regular: {
    days: 50,
    topicsEntered: 50,
    postsRead: 400,
    readingMinutes: 240,
    upheldReportsAtMost: 1,
  },
};
const quiet: TrustMeasures = {
  days: 0,
  topicsEntered: 0,
  postsRead: 0,
  readingMinutes: 0,
  upheldReports: 0,
};
const busy: TrustMeasures = {
  days: 60,
  topicsEntered: 60,
  postsRead: 500,
  readingMinutes: 300,
  upheldReports: 0,
};

describe('trust levels', () => {
  it('are earned only when every part of a threshold is met', () => {
    expect(earnedLevel(quiet, thresholds)).toBe('new');
    expect(earnedLevel({ ...busy, days: 1 }, thresholds)).toBe('new');
    // A burst of reading on the first day earns nothing: days count too.
    expect(earnedLevel({ ...busy, days: 0 }, thresholds)).toBe('new');
    expect(earnedLevel({ ...busy, days: 3 }, thresholds)).toBe('basic');
    expect(earnedLevel({ ...busy, days: 20 }, thresholds)).toBe('member');
    expect(earnedLevel(busy, thresholds)).toBe('regular');
    expect(earnedLevel({ ...busy, readingMinutes: 59 }, thresholds)).toBe('basic');
  });

  it('never give "leader": a moderator does', () => {
    expect(earnedLevel({ ...busy, days: 3650, postsRead: 99_999 }, thresholds)).toBe('regular');
    expect(recountedLevel('leader', quiet, thresholds)).toBe('leader');
  });

  it('are not taken back when time passes or reading slows', () => {
    expect(recountedLevel('member', quiet, thresholds)).toBe('member');
    expect(recountedLevel('basic', { ...busy, days: 20 }, thresholds)).toBe('member');
  });

  it('come down when reports upheld against the person pass what their level allows', () => {
    const reported = { ...busy, upheldReports: 1 };
    // Regular allows one; member does not: one upheld report holds them at basic's measure.
    expect(recountedLevel('regular', reported, thresholds)).toBe('regular');
    expect(recountedLevel('regular', { ...busy, upheldReports: 2 }, thresholds)).toBe('new');
    expect(recountedLevel('member', reported, thresholds)).toBe('new');
    expect(recountedLevel('new', reported, thresholds)).toBe('new');
  });
});
