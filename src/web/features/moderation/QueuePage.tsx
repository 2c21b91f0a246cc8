import './moderation.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueueItem } from '../../../contract/moderation';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { claimInWords, waitedInWords, whyInWords } from './case-words';
import { useQueue } from './queries';
import { LoadFailed, SignedIn } from './SignedIn';

/** /moderation: the cases waiting, most worrying first, in words; more only when asked. */
export function QueuePage() {
  const { t } = useTranslation();
  return (
    <SignedIn title={t('moderation.page.queue.title')}>
      {(userId) => <Queue userId={userId} />}
    </SignedIn>
  );
}

function Queue({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const list = useQueue(userId);
  const listRef = useRef<HTMLOListElement>(null);
  const [focusItem, setFocusItem] = useState<number | null>(null);

  // "Show more": focus goes to the first case it brought, not back to the top.
  useEffect(() => {
    if (focusItem === null) return;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('.case-link')[focusItem]?.focus();
    setFocusItem(null);
  }, [focusItem]);

  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  return (
    <Page title={t('moderation.page.queue.title')}>
      <Instructions lines={[t('moderation.page.queue.intro'), t('moderation.page.queue.intro2')]} />
      {list.isPending && <p role="status">{t('app.loading')}</p>}
      {list.isError && !list.data && (
        <LoadFailed error={list.error} staffWord={t('moderation.page.staffOnly')} />
      )}
      {list.data && items.length === 0 && <p>{t('moderation.page.queue.none')}</p>}
      {items.length > 0 && (
        <>
          <p>{t('moderation.page.queue.count', { count: items.length })}</p>
          <ol className="case-list" ref={listRef}>
            {items.map((item) => (
              <QueueRow key={item.id} item={item} />
            ))}
          </ol>
        </>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="button mod-more"
          disabled={list.isFetchingNextPage}
          onClick={() => {
            const before = items.length;
            void list.fetchNextPage().then(() => setFocusItem(before));
          }}
        >
          {list.isFetchingNextPage ? t('app.loading') : t('moderation.page.queue.more')}
        </button>
      )}
      {list.isError && list.data && (
        <LoadFailed error={list.error} staffWord={t('moderation.page.staffOnly')} />
      )}
    </Page>
  );
}

function QueueRow({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  return (
    <li className={`case-item case-${item.priority}`} data-case={item.id}>
      {/* The priority in words first, never by colour alone. */}
      <p className="case-priority">
        <strong>{t(`moderation.page.priority.${item.priority}`)}</strong>
      </p>
      <p className="case-why">
        <Link to={`/moderation/cases/${item.id}`} className="case-link">
          {whyInWords(t, item)}
        </Link>
      </p>
      <ul className="case-facts">
        <li>
          {t(`moderation.page.subject.${item.subject.kind}`)}
          {item.groupName && (
            <>
              {'. '}
              <span dir="auto">
                {t('moderation.page.subject.inGroup', { name: item.groupName })}
              </span>
            </>
          )}
        </li>
        <li>{waitedInWords(t, item)}</li>
        {item.openings > 1 && <li>{t('moderation.page.openings', { count: item.openings })}</li>}
        <li dir="auto">{claimInWords(t, item)}</li>
      </ul>
    </li>
  );
}
