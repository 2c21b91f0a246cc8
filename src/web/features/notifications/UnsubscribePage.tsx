import './notifications.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getUnsubscribeInfo, unsubscribe } from '../../api/notifications';
import { ApiProblem } from '../../api/transport';
import { useMe } from '../../session';
import { Notice, SendProblem } from '../../ui/fields';
import { Page } from '../../ui/Page';

const key = (token: string) => ['unsubscribe', token] as const;
const words = (error: unknown, fallback: string) =>
  error instanceof ApiProblem ? error.title : fallback;

/**
 * /unsubscribe/:token, from the link in an email: works signed out, since the link alone says
 * who. It first says what it stops; one button stops it.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const client = useQueryClient();
  const info = useQuery({ queryKey: key(token), queryFn: () => getUnsubscribeInfo(token) });
  const stop = useMutation({
    mutationFn: () => unsubscribe(token),
    onSuccess: (done) => client.setQueryData(key(token), done),
  });
  const doneRef = useRef<HTMLDivElement>(null);
  const done = info.data?.done ?? false;
  // The button goes once it has worked: focus moves to the words that say so.
  useEffect(() => {
    if (done && stop.isSuccess) doneRef.current?.focus();
  }, [done, stop.isSuccess]);

  return (
    <Page title={t('notifications.unsubscribePage.title')}>
      {info.isPending && <p role="status">{t('app.loading')}</p>}
      {info.isError && (
        <Notice kind="problem">
          <p>
            {/* A link cut short or changed on its way: say so plainly, not "a bad request". */}
            {info.error instanceof ApiProblem && [400, 404].includes(info.error.status)
              ? t('notifications.problems.badUnsubscribeLink')
              : words(info.error, t('problems.internal'))}
          </p>
        </Notice>
      )}
      {info.data && !done && (
        <>
          <p>{t('notifications.unsubscribePage.stops')}</p>
          <p className="unsubscribe-what">
            <strong>{info.data.what}</strong>
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={stop.isPending}
              onClick={() => !stop.isPending && stop.mutate()}
            >
              {t('notifications.unsubscribePage.button')}
            </button>
          </div>
          {stop.isError && (
            <SendProblem attempt={stop.submittedAt}>
              {words(stop.error, t('problems.internal'))}
            </SendProblem>
          )}
        </>
      )}
      {info.data && done && (
        <div className="notice" role="status" tabIndex={-1} ref={doneRef}>
          <p>{t('notifications.unsubscribePage.done')}</p>
          <p>{info.data.what}</p>
        </div>
      )}
      {(done || info.isError) && <ChangeChoices />}
    </Page>
  );
}

function ChangeChoices() {
  const { t } = useTranslation();
  const signedIn = Boolean(useMe().data?.user);
  return (
    <>
      <p>{t('notifications.unsubscribePage.change')}</p>
      <div className="actions">
        <Link to={signedIn ? '/settings/notifications' : '/sign-in'} className="button">
          {signedIn
            ? t('notifications.unsubscribePage.settings')
            : t('notifications.unsubscribePage.signIn')}
        </Link>
      </div>
    </>
  );
}
