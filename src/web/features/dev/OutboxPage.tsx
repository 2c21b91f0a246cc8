import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getOutbox } from '../../api/dev';
import { Page } from '../../ui/Page';
import { devKeys } from './queries';

const linkPattern = /(https?:\/\/[^\s]+)/g;

/** Development only: the mail the app would have sent, with its links to follow. */
export function OutboxPage() {
  const { t } = useTranslation();
  const outbox = useQuery({
    queryKey: devKeys.outbox,
    queryFn: getOutbox,
  });
  return (
    <Page title={t('outbox.title')}>
      <p>{t('outbox.intro')}</p>
      {outbox.isError && <p>{t('notFound.text')}</p>}
      {outbox.data?.messages.length === 0 && <p>{t('outbox.empty')}</p>}
      <ol className="outbox">
        {outbox.data?.messages.map((message) => {
          const link = message.text.match(linkPattern)?.[0];
          return (
            <li key={message.id} className="card">
              <h2>{message.subject}</h2>
              <p>{t('outbox.to', { to: message.to })}</p>
              <p className="field-help">{new Date(message.createdAt).toLocaleString()}</p>
              {link && (
                <a href={link} className="button button-primary">
                  {t('outbox.open')}
                </a>
              )}
              <pre className="mail-text">{message.text}</pre>
            </li>
          );
        })}
      </ol>
    </Page>
  );
}
