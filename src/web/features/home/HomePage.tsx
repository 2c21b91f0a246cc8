import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';

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
  return (
    <Page title={t('home.hello', { name: user.displayName })}>
      <Instructions lines={[t('home.signedInIntro')]} />
      <ul className="cards">
        <li className="card">
          <h2>{t('home.profileCard')}</h2>
          <p>{t('home.profileCardText')}</p>
          <Link to="/me" className="button">
            <Icon name="me" />
            <span>{t('home.profileCard')}</span>
          </Link>
        </li>
        <li className="card">
          <h2>{t('home.settingsCard')}</h2>
          <p>{t('home.settingsCardText')}</p>
          <Link to="/settings" className="button">
            <Icon name="settings" />
            <span>{t('home.settingsCard')}</span>
          </Link>
        </li>
      </ul>
    </Page>
  );
}
