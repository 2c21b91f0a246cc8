import { createHash, createHmac } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { problems } from './errors';

export interface LimitRule {
  /** How many tries are allowed in the window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
}

/** Named rules: one place to read and tune every limit on a way in. */
export const limitRules = {
  signUpPerIp: { points: 10, duration: 60 * 60 },
  signUpPerEmail: { points: 3, duration: 60 * 60 },
  emailLinkPerIp: { points: 20, duration: 60 * 60 },
  emailLinkPerEmail: { points: 5, duration: 60 * 60 },
  passwordPerIp: { points: 30, duration: 15 * 60 },
  passwordPerEmail: { points: 10, duration: 15 * 60 },
  verifyPerIp: { points: 30, duration: 15 * 60 },
  // Forum writes, per person (user id): far above what a member writes, low enough to stop a flood.
  forumTopicPerUser: { points: 10, duration: 60 * 60 },
  forumReplyPerUser: { points: 60, duration: 60 * 60 },
  forumEditPerUser: { points: 60, duration: 60 * 60 },
  forumUploadPerUser: { points: 30, duration: 60 * 60 },
  /** Reactions and "this helped me" marks, on and off. */
  forumReactionPerUser: { points: 300, duration: 60 * 60 },
  /** The composer saves 2 s after typing pauses: one save every 2 s for a whole hour fits. */
  forumDraftSavePerUser: { points: 1800, duration: 60 * 60 },
  /**
   * Name look-ups of the mention picker, per person: one per pause in typing (250 ms) is
   * far under it; a script listing every member by their first letters is not.
   */
  mentionSearchPerUser: { points: 600, duration: 60 * 60 },
  /** Site settings an admin changes, per admin: a slip of a script, not a person, hits it. */
  settingsWritePerUser: { points: 60, duration: 60 * 60 },
  /** Changes to the screening lists, per admin: a morning's careful edits fit easily. */
  safetyPhraseWritePerUser: { points: 120, duration: 60 * 60 },
  /** Words an admin tries against a list, per admin: one per tap of "Check these words". */
  safetyTryPerUser: { points: 600, duration: 60 * 60 },
  /** Changes to the watched words, per admin: like the screening lists. */
  safetyWatchedWritePerUser: { points: 120, duration: 60 * 60 },
  /** A person's notification choices, push devices and read marks: each tap is one. */
  notificationWritePerUser: { points: 600, duration: 60 * 60 },
  /** Unsubscribe links we never made, per address they come from (real ones are never limited). */
  unsubscribePerIp: { points: 60, duration: 60 * 60 },
  /**
   * People one person may mention in an hour, over all posts: past it, mentions still show
   * but nobody is told (a mention flood). Per post the cap also grows with trust level.
   */
  mentionsPerUser: { points: 30, duration: 60 * 60 },
  /** "I am worried about this person", per worried member. */
  concernsPerUser: { points: 10, duration: 60 * 60 },
  /** Trust levels a moderator sets by hand, per moderator. */
  trustWritePerUser: { points: 120, duration: 60 * 60 },
  /** A moderator's decisions on cases (edits of words among them): a long shift fits. */
  moderationActPerUser: { points: 300, duration: 60 * 60 },
  /**
   * Looks at and appeals through a mailed appeal link, per address they come from: a person
   * opens it a few times; guessing tokens is stopped long before it could find one.
   */
  appealLinkPerIp: { points: 30, duration: 15 * 60 },
  /** Reports one member makes in an hour: far past anyone's need, short of a report flood. */
  reportsPerUser: { points: 30, duration: 60 * 60 },
  /** Muting, ignoring or blocking someone, and stopping it: a person's own list, tap by tap. */
  blockWritePerUser: { points: 60, duration: 60 * 60 },
  /** An organisation's own settings (its video service), per admin. */
  organisationWritePerUser: { points: 60, duration: 60 * 60 },
  /** Making, changing and cancelling events and their meetings, per person who runs them. */
  eventWritePerUser: { points: 120, duration: 60 * 60 },
  /** Answers for meetings ("going", "maybe", a carer, access needs): each tap is one. */
  eventRsvpPerUser: { points: 300, duration: 60 * 60 },
  /** Making (or resetting) one's private calendar feed address. */
  calendarFeedWritePerUser: { points: 30, duration: 60 * 60 },
  /**
   * Calendar feed addresses we never made (or that were reset), per address they come from:
   * a calendar app asking hourly with an old address fits; guessing tokens does not.
   */
  calendarFeedPerIp: { points: 60, duration: 60 * 60 },
} satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof limitRules;

export interface RateLimits {
  /** Counts one try against a rule; throws a 429 problem when the rule is used up. */
  consume(name: LimitName, key: string): Promise<void>;
  /** Forgets the tries on a key (after a successful sign-in, say). */
  reset(name: LimitName, key: string): Promise<void>;
}

export interface RateLimitOptions {
  /**
   * Keys the hash of each limit key (an email, an address), so Redis holds no
   * email; processes that share a Redis must share it (SESSION_SECRET does).
   */
  keySecret?: string;
}

/** A key as the limiter stores it: an HMAC (or, with no secret, a SHA-256) of it. */
export function limitKey(key: string, keySecret?: string): string {
  const hash = keySecret ? createHmac('sha256', keySecret) : createHash('sha256');
  return hash.update(key).digest('base64url');
}

/** Limits held in memory for one process, or in Redis when several processes share them. */
export function createRateLimits(
  redis?: Redis,
  overrides: Partial<Record<LimitName, LimitRule>> = {},
  { keySecret }: RateLimitOptions = {},
): RateLimits {
  // Derived, so the secret that keys session hashes is not itself the key here.
  const secret = keySecret ? limitKey('rate-limit-keys', keySecret) : undefined;
  const limiters = new Map<LimitName, RateLimiterAbstract>();
  for (const [name, base] of Object.entries(limitRules) as [LimitName, LimitRule][]) {
    const rule = overrides[name] ?? base;
    const options = { keyPrefix: `bt:rl:${name}`, points: rule.points, duration: rule.duration };
    limiters.set(
      name,
      redis
        ? // If Redis is unreachable, fall back to per-process limits rather than fail a sign-in.
          new RateLimiterRedis({
            ...options,
            storeClient: redis,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options),
    );
  }
  const get = (name: LimitName) => limiters.get(name)!;
  return {
    async consume(name, key) {
      try {
        await get(name).consume(limitKey(key, secret));
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          throw problems.tooManyRequests(error.msBeforeNext / 1000);
        }
        throw error;
      }
    },
    async reset(name, key) {
      await get(name).delete(limitKey(key, secret));
    },
  };
}
