// Group rows → contract types.
import type { GroupRhythm, GroupSummary } from '../../../contract/groups';
import type {
  AccessFeature,
  GroupFocus,
  GroupFormat,
  GroupLanguage,
} from '../../../contract/groups-values';
import { rhythmInWords } from './rhythm';

export interface SummaryRow {
  id: string;
  name: string;
  description: string;
  organisationId: string;
  organisationName: string;
  format: GroupFormat;
  focus: GroupFocus[];
  languages: GroupLanguage[];
  sizeCap: number;
  memberCount: number;
  joinPolicy: GroupSummary['joinPolicy'];
  privacy: GroupSummary['privacy'];
  caregiversOnly: boolean;
  country: string;
  rhythm: GroupRhythm;
  town: string | null;
  access: AccessFeature[];
  distanceKm?: number | null;
}

/**
 * A group as a list shows it. `hidden`: a private group seen from outside, so
 * when and where it meets (time, town, venue features, distance) are left out.
 */
export function toSummary(row: SummaryRow, hidden = false): GroupSummary {
  if (hidden) {
    return { ...toSummary(row), rhythmText: null, town: null, access: [], distanceKm: null };
  }
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    organisation: { id: row.organisationId, name: row.organisationName },
    format: row.format,
    focus: row.focus,
    languages: row.languages,
    sizeCap: row.sizeCap,
    memberCount: row.memberCount,
    full: row.memberCount >= row.sizeCap,
    joinPolicy: row.joinPolicy,
    privacy: row.privacy,
    caregiversOnly: row.caregiversOnly,
    country: row.country,
    rhythmText: rhythmInWords(row.rhythm),
    town: row.town,
    access: row.access,
    distanceKm:
      row.distanceKm === null || row.distanceKm === undefined
        ? null
        : Math.round(Number(row.distanceKm) * 10) / 10,
  };
}
