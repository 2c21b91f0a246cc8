import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { verifyEmailLink } from '../../api/accounts';
import type { ApiProblem } from '../../api/transport';
import { useSetMe } from '../../session';
import { Notice } from '../../ui/fields';
import { Page } from '../../ui/Page';

/**
 * The page a sign-in email links to. The token sits in the URL fragment, so it
 * never reaches a server log; this page spends it with a POST. Mail scanners
 * that only fetch the link cannot use it up.
 */
export function EmailLinkPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setMe = useSetMe();
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    // Take the token out of the address bar and history at once.
    window.history.replaceState(window.history.state, '', window.location.pathname);
    if (!token) {
      setProblem(t('link.missing'));
      return;
    }
    verifyEmailLink(token)
      .then(async (me) => {
        await setMe(me);
        navigate('/', { replace: true });
      })
      .catch((error: ApiProblem) => setProblem(error.title));
  }, [navigate, setMe, t]);

  return (
    <Page title={t('link.title')}>
      {problem ? (
        <>
          <Notice kind="problem">
            <p>{t('link.failed')}</p>
            <p>{problem}</p>
          </Notice>
          <Link to="/sign-in" className="button button-primary">
            {t('link.newLink')}
          </Link>
        </>
      ) : (
        <p role="status">{t('link.working')}</p>
      )}
    </Page>
  );
}
