import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FitReasonItem, GroupSummary, Place, PlacesResponse } from '../../../contract/groups';
import { api } from '../../api';
import { Notice, TextInput } from '../../ui/fields';
import { RichText } from '../../ui/RichText';

/** The facts of a group in a few short lines, for lists. */
export function GroupCard({
  group,
  reasons,
  headingLevel = 2,
}: {
  group: GroupSummary;
  reasons?: FitReasonItem[];
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
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
        {group.distanceKm !== null ? `. ${t('groups.kmAway', { km: group.distanceKm })}` : ''}
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
              <li key={r.code}>{t(`groups.reasons.${r.code}`, { km: r.km })}</li>
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

export type ChosenPlace = Pick<Place, 'id' | 'name' | 'lat' | 'lng'>;

/** Find a town or postcode district in the bundled list, or use the device's location. */
export function PlacePicker({
  value,
  onChange,
  country,
  label,
  description,
  error,
}: {
  value: ChosenPlace | null;
  onChange(place: ChosenPlace | null): void;
  country?: string | null | undefined;
  /** The question, when the picker stands alone on a screen. */
  label?: string;
  description?: string;
  /** A problem with the place, in words beside the search box. */
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Place[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function find() {
    if (!text.trim()) return;
    const query = new URLSearchParams({ q: text.trim() });
    if (country) query.set('country', country);
    const result = await api<PlacesResponse>(`/groups/places?${query}`).catch(() => null);
    setFound(result?.places ?? []);
  }

  function locate() {
    if (!('geolocation' in navigator)) {
      setStatus(t('groups.locationFailed'));
      return;
    }
    setStatus(t('groups.locationAsking'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setStatus(null);
        onChange({
          id: 'here',
          name: t('groups.directory.myLocation'),
          lat: Math.round(pos.coords.latitude * 1e4) / 1e4,
          lng: Math.round(pos.coords.longitude * 1e4) / 1e4,
        });
      },
      () => setStatus(t('groups.locationFailed')),
      { timeout: 15_000, maximumAge: 600_000 },
    );
  }

  if (value) {
    return (
      <div className="field place-chosen">
        <p>
          <RichText text={t('groups.placeChosen', { place: value.name })} />
        </p>
        <Button className="button" onPress={() => onChange(null)}>
          {t('groups.placeClear')}
        </Button>
      </div>
    );
  }
  return (
    <div className="place-picker">
      <TextInput
        name="place-search"
        label={label ?? t('groups.near')}
        description={description ?? t('groups.nearHelp')}
        value={text}
        onChange={setText}
        error={error}
      />
      <div className="actions">
        <Button className="button" onPress={() => void find()}>
          {t('groups.placeFind')}
        </Button>
        <Button className="button" onPress={locate}>
          {t('groups.useLocation')}
        </Button>
      </div>
      {status && <Notice kind="ok">{status}</Notice>}
      {found && found.length === 0 && <Notice kind="problem">{t('groups.placeNone')}</Notice>}
      {found && found.length > 0 && (
        <fieldset className="place-results">
          <legend>{t('groups.placeChoose')}</legend>
          <ul>
            {found.map((p) => (
              <li key={p.id}>
                <Button className="button button-quiet" onPress={() => onChange(p)}>
                  {[p.name, p.region, p.country].filter(Boolean).join(', ')}
                </Button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}
