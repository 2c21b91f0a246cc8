import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrisisLine } from '../../../contract/help';
import { useMe } from '../../session';
import { Select } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Page } from '../../ui/Page';
import { ReadAloud } from '../../ui/ReadAloud';
import { RichText } from '../../ui/RichText';
import { browserCountry, useHelp } from './countries';

const dial = (number: string) => `tel:${number.replace(/[^0-9+]/g, '')}`;
const sms = (number: string, message: string | null) =>
  `sms:${number.replace(/[^0-9+]/g, '')}${message ? `?&body=${encodeURIComponent(message)}` : ''}`;

/** The two emergencies of SAFETY.md: stroke symptoms first, then distress. */
export function HelpPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [chosen, setChosen] = useState<string | null>(null);
  const first = useHelp(null);
  const known = first.data?.countries.map((c) => c.code) ?? [];
  const country =
    chosen ?? me.data?.user?.country ?? first.data?.country ?? browserCountry(known) ?? 'GB';
  const help = useHelp(country);
  const data = help.data ?? (first.data?.country === country ? first.data : undefined);
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
        <a href={dial(emergency)} className="button button-call">
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
            <HelpLine key={line.id} line={line} />
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
        options={(first.data?.countries ?? [{ code: country, name: country }]).map((c) => ({
          value: c.code,
          label: c.name,
        }))}
      />
    </Page>
  );
}

function HelpLine({ line }: { line: CrisisLine }) {
  const { t } = useTranslation();
  return (
    <li className="line">
      <h3>{line.name}</h3>
      <p>{line.description}</p>
      <p className="line-hours">{line.hours}</p>
      <div className="actions">
        {line.phone && (
          <a href={dial(line.phone)} className="button button-primary">
            <Icon name="phone" />
            <span>{t('help.call', { number: line.phone })}</span>
          </a>
        )}
        {line.textNumber && (
          <a href={sms(line.textNumber, line.textMessage)} className="button">
            <Icon name="text" />
            <span>
              {line.textMessage
                ? t('help.text', { message: line.textMessage, number: line.textNumber })
                : t('help.textNumber', { number: line.textNumber })}
            </span>
          </a>
        )}
        {line.url && (
          <a
            href={line.url}
            className="button button-quiet"
            rel="noopener noreferrer"
            target="_blank"
          >
            <Icon name="globe" />
            <span>{t('help.website', { name: line.name })}</span>
          </a>
        )}
      </div>
    </li>
  );
}
