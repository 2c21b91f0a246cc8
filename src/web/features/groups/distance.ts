import { useTranslation } from 'react-i18next';
import type { FitReasonItem } from '../../../contract/groups';
import {
  type DistanceUnit,
  distanceChoices,
  distanceChoicesMiles,
  distanceIn,
  distanceUnitFor,
  KM_PER_MILE,
} from '../../../contract/groups-values';
import { useMe } from '../../session';

/** The distances offered, as kilometres for the server and words in the person's unit. */
export function distanceOptions(unit: DistanceUnit): { km: number; shown: number }[] {
  return unit === 'mi'
    ? distanceChoicesMiles.map((mi) => ({ km: Math.round(mi * KM_PER_MILE), shown: mi }))
    : distanceChoices.map((km) => ({ km, shown: km }));
}
/** 25 km, or 15 miles. */
export const defaultKm = (unit: DistanceUnit) => distanceOptions(unit)[2]!.km;

/**
 * Miles or kilometres for this person: what the server said, or before it has
 * answered, by their country or their browser's language.
 */
export function useDistanceUnit(said?: DistanceUnit): DistanceUnit {
  const me = useMe();
  return said ?? distanceUnitFor(me.data?.user?.country, navigator.language);
}

/** "Up to 15 miles", "3.2 km away": a distance in words, in the person's unit. */
export function useDistanceWords(unit: DistanceUnit) {
  const { t } = useTranslation();
  return {
    away: (km: number) =>
      unit === 'mi'
        ? t('groups.milesAway', { count: distanceIn(km, 'mi') })
        : t('groups.kmAway', { km: distanceIn(km, 'km') }),
    upTo: (value: number) =>
      unit === 'mi'
        ? t('groups.distanceMiles', { mi: value })
        : t('groups.distanceKm', { km: value }),
    reason: (r: FitReasonItem) => {
      if (r.code === 'near' && r.km !== undefined && unit === 'mi') {
        return t('groups.reasons.nearMiles', { count: distanceIn(r.km, 'mi') });
      }
      if (r.code === 'farOnline') {
        return r.town
          ? t('groups.reasons.farOnline', { town: r.town })
          : t('groups.reasons.farOnlineNoTown');
      }
      return t(`groups.reasons.${r.code}`, { km: r.km });
    },
  };
}
