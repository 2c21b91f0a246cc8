import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { askForEmailLink } from '../../api/accounts';
import { Notice } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';
import { useDevTools } from './useDevTools';

export function CheckEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const email = params.get('email') ?? '';
  const devTools = useDevTools();
  const problem = useFormProblem();
  const [sent, setSent] = useState(false);

  async function again() {
    problem.clear();
    setSent(false);
    try {
      await askForEmailLink(email);
      setSent(true);
    } catch (error) {
      problem.capture(error);
    }
  }

  return (
    <Page title={t('checkEmail.title')}>
      <div className="big-picture" aria-hidden="true">
        <Icon name="mail" />
      </div>
      <Instructions
        lines={[
          ...(email ? [t('checkEmail.text', { email })] : []),
          t('checkEmail.next'),
          t('checkEmail.notThere'),
        ]}
      />
      <ProblemSummary problem={problem.problem} />
      {sent && <Notice kind="ok">{t('auth.checkEmail.message')}</Notice>}
      <div className="actions">
        {email && (
          <Button className="button" onPress={() => void again()}>
            {t('checkEmail.again')}
          </Button>
        )}
        {devTools && (
          <Link to="/dev/outbox" className="button button-quiet">
            {t('checkEmail.devOutbox')}
          </Link>
        )}
      </div>
    </Page>
  );
}
