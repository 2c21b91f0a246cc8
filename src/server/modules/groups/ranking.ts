// "Find a group that fits me": one pure, deterministic ranking. Every weight is
// here, in one place; every point a group earns comes with a reason in plain words.
import type { FitReasonItem } from '../../../contract/groups';
import type {
  AccessFeature,
  AgeBand,
  FormatWish,
  GroupFocus,
  GroupFormat,
  GroupLanguage,
  SeekerRole,
  SizeWish,
} from '../../../contract/groups-values';

export interface Seeker {
  role: SeekerRole | null;
  ageBand: AgeBand | null;
  aphasia: 'yes' | 'some' | 'no' | null;
  format: FormatWish | null;
  /** Whether the person gave a place; distances below are from it. */
  hasPlace: boolean;
  maxKm: number | null;
  focus: GroupFocus[];
  size: SizeWish | null;
  access: AccessFeature[];
  languages: GroupLanguage[];
  /** Years since the stroke, when known (for "newly home" and "long term"). */
  yearsSinceStroke: number | null;
}

export interface Candidate {
  id: string;
  format: GroupFormat;
  focus: GroupFocus[];
  languages: GroupLanguage[];
  sizeCap: number;
  memberCount: number;
  caregiversOnly: boolean;
  access: AccessFeature[];
  /** Null for online groups or when the seeker gave no place. */
  distanceKm: number | null;
}

export interface Ranked {
  id: string;
  score: number;
  reasons: FitReasonItem[];
  /** It meets in person beyond the distance chosen, and is offered only because it meets online too. */
  beyondDistance: boolean;
}

/** All the weights. Raise one to make that kind of fit count for more. */
export const fitWeights = {
  formatMatch: 20,
  online: 10,
  nearMax: 25,
  aphasiaFriendly: 30,
  under55Match: 25,
  caregiversForCarer: 30,
  caregiversOnlyForCarer: 10,
  /** A carers' group for a survivor who is not a carer (not caregiver-only: those are left out). */
  caregiversForSurvivor: -25,
  newlyHome: 15,
  longTerm: 10,
  focusWanted: 12,
  small: 15,
  /** A big group for someone who asked for a small one. */
  bigWhenSmallWanted: -15,
  accessPerFeature: 6,
  accessMissingPerFeature: -10,
  language: 10,
  waitlist: -8,
} as const;

/** A group this size or under counts as small: everyone gets a word in. */
export const SMALL_GROUP = 12;
export const DEFAULT_MAX_KM = 40;

/**
 * Ranks groups for one person. Groups that cannot fit are left out: a
 * caregiver-only group for someone who is not a carer, an under-55 group for
 * someone 55 or over, a group in none of their languages, an in-person group
 * when they want online, or one too far. A group that meets beyond the distance
 * chosen stays only when it can be joined online, and comes after every group
 * within the distance. Ties break on id, so the same input always gives the same order.
 */
export function rankGroups(seeker: Seeker, candidates: Candidate[]): Ranked[] {
  const w = fitWeights;
  const ranked: Ranked[] = [];
  const maxKm = seeker.maxKm ?? DEFAULT_MAX_KM;
  for (const g of candidates) {
    if (g.caregiversOnly && seeker.role !== 'caregiver') continue;
    if (seeker.languages.length > 0 && !g.languages.some((l) => seeker.languages.includes(l))) {
      continue;
    }
    if (seeker.format === 'online' && g.format === 'in_person') continue;
    if (seeker.format === 'in_person' && g.format === 'online') continue;
    const meetsInPerson = g.format !== 'online';
    const canGoOnline = g.format !== 'in_person';
    if (g.focus.includes('under_55') && seeker.ageBand === '55_plus') continue;
    const withinReach = seeker.hasPlace && g.distanceKm !== null && g.distanceKm <= maxKm;
    // Without a place we cannot say it is near; with one it must be within reach.
    if (g.format === 'in_person' && !withinReach) continue;
    if (g.format === 'hybrid' && seeker.format === 'in_person' && !withinReach) continue;
    // For someone who wants online anyway, where a group meets does not count.
    const beyondDistance =
      g.format === 'hybrid' &&
      seeker.format !== 'online' &&
      seeker.hasPlace &&
      g.distanceKm !== null &&
      !withinReach;

    let score = 0;
    const reasons: FitReasonItem[] = [];
    const add = (points: number, reason?: FitReasonItem) => {
      score += points;
      if (reason && points > 0) reasons.push(reason);
    };

    if (canGoOnline && seeker.format !== 'in_person') {
      add(
        w.online + (seeker.format === 'online' ? w.formatMatch : 0),
        g.format === 'online' ? { code: 'online' } : undefined,
      );
    }
    if (meetsInPerson && withinReach && g.distanceKm !== null) {
      const nearness = w.nearMax * (1 - g.distanceKm / maxKm);
      add(
        nearness + (seeker.format === 'in_person' ? w.formatMatch : 0),
        g.format === 'hybrid'
          ? { code: 'hybrid', km: round1(g.distanceKm) }
          : { code: 'near', km: round1(g.distanceKm) },
      );
    } else if (beyondDistance) {
      // Said in words: where it meets, and that it can be joined from home.
      reasons.push({ code: 'farOnline' });
    } else if (g.format === 'hybrid' && seeker.format !== 'in_person') {
      reasons.push({ code: 'hybrid' });
    }

    const has = (f: GroupFocus) => g.focus.includes(f);
    if (has('aphasia_friendly') && (seeker.aphasia === 'yes' || seeker.aphasia === 'some')) {
      add(w.aphasiaFriendly, { code: 'aphasiaFriendly' });
    }
    if (has('under_55') && seeker.ageBand === 'under_55') {
      add(w.under55Match, { code: 'under55' });
    }
    if (seeker.role === 'caregiver') {
      if (has('caregivers')) add(w.caregiversForCarer, { code: 'caregivers' });
      if (g.caregiversOnly) add(w.caregiversOnlyForCarer, { code: 'caregiversOnly' });
    } else if (seeker.role === 'survivor' && has('caregivers')) {
      add(w.caregiversForSurvivor);
    }
    if (has('newly_home') && seeker.yearsSinceStroke !== null && seeker.yearsSinceStroke <= 1) {
      add(w.newlyHome, { code: 'newlyHome' });
    }
    if (has('long_term') && seeker.yearsSinceStroke !== null && seeker.yearsSinceStroke >= 3) {
      add(w.longTerm, { code: 'longTerm' });
    }
    // Topics the person asked for; one reason covers them unless a clearer one is shown.
    const wanted = seeker.focus.filter(has);
    if (wanted.length > 0) {
      const unexplained = wanted.some((f) => !reasons.some((r) => r.code === reasonFor(f)));
      add(w.focusWanted * wanted.length, unexplained ? { code: 'focusWanted' } : undefined);
    }

    if (seeker.size === 'small') {
      if (g.sizeCap <= SMALL_GROUP) add(w.small, { code: 'small' });
      else add(w.bigWhenSmallWanted);
    }

    if (seeker.access.length > 0 && meetsInPerson && !beyondDistance) {
      const met = seeker.access.filter((a) => g.access.includes(a)).length;
      const missing = seeker.access.length - met;
      add(w.accessPerFeature * met, met === seeker.access.length ? { code: 'access' } : undefined);
      add(w.accessMissingPerFeature * missing);
    }

    if (
      seeker.languages.some((l) => l !== 'en') &&
      g.languages.some((l) => l !== 'en' && seeker.languages.includes(l))
    ) {
      add(w.language, { code: 'language' });
    }

    if (g.memberCount >= g.sizeCap) {
      score += w.waitlist;
      reasons.push({ code: 'waitlist' });
    }

    ranked.push({
      id: g.id,
      score: Math.round(score * 100) / 100,
      reasons: dedupe(reasons),
      beyondDistance,
    });
  }
  return ranked.sort(
    (a, b) =>
      Number(a.beyondDistance) - Number(b.beyondDistance) ||
      b.score - a.score ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function reasonFor(focus: GroupFocus): string {
  return (
    (
      {
        aphasia_friendly: 'aphasiaFriendly',
        under_55: 'under55',
        caregivers: 'caregivers',
        newly_home: 'newlyHome',
        long_term: 'longTerm',
      } as Partial<Record<GroupFocus, string>>
    )[focus] ?? 'focusWanted'
  );
}

function dedupe(reasons: FitReasonItem[]): FitReasonItem[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    if (seen.has(r.code)) return false;
    seen.add(r.code);
    return true;
  });
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
