import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import type { MemberRole } from '../../../contract/accounts';
import type { Ok } from '../../../contract/common';
import type {
  Experience,
  ExperienceField,
  ExperienceVisibility,
  MyProfile,
  ProfileUpdate,
  Visibility,
} from '../../../contract/profiles';
import {
  experienceFields,
  experienceOptions,
  memberRoles,
  visibilities,
} from '../../../contract/values';
import { api } from '../../api';
import { meKey, useMe } from '../../session';
import { Choice, Notice, Select, SubmitButton, TextInput, Tick } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../accounts/ProblemSummary';
import { useFormProblem } from '../accounts/useFormProblem';
import { useHelp } from '../help/countries';

const profileKey = ['me', 'profile'] as const;

export function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  const profile = useQuery({
    queryKey: profileKey,
    queryFn: () => api<MyProfile>('/me/profile'),
    enabled: Boolean(me.data?.user),
  });
  if (me.isPending) return <p>{t('app.loading')}</p>;
  if (!me.data?.user) return <Navigate to="/sign-in" replace />;
  return (
    <Page title={t('me.title')}>
      <Link to="/settings" className="button">
        {t('nav.settings')}
      </Link>
      {profile.data ? (
        <>
          <AboutSection profile={profile.data} />
          <StorySection profile={profile.data} />
        </>
      ) : (
        <p>{t('app.loading')}</p>
      )}
      <AccountSection email={me.data.user.email} hasPassword={me.data.user.hasPassword} />
    </Page>
  );
}

function useSaveProfile() {
  const client = useQueryClient();
  const problem = useFormProblem();
  const [saved, setSaved] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (update: ProfileUpdate) =>
      api<MyProfile>('/me/profile', { method: 'PATCH', body: update }),
    onMutate: () => {
      problem.clear();
      setSaved(null);
    },
    onSuccess: (profile) => {
      client.setQueryData(profileKey, profile);
      void client.invalidateQueries({ queryKey: meKey });
    },
    onError: (error) => problem.capture(error),
  });
  return { mutation, problem, saved, setSaved };
}

function AboutSection({ profile }: { profile: MyProfile }) {
  const { t } = useTranslation();
  const help = useHelp(null);
  const [form, setForm] = useState({
    displayName: profile.displayName,
    role: profile.role as MemberRole,
    country: profile.country ?? '',
    about: profile.about,
  });
  const { mutation, problem, saved, setSaved } = useSaveProfile();
  return (
    <section aria-labelledby="about-title" className="section">
      <h2 id="about-title">{t('me.aboutTitle')}</h2>
      <ProblemSummary problem={problem.problem} />
      <Form
        className="form"
        validationBehavior="aria"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(
            { ...form, country: form.country || null },
            { onSuccess: () => setSaved(t('me.saved')) },
          );
        }}
      >
        <TextInput
          name="displayName"
          label={t('me.displayName')}
          value={form.displayName}
          onChange={(displayName) => setForm((f) => ({ ...f, displayName }))}
          error={problem.fieldError('displayName')}
          required
        />
        <Choice
          name="role"
          label={t('me.role')}
          value={form.role}
          onChange={(role) => setForm((f) => ({ ...f, role }))}
          options={memberRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={problem.fieldError('role')}
        />
        <Select
          name="country"
          label={t('me.country')}
          value={form.country}
          onChange={(country) => setForm((f) => ({ ...f, country }))}
          options={[
            ...(help.data?.countries ?? []).map((c) => ({ value: c.code, label: c.name })),
            { value: '', label: t('signUp.countryOther') },
          ]}
          error={problem.fieldError('country')}
        />
        <TextInput
          name="about"
          multiline
          label={t('me.about')}
          description={t('me.aboutHelp')}
          value={form.about}
          onChange={(about) => setForm((f) => ({ ...f, about }))}
          error={problem.fieldError('about')}
        />
        <SubmitButton busy={mutation.isPending}>
          {mutation.isPending ? t('me.saving') : t('me.save')}
        </SubmitButton>
        {saved && <Notice kind="ok">{saved}</Notice>}
      </Form>
    </section>
  );
}

/** Which experience questions fit which role: carers are asked about the person they care for. */
function fieldsFor(role: MemberRole): ExperienceField[] {
  if (role === 'caregiver') return ['caregiverRelationship'];
  if (role === 'survivor') return experienceFields.filter((f) => f !== 'caregiverRelationship');
  return [...experienceFields];
}

function optionLabels(field: ExperienceField, t: (key: string) => string) {
  if (field === 'strokeYear') return [];
  const group = ['aphasia', 'visionChanges', 'fatigue'].includes(field) ? 'yesSomeNo' : field;
  return experienceOptions[field].map((value) => ({
    value,
    label: t(`experience.options.${group}.${value}`),
  }));
}

function StorySection({ profile }: { profile: MyProfile }) {
  const { t } = useTranslation();
  const [experience, setExperience] = useState<Experience>(profile.experience);
  const [visibility, setVisibility] = useState<ExperienceVisibility>(profile.visibility);
  const [consent, setConsent] = useState(profile.healthConsent.given);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const { mutation, problem, saved, setSaved } = useSaveProfile();
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 1939 }, (_, i) => String(thisYear - i));
  const fields = fieldsFor(profile.role);

  return (
    <section aria-labelledby="story-title" className="section">
      <h2 id="story-title">{t('me.storyTitle')}</h2>
      <Instructions lines={[t('me.storyIntro')]} />
      <ProblemSummary problem={problem.problem} />
      <Form
        className="form"
        validationBehavior="aria"
        onSubmit={(e) => {
          e.preventDefault();
          const changed = Object.fromEntries(fields.map((f) => [f, experience[f]]));
          mutation.mutate(
            {
              experience: changed,
              visibility: Object.fromEntries(fields.map((f) => [f, visibility[f]])),
              ...(consent && !profile.healthConsent.given ? { healthConsent: true } : {}),
            },
            { onSuccess: () => setSaved(t('me.saved')) },
          );
        }}
      >
        {fields.map((field) => (
          <fieldset key={field} className="story-field">
            <legend>{t(`experience.${field}`)}</legend>
            <Select
              name={field}
              label={t('me.answer')}
              value={experience[field] === null ? '' : String(experience[field])}
              onChange={(v) =>
                setExperience((x) => ({
                  ...x,
                  [field]: v === '' ? null : field === 'strokeYear' ? Number(v) : v,
                }))
              }
              options={[
                { value: '', label: t('experience.notSay') },
                ...(field === 'strokeYear'
                  ? years.map((y) => ({ value: y, label: y }))
                  : optionLabels(field, t)),
              ]}
              error={problem.fieldError(`experience.${field}`)}
            />
            <Select
              name={`${field}-visibility`}
              label={t('me.whoSees')}
              value={visibility[field]}
              onChange={(v) => setVisibility((x) => ({ ...x, [field]: v as Visibility }))}
              options={visibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
            />
          </fieldset>
        ))}
        {!profile.healthConsent.given && (
          <>
            <p className="field-help">{t('me.consentHelp')}</p>
            <Tick
              name="healthConsent"
              label={t('me.consent')}
              checked={consent}
              onChange={setConsent}
              error={problem.fieldError('healthConsent')}
            />
          </>
        )}
        <SubmitButton busy={mutation.isPending}>
          {mutation.isPending ? t('me.saving') : t('me.save')}
        </SubmitButton>
        {saved && <Notice kind="ok">{saved}</Notice>}
      </Form>
      {profile.healthConsent.given && (
        <div className="danger-zone">
          {confirmRemove ? (
            <div className="actions">
              <Button
                className="button button-danger"
                onPress={() =>
                  mutation.mutate(
                    { healthConsent: false },
                    {
                      onSuccess: (p) => {
                        setExperience(p.experience);
                        setConsent(false);
                        setConfirmRemove(false);
                        setSaved(t('me.removed'));
                      },
                    },
                  )
                }
              >
                {t('me.removeStory')}
              </Button>
              <Button className="button" onPress={() => setConfirmRemove(false)}>
                {t('me.keep')}
              </Button>
            </div>
          ) : (
            <Button className="button" onPress={() => setConfirmRemove(true)}>
              {t('me.removeStory')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

function AccountSection({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const problem = useFormProblem();

  async function savePassword() {
    problem.clear();
    setMessage(null);
    try {
      await api<Ok>('/me/password', { method: 'PUT', body: { password } });
      setPassword('');
      setMessage(t('me.passwordSaved'));
      await client.invalidateQueries({ queryKey: meKey });
    } catch (error) {
      problem.capture(error);
    }
  }

  async function removePassword() {
    await api<Ok>('/me/password', { method: 'DELETE' });
    setMessage(t('me.passwordRemoved'));
    await client.invalidateQueries({ queryKey: meKey });
  }

  async function signOut(everywhere: boolean) {
    await api<Ok>(everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out', { method: 'POST' });
    client.setQueryData(meKey, { user: null });
    client.removeQueries({ queryKey: profileKey });
    navigate('/sign-in');
  }

  return (
    <section aria-labelledby="account-title" className="section">
      <h2 id="account-title">{t('me.accountTitle')}</h2>
      <p>{t('me.email', { email })}</p>
      <Instructions lines={[t('me.passwordIntro')]} />
      {hasPassword && <p>{t('me.hasPassword')}</p>}
      <ProblemSummary problem={problem.problem} />
      <Form
        className="form"
        validationBehavior="aria"
        onSubmit={(e) => {
          e.preventDefault();
          void savePassword();
        }}
      >
        {/* A hidden username lets password managers save the right pair. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextInput
          name="password"
          type="password"
          autoComplete="new-password"
          label={t('me.newPassword')}
          description={t('me.newPasswordHelp')}
          value={password}
          onChange={setPassword}
          error={problem.fieldError('password')}
        />
        <SubmitButton>{t('me.setPassword')}</SubmitButton>
      </Form>
      {message && <Notice kind="ok">{message}</Notice>}
      <div className="actions">
        {hasPassword && (
          <Button className="button" onPress={() => void removePassword()}>
            {t('me.removePassword')}
          </Button>
        )}
        <Button className="button button-primary" onPress={() => void signOut(false)}>
          {t('me.signOut')}
        </Button>
        <Button className="button" onPress={() => void signOut(true)}>
          {t('me.signOutEverywhere')}
        </Button>
      </div>
    </section>
  );
}
