import './notifications.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePreferences } from '../../preferences';
import { useMe } from '../../session';
import { Icon } from '../../ui/Icon';
import { type Heard, heard, toAnnounce } from './announce';
import { useNotificationSettings, useUnread } from './queries';

function useUserId(): string | null {
  return useMe().data?.user?.id ?? null;
}

/** "2 new" on the Home button, in words; calm mode (low stimulus) shows no count at all. */
export function NewCount() {
  const { t } = useTranslation();
  const { preferences } = usePreferences();
  const unread = useUnread(useUserId());
  const count = unread.data?.unread ?? 0;
  if (preferences.lowStimulus || count === 0) return null;
  return (
    <>
      {' '}
      <span className="count nav-count">{t('notifications.newCount', { count })}</span>
    </>
  );
}

/** The way from Home to the notifications page, with how many are new in words. */
export function NotificationsLink() {
  const { t } = useTranslation();
  const { preferences } = usePreferences();
  const unread = useUnread(useUserId());
  const count = preferences.lowStimulus ? 0 : (unread.data?.unread ?? 0);
  return (
    <div className="actions">
      <Link to="/notifications" className="button">
        <Icon name="text" />
        <span>
          {t('notifications.page.homeLink')}
          {count > 0 && (
            <>
              {' '}
              <span className="count nav-count">{t('notifications.newCount', { count })}</span>
            </>
          )}
        </span>
      </Link>
    </div>
  );
}

/**
 * A polite live region that tells screen readers of new notifications when the count goes
 * up, never on the first load, and not at all when the person turned it off.
 */
export function NewAnnouncer() {
  const { t } = useTranslation();
  const userId = useUserId();
  const unread = useUnread(userId);
  const settings = useNotificationSettings(userId);
  const announce = settings.data?.announce ?? true;
  const [words, setWords] = useState('');
  // React Query looks again when the tab comes back into view; coming back to the window
  // (another program had focus) counts too.
  const { refetch } = unread;
  useEffect(() => {
    if (!userId) return;
    const look = () => void refetch({ cancelRefetch: false });
    window.addEventListener('focus', look);
    return () => window.removeEventListener('focus', look);
  }, [userId, refetch]);
  const before = useRef<Heard | null>(null);

  useEffect(() => {
    const now = unread.data;
    if (!userId || !now) return;
    const said = toAnnounce(before.current, userId, now);
    before.current = heard(userId, now);
    if (!said || !announce) return;
    setWords(
      said.added === 1
        ? t('notifications.live.one', { text: said.text })
        : t('notifications.live.many', { count: said.added, text: said.text }),
    );
  }, [unread.data, userId, announce, t]);

  return (
    <p className="visually-hidden" role="status" aria-live="polite" id="new-notifications">
      {words}
    </p>
  );
}
