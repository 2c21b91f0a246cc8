import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { DirectoryQuery } from '../../../contract/groups';
import {
  accessFeatures,
  type DistanceUnit,
  type GroupFocus,
  groupFocuses,
  groupFormats,
  groupLanguages,
} from '../../../contract/groups-values';
import { getDirectory, getMyGroups } from '../../api/groups';
import { useMe } from '../../session';
import { Notice, Select, SubmitButton, TextInput, Tick } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { useMyOrganisations } from './admin-data';
import { defaultKm, distanceOptions, useDistanceUnit, useDistanceWords } from './distance';
import { GroupCard } from './GroupCard';
import { type ChosenPlace, PlacePicker, type SettlePlace } from './PlacePicker';
import { groupsKeys } from './queries';

interface Filters {
  q: string;
  place: ChosenPlace | null;
  km: string;
  format: string;
  focus: string;
  language: string;
  access: string[];
}

/** The filters as the directory route's query. */
function directoryQuery(f: Filters, cursor: string | null): DirectoryQuery {
  const q: DirectoryQuery = {};
  if (f.q.trim()) q.q = f.q.trim();
  if (f.place?.id === 'here') {
    q.lat = String(f.place.lat);
    q.lng = String(f.place.lng);
  } else if (f.place) q.place = f.place.id;
  if (f.place) q.km = f.km;
  // From the address, so anything: the server answers a wrong one in words.
  if (f.format) q.format = f.format as DirectoryQuery['format'];
  if (f.focus) q.focus = f.focus;
  if (f.language) q.language = f.language as DirectoryQuery['language'];
  if (f.access.length) q.access = f.access.join(',');
  if (cursor) q.cursor = cursor;
  return q;
}

function queryString(f: Filters, cursor: string | null): string {
  const text = new URLSearchParams(directoryQuery(f, cursor) as Record<string, string>).toString();
  return text ? `?${text}` : '';
}

/** The filters live in the address, so Back, reload and a shared link keep them. */
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
    q: params.get('q') ?? '',
    place,
    km: params.get('km') ?? String(defaultKm(unit)),
    format: params.get('format') ?? '',
    focus: params.get('focus') ?? '',
    language: params.get('language') ?? '',
    access: params.get('access')?.split(',').filter(Boolean) ?? [],
  };
}

function paramsFrom(f: Filters): URLSearchParams {
  const q = new URLSearchParams(queryString(f, null).slice(1));
  if (f.place && f.place.id !== 'here') q.set('near', f.place.name);
  return q;
}

export function GroupsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data?.user;
  const unit = useDistanceUnit();
  const words = useDistanceWords(unit);
  const [params, setParams] = useSearchParams();
  const searched = filtersFrom(params, unit);
  const [form, setForm] = useState<Filters>(searched);
  const settlePlace = useRef<SettlePlace | null>(null);
  // Back and Forward change the address: the form follows it.
  const search = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new address resets the form
  useEffect(() => {
    setForm(filtersFrom(new URLSearchParams(search), unit));
  }, [search]);
  const results = useInfiniteQuery({
    queryKey: groupsKeys.directory(queryString(searched, null)),
    queryFn: ({ pageParam }) => getDirectory(directoryQuery(searched, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const mine = useQuery({
    queryKey: groupsKeys.mine,
    queryFn: getMyGroups,
    enabled: Boolean(user),
  });
  const found = results.data?.pages.flatMap((p) => p.groups) ?? [];
  const shownUnit = results.data?.pages[0]?.unit ?? unit;
  useScrollMemory(results.isSuccess);

  return (
    <Page title={t('groups.title')}>
      <Instructions lines={[t('groups.intro'), t('groups.introSearch')]} />
      <div className="actions">
        <Link to={user ? '/groups/fits-me' : '/sign-in'} className="button button-primary">
          <Icon name="groups" />
          <span>{t('groups.fitsMeLink')}</span>
        </Link>
      </div>

      {user && (
        <section aria-labelledby="mine-title" className="section">
          <h2 id="mine-title">{t('groups.mineTitle')}</h2>
          {mine.data && mine.data.groups.length === 0 && <p>{t('groups.mineEmpty')}</p>}
          <ul className="group-list">
            {mine.data?.groups.map((g) => (
              <li key={g.group.id} className="group-mine">
                <Link to={`/groups/${g.group.id}`}>{g.group.name}</Link>
                <span>
                  {' '}
                  (
                  {g.status === 'active'
                    ? t(`groups.roles.${g.role}`)
                    : t(`groups.status.${g.status}`)}
                  )
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {user && <RunGroupsLink />}

      <section aria-labelledby="search-title" className="section">
        <h2 id="search-title">{t('groups.searchTitle')}</h2>
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
              const next = typed ? { ...form, place: typed } : form;
              setForm(next);
              setParams(paramsFrom(next));
            })();
          }}
        >
          <TextInput
            name="q"
            label={t('groups.words')}
            description={t('groups.wordsHelp')}
            value={form.q}
            onChange={(q) => setForm((f) => ({ ...f, q }))}
          />
          <PlacePicker
            value={form.place}
            onChange={(place) => setForm((f) => ({ ...f, place }))}
            country={user?.country}
            settleRef={settlePlace}
          />
          {form.place && (
            <Select
              name="km"
              label={t('groups.distance')}
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
            label={t('groups.format')}
            value={form.format}
            onChange={(format) => setForm((f) => ({ ...f, format }))}
            options={[
              { value: '', label: t('groups.formatAny') },
              ...groupFormats.map((v) => ({ value: v, label: t(`groups.formats.${v}`) })),
            ]}
          />
          <Select
            name="focus"
            label={t('groups.focus')}
            value={form.focus}
            onChange={(focus) => setForm((f) => ({ ...f, focus: focus as GroupFocus | '' }))}
            options={[
              { value: '', label: t('groups.focusAny') },
              ...groupFocuses.map((v) => ({ value: v, label: t(`groups.focuses.${v}`) })),
            ]}
          />
          <Select
            name="language"
            label={t('groups.language')}
            value={form.language}
            onChange={(language) => setForm((f) => ({ ...f, language }))}
            options={[
              { value: '', label: t('groups.languageAny') },
              ...groupLanguages.map((v) => ({ value: v, label: t(`groups.languages.${v}`) })),
            ]}
          />
          <fieldset className="group-ticks">
            <legend>{t('groups.accessNeeds')}</legend>
            {accessFeatures.map((a) => (
              <Tick
                key={a}
                name={`access-${a}`}
                label={t(`groups.access.${a}`)}
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
          <SubmitButton busy={results.isFetching}>{t('groups.search')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="results-title" className="section" aria-busy={results.isFetching}>
        <h2 id="results-title" aria-live="polite">
          {results.isPending ? t('groups.searching') : t('groups.results', { count: found.length })}
        </h2>
        {results.isError && <Notice kind="problem">{results.error.message}</Notice>}
        {results.isSuccess && found.length === 0 && <p>{t('groups.noResults')}</p>}
        <ul className="group-list">
          {found.map((g) => (
            <GroupCard key={g.id} group={g} headingLevel={3} unit={shownUnit} />
          ))}
        </ul>
        {results.hasNextPage && (
          <button
            type="button"
            className="button"
            onClick={() => void results.fetchNextPage()}
            disabled={results.isFetchingNextPage}
          >
            {t('groups.showMore')}
          </button>
        )}
      </section>
    </Page>
  );
}

/** Only for people who run an organisation (or the site): the server says which. */
function RunGroupsLink() {
  const { t } = useTranslation();
  const me = useMe();
  const orgs = useMyOrganisations();
  const runs = (orgs.data?.organisations.length ?? 0) > 0 || me.data?.user?.siteRole === 'admin';
  if (!runs) return null;
  return (
    <section aria-labelledby="run-title" className="section">
      <h2 id="run-title">{t('groups.admin.runTitle')}</h2>
      <p>{t('groups.admin.runIntro')}</p>
      <Link to="/groups/organisations" className="button">
        {t('groups.admin.runLink')}
      </Link>
    </section>
  );
}

/**
 * Brings the person back to where they were in the list after Back: the place
 * on the page is kept for each entry in the history, and used again once the list shows.
 */
function useScrollMemory(ready: boolean) {
  const { key } = useLocation();
  const storeKey = `bt-groups-scroll:${key}`;
  const restored = useRef<string | null>(null);
  useEffect(() => {
    if (!ready || restored.current === storeKey) return;
    restored.current = storeKey;
    const saved = Number(sessionStorage.getItem(storeKey));
    if (saved > 0) window.scrollTo(0, saved);
  }, [ready, storeKey]);
  useEffect(() => {
    const keep = () => sessionStorage.setItem(storeKey, String(Math.round(window.scrollY)));
    window.addEventListener('scroll', keep, { passive: true });
    return () => window.removeEventListener('scroll', keep);
  }, [storeKey]);
}
