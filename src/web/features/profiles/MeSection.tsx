import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { SessionUser } from '../../../contract/accounts';
import type { MyProfile } from '../../../contract/profiles';
import { getMyProfile } from '../../api/profiles';
import { useMe } from '../../session';
import { Page } from '../../ui/Page';
import { meSections, profileKey } from './profileFields';
import type { SaveState } from './useProfileAutosave';

/** My own profile, as the server has it. */
export function useMyProfile(enabled: boolean) {
  return useQuery({
    queryKey: profileKey,
    queryFn: getMyProfile,
    enabled,
  });
}

type SectionKey = (typeof meSections)[number]['key'];

/**
 * One short part of the Me page on its own screen: signed in only, with a way
 * back to the overview at the top and the next part at the bottom.
 */
export function MeSection({
  section,
  step,
  children,
}: {
  section: SectionKey;
  /** A further step inside this part, if there is one (the story has two), as the next link. */
  step?: ((profile: MyProfile) => { path: string; name: string } | null) | undefined;
  children(me: { user: SessionUser; profile: MyProfile }): ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data?.user;
  const profile = useMyProfile(Boolean(user));
  if (me.isPending) return <p>{t('app.loading')}</p>;
  if (!user) return <Navigate to="/sign-in" replace />;
  const index = meSections.findIndex((s) => s.key === section);
  const nextSection = meSections[index + 1];
  const nextStep = profile.data && step ? step(profile.data) : null;
  const next =
    nextStep ??
    (nextSection && {
      path: nextSection.path,
      name: t(`me.sections.${nextSection.key}.title`),
    });
  return (
    <Page title={t(`me.sections.${section}.title`)}>
      <p className="me-back">
        <Link to="/me">{t('me.backToMe')}</Link>
      </p>
      {profile.data ? (
        children({ user, profile: profile.data })
      ) : profile.isError ? (
        <p role="alert">{t('me.notLoaded')}</p>
      ) : (
        <p>{t('app.loading')}</p>
      )}
      <nav aria-label={t('me.partsLabel')} className="me-next actions">
        {next && (
          <Link to={next.path} className="button">
            {t('me.nextPart', { part: next.name })}
          </Link>
        )}
        <Link to="/me" className="button button-quiet">
          {t('me.backToMe')}
        </Link>
      </nav>
    </Page>
  );
}

/** Where a field's last change stands, in words, right under the field. */
export function SaveStatus({ state }: { state: SaveState | undefined }) {
  const { t } = useTranslation();
  let text: ReactNode = null;
  if (state?.kind === 'saving') text = t('me.autosave.saving');
  else if (state?.kind === 'saved') text = t('me.autosave.saved');
  else if (state?.kind === 'offline') text = t('me.autosave.offline');
  else if (state?.kind === 'failed') text = t('me.autosave.failed', { problem: state.title });
  else if (state?.kind === 'invalid' || state?.kind === 'tooLong') text = t('me.autosave.refused');
  else if (state?.kind === 'signedOut') {
    text = (
      <>
        {t('me.autosave.signedOut')} <Link to="/sign-in">{t('me.autosave.signIn')}</Link>
      </>
    );
  }
  const problem = state !== undefined && state.kind !== 'saving' && state.kind !== 'saved';
  return (
    // Always in the page, so screen readers hear each change of it.
    <p className={`save-state${problem ? ' save-state-problem' : ''}`} role="status">
      {text}
    </p>
  );
}
