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
