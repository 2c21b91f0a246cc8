import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FitReasonItem, GroupSummary } from '../../../contract/groups';
import type { DistanceUnit } from '../../../contract/groups-values';
import { useDistanceWords } from './distance';

/** The facts of a group in a few short lines, for lists. */
export function GroupCard({
  group,
  reasons,
  headingLevel = 2,
  unit = 'km',
}: {
  group: GroupSummary;
  reasons?: FitReasonItem[];
  headingLevel?: 2 | 3;
  unit?: DistanceUnit;
}) {
  const { t } = useTranslation();
  const words = useDistanceWords(unit);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `group-${group.id}`;
  return (
    <li className="group-card" aria-labelledby={headingId}>
      <Heading id={headingId} className="group-card-title">
        {group.name}
      </Heading>
      <p className="group-card-org">{t('groups.runBy', { name: group.organisation.name })}</p>
      <p>
        <strong>{t(`groups.formats.${group.format}`)}</strong>
        {group.town ? `. ${group.town}` : ''}
        {group.distanceKm !== null ? `. ${words.away(group.distanceKm)}` : ''}
      </p>
      <p>{group.rhythmText}</p>
      {group.focus.length > 0 && (
        <p>{group.focus.map((f) => t(`groups.focuses.${f}`)).join(', ')}</p>
      )}
      {group.caregiversOnly && <p>{t('groups.caregiversOnly')}</p>}
      {reasons && reasons.length > 0 && (
        <>
          <p className="group-why">
            <strong>{t('groups.fitsMe.why')}</strong>
          </p>
          <ul className="group-reasons">
            {reasons.map((r) => (
              <li key={r.code}>{words.reason(r)}</li>
            ))}
          </ul>
        </>
      )}
      {group.full && !reasons?.some((r) => r.code === 'waitlist') && <p>{t('groups.full')}</p>}
      <Link to={`/groups/${group.id}`} className="button" aria-describedby={headingId}>
        {t('groups.open')}
      </Link>
    </li>
  );
}
