import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMe } from '../../session';
import { SendProblem } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { meSections } from './profileFields';
import { useSignOut } from './useSignOut';

/**
 * The Me overview: short links to each part of the profile, each on its own
 * screen (ACCESSIBILITY.md A17), and signing out, set apart from the rest.
 */
export function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data?.user;
  if (me.isPending) return <p>{t('app.loading')}</p>;
  if (!user) return <Navigate to="/sign-in" replace />;
  return (
    <Page title={t('me.title')}>
      <Instructions lines={[t('me.overviewIntro')]} />
      <ul className="me-sections">
        {meSections.map((section) => (
          <li key={section.key}>
            <Link to={section.path} className="me-section-link">
              <span className="me-section-title">{t(`me.sections.${section.key}.title`)}</span>
              <span className="me-section-summary">{t(`me.sections.${section.key}.summary`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/settings" className="button">
          {t('nav.settings')}
        </Link>
      </p>
      <p>
        <Link to="/settings/blocks" className="button">
          {t('blocks.page.link')}
        </Link>
      </p>
      {/* Staff only: the server checks again on every moderation page. */}
      {(user.siteRole === 'moderator' || user.siteRole === 'admin') && (
        <div className="actions">
          <Link to="/moderation" className="button">
            {t('moderation.page.link')}
          </Link>
          {user.siteRole === 'admin' && (
            <Link to="/admin/audit" className="button">
              {t('moderation.page.auditLink')}
            </Link>
          )}
        </div>
      )}
      <SignOut userId={user.id} />
    </Page>
  );
}

function SignOut({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { signOut, problem } = useSignOut(userId);
  return (
    <section aria-labelledby="sign-out-title" className="section me-sign-out">
      <h2 id="sign-out-title">{t('me.signOutTitle')}</h2>
      <p>{t('me.signOutHelp')}</p>
      <Button className="button button-quiet" onPress={() => void signOut(false)}>
        {t('me.signOut')}
      </Button>
      {problem && <SendProblem attempt={problem.at}>{problem.text}</SendProblem>}
    </section>
  );
}
