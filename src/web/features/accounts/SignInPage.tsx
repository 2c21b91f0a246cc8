import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { askForEmailLink, passwordSignIn } from '../../api/accounts';
import { signInAs as demoSignIn } from '../../api/dev';
import { useSetMe } from '../../session';
import { useStoredState } from '../../stored-state';
import { SubmitButton, TextInput } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';
import { useDemoAccounts } from './useDevTools';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const [form, setForm] = useStoredState('sign-in', { email: '', passwordEmail: '' });
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const linkProblem = useFormProblem();
  const passwordProblem = useFormProblem();
  const demo = useDemoAccounts();

  async function sendLink() {
    setBusy(true);
    linkProblem.clear();
    try {
      await askForEmailLink(form.email);
      navigate(`/sign-in/check-email?email=${encodeURIComponent(form.email.trim())}`);
    } catch (error) {
      linkProblem.capture(error);
    } finally {
      setBusy(false);
    }
  }

  async function signInWithPassword() {
    setBusy(true);
    passwordProblem.clear();
    try {
      const me = await passwordSignIn({ email: form.passwordEmail, password });
      await setMe(me);
      navigate('/');
    } catch (error) {
      passwordProblem.capture(error);
    } finally {
      setBusy(false);
    }
  }

  async function signInAs(userId: string) {
    const me = await demoSignIn(userId);
    await setMe(me);
    navigate('/');
  }

  return (
    <Page title={t('signIn.title')}>
      <Instructions lines={[t('signIn.intro')]} />
      <ProblemSummary problem={linkProblem.problem} />
      <Form
        className="form"
        validationBehavior="aria"
        onSubmit={(e) => {
          e.preventDefault();
          void sendLink();
        }}
      >
        <TextInput
          name="email"
          type="email"
          autoComplete="email"
          label={t('signIn.email')}
          value={form.email}
          onChange={(email) => setForm((f) => ({ ...f, email }))}
          error={linkProblem.fieldError('email')}
          required
        />
        <SubmitButton busy={busy}>{t('signIn.sendLink')}</SubmitButton>
      </Form>

      <section aria-labelledby="password-title" className="section">
        <h2 id="password-title">{t('signIn.passwordTitle')}</h2>
        <p>{t('signIn.passwordIntro')}</p>
        <ProblemSummary problem={passwordProblem.problem} />
        <Form
          className="form"
          validationBehavior="aria"
          onSubmit={(e) => {
            e.preventDefault();
            void signInWithPassword();
          }}
        >
          <TextInput
            name="passwordEmail"
            type="email"
            autoComplete="username"
            label={t('signIn.email')}
            value={form.passwordEmail}
            onChange={(passwordEmail) => setForm((f) => ({ ...f, passwordEmail }))}
            error={passwordProblem.fieldError('email')}
            required
          />
          <TextInput
            name="password"
            type="password"
            autoComplete="current-password"
            label={t('signIn.password')}
            value={password}
            onChange={setPassword}
            error={passwordProblem.fieldError('password')}
            required
          />
          <SubmitButton busy={busy}>{t('signIn.submitPassword')}</SubmitButton>
        </Form>
      </section>

      <section className="section">
        <h2>{t('signIn.noAccount')}</h2>
        <Link to="/sign-up" className="button">
          {t('home.join')}
        </Link>
      </section>

      {demo.data && demo.data.accounts.length > 0 && (
        <section aria-labelledby="demo-title" className="section">
          <h2 id="demo-title">{t('signIn.demoTitle')}</h2>
          <p>{t('signIn.demoIntro')}</p>
          <ul className="demo-list">
            {demo.data.accounts.map((account) => (
              <li key={account.id}>
                <Button
                  className="button button-quiet demo-button"
                  onPress={() => void signInAs(account.id)}
                >
                  <span>{t('signIn.demoButton', { name: account.displayName })}</span>
                  <span className="demo-summary">{account.summary}</span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}
