import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { experienceFields } from '../../../contract/values';
import { getMember } from '../../api/profiles';
import { useMe } from '../../session';
import { Page } from '../../ui/Page';
import { BlockControl } from '../blocks/BlockControl';
import { PostSafetyActions } from '../forum/PostSafetyActions';
import { profilesKeys } from './queries';

type ExperienceField = (typeof experienceFields)[number];
/** Which list of answers each question's value comes from, for its words. */
const optionSet = (field: ExperienceField): string =>
  field === 'aphasia' || field === 'visionChanges' || field === 'fatigue' ? 'yesSomeNo' : field;

/**
 * Another member's profile, read-only: only what they share with this viewer
 * (the server decides, field by field). Reached from a group's member list.
 */
export function MemberPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const signedIn = Boolean(me.data?.user);
  const profile = useQuery({
    queryKey: profilesKeys.member(id),
    queryFn: () => getMember(id),
    enabled: signedIn,
    retry: false,
  });
  if (me.isPending) return <p role="status">{t('app.loading')}</p>;
  if (!signedIn) return <Navigate to="/sign-in" replace />;
  if (profile.isPending) return <p role="status">{t('app.loading')}</p>;
  if (profile.isError || !profile.data) {
    return (
      <Page title={t('notFound.title')}>
        <p>{t('memberPage.notFound')}</p>
        <Link to="/groups" className="button">
          {t('groups.title')}
        </Link>
      </Page>
    );
  }
  const p = profile.data;
  const shown = experienceFields.filter(
    (f) => p.experience[f] !== undefined && p.experience[f] !== null,
  );
  const nothing = !p.role && !p.about && shown.length === 0;
  return (
    <Page title={p.displayName}>
      <p>{t(nothing ? 'memberPage.nothingShared' : 'memberPage.intro', { name: p.displayName })}</p>
      {p.role && (
        <section aria-labelledby="member-role" className="section">
          <h2 id="member-role">{t('memberPage.role')}</h2>
          <p>{t(`roles.short.${p.role}`)}</p>
        </section>
      )}
      {p.about && (
        <section aria-labelledby="member-about" className="section">
          <h2 id="member-about">{t('memberPage.about', { name: p.displayName })}</h2>
          <p dir="auto">{p.about}</p>
        </section>
      )}
      {shown.length > 0 && (
        <section aria-labelledby="member-story" className="section">
          <h2 id="member-story">{t('memberPage.experience')}</h2>
          <dl className="member-facts">
            {shown.map((f) => {
              const value = p.experience[f];
              return (
                <div key={f}>
                  <dt>
                    <strong>{t(`memberPage.fields.${f}`)}</strong>
                  </dt>
                  <dd>
                    {f === 'strokeYear'
                      ? String(value)
                      : t(`experience.options.${optionSet(f)}.${String(value)}`)}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      )}
      {/* Not on one's own page: worry about oneself goes to Need help now, not to a moderator. */}
      {p.id !== me.data?.user?.id && <PostSafetyActions subject={{ kind: 'profile', id: p.id }} />}
      {me.data?.user && p.id !== me.data.user.id && (
        <BlockControl myId={me.data.user.id} person={{ id: p.id, displayName: p.displayName }} />
      )}
      <p>
        <Link to="/groups" className="button">
          {t('groups.title')}
        </Link>
      </p>
    </Page>
  );
}
