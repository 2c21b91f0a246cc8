import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/transport';
import { useMe } from '../../session';
import { Notice } from '../../ui/fields';
import { Page } from '../../ui/Page';

/**
 * Moderation pages need someone signed in; the server says who may see what (facilitators see
 * their own boards' reports), so a 403 here is shown as words, not as a broken page.
 */
export function SignedIn({
  title,
  children,
}: {
  title: string;
  children: (userId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <p role="status">{t('app.loading')}</p>;
  const user = me.data?.user;
  if (!user) {
    return (
      <Page title={title}>
        <p>{t('moderation.page.signIn')}</p>
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

/** A load that failed, in words: "for moderators" on a 403, the server's own title otherwise. */
export function LoadFailed({ error, staffWord }: { error: unknown; staffWord: string }) {
  if (error instanceof ApiProblem && error.status === 403) return <p>{staffWord}</p>;
  return (
    <Notice kind="problem">{error instanceof ApiProblem ? error.title : String(error)}</Notice>
  );
}

/** Moderators and administrators: the session says so, for links to their pages. */
export const isStaff = (siteRole: string | undefined) =>
  siteRole === 'moderator' || siteRole === 'admin';
