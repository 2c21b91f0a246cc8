import { useTranslation } from 'react-i18next';
import type { MyProfile } from '../../../contract/profiles';
import { visibilities } from '../../../contract/values';
import { Select } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { MeSection, SaveStatus } from './MeSection';
import { type FieldKey, fieldsFor } from './profileFields';
import { useProfileAutosave } from './useProfileAutosave';

/** "Who sees what": every profile field's visibility in one place, each saved when chosen. */
export function WhoSeesPage() {
  return (
    <MeSection section="whoSees">
      {({ user, profile }) => <WhoSeesForm userId={user.id} profile={profile} />}
    </MeSection>
  );
}

function WhoSeesForm({ userId, profile }: { userId: string; profile: MyProfile }) {
  const { t } = useTranslation();
  const form = useProfileAutosave(userId, profile);
  const options = visibilities.map((v) => ({ value: v, label: t(`visibility.${v}`) }));
  const choice = (key: FieldKey & `visibility.${string}`, label: string) => (
    <div key={key}>
      <Select
        name={key.replace('.', '-')}
        label={label}
        value={String(form.value(key))}
        onChange={(v) => form.change(key, v)}
        options={options}
        error={form.error(key)}
      />
      <SaveStatus state={form.state(key)} />
    </div>
  );
  return (
    <>
      <Instructions lines={[t('me.whoSeesIntro'), t('me.whoSeesName')]} />
      <section aria-labelledby="who-sees-about" className="form">
        <h2 id="who-sees-about">{t('me.sections.about.title')}</h2>
        {choice('visibility.role', t('me.whoSeesRole'))}
        {choice('visibility.about', t('me.whoSeesAbout'))}
      </section>
      <section aria-labelledby="who-sees-story" className="form">
        <h2 id="who-sees-story">{t('me.sections.story.title')}</h2>
        {fieldsFor(profile.role).map((field) =>
          choice(`visibility.${field}`, t(`experience.${field}`)),
        )}
      </section>
    </>
  );
}
