import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getGroupAttendance, getMyAttendance } from '../../api/events';
import { Notice } from '../../ui/fields';
import { monthInWords } from './when';

/**
 * For those who run a group, for funders: "Meetings so far", month by month (meetings, visits,
 * different people), with the totals said in words as the table's caption.
 */
export function MeetingsSoFar({ groupId }: { groupId: string }) {
  const { t, i18n } = useTranslation();
  const counts = useQuery({
    queryKey: ['events', 'attendance', 'group', groupId],
    queryFn: () => getGroupAttendance(groupId),
    retry: false,
  });
  const months = counts.data?.months ?? [];
  const meetings = months.reduce((n, m) => n + m.meetings, 0);
  const visits = months.reduce((n, m) => n + m.visits, 0);
  const locale = i18n.language === 'en-US' ? 'en-US' : 'en-GB';
  return (
    <section aria-labelledby="so-far-title" className="event-so-far">
      <h3 id="so-far-title">{t('gatherings.soFar.title')}</h3>
      <p className="field-help">{t('gatherings.soFar.help')}</p>
      {counts.isPending && <p role="status">{t('app.loading')}</p>}
      {counts.isError && <Notice kind="problem">{counts.error.message}</Notice>}
      {counts.isSuccess && months.length === 0 && <p>{t('gatherings.soFar.none')}</p>}
      {months.length > 0 && (
        <div className="event-table-wrap">
          <table className="event-table">
            <caption>
              {t('gatherings.soFar.caption', {
                meetings: t('gatherings.soFar.meetingsCount', { count: meetings }),
                visits: t('gatherings.soFar.visitsCount', { count: visits }),
                months: t('gatherings.soFar.monthsCount', { count: months.length }),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('gatherings.soFar.month')}</th>
                <th scope="col">{t('gatherings.soFar.meetings')}</th>
                <th scope="col">{t('gatherings.soFar.visits')}</th>
                <th scope="col">{t('gatherings.soFar.people')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthInWords(m.month, locale)}</th>
                  <td data-label={t('gatherings.soFar.meetings')}>{m.meetings}</td>
                  <td data-label={t('gatherings.soFar.visits')}>{m.visits}</td>
                  <td data-label={t('gatherings.soFar.people')}>{m.people}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** On "My meetings": "You went to 5 meetings." */
export function MyMeetingsSoFar() {
  const mine = useQuery({
    queryKey: ['events', 'attendance', 'mine'],
    queryFn: getMyAttendance,
    retry: false,
  });
  if (!mine.data) return null;
  return (
    <p className="event-went">
      <strong>{mine.data.text}</strong>
    </p>
  );
}
