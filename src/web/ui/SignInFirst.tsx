import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../session';
import { Instructions } from './Instructions';
import { Page } from './Page';

/** Pages of one's own (notifications, moderators' pages) need a person signed in; signed out, the page says why in words. */
export function SignInFirst({
  title,
  why,
  children,
}: {
  title: string;
  why: string;
  children: (userId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <p role="status">{t('app.loading')}</p>;
  const user = me.data?.user;
  if (!user) {
    return (
      <Page title={title}>
        <Instructions lines={[why]} />
        <div className="actions">
          <Link to="/sign-in" className="button button-primary">
            {t('nav.signIn')}
          </Link>
        </div>
      </Page>
    );
  }
  return <>{children(user.id)}</>;
}
