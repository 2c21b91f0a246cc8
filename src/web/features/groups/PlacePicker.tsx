import { type RefObject, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../../contract/groups';
import { findPlaces } from '../../api/groups';
import { Notice, TextInput } from '../../ui/fields';
import { RichText } from '../../ui/RichText';

export type ChosenPlace = Pick<Place, 'id' | 'name' | 'lat' | 'lng'>;

/**
 * What a form calls before it goes on, so a town typed but not tapped is not
 * dropped: the one clear match is taken (and said), or the person is asked.
 * Gives the place to use, null when nothing is typed, or false to stop and ask.
 */
export type SettlePlace = () => Promise<ChosenPlace | null | false>;

const plain = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The one clear match for what was typed, if there is one. */
function clearMatch(typed: string, found: Place[]): Place | null {
  if (found.length === 1) return found[0]!;
  const exact = found.filter((p) => plain(p.name) === plain(typed));
  return exact.length === 1 ? exact[0]! : null;
}

/** Find a town or postcode district in the bundled list, or use the device's location. */
export function PlacePicker({
  value,
  onChange,
  country,
  label,
  description,
  error,
  settleRef,
}: {
  value: ChosenPlace | null;
  onChange(place: ChosenPlace | null): void;
  country?: string | null | undefined;
  /** The question, when the picker stands alone on a screen. */
  label?: string;
  description?: string;
  /** A problem with the place, in words beside the search box. */
  error?: string | undefined;
  /** Filled in here: the form calls it before it goes on. */
  settleRef?: RefObject<SettlePlace | null>;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Place[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const [asking, setAsking] = useState(false);
  const choices = useRef<HTMLFieldSetElement>(null);
  // When we must ask which place, the choices take focus, so the question is not missed.
  useEffect(() => {
    if (asking) choices.current?.querySelector('button')?.focus();
  }, [asking]);

  async function search(typed: string): Promise<Place[]> {
    const result = await findPlaces({ q: typed, country: country || undefined }).catch(() => null);
    return result?.places ?? [];
  }

  async function find() {
    setAsking(false);
    setStatus(null);
    if (!text.trim()) {
      setFound(null);
      setProblem(t('groups.placeEmpty'));
      return;
    }
    setProblem(undefined);
    const places = await search(text.trim());
    setFound(places);
    if (places.length === 0) setProblem(t('groups.placeNone'));
  }

  function choose(place: ChosenPlace) {
    setText('');
    setFound(null);
    setAsking(false);
    setProblem(undefined);
    onChange(place);
  }

  if (settleRef) {
    settleRef.current = async () => {
      const typed = text.trim();
      if (value || !typed) return null;
      const places = await search(typed);
      const best = clearMatch(typed, places);
      if (best) {
        choose(best);
        setStatus(t('groups.placeUsed', { place: placeWords(best) }));
        return best;
      }
      setFound(places);
      setAsking(places.length > 0);
      setProblem(places.length === 0 ? t('groups.placeNone') : undefined);
      return false;
    };
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
        {status && <Notice kind="ok">{status}</Notice>}
        <p>
          <RichText text={t('groups.placeChosen', { place: value.name })} />
        </p>
        <Button
          className="button"
          onPress={() => {
            setStatus(null);
            onChange(null);
          }}
        >
          {t('groups.placeClear')}
        </Button>
      </div>
    );
  }
  const hintKey = `groups.nearHelpByCountry.${country ?? ''}`;
  const hint = country && i18n.exists(hintKey) ? t(hintKey) : t('groups.nearHelp');
  return (
    <div className="place-picker">
      <TextInput
        name="place-search"
        label={label ?? t('groups.near')}
        description={description ?? hint}
        value={text}
        onChange={(next) => {
          setText(next);
          setProblem(undefined);
          setAsking(false);
        }}
        error={problem ?? error}
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
      {found && found.length > 0 && (
        <fieldset className="place-results" ref={choices}>
          <legend>
            {asking ? t('groups.placeWhich', { text: text.trim() }) : t('groups.placeChoose')}
          </legend>
          <ul>
            {found.map((p) => (
              <li key={p.id}>
                <Button className="button button-quiet" onPress={() => choose(p)}>
                  {placeWords(p)}
                </Button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </div>
  );
}

function placeWords(p: Pick<Place, 'name'> & Partial<Pick<Place, 'region' | 'country'>>): string {
  return [p.name, p.region, p.country].filter(Boolean).join(', ');
}
