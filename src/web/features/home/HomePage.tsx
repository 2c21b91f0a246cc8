import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { MyHome } from './MyHome';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data?.user;
  if (me.isPending) return <p>{t('app.loading')}</p>;
  if (!user) {
    return (
      <Page title={t('home.title')}>
        <Instructions lines={[t('home.intro'), t('home.what')]} />
        <div className="actions">
          <Link to="/sign-up" className="button button-primary">
            {t('home.join')}
          </Link>
          <Link to="/sign-in" className="button">
            <Icon name="signIn" />
            <span>{t('home.signIn')}</span>
          </Link>
        </div>
      </Page>
    );
  }
  return <MyHome user={user} />;
}
