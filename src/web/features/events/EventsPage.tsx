import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EventListQuery, MeetingsPage } from '../../../contract/events';
import { accessFeatures, groupFormats } from '../../../contract/groups-values';
import { getMyMeetings, getUpcoming } from '../../api/events';
import { Notice, Select, SubmitButton, Tick } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { SignInFirst } from '../../ui/SignInFirst';
import { CalendarFeed } from './CalendarFeed';
import { MeetingCard } from './MeetingCard';
import { MyMeetingsSoFar } from './MeetingsSoFar';
import { AccessPicture } from './pictures';
import { eventsKeys } from './queries';

interface Filters {
  format: string;
  access: string[];
}

function filtersFrom(params: URLSearchParams): Filters {
  return {
    format: params.get('format') ?? '',
    access: params.get('access')?.split(',').filter(Boolean) ?? [],
  };
}

function listQuery(f: Filters, cursor: string | null): EventListQuery {
  const q: EventListQuery = {};
  // From the address, so anything: the server answers a wrong one in words.
  if (f.format) q.format = f.format as EventListQuery['format'];
  if (f.access.length) q.access = f.access.join(',');
  if (cursor) q.cursor = cursor;
  return q;
}

function paramsFrom(f: Filters, show: string): URLSearchParams {
  const q = new URLSearchParams();
  if (show === 'mine') q.set('show', 'mine');
  if (f.format) q.set('format', f.format);
  if (f.access.length) q.set('access', f.access.join(','));
  return q;
}

/** `/events`: meetings I may go to, with the directory's filters, and my own meetings. */
export function EventsPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('gatherings.title')} why={t('gatherings.signInWhy')}>
      {() => <SignedInEvents />}
    </SignInFirst>
  );
}

function SignedInEvents() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const show = params.get('show') === 'mine' ? 'mine' : 'all';
  const searched = filtersFrom(params);
  const [form, setForm] = useState<Filters>(searched);
  const search = params.toString();
  useEffect(() => {
    setForm(filtersFrom(new URLSearchParams(search)));
  }, [search]);

  return (
    <Page title={t('gatherings.title')}>
      <Instructions lines={[t('gatherings.intro'), t('gatherings.introTimes')]} />
      <nav aria-label={t('gatherings.tabs')} className="actions event-tabs">
        <Link
          to={`/events?${paramsFrom(searched, 'all').toString()}`}
          className={show === 'all' ? 'button button-primary' : 'button'}
          aria-current={show === 'all' ? 'page' : undefined}
        >
          {t('gatherings.tabAll')}
        </Link>
        <Link
          to="/events?show=mine"
          className={show === 'mine' ? 'button button-primary' : 'button'}
          aria-current={show === 'mine' ? 'page' : undefined}
        >
          {t('gatherings.tabMine')}
        </Link>
      </nav>
      {show === 'mine' ? (
        <>
          <MeetingList
            title={t('gatherings.mineTitle')}
            lead={<MyMeetingsSoFar />}
            keyParts={eventsKeys.mine}
            load={(cursor) => getMyMeetings(cursor ?? undefined)}
            empty={t('gatherings.mineEmpty')}
          />
          <CalendarFeed />
        </>
      ) : (
        <>
          <section aria-labelledby="search-title" className="section">
            <h2 id="search-title">{t('gatherings.searchTitle')}</h2>
            <Form
              className="form"
              role="search"
              aria-labelledby="search-title"
              onSubmit={(e) => {
                e.preventDefault();
                setParams(paramsFrom(form, 'all'));
              }}
            >
              <Select
                name="format"
                label={t('gatherings.format')}
                value={form.format}
                onChange={(format) => setForm((f) => ({ ...f, format }))}
                options={[
                  { value: '', label: t('gatherings.formatAny') },
                  ...groupFormats.map((v) => ({ value: v, label: t(`gatherings.formats.${v}`) })),
                ]}
              />
              <fieldset className="group-ticks">
                <legend>{t('gatherings.accessNeeds')}</legend>
                {accessFeatures.map((a) => (
                  <Tick
                    key={a}
                    name={`access-${a}`}
                    label={
                      <span className="event-tick-label">
                        <AccessPicture feature={a} />
                        <span>{t(`groups.access.${a}`)}</span>
                      </span>
                    }
                    checked={form.access.includes(a)}
                    onChange={(on) =>
                      setForm((f) => ({
                        ...f,
                        access: on ? [...f.access, a] : f.access.filter((x) => x !== a),
                      }))
                    }
                  />
                ))}
              </fieldset>
              <SubmitButton>{t('gatherings.search')}</SubmitButton>
            </Form>
          </section>
          <MeetingList
            title={t('gatherings.upcomingTitle')}
            keyParts={eventsKeys.upcoming(search)}
            load={(cursor) => getUpcoming(listQuery(searched, cursor))}
            empty={t('gatherings.noResults')}
            counted
          />
        </>
      )}
    </Page>
  );
}

function MeetingList(props: {
  title: string;
  keyParts: readonly unknown[];
  load(cursor: string | null): Promise<MeetingsPage>;
  empty: string;
  counted?: boolean;
  /** Said under the title, before the meetings. */
  lead?: ReactNode;
}) {
  const { t } = useTranslation();
  const results = useInfiniteQuery({
    queryKey: props.keyParts,
    queryFn: ({ pageParam }) => props.load(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const found = results.data?.pages.flatMap((p) => p.meetings) ?? [];
  const zone = results.data?.pages[0]?.zone;
  return (
    <section aria-labelledby="list-title" className="section" aria-busy={results.isFetching}>
      <h2 id="list-title">{props.title}</h2>
      {props.lead}
      <p aria-live="polite">
        {results.isPending
          ? t('gatherings.searching')
          : props.counted
            ? t('gatherings.results', { count: found.length })
            : null}
      </p>
      {zone && found.length > 0 && <p>{t('gatherings.zone', { zone })}</p>}
      {results.isError && <Notice kind="problem">{results.error.message}</Notice>}
      {results.isSuccess && found.length === 0 && <p>{props.empty}</p>}
      <ul className="group-list">
        {found.map((m) => (
          <MeetingCard key={`${m.eventId}-${m.start}`} meeting={m} />
        ))}
      </ul>
      {results.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void results.fetchNextPage()}
          disabled={results.isFetchingNextPage}
        >
          {t('gatherings.showMore')}
        </button>
      )}
    </section>
  );
}
