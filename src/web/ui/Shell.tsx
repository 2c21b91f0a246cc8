import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { NewAnnouncer, NewCount } from '../features/notifications/NewNotifications';
import { useLinkTarget } from '../features/notifications/useLinkTarget';
import { useMe } from '../session';
import { Icon, type IconName } from './Icon';

/**
 * The calm one-column frame of every page: "Need help now" always in the same
 * place (A12), then the main menu as big buttons with words and pictures. With large
 * text or on a narrow screen the menu becomes one compact row of word buttons: always
 * visible, never behind a gesture.
 */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = Boolean(me.data?.user);
  useLinkTarget();
  const items: { to: string; label: string; icon: IconName }[] = [
    { to: '/', label: t('nav.home'), icon: 'home' },
    { to: '/groups', label: t('nav.groups'), icon: 'groups' },
    { to: '/forum', label: t('nav.forum'), icon: 'forum' },
    { to: '/events', label: t('nav.events'), icon: 'events' },
    signedIn
      ? { to: '/me', label: t('nav.me'), icon: 'me' }
      : { to: '/sign-in', label: t('nav.signIn'), icon: 'signIn' },
  ];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {/* The header and menu are measured together: at large text or narrow widths they turn
          compact (ui/compact-navigation.css), so each page begins on the first screen. */}
      <div className="site-top">
        <header className="site-header">
          <Link to="/" className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <Link to="/help" className="button button-help" id="need-help">
            <Icon name="help" />
            <span>{t('nav.needHelp')}</span>
          </Link>
        </header>
        <nav aria-label={t('nav.label')} className="main-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'} className="nav-button">
                  <Icon name={item.icon} />
                  <span>
                    {item.label}
                    {item.to === '/' && <NewCount />}
                  </span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.notMedical')}</p>
        <ul className="footer-links">
          <li>
            <Link to="/settings">{t('nav.settings')}</Link>
          </li>
          <li>
            <Link to="/code-of-conduct">{t('nav.conduct')}</Link>
          </li>
        </ul>
      </footer>
      <NewAnnouncer />
    </div>
  );
}
