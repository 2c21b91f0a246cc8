import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupDetail } from '../../../contract/groups';
import { getUpcoming } from '../../api/events';
import { useMe } from '../../session';
import { Icon } from '../../ui/Icon';
import { MeetingState } from './MeetingCard';
import { MeetingsSoFar } from './MeetingsSoFar';
import { eventsKeys } from './queries';

/** The group page's "Meetings": its next meetings, and "Plan a meeting" for those who run it. */
export function GroupMeetings({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = Boolean(me.data?.user);
  const meetings = useQuery({
    queryKey: eventsKeys.group(g.id),
    queryFn: () => getUpcoming({ group: g.id }),
    retry: false,
    enabled: signedIn,
  });
  const list = meetings.data?.meetings.slice(0, 5) ?? [];
  // Only members (and those who run it) may see a group's meetings; others see nothing here.
  if (!signedIn || (meetings.isError && !g.me.canManage)) return null;
  return (
    <section aria-labelledby="group-meetings-title" className="section">
      <h2 id="group-meetings-title">{t('gatherings.group.title')}</h2>
      {meetings.isSuccess && list.length === 0 && <p>{t('gatherings.group.none')}</p>}
      {list.length > 0 && (
        <ul className="group-list">
          {list.map((m) => (
            <li key={`${m.eventId}-${m.start}`} className="group-card event-card">
              <h3 className="group-card-title" dir="auto">
                <Link to={`/events/${m.eventId}`} className="group-inline-link">
                  {m.title}
                </Link>
              </h3>
              <p>
                <time dateTime={m.startsAt}>
                  <strong>{m.text}</strong>
                </time>
              </p>
              <MeetingState meeting={m} />
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        {g.me.canManage && (
          <Link to={`/groups/${g.id}/plan`} className="button button-primary">
            <Icon name="events" />
            <span>{t('gatherings.group.plan')}</span>
          </Link>
        )}
        <Link to="/events" className="button">
          {t('gatherings.group.all')}
        </Link>
      </div>
      {g.me.canManage && <MeetingsSoFar groupId={g.id} />}
    </section>
  );
}
