import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyProfile, ProfileUpdate } from '../../../contract/profiles';
import { updateMyProfile } from '../../api/profiles';
import { ApiProblem } from '../../api/transport';
import { Notice, Select, SendProblem } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { MeSection, SaveStatus } from './MeSection';
import { answerOptions, profileKey, type storySteps, storyStepsFor } from './profileFields';
import { type ProfileAutosave, useProfileAutosave } from './useProfileAutosave';

type StoryStepKey = (typeof storySteps)[number]['key'];

/** "My stroke story": health answers in two short steps, each saved when chosen, behind consent. */
export function StoryPage({ step = 'stroke' }: { step?: StoryStepKey }) {
  const { t } = useTranslation();
  return (
    <MeSection
      section="story"
      step={(profile) => {
        const steps = storyStepsFor(profile.role);
        const next = steps[steps.findIndex((s) => s.key === step) + 1];
        return next && profile.healthConsent.given
          ? { path: next.path, name: t(`me.storySteps.${next.key}`) }
          : null;
      }}
    >
      {({ user, profile }) => <StoryForm userId={user.id} profile={profile} step={step} />}
    </MeSection>
  );
}

/** The second step of the story, as its own route. */
export function StoryNowPage() {
  return <StoryPage step="now" />;
}

/** Sends one change that is a step, not typing (consent): its problem shows beside its button. */
function useStep() {
  const client = useQueryClient();
  const [problem, setProblem] = useState<{ text: string; at: number } | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(update: ProfileUpdate): Promise<MyProfile | null> {
    setProblem(null);
    setBusy(true);
    try {
      const answer = await updateMyProfile(update);
      client.setQueryData(profileKey, answer);
      return answer;
    } catch (error) {
      const text = error instanceof ApiProblem ? error.title : String(error);
      setProblem({ text, at: Date.now() });
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { send, problem, busy };
}

function StoryForm({
  userId,
  profile,
  step,
}: {
  userId: string;
  profile: MyProfile;
  step: StoryStepKey;
}) {
  const { t } = useTranslation();
  const form = useProfileAutosave(userId, profile);
  const consent = useStep();
  const [removed, setRemoved] = useState(false);
  const steps = storyStepsFor(profile.role);
  const index = Math.max(
    0,
    steps.findIndex((s) => s.key === step),
  );
  const fields = steps[index]?.fields ?? [];
  const last = index === steps.length - 1;

  if (!profile.healthConsent.given) {
    return (
      <>
        {removed && <Notice kind="ok">{t('me.removed')}</Notice>}
        <Instructions lines={[t('me.storyIntro'), t('me.consentHelp')]} />
        <p>
          <strong>{t('me.consent')}</strong>
        </p>
        <div className="actions">
          <Button
            className="button button-primary"
            isDisabled={consent.busy}
            onPress={() => void consent.send({ healthConsent: true })}
          >
            {t('me.consentYes')}
          </Button>
          <Link to="/me" className="button button-quiet">
            {t('me.consentNo')}
          </Link>
        </div>
        {consent.problem && (
          <SendProblem attempt={consent.problem.at}>{consent.problem.text}</SendProblem>
        )}
      </>
    );
  }

  return (
    <>
      {/* A carer has one short step only: no "Part 1 of 1", and it is not their stroke. */}
      {steps.length > 1 && (
        <h2>
          {t('me.storyStep', {
            n: index + 1,
            total: steps.length,
            name: t(`me.storySteps.${steps[index]?.key ?? step}`),
          })}
        </h2>
      )}
      <Instructions lines={[t('me.storyIntro'), t('me.savesAsYouType')]} />
      <p className="me-who-sees">
        <Link to="/me/who-sees">{t('me.storyWhoSees')}</Link>
      </p>
      <div className="form me-questions">
        {fields.map((field) => {
          const key = `experience.${field}` as const;
          const value = form.value(key);
          return (
            <div key={field}>
              <Select
                name={field}
                label={t(`experience.${field}`)}
                description={t('me.whoSeesNow', {
                  who: t(`visibility.${profile.visibility[field]}`),
                })}
                value={value === null ? '' : String(value)}
                onChange={(v) =>
                  form.change(key, v === '' ? null : field === 'strokeYear' ? Number(v) : v)
                }
                options={[{ value: '', label: t('experience.notSay') }, ...answerOptions(field, t)]}
                error={form.error(key)}
              />
              <SaveStatus state={form.state(key)} />
            </div>
          );
        })}
      </div>
      {last && <RemoveStory profile={profile} form={form} onRemoved={() => setRemoved(true)} />}
    </>
  );
}

/** Withdrawing consent erases the answers; "about me" may hold health details, so it asks. */
function RemoveStory({
  profile,
  form,
  onRemoved,
}: {
  profile: MyProfile;
  form: ProfileAutosave;
  onRemoved(): void;
}) {
  const { t } = useTranslation();
  const step = useStep();
  const [confirm, setConfirm] = useState(false);
  const askAboutAbout = profile.about !== '' && profile.visibility.about !== 'only_me';

  async function withdraw(keepAboutVisible?: boolean) {
    // Answers still on their way would bring health details back: they go first.
    form.forget('experience.');
    const answer = await step.send({
      healthConsent: false,
      ...(keepAboutVisible === undefined ? {} : { keepAboutVisible }),
    });
    if (answer) onRemoved();
  }

  return (
    <section aria-labelledby="remove-story-title" className="section danger-zone">
      <h2 id="remove-story-title">{t('me.removeStoryTitle')}</h2>
      {confirm && askAboutAbout ? (
        <fieldset className="me-question">
          <legend>{t('me.keepAboutQuestion')}</legend>
          <div className="actions">
            <Button className="button button-danger" onPress={() => void withdraw(false)}>
              {t('me.keepAboutNo')}
            </Button>
            <Button className="button button-danger" onPress={() => void withdraw(true)}>
              {t('me.keepAboutYes')}
            </Button>
            <Button className="button" onPress={() => setConfirm(false)}>
              {t('me.keep')}
            </Button>
          </div>
        </fieldset>
      ) : confirm ? (
        <div className="actions">
          <Button className="button button-danger" onPress={() => void withdraw()}>
            {t('me.removeStory')}
          </Button>
          <Button className="button" onPress={() => setConfirm(false)}>
            {t('me.keep')}
          </Button>
        </div>
      ) : (
        <Button className="button" onPress={() => setConfirm(true)}>
          {t('me.removeStory')}
        </Button>
      )}
      {step.problem && <SendProblem attempt={step.problem.at}>{step.problem.text}</SendProblem>}
    </section>
  );
}
