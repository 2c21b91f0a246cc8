import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CrisisLineItem, dialLink } from '../../ui/CrisisLine';
import { Select } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Page } from '../../ui/Page';
import { ReadAloud } from '../../ui/ReadAloud';
import { RichText } from '../../ui/RichText';
import { useCountryHelp } from './countries';

/** The two emergencies of SAFETY.md: stroke symptoms first, then distress. */
export function HelpPage() {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  const { country, data, countries } = useCountryHelp(chosen);
  const emergency = data?.emergencyNumber ?? '112';
  const lines = (data?.lines ?? []).filter((l) => l.kind !== 'emergency');
  const strokeSigns = [
    t('help.strokeFace'),
    t('help.strokeArms'),
    t('help.strokeSpeech'),
    t('help.strokeTime'),
  ];

  return (
    <Page title={t('help.title')}>
      <section aria-labelledby="stroke-title" className="help-block help-stroke">
        <h2 id="stroke-title">{t('help.strokeTitle')}</h2>
        <a href={dialLink(emergency)} className="button button-call">
          <Icon name="phone" />
          <span>{t('help.call', { number: emergency })}</span>
        </a>
        <ul className="signs">
          {strokeSigns.map((line) => (
            <li key={line}>
              <RichText text={line} />
            </li>
          ))}
        </ul>
        <ReadAloud
          text={[t('help.strokeTitle'), t('help.call', { number: emergency }), ...strokeSigns].join(
            ' ',
          )}
        />
      </section>

      <section aria-labelledby="distress-title" className="help-block">
        <h2 id="distress-title">{t('help.distressTitle')}</h2>
        <p>{t('help.distressText')}</p>
        {data && !data.known && <p>{t('help.unknownCountry', { number: emergency })}</p>}
        <ul className="lines">
          {lines.map((line) => (
            <CrisisLineItem key={line.id} line={line} />
          ))}
        </ul>
        <p>
          <RichText text={t('help.notCrisis')} />
        </p>
        <ReadAloud
          text={[
            t('help.distressTitle'),
            t('help.distressText'),
            ...lines.map((l) => `${l.name}. ${l.description} ${l.phone ?? ''}`),
            t('help.notCrisis'),
          ].join(' ')}
        />
      </section>

      <Select
        name="country"
        label={t('help.country')}
        value={country}
        onChange={setChosen}
        options={(countries ?? [{ code: country, name: country }]).map((c) => ({
          value: c.code,
          label: c.name,
        }))}
      />
    </Page>
  );
}
