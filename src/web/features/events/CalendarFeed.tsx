import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CalendarFeedLink } from '../../../contract/events';
import { makeCalendarFeed } from '../../api/events';
import { ApiProblem } from '../../api/transport';
import { Notice } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';

/** My private calendar address: every meeting I said yes to, in my own calendar app. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const [link, setLink] = useState<CalendarFeedLink | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const make = () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    makeCalendarFeed()
      .then(setLink)
      .catch((e: unknown) => setProblem(e instanceof ApiProblem ? e : new ApiProblem(0, String(e))))
      .finally(() => setBusy(false));
  };
  return (
    <section aria-labelledby="feed-title" className="section">
      <h2 id="feed-title">{t('gatherings.feed.title')}</h2>
      <p>{t('gatherings.feed.intro')}</p>
      <p>{t('gatherings.feed.private')}</p>
      {link ? (
        <>
          <Notice kind="ok">{link.message}</Notice>
          <p className="field-label">{t('gatherings.feed.address')}</p>
          <p className="group-link-text event-feed-url">{link.url}</p>
        </>
      ) : (
        <>
          <p className="field-help">{t('gatherings.feed.again')}</p>
          <Button className="button" isDisabled={busy} onPress={make}>
            {t('gatherings.feed.make')}
          </Button>
        </>
      )}
      <ProblemSummary problem={problem} />
    </section>
  );
}
