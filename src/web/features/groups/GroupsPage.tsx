import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryResponse, MyGroupsResponse } from '../../../contract/groups';
import {
  accessFeatures,
  distanceChoices,
  type GroupFocus,
  groupFocuses,
  groupFormats,
  groupLanguages,
} from '../../../contract/groups-values';
import { api } from '../../api';
import { useMe } from '../../session';
import { Notice, Select, SubmitButton, TextInput, Tick } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { useMyOrganisations } from './admin-data';
import { type ChosenPlace, GroupCard, PlacePicker } from './shared';

interface Filters {
  q: string;
  place: ChosenPlace | null;
  km: string;
  format: string;
  focus: string;
  language: string;
  access: string[];
}

const empty: Filters = {
  q: '',
  place: null,
  km: '25',
  format: '',
  focus: '',
  language: '',
  access: [],
};

function queryString(f: Filters, cursor: string | null): string {
  const q = new URLSearchParams();
  if (f.q.trim()) q.set('q', f.q.trim());
  if (f.place?.id === 'here') {
    q.set('lat', String(f.place.lat));
    q.set('lng', String(f.place.lng));
  } else if (f.place) q.set('place', f.place.id);
  if (f.place) q.set('km', f.km);
  if (f.format) q.set('format', f.format);
  if (f.focus) q.set('focus', f.focus);
  if (f.language) q.set('language', f.language);
  if (f.access.length) q.set('access', f.access.join(','));
  if (cursor) q.set('cursor', cursor);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export function GroupsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data?.user;
  const [form, setForm] = useState<Filters>(empty);
  const [searched, setSearched] = useState<Filters>(empty);
  const results = useInfiniteQuery({
    queryKey: ['groups', 'directory', searched],
    queryFn: ({ pageParam }) =>
      api<DirectoryResponse>(`/groups${queryString(searched, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const mine = useQuery({
    queryKey: ['groups', 'mine'],
    queryFn: () => api<MyGroupsResponse>('/groups/mine'),
    enabled: Boolean(user),
  });
  const found = results.data?.pages.flatMap((p) => p.groups) ?? [];

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
            setSearched(form);
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
          />
          {form.place && (
            <Select
              name="km"
              label={t('groups.distance')}
              value={form.km}
              onChange={(km) => setForm((f) => ({ ...f, km }))}
              options={distanceChoices.map((km) => ({
                value: String(km),
                label: t('groups.distanceKm', { km }),
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
            <GroupCard key={g.id} group={g} headingLevel={3} />
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
