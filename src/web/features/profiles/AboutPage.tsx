import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MemberRole } from '../../../contract/accounts';
import type { MyProfile, Visibility } from '../../../contract/profiles';
import { memberRoles } from '../../../contract/values';
import { Choice, Select, TextInput } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { SupportPanel } from '../forum/SupportPanel';
import { useHelp } from '../help/countries';
import { MeSection, SaveStatus } from './MeSection';
import { fieldLimits } from './profileFields';
import { TYPING_PAUSE_MS, useProfileAutosave } from './useProfileAutosave';

/** "About me": the name others see, the role, the country and a few words, saved as typed. */
export function AboutPage() {
  return (
    <MeSection section="about">
      {({ user, profile }) => <AboutForm userId={user.id} profile={profile} />}
    </MeSection>
  );
}

function AboutForm({ userId, profile }: { userId: string; profile: MyProfile }) {
  const { t } = useTranslation();
  const help = useHelp(null);
  const form = useProfileAutosave(userId, profile);
  const text = (key: 'displayName' | 'about') => String(form.value(key) ?? '');
  return (
    <div className="form">
      <Instructions lines={[t('me.savesAsYouType')]} />
      <LeavingSaves onLeave={() => form.flush('displayName')}>
        <TextInput
          name="displayName"
          label={t('me.displayName')}
          value={text('displayName')}
          onChange={(v) => form.change('displayName', v, TYPING_PAUSE_MS)}
          error={form.error('displayName')}
          limit={fieldLimits.displayName}
          required
        />
        <SaveStatus state={form.state('displayName')} />
      </LeavingSaves>
      <div>
        <Choice
          name="role"
          label={t('me.role')}
          value={form.value('role') as MemberRole}
          onChange={(role) => form.change('role', role)}
          options={memberRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={form.error('role')}
        />
        {profile.role === 'professional' && !profile.roleShown && (
          <p className="field-help">{t('me.roleNotShownYet')}</p>
        )}
        <WhoSeesLine who={profile.visibility.role} />
        <SaveStatus state={form.state('role')} />
      </div>
      <div>
        <Select
          name="country"
          label={t('me.country')}
          value={String(form.value('country') ?? '')}
          onChange={(country) => form.change('country', country || null)}
          options={[
            ...(help.data?.countries ?? []).map((c) => ({ value: c.code, label: c.name })),
            { value: '', label: t('signUp.countryOther') },
          ]}
          error={form.error('country')}
        />
        <SaveStatus state={form.state('country')} />
      </div>
      <LeavingSaves onLeave={() => form.flush('about')}>
        <TextInput
          name="about"
          multiline
          label={t('me.about')}
          description={t('me.aboutHelp')}
          value={text('about')}
          onChange={(v) => form.change('about', v, TYPING_PAUSE_MS)}
          error={form.error('about')}
          limit={fieldLimits.about}
        />
        <WhoSeesLine who={profile.visibility.about} />
        <SaveStatus state={form.state('about')} />
        {/* Worrying words, screened as they are saved: supportive words and lines to call. */}
        <SupportPanel open={Boolean(profile.aboutCare?.support)} sent level={2} />
      </LeavingSaves>
    </div>
  );
}

/** Who sees a field now, in words, with the way to change it. */
function WhoSeesLine({ who }: { who: Visibility }) {
  const { t } = useTranslation();
  return (
    <p className="field-help me-who-sees">
      {t('me.whoSeesNow', { who: t(`visibility.${who}`) })}{' '}
      <Link to="/me/who-sees">{t('me.changeWhoSees')}</Link>
    </p>
  );
}

/** Sends a text field as soon as focus leaves it, rather than after the typing pause. */
function LeavingSaves({ onLeave, children }: { onLeave(): void; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    element?.addEventListener('focusout', onLeave);
    return () => element?.removeEventListener('focusout', onLeave);
  }, [onLeave]);
  return <div ref={box}>{children}</div>;
}
