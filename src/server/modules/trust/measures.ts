// What people have done here, measured for their trust level, many people at once.

import type { SiteSettings } from '../../../contract/settings';
import {
  earnedLevel,
  type TrustLevel,
  type TrustMeasures,
  type TrustThreshold,
} from '../../../contract/trust';
import type { TrustDeps } from './deps';

/** Reports upheld against a person count for this long. */
export const UPHELD_REPORTS_DAYS = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Thresholds = Record<'basic' | 'member' | 'regular', TrustThreshold>;

export function thresholdsOf(settings: SiteSettings): Thresholds {
  return {
    basic: settings['trust.toBasic'],
    member: settings['trust.toMember'],
    regular: settings['trust.toRegular'],
  };
}

/** Each person's measures: days since joining, reading, and upheld reports. */
export async function measuresOf(
  deps: TrustDeps,
  people: { id: string; joinedAt: Date }[],
): Promise<Map<string, TrustMeasures>> {
  const ids = people.map((p) => p.id);
  const at = deps.now();
  const [reading, upheld] = await Promise.all([
    deps.reading.readingOf(ids),
    deps.reports.upheldReportsAgainst(ids, new Date(at.getTime() - UPHELD_REPORTS_DAYS * DAY_MS)),
  ]);
  return new Map(
    people.map((p) => {
      const read = reading.get(p.id);
      return [
        p.id,
        {
          days: Math.max(0, Math.floor((at.getTime() - p.joinedAt.getTime()) / DAY_MS)),
          topicsEntered: read?.topicsEntered ?? 0,
          postsRead: read?.postsRead ?? 0,
          readingMinutes: read?.readingMinutes ?? 0,
          upheldReports: upheld.get(p.id) ?? 0,
        },
      ];
    }),
  );
}

/**
 * The level the recount gives a person now at `current`. Levels are earned, and are not taken
 * back because time passes or reading slows: only reports upheld against the person (past what
 * their level allows) bring them down, to what they still earn. "leader" is a moderator's to give.
 */
export function recountedLevel(
  current: TrustLevel,
  measures: TrustMeasures,
  thresholds: Thresholds,
): TrustLevel {
  const earned = earnedLevel(measures, thresholds);
  if (current === 'leader') return current;
  const order = ['new', 'basic', 'member', 'regular'] as const;
  const currentPlace = order.indexOf(current);
  const earnedPlace = order.indexOf(earned as (typeof order)[number]);
  if (earnedPlace >= currentPlace) return earned;
  // Below what they hold: kept, unless upheld reports are past what their level allows.
  const allowed = current === 'new' ? Infinity : thresholds[current].upheldReportsAtMost;
  return measures.upheldReports > allowed ? earned : current;
}
