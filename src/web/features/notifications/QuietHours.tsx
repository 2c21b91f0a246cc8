import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationSettings } from '../../../contract/notifications';
import i18n from '../../i18n';
import { Select, Tick } from '../../ui/fields';
import { RichText } from '../../ui/RichText';
import { timeZones } from '../groups/group-draft';
import { Saved } from './SavedLine';
import type { SaveStatus, Update } from './useSettingsSaver';

/** Until quiet hours are set, they start from a calm night: 21:00 to 08:00. */
const NIGHT = { from: '21:00', until: '08:00' };
/** A time typed is saved this long after the last key, or when the person leaves the field. */
const SAVE_AFTER_MS = 800;
const isClock = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** A time of day, typed or picked with the device's own clock picker. */
function TimeField({
  name,
  label,
  value,
  onChange,
  onBlur,
  error,
}: {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur(): void;
  error: string | undefined;
}) {
  const id = `field-${name}`;
  return (
    <div className="field time-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="time"
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function zoneLabel(zone: string): string {
  const key = `groups.admin.zones.${zone}`;
  return i18n.exists(key) ? i18n.t(key) : zone;
}

export function QuietHours({
  settings,
  zone,
  status,
  update,
  fieldError,
}: {
  settings: NotificationSettings;
  zone: string;
  status: SaveStatus | null;
  update: Update;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const on = settings.quietHours !== null;
  // What is typed stays here, even while it is not a whole time yet or the server says no.
  const [from, setFrom] = useState(settings.quietHours?.from ?? NIGHT.from);
  const [until, setUntil] = useState(settings.quietHours?.until ?? NIGHT.until);
  const timer = useRef<number | undefined>(undefined);
  const typed = useRef({ from, until });
  typed.current = { from, until };

  const saveTimes = () => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const hours = typed.current;
    if (!isClock(hours.from) || !isClock(hours.until)) return;
    const saved = settings.quietHours;
    if (saved && saved.from === hours.from && saved.until === hours.until) return;
    void update('quiet', { quietHours: hours }, (now) => ({ ...now, quietHours: hours }));
  };
  const later = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(saveTimes, SAVE_AFTER_MS);
  };
  // A time still waiting to be saved goes when the person leaves the page.
  const flush = useRef(saveTimes);
  flush.current = saveTimes;
  useEffect(
    () => () => {
      if (timer.current !== undefined) flush.current();
    },
    [],
  );

  const zones = [...new Set([zone, ...timeZones])];
  return (
    <section className="section settings-section" aria-labelledby="quiet-title">
      <h2 id="quiet-title">{t('notifications.settings.quietTitle')}</h2>
      <p>
        <RichText text={t('notifications.settings.quietHelp')} />
      </p>
      <Tick
        name="quietOn"
        label={t('notifications.settings.quietOn')}
        checked={on}
        onChange={(yes) => {
          const quietHours = yes && isClock(from) && isClock(until) ? { from, until } : null;
          if (yes && !quietHours) return;
          void update('quiet', { quietHours }, (now) => ({ ...now, quietHours }));
        }}
      />
      {on && (
        <div className="quiet-times">
          <TimeField
            name="quietFrom"
            label={t('notifications.settings.quietFrom')}
            value={from}
            onChange={(value) => {
              setFrom(value);
              later();
            }}
            onBlur={() => timer.current !== undefined && saveTimes()}
            error={fieldError('quietHours.from')}
          />
          <TimeField
            name="quietUntil"
            label={t('notifications.settings.quietUntil')}
            value={until}
            onChange={(value) => {
              setUntil(value);
              later();
            }}
            onBlur={() => timer.current !== undefined && saveTimes()}
            error={fieldError('quietHours.until')}
          />
        </div>
      )}
      <Select
        name="timeZone"
        label={t('notifications.settings.timeZone')}
        value={zone}
        onChange={(timeZone) => void update('quiet', { timeZone }, (now) => ({ ...now, timeZone }))}
        options={zones.map((z) => ({ value: z, label: zoneLabel(z) }))}
        error={fieldError('timeZone')}
      />
      <Saved section="quiet" status={status} />
    </section>
  );
}
