import {
  type InfiniteData,
  type UseInfiniteQueryResult,
  useInfiniteQuery,
} from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EventListQuery, MeetingsPage } from '../../../contract/events';
import {
  accessFeatures,
  type DistanceUnit,
  distanceIn,
  groupFormats,
  groupLanguages,
} from '../../../contract/groups-values';
import { getMyMeetings, getUpcoming } from '../../api/events';
import { useMe } from '../../session';
import { Notice, Select, SubmitButton, Tick } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { SignInFirst } from '../../ui/SignInFirst';
import { defaultKm, distanceOptions, useDistanceUnit, useDistanceWords } from '../groups/distance';
import { type ChosenPlace, PlacePicker, type SettlePlace } from '../groups/PlacePicker';
import { CalendarFeed } from './CalendarFeed';
import { CommunityPlanLink } from './CommunityPlanLink';
import { MeetingCard } from './MeetingCard';
import { MyMeetingsSoFar } from './MeetingsSoFar';
import { AccessPicture } from './pictures';
import { eventsKeys } from './queries';

interface Filters {
  place: ChosenPlace | null;
  km: string;
  format: string;
  language: string;
  access: string[];
}

/** The filters live in the address (as in the group directory), so Back and reload keep them. */
function filtersFrom(params: URLSearchParams, unit: DistanceUnit): Filters {
  const lat = Number(params.get('lat'));
  const lng = Number(params.get('lng'));
  const placeId = params.get('place');
  const name = params.get('near') ?? '';
  let place: ChosenPlace | null = null;
  if (placeId) place = { id: placeId, name: name || placeId, lat: 0, lng: 0 };
  else if (params.has('lat') && params.has('lng') && Number.isFinite(lat) && Number.isFinite(lng)) {
    place = { id: 'here', name, lat, lng };
  }
  return {
    place,
    km: params.get('km') ?? String(defaultKm(unit)),
    format: params.get('format') ?? '',
    language: params.get('language') ?? '',
    access: params.get('access')?.split(',').filter(Boolean) ?? [],
  };
}

function listQuery(f: Filters, cursor: string | null): EventListQuery {
  const q: EventListQuery = {};
  if (f.place?.id === 'here') {
    q.lat = String(f.place.lat);
    q.lng = String(f.place.lng);
  } else if (f.place) q.place = f.place.id;
  if (f.place) q.km = f.km;
  // From the address, so anything: the server answers a wrong one in words.
  if (f.format) q.format = f.format as EventListQuery['format'];
  if (f.language) q.language = f.language as EventListQuery['language'];
  if (f.access.length) q.access = f.access.join(',');
  if (cursor) q.cursor = cursor;
  return q;
}

function paramsFrom(f: Filters, show: string): URLSearchParams {
  const q = new URLSearchParams();
  if (show === 'mine') q.set('show', 'mine');
  if (f.place?.id === 'here') {
    q.set('lat', String(f.place.lat));
    q.set('lng', String(f.place.lng));
  } else if (f.place) {
    q.set('place', f.place.id);
    q.set('near', f.place.name);
  }
  if (f.place) q.set('km', f.km);
  if (f.format) q.set('format', f.format);
  if (f.language) q.set('language', f.language);
  if (f.access.length) q.set('access', f.access.join(','));
  return q;
}

/** "Meetings within 10 miles of Leeds, and online meetings.": what "near" keeps, in words. */
function nearWords(f: Filters, unit: DistanceUnit, t: TFunction): string | null {
  // A place named by its id alone waits for its name from the server.
  if (!f.place || f.place.name === f.place.id) return null;
  if (f.format === 'online') return t('gatherings.near.online');
  // The number the person chose in the list, not the kilometres it stands for.
  const shown =
    distanceOptions(unit).find((d) => String(d.km) === f.km)?.shown ??
    distanceIn(Number(f.km), unit);
  const distance =
    unit === 'mi'
      ? t('gatherings.near.miles', { count: shown })
      : t('gatherings.near.km', { km: shown });
  const place = f.place.id === 'here' ? t('gatherings.near.you') : f.place.name;
  return t(f.format === 'in_person' ? 'gatherings.near.inPerson' : 'gatherings.near.withOnline', {
    distance,
    place,
  });
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
  const user = useMe().data?.user;
  const unit = useDistanceUnit();
  const words = useDistanceWords(unit);
  const [params, setParams] = useSearchParams();
  const show = params.get('show') === 'mine' ? 'mine' : 'all';
  const searched = filtersFrom(params, unit);
  const [form, setForm] = useState<Filters>(searched);
  const settlePlace = useRef<SettlePlace | null>(null);
  const search = params.toString();
  // Back and Forward change the address: the form follows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new address resets the form
  useEffect(() => {
    setForm(filtersFrom(new URLSearchParams(search), unit));
  }, [search]);
  const upcoming = useMeetingPages(
    eventsKeys.upcoming(search),
    (cursor) => getUpcoming(listQuery(searched, cursor)),
    show === 'all',
  );
  const mine = useMeetingPages(
    eventsKeys.mine,
    (cursor) => getMyMeetings(cursor ?? undefined),
    show === 'mine',
  );
  // An address may name the place by its id alone, or give only a point: the server names it.
  const placeName = upcoming.data?.pages[0]?.place?.name;
  const named = (place: ChosenPlace | null) =>
    place && placeName && (!place.name || place.name === place.id)
      ? { ...place, name: placeName }
      : place;
  const near = nearWords({ ...searched, place: named(searched.place) }, unit, t);

  return (
    <Page title={t('gatherings.title')}>
      <Instructions lines={[t('gatherings.intro'), t('gatherings.introTimes')]} />
      <CommunityPlanLink />
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
            results={mine}
            empty={t('gatherings.mineEmpty')}
            unit={unit}
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
                void (async () => {
                  // A town typed but not tapped: take the one clear match, or ask which.
                  const typed = await settlePlace.current?.();
                  if (typed === false) return;
                  const next = { ...form, place: typed || named(form.place) };
                  setForm(next);
                  setParams(paramsFrom(next, 'all'));
                })();
              }}
            >
              <PlacePicker
                value={named(form.place)}
                onChange={(place) => setForm((f) => ({ ...f, place }))}
                country={user?.country}
                settleRef={settlePlace}
              />
              {form.place && (
                <Select
                  name="km"
                  label={t('gatherings.distance')}
                  description={t('gatherings.distanceHelp')}
                  value={form.km}
                  onChange={(km) => setForm((f) => ({ ...f, km }))}
                  options={distanceOptions(unit).map((d) => ({
                    value: String(d.km),
                    label: words.upTo(d.shown),
                  }))}
                />
              )}
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
              <Select
                name="language"
                label={t('gatherings.language')}
                value={form.language}
                onChange={(language) => setForm((f) => ({ ...f, language }))}
                options={[
                  { value: '', label: t('groups.languageAny') },
                  ...groupLanguages.map((v) => ({ value: v, label: t(`groups.languages.${v}`) })),
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
            results={upcoming}
            lead={near && <p>{near}</p>}
            empty={t(near ? 'gatherings.noResultsNear' : 'gatherings.noResults')}
            counted
            unit={unit}
          />
        </>
      )}
    </Page>
  );
}

/** Pages of meetings, loaded only while they are shown. */
function useMeetingPages(
  keyParts: readonly unknown[],
  load: (cursor: string | null) => Promise<MeetingsPage>,
  enabled: boolean,
) {
  return useInfiniteQuery({
    queryKey: keyParts,
    queryFn: ({ pageParam }) => load(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

function MeetingList(props: {
  title: string;
  results: UseInfiniteQueryResult<InfiniteData<MeetingsPage>>;
  empty: string;
  counted?: boolean;
  /** Said under the title, before the meetings. */
  lead?: ReactNode;
  /** Miles or kilometres, for how far each meeting is. */
  unit: DistanceUnit;
}) {
  const { t } = useTranslation();
  const { results } = props;
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
          <MeetingCard key={`${m.eventId}-${m.start}`} meeting={m} unit={props.unit} />
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
