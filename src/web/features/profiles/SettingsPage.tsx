import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Preferences } from '../../../contract/preferences';
import { usePreferences } from '../../preferences';
import { Choice, Notice, Tick } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ReadAloud } from '../../ui/ReadAloud';

const rates = { slow: 0.75, normal: 1, fast: 1.25 } as const;
type RateName = keyof typeof rates;

function rateName(rate: number): RateName {
  if (rate < 0.9) return 'slow';
  if (rate > 1.1) return 'fast';
  return 'normal';
}

/** Reading settings: they apply at once and follow the person (ACCESSIBILITY.md A16). */
export function SettingsPage() {
  const { t } = useTranslation();
  const { preferences, setPreference, signedIn } = usePreferences();
  const toggles: (keyof Pick<
    Preferences,
    'highContrast' | 'reducedMotion' | 'easyRead' | 'lowStimulus' | 'pictures'
  >)[] = ['highContrast', 'reducedMotion', 'easyRead', 'lowStimulus', 'pictures'];

  return (
    <Page title={t('settings.title')}>
      <Instructions lines={[t('settings.intro')]} />
      {!signedIn && <Notice kind="ok">{t('settings.notSignedIn')}</Notice>}
      <div className="form">
        <Choice
          name="textSize"
          label={t('settings.textSize')}
          value={preferences.textSize}
          onChange={(v) => void setPreference('textSize', v)}
          options={(['standard', 'large', 'largest'] as const).map((size) => ({
            value: size,
            label: t(`settings.textSizes.${size}`),
          }))}
        />
        {toggles.map((key) => (
          <Tick
            key={key}
            name={key}
            label={t(`settings.${key}`)}
            checked={preferences[key]}
            onChange={(v) => void setPreference(key, v)}
          />
        ))}
        <Choice
          name="readAloudRate"
          label={t('settings.readAloudRate')}
          value={rateName(preferences.readAloudRate)}
          onChange={(v) => void setPreference('readAloudRate', rates[v])}
          options={(Object.keys(rates) as RateName[]).map((r) => ({
            value: r,
            label: t(`settings.rates.${r}`),
          }))}
        />
      </div>
      <div className="sample">
        <p>{t('settings.sample')}</p>
        <ReadAloud text={t('settings.sample')} />
      </div>
      {signedIn && (
        <div className="actions">
          <Link to="/settings/notifications" className="button">
            <Icon name="settings" />
            <span>{t('notifications.settings.link')}</span>
          </Link>
          <Link to="/settings/blocks" className="button">
            <Icon name="block" />
            <span>{t('blocks.page.link')}</span>
          </Link>
        </div>
      )}
    </Page>
  );
}
