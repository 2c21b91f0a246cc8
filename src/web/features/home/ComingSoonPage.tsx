import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';

/** Groups, forum and events arrive in their own issues; until then the page says so plainly. */
export function ComingSoonPage({ area }: { area: 'groups' | 'forum' | 'events' }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`soon.${area}Title`)}>
      <Instructions lines={[t('soon.text'), t('soon.meanwhile')]} />
      <div className="actions">
        <Link to="/me" className="button">
          {t('home.profileCard')}
        </Link>
        <Link to="/settings" className="button">
          {t('home.settingsCard')}
        </Link>
      </div>
    </Page>
  );
}
