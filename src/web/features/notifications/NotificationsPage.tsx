import './notifications.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../../contract/notifications';
import { markAllNotificationsRead, markNotificationRead } from '../../api/notifications';
import { ApiProblem } from '../../api/transport';
import { Notice, SendProblem } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { SignInFirst } from '../../ui/SignInFirst';
import { applyRead, useNotificationList, useUnread } from './queries';

/** /notifications: what happened for me, newest first, each leading to what it is about. */
export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('notifications.page.title')} why={t('notifications.page.signIn')}>
      {(userId) => <MyNotifications userId={userId} />}
    </SignInFirst>
  );
}

/** When it happened, in the person's own way of writing dates. */
function When({ iso }: { iso: string }) {
  const text = new Intl.DateTimeFormat(navigator.language, {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}

const problemText = (error: unknown) => (error instanceof ApiProblem ? error.title : String(error));

function MyNotifications({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useNotificationList(userId);
  const polled = useUnread(userId);
  const listRef = useRef<HTMLOListElement>(null);
  const allReadRef = useRef<HTMLParagraphElement>(null);
  const [focusItem, setFocusItem] = useState<number | string | null>(null);
  const [allRead, setAllRead] = useState(false);
  const [problem, setProblem] = useState<{ text: string; at: number } | null>(null);

  const failed = (error: unknown) => setProblem({ text: problemText(error), at: Date.now() });
  const markOne = useMutation({
    mutationFn: (id: string) => markNotificationRead(id),
    onMutate: () => setProblem(null),
    onSuccess: (unread, id) => applyRead(client, userId, unread, id),
  });
  const markAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onMutate: () => {
      setProblem(null);
      setAllRead(false);
    },
    onSuccess: (unread) => {
      applyRead(client, userId, unread, 'all');
      setAllRead(true);
    },
    onError: failed,
  });

  // Focus follows what the person did: to the item they marked, or the first that "Show more" brought.
  useEffect(() => {
    if (focusItem === null) return;
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('.notification-link');
    const target =
      typeof focusItem === 'number'
        ? links?.[focusItem]
        : listRef.current?.querySelector<HTMLAnchorElement>(
            `[data-id="${focusItem}"] .notification-link`,
          );
    target?.focus();
    setFocusItem(null);
  }, [focusItem]);
  useEffect(() => {
    if (allRead) allReadRef.current?.focus();
  }, [allRead]);

  const pages = list.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const unread = pages[0]?.unread ?? 0;
  // The count on the Home button moves on its own; here the list waits until the person asks.
  const newer = (polled.data?.unread ?? 0) > unread;

  return (
    <Page title={t('notifications.page.title')}>
      <Instructions lines={[t('notifications.page.intro')]} />
      {list.isPending && <p role="status">{t('app.loading')}</p>}
      {list.isError && !list.data && <Notice kind="problem">{problemText(list.error)}</Notice>}
      {newer && (
        <div className="notice notification-newer">
          <p>{t('notifications.page.newer')}</p>
          <button type="button" className="button" onClick={() => void list.refetch()}>
            {t('notifications.page.showNewer')}
          </button>
        </div>
      )}
      {list.data && items.length === 0 && <p>{t('notifications.page.none')}</p>}
      {unread > 0 && (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-disabled={markAll.isPending}
            onClick={() => !markAll.isPending && markAll.mutate()}
          >
            <Icon name="check" />
            <span>{t('notifications.page.markAllRead')}</span>
          </button>
        </div>
      )}
      {allRead && unread === 0 && (
        <p className="notice" role="status" tabIndex={-1} ref={allReadRef}>
          {t('notifications.page.allRead')}
        </p>
      )}
      {problem && <SendProblem attempt={problem.at}>{problem.text}</SendProblem>}
      {items.length > 0 && (
        <ol className="notification-list" ref={listRef}>
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              busy={markOne.isPending && markOne.variables === n.id}
              onFollow={() => {
                if (!n.read) markOne.mutate(n.id);
              }}
              onMarkRead={() =>
                markOne.mutate(n.id, {
                  onSuccess: () => setFocusItem(n.id),
                  onError: failed,
                })
              }
            />
          ))}
        </ol>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="button more-button"
          disabled={list.isFetchingNextPage}
          onClick={() => {
            const before = items.length;
            void list.fetchNextPage().then(() => setFocusItem(before));
          }}
        >
          {list.isFetchingNextPage
            ? t('app.loading')
            : t('notifications.page.more', { page: pages.length + 1 })}
        </button>
      )}
      {list.isError && list.data && <Notice kind="problem">{problemText(list.error)}</Notice>}
      {/* After the list: the way to change what comes is there when wanted, not first. */}
      <div className="actions">
        <Link to="/settings/notifications" className="button button-quiet">
          <Icon name="settings" />
          <span>{t('notifications.page.settingsLink')}</span>
        </Link>
      </div>
    </Page>
  );
}

function NotificationItem({
  notification: n,
  busy,
  onFollow,
  onMarkRead,
}: {
  notification: Notification;
  busy: boolean;
  onFollow(): void;
  onMarkRead(): void;
}) {
  const { t } = useTranslation();
  return (
    <li className="notification-item" data-id={n.id} data-read={n.read}>
      {/* Unread in words, not by colour alone. */}
      {!n.read && (
        <p className="notification-marker">
          <strong className="notification-new">{t('notifications.page.new')}</strong>
        </p>
      )}
      <p className="notification-text">
        {/* Titles and names are people's own words, in any language. */}
        <Link to={n.link} className="notification-link" dir="auto" onClick={onFollow}>
          {n.text}
        </Link>
      </p>
      <p className="notification-when">
        <When iso={n.updatedAt} />
      </p>
      {!n.read && (
        <button
          type="button"
          className="button button-quiet"
          aria-disabled={busy}
          onClick={() => !busy && onMarkRead()}
        >
          {t('notifications.page.markRead')}
        </button>
      )}
    </li>
  );
}
