import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session';
import { Icon } from '../../ui/Icon';

/** "Plan a meeting for everyone", on the events page: for site admins only. */
export function CommunityPlanLink() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data?.user?.siteRole !== 'admin') return null;
  return (
    <div className="actions">
      <Link to="/events/plan" className="button">
        <Icon name="events" />
        <span>{t('gatherings.plan.linkCommunity')}</span>
      </Link>
    </div>
  );
}
