import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CONDUCT_VERSION } from '../../../contract/values';
import { acceptConduct } from '../../api/accounts';
import { meKey, useMe } from '../../session';
import { Notice } from '../../ui/fields';
import { Page } from '../../ui/Page';
import { ReadAloud } from '../../ui/ReadAloud';

/** The code of conduct in plain words, with read-aloud; members re-accept when it changes. */
export function ConductPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [accepted, setAccepted] = useState(false);
  const rules = t('conduct.rules', { returnObjects: true }) as unknown as string[];
  const user = me.data?.user;

  async function accept() {
    await acceptConduct(CONDUCT_VERSION);
    setAccepted(true);
    await client.invalidateQueries({ queryKey: meKey });
  }

  return (
    <Page title={t('conduct.title')}>
      <p>{t('conduct.intro')}</p>
      <ol className="rules">
        {rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ol>
      <p>{t('conduct.moderators')}</p>
      <ReadAloud text={[t('conduct.intro'), ...rules, t('conduct.moderators')].join(' ')} />
      <p className="field-help">{t('conduct.version', { version: CONDUCT_VERSION })}</p>
      {user && !user.conductCurrent && !accepted && (
        <>
          <Notice kind="problem">{t('conduct.changed')}</Notice>
          <Button className="button button-primary" onPress={() => void accept()}>
            {t('conduct.accept')}
          </Button>
        </>
      )}
    </Page>
  );
}
