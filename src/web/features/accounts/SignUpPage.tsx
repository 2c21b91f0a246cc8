import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { MemberRole } from '../../../contract/accounts';
import { CONDUCT_VERSION, memberRoles } from '../../../contract/values';
import { signUp } from '../../api/accounts';
import { localPreferences } from '../../preferences';
import { useStoredState } from '../../stored-state';
import { Choice, Select, SubmitButton, TextInput, Tick } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';
import { browserCountry, useHelp } from '../help/countries';

interface SignUpForm {
  email: string;
  displayName: string;
  role: MemberRole | null;
  country: string | null;
  isAdult: boolean;
  acceptConduct: boolean;
}

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const help = useHelp(null);
  const countries = help.data?.countries ?? [];
  const [form, setForm, clearStored] = useStoredState<SignUpForm>('sign-up', {
    email: '',
    displayName: '',
    role: null,
    country: null,
    isAdult: false,
    acceptConduct: false,
  });
  const [busy, setBusy] = useState(false);
  const problem = useFormProblem();
  const set = <K extends keyof SignUpForm>(key: K, value: SignUpForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const country = form.country ?? browserCountry(countries.map((c) => c.code)) ?? '';

  async function submit() {
    setBusy(true);
    problem.clear();
    try {
      await signUp({
        email: form.email,
        displayName: form.displayName,
        role: form.role ?? undefined,
        isAdult: form.isAdult,
        acceptConduct: form.acceptConduct,
        conductVersion: CONDUCT_VERSION,
        country: country || undefined,
        preferences: localPreferences(),
      });
      clearStored();
      navigate(`/sign-in/check-email?email=${encodeURIComponent(form.email.trim())}`);
    } catch (error) {
      problem.capture(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('signUp.title')}>
      <Instructions lines={[t('signUp.intro')]} />
      <ProblemSummary problem={problem.problem} />
      <Form
        className="form"
        validationBehavior="aria"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextInput
          name="email"
          type="email"
          autoComplete="email"
          label={t('signUp.email')}
          description={t('signUp.emailHelp')}
          value={form.email}
          onChange={(v) => set('email', v)}
          error={problem.fieldError('email')}
          required
        />
        <TextInput
          name="displayName"
          autoComplete="nickname"
          label={t('signUp.displayName')}
          description={t('signUp.displayNameHelp')}
          value={form.displayName}
          onChange={(v) => set('displayName', v)}
          error={problem.fieldError('displayName')}
          required
        />
        <Choice
          name="role"
          label={t('signUp.role')}
          value={form.role}
          onChange={(v) => set('role', v)}
          options={memberRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={problem.fieldError('role')}
          required
        />
        <Select
          name="country"
          label={t('signUp.country')}
          description={t('signUp.countryHelp')}
          value={country}
          onChange={(v) => set('country', v)}
          options={[
            ...countries.map((c) => ({ value: c.code, label: c.name })),
            { value: '', label: t('signUp.countryOther') },
          ]}
          error={problem.fieldError('country')}
        />
        <Tick
          name="isAdult"
          label={t('signUp.isAdult')}
          checked={form.isAdult}
          onChange={(v) => set('isAdult', v)}
          error={problem.fieldError('isAdult')}
        />
        <div className="conduct-tick">
          <Link to="/code-of-conduct" className="button button-quiet">
            {t('signUp.readConduct')}
          </Link>
          <Tick
            name="acceptConduct"
            label={t('signUp.acceptConduct')}
            checked={form.acceptConduct}
            onChange={(v) => set('acceptConduct', v)}
            error={problem.fieldError('acceptConduct')}
          />
        </div>
        <SubmitButton busy={busy}>{busy ? t('signUp.sending') : t('signUp.submit')}</SubmitButton>
      </Form>
      <h2>{t('signUp.haveAccount')}</h2>
      <Link to="/sign-in" className="button">
        {t('nav.signIn')}
      </Link>
    </Page>
  );
}
