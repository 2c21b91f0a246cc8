import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/transport';
import { Notice } from '../../ui/fields';
import { SignInFirst } from '../../ui/SignInFirst';

/**
 * Moderation pages need someone signed in; the server says who may see what (facilitators see
 * their own boards' reports), so a 403 is shown as words, not as a broken page.
 */
export function SignedIn({
  title,
  children,
}: {
  title: string;
  children: (userId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <SignInFirst title={title} why={t('moderation.page.signIn')}>
      {children}
    </SignInFirst>
  );
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
