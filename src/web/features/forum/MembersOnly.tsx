import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';

/** The forum is for members: signed out, the page says so and shows the way in. */
export function MembersOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <p role="status">{t('app.loading')}</p>;
  if (!me.data?.user) {
    return (
      <Page title={t('forum.pages.signInTitle')}>
        <Instructions lines={[t('forum.pages.signInText')]} />
        <div className="actions">
          <Link to="/sign-in" className="button button-primary">
            {t('nav.signIn')}
          </Link>
          <Link to="/sign-up" className="button">
            {t('home.join')}
          </Link>
        </div>
      </Page>
    );
  }
  return <>{children}</>;
}
