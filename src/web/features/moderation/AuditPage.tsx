import './moderation.css';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type AuditEntry,
  actionReasons,
  auditActions,
  moderationActions,
} from '../../../contract/moderation';
import { trustLevels } from '../../../contract/trust';
import { useMe } from '../../session';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { When } from './case-words';
import { useAuditLog } from './queries';
import { LoadFailed, SignedIn } from './SignedIn';

/** /admin/audit: what moderators did, newest first, in words; more only when asked. */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const title = t('moderation.page.audit.title');
  return (
    <SignedIn title={title}>
      {(userId) =>
        me.data?.user?.siteRole === 'admin' ? (
          <AuditLog userId={userId} />
        ) : (
          <Page title={title}>
            <p>{t('moderation.page.adminOnly')}</p>
          </Page>
        )
      }
    </SignedIn>
  );
}

const known = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** One entry in words: who did what, about what, and why. The detail holds ids and reasons only. */
function entryInWords(
  t: TFunction,
  entry: AuditEntry,
): {
  line: string;
  decision: string | null;
  why: string | null;
  seen: string | null;
  trust: string | null;
} {
  const who = entry.actor?.displayName ?? t('moderation.page.audit.site');
  const { action: done, reason } = entry.detail;
  let what: string;
  if (known(auditActions, entry.action)) {
    what = t(`moderation.page.audit.what.${entry.action.replace('.', '_')}`);
  } else {
    what = t('moderation.page.audit.what.other', { action: entry.action });
  }
  const about =
    entry.subject && ['topic', 'reply', 'profile'].includes(entry.subject.kind)
      ? ` ${t(`moderation.page.audit.about.${entry.subject.kind}`)}`
      : '';
  return {
    line: `${t('moderation.page.audit.line', { who, what })}${about}.`,
    decision: known(moderationActions, done)
      ? t('moderation.page.audit.decision', { action: t(`moderation.page.actions.${done}`) })
      : null,
    why: known(actionReasons, reason)
      ? t('moderation.page.audit.reason', { reason: t(`moderation.reasons.${reason}`) })
      : null,
    seen: seenInWords(t, entry.detail.what),
    trust:
      entry.action === 'trust.set' && known(trustLevels, entry.detail.to)
        ? t(
            entry.detail.locked
              ? 'moderation.page.audit.trustKept'
              : 'moderation.page.audit.trustLine',
            {
              level: t(`moderation.page.trust.${entry.detail.to}`),
            },
          )
        : null,
  };
}

/** A staff view of private content: what kind, in words ("Posts held for a moderator"). */
function seenInWords(t: TFunction, what: unknown): string | null {
  if (typeof what !== 'string') return null;
  const kinds = what.split('+').filter((k) => known(seenKinds, k));
  if (kinds.length === 0) return null;
  return t('moderation.page.audit.seen.line', {
    what: kinds.map((k) => t(`moderation.page.audit.seen.${k}`)).join(', '),
  });
}

const seenKinds = ['held_posts', 'private_board', 'profile_fields'] as const;

function AuditLog({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const log = useAuditLog(userId);
  const listRef = useRef<HTMLOListElement>(null);
  const [focusItem, setFocusItem] = useState<number | null>(null);

  // "Show more": focus goes to the first entry it brought.
  useEffect(() => {
    if (focusItem === null) return;
    listRef.current?.querySelectorAll<HTMLElement>('.audit-item')[focusItem]?.focus();
    setFocusItem(null);
  }, [focusItem]);

  const pages = log.data?.pages ?? [];
  const entries = pages.flatMap((p) => p.items);
  return (
    <Page title={t('moderation.page.audit.title')}>
      <Instructions lines={[t('moderation.page.audit.intro')]} />
      {log.isPending && <p role="status">{t('app.loading')}</p>}
      {log.isError && !log.data && (
        <LoadFailed error={log.error} staffWord={t('moderation.page.adminOnly')} />
      )}
      {log.data && entries.length === 0 && <p>{t('moderation.page.audit.none')}</p>}
      {entries.length > 0 && (
        <ol className="audit-list" ref={listRef}>
          {entries.map((entry) => {
            const words = entryInWords(t, entry);
            const caseId = typeof entry.detail.caseId === 'string' ? entry.detail.caseId : null;
            return (
              <li key={entry.id} className="audit-item" tabIndex={-1} data-action={entry.action}>
                <p dir="auto">
                  <strong>{words.line}</strong>
                </p>
                {words.decision && <p>{words.decision}</p>}
                {words.why && <p>{words.why}</p>}
                {words.seen && <p>{words.seen}</p>}
                {words.trust && <p>{words.trust}</p>}
                <p>
                  <When iso={entry.at} />
                </p>
                {caseId && (
                  <p>
                    <Link to={`/moderation/cases/${caseId}`} className="audit-link">
                      {t('moderation.page.audit.openCase')}
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          className="button mod-more"
          disabled={log.isFetchingNextPage}
          onClick={() => {
            const before = entries.length;
            void log.fetchNextPage().then(() => setFocusItem(before));
          }}
        >
          {log.isFetchingNextPage ? t('app.loading') : t('moderation.page.audit.more')}
        </button>
      )}
      {log.isError && log.data && (
        <LoadFailed error={log.error} staffWord={t('moderation.page.adminOnly')} />
      )}
    </Page>
  );
}
