import type { TFunction } from 'i18next';
import type { CaseDetail, QueueItem, ReportReason } from '../../../contract/moderation';

/** Why a case is waiting, in words: "Worrying words: a plan, a time or a place". */
export function whyInWords(
  t: TFunction,
  item: Pick<QueueItem, 'reason' | 'tier' | 'priority'>,
  reportReasons: ReportReason[] = [],
): string {
  switch (item.reason) {
    case 'screening':
      return t(`moderation.page.why.screening.${item.tier ?? 'none'}`);
    case 'concern':
      return item.tier === 'high'
        ? t('moderation.page.why.concernHigh')
        : t('moderation.page.why.concern');
    case 'report': {
      // The queue holds no reasons; a case page has the reports and names each one.
      const reasons = [...new Set(reportReasons)];
      if (reasons.length > 0) {
        const words = reasons.map((r) =>
          t(`moderation.reportReasons.${r}.label`).toLocaleLowerCase(),
        );
        return t('moderation.page.why.reportReasons', { reasons: words.join(', ') });
      }
      return item.priority === 'safety'
        ? t('moderation.page.why.reportSafety')
        : t('moderation.page.why.report');
    }
    case 'review':
      return t('moderation.page.why.review');
    case 'appeal':
      return t('moderation.page.why.appeal');
  }
}

/** Who has the case, in words: me, someone (maybe long ago), or no one. */
export function claimInWords(
  t: TFunction,
  item: Pick<QueueItem, 'status' | 'claimedBy' | 'mine' | 'claimStale'>,
): string {
  if (item.status !== 'claimed' || !item.claimedBy) return t('moderation.page.notClaimed');
  if (item.mine) return t('moderation.page.claimedByMe');
  const name = item.claimedBy.displayName;
  return item.claimStale
    ? t('moderation.page.claimStale', { name })
    : t('moderation.page.claimedBy', { name });
}

/** How long it has waited, in words; the server's words say "0 minutes" at first. */
export function waitedInWords(t: TFunction, item: Pick<QueueItem, 'waited' | 'waitedMinutes'>) {
  return item.waitedMinutes === 0
    ? t('moderation.page.waitedNew')
    : t('moderation.page.waited', { waited: item.waited });
}

/** The reasons the case's reports gave, for the title of a report case. */
export const reportReasonsOf = (detail: CaseDetail): ReportReason[] =>
  detail.reports.map((r) => r.reason);

/** Dates in words, in the person's own way of writing them. */
export function When({ iso }: { iso: string }) {
  const locale = typeof navigator === 'undefined' ? undefined : navigator.language;
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
  return <time dateTime={iso}>{text}</time>;
}
