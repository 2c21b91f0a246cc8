import type { ReactNode } from 'react';
import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Author } from '../../../contract/forum';
import { ApiProblem } from '../../api/transport';
import { useMe } from '../../session';
import { Notice } from '../../ui/fields';
import { Icon, type IconName } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';

/** Dates in words, in the person's own way of writing them. */
export function When({ iso }: { iso: string }) {
  const date = new Date(iso);
  const locale = typeof navigator === 'undefined' ? undefined : navigator.language;
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    date,
  );
  return <time dateTime={iso}>{text}</time>;
}

/** The writer's name and, in words, who they are (survivor, caregiver ...). */
export function AuthorName({ author }: { author: Author }) {
  const { t } = useTranslation();
  return (
    <>
      <strong dir="auto">{author.displayName}</strong>
      {author.role && <span className="author-role">{t(`roles.short.${author.role}`)}</span>}
    </>
  );
}

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

/** A page that could not load: the server's plain words, and a way to try again. */
export function LoadProblem({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <Notice kind="problem">
      <LoadProblemWords error={error} {...(retry ? { retry } : {})} />
    </Notice>
  );
}

/** What LoadProblem says, for a box of its own (such as one beside a button). */
export function LoadProblemWords({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const title = error instanceof ApiProblem ? error.title : t('problems.internal');
  const signedOut = error instanceof ApiProblem && error.status === 401;
  return (
    <>
      <p>{title}</p>
      {signedOut ? (
        <Link to="/sign-in" className="button">
          {t('nav.signIn')}
        </Link>
      ) : (
        retry && (
          <button type="button" className="button" onClick={retry}>
            {t('forum.pages.tryAgain')}
          </button>
        )
      )}
    </>
  );
}

/** A one-tap toggle with aria-pressed; its state is also shown in a word, not colour alone. */
export function Toggle({
  pressed,
  onChange,
  label,
  count,
  icon,
  busy,
}: {
  pressed: boolean;
  onChange(pressed: boolean): void;
  label: string;
  count?: number | undefined;
  icon?: IconName;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ToggleButton
      className="button toggle"
      isSelected={pressed}
      onChange={onChange}
      isDisabled={busy}
    >
      {pressed ? <Icon name="check" /> : icon && <Icon name={icon} />}
      <span>{label}</span>
      {count !== undefined && <span className="count">{count}</span>}
      {pressed && (
        <span className="toggle-state" aria-hidden="true">
          {t('forum.reactions.chosen')}
        </span>
      )}
    </ToggleButton>
  );
}
