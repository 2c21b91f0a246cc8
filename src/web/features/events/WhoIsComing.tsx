import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MeetingPeople } from '../../../contract/events';
import { getMeetingPeople } from '../../api/events';
import { Notice } from '../../ui/fields';

type Person = MeetingPeople['going'][number];

/** For those who run it: who said yes (with carers and what they want known), who waits, who may come. */
export function WhoIsComing({ eventId, start }: { eventId: string; start: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const people = useQuery({
    queryKey: ['events', 'people', eventId, start],
    queryFn: () => getMeetingPeople(eventId, start),
    enabled: open,
    retry: false,
  });
  if (!open) {
    return (
      <div className="actions">
        <Button className="button" onPress={() => setOpen(true)}>
          {t('gatherings.people.show')}
        </Button>
      </div>
    );
  }
  return (
    <div className="event-people">
      {people.isPending && <p role="status">{t('app.loading')}</p>}
      {people.isError && <Notice kind="problem">{people.error.message}</Notice>}
      {people.data && (
        <>
          <PeopleList title={t('gatherings.people.going')} people={people.data.going} />
          <PeopleList title={t('gatherings.people.waiting')} people={people.data.waiting} ordered />
          <PeopleList title={t('gatherings.people.maybe')} people={people.data.maybe} />
        </>
      )}
      <div className="actions">
        <Button className="button" onPress={() => setOpen(false)}>
          {t('gatherings.people.hide')}
        </Button>
      </div>
    </div>
  );
}

function PeopleList({
  title,
  people,
  ordered,
}: {
  title: string;
  people: Person[];
  ordered?: boolean;
}) {
  const { t } = useTranslation();
  const List = ordered ? 'ol' : 'ul';
  return (
    <>
      <h5>
        {title} ({people.length})
      </h5>
      {people.length === 0 ? (
        <p>{t('gatherings.people.none')}</p>
      ) : (
        <List className="event-people-list">
          {people.map((p) => (
            <li key={p.id}>
              <span dir="auto">{p.displayName}</span>
              {p.carer && ` ${t('gatherings.people.withCarer')}`}
              {p.accessNeeds && (
                <p className="field-help" dir="auto">
                  {t('gatherings.people.needs', { needs: p.accessNeeds })}
                </p>
              )}
            </li>
          ))}
        </List>
      )}
    </>
  );
}
