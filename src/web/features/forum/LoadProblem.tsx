import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/transport';
import { Notice } from '../../ui/fields';

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
