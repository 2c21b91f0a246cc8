import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon, type IconName } from '../../ui/Icon';

/** The ways around the forum, the same on every forum page. */
export function ForumLinks({ except }: { except?: 'home' | 'tips' | 'search' | 'bookmarks' }) {
  const { t } = useTranslation();
  const links: { to: string; label: string; icon: IconName; id: typeof except }[] = [
    { to: '/forum', label: t('forum.links.home'), icon: 'forum', id: 'home' },
    { to: '/forum/tips', label: t('forum.links.tips'), icon: 'tip', id: 'tips' },
    { to: '/forum/search', label: t('forum.links.search'), icon: 'search', id: 'search' },
    {
      to: '/forum/bookmarks',
      label: t('forum.links.bookmarks'),
      icon: 'bookmark',
      id: 'bookmarks',
    },
  ];
  return (
    <nav aria-label={t('forum.links.label')} className="forum-links">
      <ul>
        {links
          .filter((link) => link.id !== except)
          .map((link) => (
            <li key={link.to}>
              <Link to={link.to} className="button button-quiet">
                <Icon name={link.icon} />
                <span>{link.label}</span>
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
