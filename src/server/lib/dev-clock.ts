// A clock development can move forward (never in production): the browser tests move it to see
// a reminder sent "a day before" without waiting a day. Everything that asks the services for
// the time asks this; the database's own now() and timers do not move.

export interface DevClock {
  now(): Date;
  /** How far ahead of the real clock it is, in milliseconds (0: not moved). */
  aheadMs(): number;
  setAhead(ms: number): void;
}

export function createDevClock(base: () => Date = () => new Date()): DevClock {
  let ahead = 0;
  return {
    now: () => new Date(base().getTime() + ahead),
    aheadMs: () => ahead,
    setAhead(ms) {
      if (!Number.isSafeInteger(ms) || ms < 0) throw new Error('dev clock: ahead must be >= 0 ms');
      ahead = ms;
    },
  };
}
