// Plain values of the blocks contract, with no zod: the web app imports these.

/**
 * How strongly a person keeps another away, weakest first. Each includes the ones before:
 * mute (not told of what they do), ignore (their posts folded away too), block (they cannot
 * reply to me or mention me either, and are never told).
 */
export const blockStrengths = ['mute', 'ignore', 'block'] as const;
export type BlockStrength = (typeof blockStrengths)[number];

/** How long it lasts, in days; null is for good. */
export const blockDays = [1, 7, 30, null] as const;
export type BlockDays = (typeof blockDays)[number];

/** The most people one person may mute, ignore or block at once. */
export const BLOCKS_MAX = 500;
