import { z } from 'zod';

/**
 * Trust levels, lowest first: what a person may do grows with time and care shown
 * (SAFETY.md). Settings an admin can change say which level each thing needs.
 */
export const trustLevels = ['new', 'basic', 'member', 'regular', 'leader'] as const;
export const TrustLevel = z.enum(trustLevels);
export type TrustLevel = z.infer<typeof TrustLevel>;

/** Negative when `a` is below `b`, zero when equal, positive when above. */
export function compareTrust(a: TrustLevel, b: TrustLevel): number {
  return trustLevels.indexOf(a) - trustLevels.indexOf(b);
}

/** True when `level` is `needed` or above. */
export function hasTrust(level: TrustLevel, needed: TrustLevel): boolean {
  return compareTrust(level, needed) >= 0;
}

/**
 * The level a stored number stands for: `users.trust_level` (0–4) is the level's place in
 * `trustLevels`; numbers out of range are held to the nearest end.
 */
export function trustLevelOf(stored: number): TrustLevel {
  const place = Number.isFinite(stored) ? Math.trunc(stored) : 0;
  return trustLevels[Math.min(Math.max(place, 0), trustLevels.length - 1)] ?? 'new';
}

/** The number `users.trust_level` stores for a level. */
export function storedTrustLevel(level: TrustLevel): number {
  return trustLevels.indexOf(level);
}

/**
 * What a person needs to reach a level: days since joining, topics opened, posts read, time
 * spent reading, and at most this many reports upheld against them (in the last 100 days).
 */
export const TrustThreshold = z
  .object({
    days: z.number().int().min(0).max(365),
    topicsEntered: z.number().int().min(0).max(10_000),
    postsRead: z.number().int().min(0).max(100_000),
    readingMinutes: z.number().int().min(0).max(100_000),
    upheldReportsAtMost: z.number().int().min(0).max(100),
  })
  .strict();
export type TrustThreshold = z.infer<typeof TrustThreshold>;

/** What a person has done here, as the recount measures it. */
export interface TrustMeasures {
  days: number;
  topicsEntered: number;
  postsRead: number;
  readingMinutes: number;
  upheldReports: number;
}

/** Levels the recount gives, lowest first, with the setting that holds each one's threshold. */
export const earnedLevels = [
  { level: 'basic', setting: 'trust.toBasic' },
  { level: 'member', setting: 'trust.toMember' },
  { level: 'regular', setting: 'trust.toRegular' },
] as const;

/** True when the measures meet every part of the threshold. */
export function meets(measures: TrustMeasures, needed: TrustThreshold): boolean {
  return (
    measures.days >= needed.days &&
    measures.topicsEntered >= needed.topicsEntered &&
    measures.postsRead >= needed.postsRead &&
    measures.readingMinutes >= needed.readingMinutes &&
    measures.upheldReports <= needed.upheldReportsAtMost
  );
}

/**
 * The level these measures earn: the highest whose threshold (and every one below it) is met.
 * Nobody earns "leader": a moderator gives it.
 */
export function earnedLevel(
  measures: TrustMeasures,
  thresholds: Record<'basic' | 'member' | 'regular', TrustThreshold>,
): TrustLevel {
  let level: TrustLevel = 'new';
  for (const step of earnedLevels) {
    if (!meets(measures, thresholds[step.level])) break;
    level = step.level;
  }
  return level;
}

/** A person's trust level as a moderator sees it: what they have done, and what comes next. */
export const TrustStanding = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  level: TrustLevel,
  /** Set by a moderator and kept: the recount leaves it alone. */
  locked: z.boolean(),
  lockedBy: z.object({ id: z.uuid().nullable(), displayName: z.string() }).nullable(),
  lockedAt: z.iso.datetime().nullable(),
  measures: z.object({
    days: z.number().int(),
    topicsEntered: z.number().int(),
    postsRead: z.number().int(),
    readingMinutes: z.number().int(),
    upheldReports: z.number().int(),
  }),
  /** The level the recount would give from the measures alone. */
  earned: TrustLevel,
  /** The next level the recount could give, and what is still needed for it, in words. */
  next: z.object({ level: TrustLevel, needs: z.array(z.string()) }).nullable(),
});
export type TrustStanding = z.infer<typeof TrustStanding>;

/** A moderator sets a level by hand; `locked` keeps the recount from changing it. */
export const TrustUpdate = z.object({ level: TrustLevel, locked: z.boolean() }).strict();
export type TrustUpdate = z.infer<typeof TrustUpdate>;
