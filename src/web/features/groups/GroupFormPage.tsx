import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type {
  GroupDetail,
  GroupInput,
  GroupRhythm,
  GroupUpdate,
  Venue,
} from '../../../contract/groups';
import {
  type AccessFeature,
  accessFeatures,
  type GroupFocus,
  type GroupFormat,
  type GroupLanguage,
  type GroupPrivacy,
  groupFocuses,
  groupFormats,
  groupLanguages,
  groupPrivacies,
  type JoinPolicy,
  joinPolicies,
  joinPolicyProblem,
  type RhythmFrequency,
  rhythmFrequencies,
  type Weekday,
  weekdays,
  weeksOfMonth,
} from '../../../contract/groups-values';
import { ApiProblem, api } from '../../api';
import i18n from '../../i18n';
import { useMe } from '../../session';
import { useStoredState } from '../../stored-state';
import { Choice, Notice, Select, SubmitButton, TextInput, Tick } from '../../ui/fields';
import { Page } from '../../ui/Page';
import { RichText } from '../../ui/RichText';
import { ProblemSummary } from '../accounts/ProblemSummary';
import { NotFoundPage } from '../home/NotFoundPage';
import { organisationsKey, useMyOrganisations } from './admin-data';
import { type ChosenPlace, PlacePicker } from './shared';

export const formSteps = ['about', 'who', 'when', 'where'] as const;
export type FormStep = (typeof formSteps)[number];

/** Countries with places in the bundled list, and the time zone each starts with. */
const countries = ['GB', 'IE', 'US', 'CA', 'AU'] as const;
const zoneForCountry: Record<string, string> = {
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  US: 'America/New_York',
  CA: 'America/Toronto',
  AU: 'Australia/Sydney',
};
/** A short list of time zones, in words, so nobody types one. */
export const timeZones = [
  'Europe/London',
  'Europe/Dublin',
  'America/New_York',
  'America/Toronto',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Vancouver',
  'Australia/Sydney',
  'Australia/Melbourne',
  'Australia/Brisbane',
  'Australia/Perth',
] as const;

/** Everything the form holds, as typed: numbers stay text until they are sent. */
export interface Draft {
  name: string;
  description: string;
  country: string;
  focus: GroupFocus[];
  languages: GroupLanguage[];
  sizeCap: string;
  joinPolicy: JoinPolicy;
  privacy: GroupPrivacy;
  caregiversOnly: boolean;
  frequency: RhythmFrequency;
  weekOfMonth: string;
  weekday: Weekday;
  startTime: string;
  endTime: string;
  timeZone: string;
  format: GroupFormat;
  venueName: string;
  address: string;
  town: string;
  place: ChosenPlace | null;
  access: AccessFeature[];
  accessNotes: string;
  meetingLink: string;
}

type Errors = Partial<Record<keyof Draft, string>>;

function newDraft(country: string | null | undefined): Draft {
  const c = country && countries.includes(country as never) ? country : 'GB';
  return {
    name: '',
    description: '',
    country: c,
    focus: [],
    languages: ['en'],
    sizeCap: '12',
    joinPolicy: 'ask',
    privacy: 'public',
    caregiversOnly: false,
    frequency: 'weekly',
    weekOfMonth: '1',
    weekday: 'TU',
    startTime: '14:00',
    endTime: '15:30',
    timeZone: zoneForCountry[c] ?? 'Europe/London',
    format: 'in_person',
    venueName: '',
    address: '',
    town: '',
    place: null,
    access: [],
    accessNotes: '',
    meetingLink: '',
  };
}

const toMinutes = (time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
};
const toTime = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export function draftFromGroup(g: GroupDetail): Draft {
  // Those who may change a group always see its rhythm; the fallback only keeps the types honest.
  const fresh = newDraft(g.country);
  if (!g.rhythm) return { ...fresh, name: g.name, description: g.description };
  return {
    name: g.name,
    description: g.description,
    country: g.country,
    focus: g.focus,
    languages: g.languages,
    sizeCap: String(g.sizeCap),
    joinPolicy: g.joinPolicy,
    privacy: g.privacy,
    caregiversOnly: g.caregiversOnly,
    frequency: g.rhythm.frequency,
    weekOfMonth: String(g.rhythm.weekOfMonth ?? 1),
    weekday: g.rhythm.weekday,
    startTime: g.rhythm.startTime,
    endTime: toTime(toMinutes(g.rhythm.startTime) + g.rhythm.durationMinutes),
    timeZone: g.rhythm.timeZone,
    format: g.format,
    venueName: g.venue?.name ?? '',
    address: g.venue?.address ?? '',
    town: g.venue?.town ?? '',
    place: g.venue ? { id: 'venue', name: g.venue.town, lat: g.venue.lat, lng: g.venue.lng } : null,
    access: g.venue?.access ?? [],
    accessNotes: g.venue?.accessNotes ?? '',
    meetingLink: g.meetingLink ?? '',
  };
}

function rhythmOf(d: Draft): GroupRhythm {
  return {
    frequency: d.frequency,
    weekday: d.weekday,
    weekOfMonth: d.frequency === 'monthly' ? (Number(d.weekOfMonth) as 1 | 2 | 3 | 4 | -1) : null,
    startTime: d.startTime,
    durationMinutes: toMinutes(d.endTime) - toMinutes(d.startTime),
    timeZone: d.timeZone,
  };
}

function venueOf(d: Draft): Venue | null {
  if (d.format === 'online' || !d.place) return null;
  return {
    name: d.venueName.trim(),
    address: d.address.trim(),
    town: d.town.trim(),
    lat: d.place.lat,
    lng: d.place.lng,
    access: d.access,
    accessNotes: d.accessNotes.trim(),
  };
}

const linkOf = (d: Draft) =>
  d.format === 'in_person' || !d.meetingLink.trim() ? null : d.meetingLink.trim();

/** What one step sends when a group is changed: each step saves on its own. */
function stepUpdate(step: FormStep, d: Draft): GroupUpdate {
  switch (step) {
    case 'about':
      return { name: d.name.trim(), description: d.description.trim() };
    case 'who':
      return {
        focus: d.focus,
        languages: d.languages,
        sizeCap: Number(d.sizeCap),
        joinPolicy: d.joinPolicy,
        privacy: d.privacy,
        caregiversOnly: d.caregiversOnly,
      };
    case 'when':
      return { rhythm: rhythmOf(d) };
    case 'where':
      return { format: d.format, venue: venueOf(d), meetingLink: linkOf(d) };
  }
}

function wholeGroup(d: Draft): GroupInput {
  return {
    ...(stepUpdate('about', d) as { name: string; description: string }),
    ...(stepUpdate('who', d) as Required<Pick<GroupUpdate, 'focus' | 'languages' | 'sizeCap'>> &
      Pick<GroupInput, 'joinPolicy' | 'privacy' | 'caregiversOnly'>),
    country: d.country,
    rhythm: rhythmOf(d),
    format: d.format,
    venue: venueOf(d),
    meetingLink: linkOf(d),
  };
}

/** The checks we can make here, in words, before anything is sent. */
function checkStep(step: FormStep, d: Draft): Errors {
  const t = i18n.t.bind(i18n);
  const e: Errors = {};
  if (step === 'about') {
    if (d.name.trim().length < 3) e.name = t('groups.fields.groupName.tooShort');
    if (d.description.trim().length < 10)
      e.description = t('groups.fields.groupDescription.tooShort');
  }
  if (step === 'who') {
    if (d.languages.length === 0) e.languages = t('groups.admin.fields.chooseOne');
    if (d.languages.length > 5) e.languages = t('groups.admin.fields.tooMany');
    const size = Number(d.sizeCap);
    if (!/^\d+$/.test(d.sizeCap.trim()) || size < 2 || size > 500)
      e.sizeCap = t('groups.admin.fields.number');
    const joinProblem = joinPolicyProblem(d);
    if (joinProblem) e.joinPolicy = t(joinProblem);
  }
  if (step === 'when') {
    const length = toMinutes(d.endTime) - toMinutes(d.startTime);
    if (length < 15) e.endTime = t('groups.admin.fields.endTimeBad');
    else if (length > 480) e.endTime = t('groups.admin.fields.tooLong');
  }
  if (step === 'where' && d.format !== 'online') {
    if (!d.venueName.trim()) e.venueName = t('groups.admin.fields.needed');
    if (!d.address.trim()) e.address = t('groups.admin.fields.needed');
    if (!d.town.trim()) e.town = t('groups.admin.fields.needed');
    if (!d.place) e.place = t('groups.admin.fields.placeNeeded');
  }
  return e;
}

/** The server names fields as the API does; this says which box each belongs to. */
const serverField: Record<string, keyof Draft> = {
  rhythm: 'frequency',
  'rhythm.frequency': 'frequency',
  'rhythm.weekday': 'weekday',
  'rhythm.weekOfMonth': 'weekOfMonth',
  'rhythm.startTime': 'startTime',
  'rhythm.durationMinutes': 'endTime',
  'rhythm.timeZone': 'timeZone',
  venue: 'venueName',
  'venue.name': 'venueName',
  'venue.address': 'address',
  'venue.town': 'town',
  'venue.lat': 'place',
  'venue.lng': 'place',
  'venue.access': 'access',
  'venue.accessNotes': 'accessNotes',
};

function fromServer(errors: Record<string, string>): Errors {
  const out: Errors = {};
  for (const [key, message] of Object.entries(errors)) {
    const field =
      serverField[key] ?? serverField[key.split('.').slice(0, 2).join('.')] ?? key.split('.')[0];
    if (field && !(field in out)) out[field as keyof Draft] = message;
  }
  return out;
}

const stepOfField: Record<keyof Draft, FormStep> = {
  name: 'about',
  description: 'about',
  country: 'about',
  focus: 'who',
  languages: 'who',
  sizeCap: 'who',
  joinPolicy: 'who',
  privacy: 'who',
  caregiversOnly: 'who',
  frequency: 'when',
  weekOfMonth: 'when',
  weekday: 'when',
  startTime: 'when',
  endTime: 'when',
  timeZone: 'when',
  format: 'where',
  venueName: 'where',
  address: 'where',
  town: 'where',
  place: 'where',
  access: 'where',
  accessNotes: 'where',
  meetingLink: 'where',
};

function firstStepWith(errors: Errors): FormStep | null {
  for (const step of formSteps) {
    if (Object.keys(errors).some((k) => stepOfField[k as keyof Draft] === step)) return step;
  }
  return null;
}

function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const first = document.querySelector<HTMLElement>(
      'main [aria-invalid="true"], main [data-invalid] input',
    );
    // A list of tick boxes marks its fieldset: the first box inside takes focus.
    (first?.tagName === 'FIELDSET' ? first.querySelector<HTMLElement>('input') : first)?.focus();
  });
}

const asStep = (value: string | null): FormStep | null =>
  formSteps.includes(value as FormStep) ? (value as FormStep) : null;

/** Times every quarter hour from 7 in the morning to 10 at night, with the time in words. */
function timeOptions(current: string) {
  const format = new Intl.DateTimeFormat(i18n.language, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  const list: string[] = [];
  for (let m = 7 * 60; m <= 22 * 60; m += 15) list.push(toTime(m));
  if (!list.includes(current)) list.push(current);
  list.sort();
  return list.map((value) => ({
    value,
    label: format.format(
      new Date(Date.UTC(2000, 0, 1, ...(value.split(':').map(Number) as [number, number]))),
    ),
  }));
}

// ---------------------------------------------------------------- create

export function NewGroupPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const orgs = useMyOrganisations();
  const me = useMe();
  if (orgs.isPending || me.isPending) return <p role="status">{t('app.loading')}</p>;
  const org = orgs.data?.organisations.find((o) => o.id === orgId);
  if (!org) return <NotFoundPage />;
  return <NewGroupForm orgId={org.id} orgName={org.name} country={me.data?.user?.country} />;
}

function NewGroupForm({
  orgId,
  orgName,
  country,
}: {
  orgId: string;
  orgName: string;
  country: string | null | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const step = asStep(params.get('step')) ?? 'about';
  const [draft, setDraft, clear] = useStoredState<Draft>(`group-new-${orgId}`, newDraft(country));
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const index = formSteps.indexOf(step);

  const make = useMutation({
    mutationFn: () =>
      api<GroupDetail>(`/organisations/${orgId}/groups`, {
        method: 'POST',
        body: wholeGroup(draft),
      }),
    onMutate: () => setProblem(null),
    onSuccess: async (group) => {
      clear();
      client.setQueryData(['groups', 'detail', group.id], group);
      await client.invalidateQueries({ queryKey: ['groups', 'organisation-groups', orgId] });
      await client.invalidateQueries({ queryKey: organisationsKey });
      navigate(`/groups/${group.id}/edit`, { state: { notice: 'made' } });
    },
    onError: (e) => {
      const p = e instanceof ApiProblem ? e : new ApiProblem(0, String(e));
      setProblem(p);
      const found = fromServer(p.errors);
      setErrors(found);
      const where = firstStepWith(found);
      if (where && where !== step) setParams({ step: where });
      focusFirstInvalid();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = checkStep(step, draft);
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid();
      return;
    }
    const next = formSteps[index + 1];
    if (next) setParams({ step: next });
    else make.mutate();
  }

  return (
    <Page title={t('groups.admin.newGroupTitle', { name: orgName })}>
      <StepHeader step={step} />
      <ProblemSummary problem={problem} />
      {Object.keys(errors).length > 0 && !problem && (
        <Notice kind="problem">{t('groups.admin.fixFirst')}</Notice>
      )}
      <Form className="form" onSubmit={submit}>
        <StepFields step={step} draft={draft} setDraft={setDraft} errors={errors} isNew />
        <div className="actions">
          <SubmitButton busy={make.isPending}>
            {index === formSteps.length - 1 ? t('groups.admin.make') : t('groups.admin.next')}
          </SubmitButton>
          {index > 0 && (
            <Link to={`?step=${formSteps[index - 1]}`} className="button">
              {t('groups.admin.back')}
            </Link>
          )}
        </div>
        {make.isPending && <p role="status">{t('groups.admin.making')}</p>}
      </Form>
      <p>
        <Link to={`/groups/organisations/${orgId}`} className="button button-quiet">
          {orgName}
        </Link>
      </p>
    </Page>
  );
}

function StepHeader({ step }: { step: FormStep }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="group-step">
        {t('groups.admin.stepOf', {
          n: formSteps.indexOf(step) + 1,
          total: formSteps.length,
          name: t(`groups.admin.steps.${step}`),
        })}
      </p>
      <p>{t('groups.admin.stepSaved')}</p>
    </>
  );
}

// ---------------------------------------------------------------- change

const groupKey = (id: string) => ['groups', 'detail', id] as const;

export function EditGroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useQuery({
    queryKey: groupKey(id),
    queryFn: () => api<GroupDetail>(`/groups/${id}`),
    retry: false,
  });
  if (group.isPending) return <p role="status">{t('app.loading')}</p>;
  if (group.isError || !group.data || !group.data.me.canEdit) return <NotFoundPage />;
  return <EditGroupForm group={group.data} />;
}

function EditGroupForm({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const step = asStep(params.get('step'));
  const [draft, setDraft] = useStoredState<Draft>(`group-edit-${group.id}`, draftFromGroup(group));
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const notice = (location.state as { notice?: string } | null)?.notice;

  const save = useMutation({
    mutationFn: (which: FormStep) =>
      api<GroupDetail>(`/groups/${group.id}`, { method: 'PATCH', body: stepUpdate(which, draft) }),
    onMutate: () => setProblem(null),
    onSuccess: async (saved) => {
      client.setQueryData(groupKey(group.id), saved);
      setDraft(draftFromGroup(saved));
      await client.invalidateQueries({
        queryKey: ['groups', 'organisation-groups', saved.organisation.id],
      });
      navigate(`/groups/${group.id}/edit`, { state: { notice: 'saved' } });
    },
    onError: (e) => {
      const p = e instanceof ApiProblem ? e : new ApiProblem(0, String(e));
      setProblem(p);
      setErrors(fromServer(p.errors));
      focusFirstInvalid();
    },
  });

  if (!step) {
    return (
      <Page title={t('groups.admin.editGroupTitle', { name: group.name })}>
        {notice === 'made' && <Notice kind="ok">{t('groups.admin.made')}</Notice>}
        {notice === 'saved' && <Notice kind="ok">{t('groups.admin.saved')}</Notice>}
        <Overview group={group} />
      </Page>
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!step) return;
    const found = checkStep(step, draft);
    setErrors(found);
    if (Object.keys(found).length) {
      focusFirstInvalid();
      return;
    }
    save.mutate(step);
  }

  return (
    <Page title={t('groups.admin.editGroupTitle', { name: group.name })}>
      <StepHeader step={step} />
      <ProblemSummary problem={problem} />
      {Object.keys(errors).length > 0 && !problem && (
        <Notice kind="problem">{t('groups.admin.fixFirst')}</Notice>
      )}
      {step === 'when' && (
        <p>
          <RichText text={t('groups.admin.meetsNow', { text: group.rhythmText })} />
        </p>
      )}
      <Form className="form" onSubmit={submit}>
        <StepFields step={step} draft={draft} setDraft={setDraft} errors={errors} />
        <div className="actions">
          <SubmitButton busy={save.isPending}>{t('groups.admin.save')}</SubmitButton>
          <Link to={`/groups/${group.id}/edit`} className="button">
            {t('groups.admin.back')}
          </Link>
        </div>
      </Form>
    </Page>
  );
}

/** The group as it is saved now, a part at a time, each with its own "Change" link. */
function Overview({ group: g }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const list = (items: string[]) => items.join(', ');
  const parts: Record<FormStep, string[]> = {
    about: [g.name, g.description],
    who: [
      g.focus.length
        ? t('groups.page.focus', { list: list(g.focus.map((f) => t(`groups.focuses.${f}`))) })
        : '',
      t('groups.page.languages', {
        list: list(g.languages.map((l) => t(`groups.languages.${l}`))),
      }),
      t('groups.page.size', { cap: g.sizeCap, count: g.memberCount }),
      t(`groups.joinPolicies.${g.joinPolicy}`),
      t(`groups.admin.fields.privacies.${g.privacy}`),
      g.caregiversOnly ? t('groups.caregiversOnly') : '',
    ].filter(Boolean),
    when: g.rhythmText ? [g.rhythmText] : [],
    where: [
      t(`groups.formats.${g.format}`),
      g.venue ? `${g.venue.name}, ${g.venue.address}, ${g.venue.town}` : '',
      g.venue?.access.length ? list(g.venue.access.map((a) => t(`groups.access.${a}`))) : '',
      g.meetingLink ?? '',
    ].filter(Boolean),
  };
  return (
    <>
      <p>{t('groups.admin.overviewIntro')}</p>
      {formSteps.map((step) => (
        <section key={step} className="section" aria-labelledby={`part-${step}`}>
          <h2 id={`part-${step}`}>{t(`groups.admin.steps.${step}`)}</h2>
          {step === 'when' ? (
            <p>
              <RichText text={t('groups.admin.meetsNow', { text: g.rhythmText })} />
            </p>
          ) : (
            <ul className="group-facts">
              {parts[step].map((line) => (
                <li key={line} className="group-link-text">
                  {line}
                </li>
              ))}
            </ul>
          )}
          <Link to={`?step=${step}`} className="button">
            {t('groups.admin.change', { step: t(`groups.admin.steps.${step}`) })}
          </Link>
        </section>
      ))}
      <div className="actions">
        <Link to={`/groups/${g.id}`} className="button button-primary">
          {t('groups.admin.openGroup')}
        </Link>
        <Link to={`/groups/organisations/${g.organisation.id}`} className="button">
          {g.organisation.name}
        </Link>
      </div>
    </>
  );
}

// ---------------------------------------------------------------- fields of each step

function StepFields({
  step,
  draft: d,
  setDraft,
  errors,
  isNew = false,
}: {
  step: FormStep;
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  errors: Errors;
  isNew?: boolean;
}) {
  const { t } = useTranslation();
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((old) => ({ ...old, [key]: value }));
  const toggle = <V extends string>(key: 'focus' | 'languages' | 'access', value: V, on: boolean) =>
    setDraft((old) => {
      const list = old[key] as string[];
      return { ...old, [key]: on ? [...list, value] : list.filter((x) => x !== value) };
    });

  if (step === 'about') {
    const names = new Intl.DisplayNames(i18n.language, { type: 'region' });
    return (
      <>
        <TextInput
          name="name"
          label={t('groups.admin.fields.name')}
          description={t('groups.admin.fields.nameHelp')}
          value={d.name}
          onChange={set('name')}
          error={errors.name}
          required
        />
        <TextInput
          name="description"
          multiline
          label={t('groups.admin.fields.description')}
          description={t('groups.admin.fields.descriptionHelp')}
          value={d.description}
          onChange={set('description')}
          error={errors.description}
          required
        />
        {isNew && (
          <Select
            name="country"
            label={t('groups.admin.fields.country')}
            value={d.country}
            onChange={(country) =>
              setDraft((old) => ({
                ...old,
                country,
                timeZone: zoneForCountry[country] ?? old.timeZone,
              }))
            }
            options={countries.map((c) => ({ value: c, label: names.of(c) ?? c }))}
            error={errors.country}
          />
        )}
      </>
    );
  }

  if (step === 'who') {
    return (
      <>
        <TickList
          name="focus"
          legend={t('groups.admin.fields.focus')}
          help={t('groups.admin.fields.focusHelp')}
          options={groupFocuses.map((f) => ({ value: f, label: t(`groups.focuses.${f}`) }))}
          chosen={d.focus}
          onToggle={(v, on) => toggle('focus', v, on)}
          error={errors.focus}
        />
        <TickList
          name="languages"
          legend={t('groups.admin.fields.languages')}
          help={t('groups.admin.fields.languagesHelp')}
          options={groupLanguages.map((l) => ({ value: l, label: t(`groups.languages.${l}`) }))}
          chosen={d.languages}
          onToggle={(v, on) => toggle('languages', v, on)}
          error={errors.languages}
        />
        <TextInput
          name="sizeCap"
          label={t('groups.admin.fields.sizeCap')}
          description={t('groups.admin.fields.sizeCapHelp')}
          value={d.sizeCap}
          onChange={set('sizeCap')}
          error={errors.sizeCap}
          required
        />
        <Choice
          name="joinPolicy"
          label={t('groups.admin.fields.joinPolicy')}
          value={d.joinPolicy}
          options={joinPolicies.map((p) => ({ value: p, label: t(`groups.joinPolicies.${p}`) }))}
          description={t('groups.admin.fields.joinPolicyHelp')}
          onChange={set('joinPolicy')}
          error={errors.joinPolicy}
        />
        <Choice
          name="privacy"
          label={t('groups.admin.fields.privacy')}
          value={d.privacy}
          options={groupPrivacies.map((p) => ({
            value: p,
            label: t(`groups.admin.fields.privacies.${p}`),
          }))}
          onChange={set('privacy')}
          error={errors.privacy}
        />
        <Tick
          name="caregiversOnly"
          label={t('groups.admin.fields.caregiversOnly')}
          checked={d.caregiversOnly}
          onChange={set('caregiversOnly')}
          error={errors.caregiversOnly}
        />
      </>
    );
  }

  if (step === 'when') {
    return (
      <>
        <Choice
          name="frequency"
          label={t('groups.admin.fields.frequency')}
          value={d.frequency}
          options={rhythmFrequencies.map((f) => ({
            value: f,
            label: t(`groups.admin.fields.frequencies.${f}`),
          }))}
          onChange={set('frequency')}
          error={errors.frequency}
        />
        {d.frequency === 'monthly' && (
          <Select
            name="weekOfMonth"
            label={t('groups.admin.fields.weekOfMonth')}
            value={d.weekOfMonth}
            onChange={set('weekOfMonth')}
            options={weeksOfMonth.map((w) => ({
              value: String(w),
              label: t(`groups.nth.${w === -1 ? 'last' : w}`),
            }))}
            error={errors.weekOfMonth}
          />
        )}
        <Select
          name="weekday"
          label={t('groups.admin.fields.weekday')}
          value={d.weekday}
          onChange={(v) => set('weekday')(v as Weekday)}
          options={weekdays.map((w) => ({ value: w, label: t(`groups.weekdays.${w}`) }))}
          error={errors.weekday}
        />
        <Select
          name="startTime"
          label={t('groups.admin.fields.startTime')}
          value={d.startTime}
          onChange={set('startTime')}
          options={timeOptions(d.startTime)}
          error={errors.startTime}
        />
        <Select
          name="endTime"
          label={t('groups.admin.fields.endTime')}
          value={d.endTime}
          onChange={set('endTime')}
          options={timeOptions(d.endTime)}
          error={errors.endTime}
        />
        <Select
          name="timeZone"
          label={t('groups.admin.fields.timeZone')}
          value={d.timeZone}
          onChange={set('timeZone')}
          options={[
            ...timeZones.map((z) => ({ value: z, label: t(`groups.admin.zones.${z}`) })),
            ...(timeZones.includes(d.timeZone as never)
              ? []
              : [{ value: d.timeZone, label: d.timeZone }]),
          ]}
          error={errors.timeZone}
        />
      </>
    );
  }

  // where
  return (
    <>
      <Choice
        name="format"
        label={t('groups.admin.fields.format')}
        value={d.format}
        options={groupFormats.map((f) => ({ value: f, label: t(`groups.formats.${f}`) }))}
        onChange={set('format')}
        error={errors.format}
      />
      {d.format !== 'online' && (
        <fieldset className="group-ticks">
          <legend>{t('groups.page.where')}</legend>
          <TextInput
            name="venueName"
            label={t('groups.admin.fields.venueName')}
            description={t('groups.admin.fields.venueNameHelp')}
            value={d.venueName}
            onChange={set('venueName')}
            error={errors.venueName}
            required
          />
          <TextInput
            name="address"
            multiline
            label={t('groups.admin.fields.address')}
            value={d.address}
            onChange={set('address')}
            error={errors.address}
            autoComplete="street-address"
            required
          />
          <PlacePicker
            value={d.place}
            onChange={(place) =>
              setDraft((old) => ({
                ...old,
                place,
                town: place && !old.town.trim() && place.id !== 'here' ? place.name : old.town,
              }))
            }
            country={d.country}
            label={t('groups.admin.fields.place')}
            description={t('groups.admin.fields.placeHelp')}
            error={errors.place}
          />
          <TextInput
            name="town"
            label={t('groups.admin.fields.town')}
            description={t('groups.admin.fields.townHelp')}
            value={d.town}
            onChange={set('town')}
            error={errors.town}
            required
          />
          <TickList
            name="access"
            legend={t('groups.admin.fields.access')}
            options={accessFeatures.map((a) => ({ value: a, label: t(`groups.access.${a}`) }))}
            chosen={d.access}
            onToggle={(v, on) => toggle('access', v, on)}
            error={errors.access}
          />
          <TextInput
            name="accessNotes"
            multiline
            label={t('groups.admin.fields.accessNotes')}
            description={t('groups.admin.fields.accessNotesHelp')}
            value={d.accessNotes}
            onChange={set('accessNotes')}
            error={errors.accessNotes}
          />
        </fieldset>
      )}
      {d.format !== 'in_person' && (
        <TextInput
          name="meetingLink"
          label={t('groups.admin.fields.meetingLink')}
          description={t('groups.admin.fields.meetingLinkHelp')}
          value={d.meetingLink}
          onChange={set('meetingLink')}
          error={errors.meetingLink}
        />
      )}
    </>
  );
}

/** Several tick boxes under one question; the error in words sits under the question. */
function TickList<V extends string>({
  name,
  legend,
  help,
  options,
  chosen,
  onToggle,
  error,
}: {
  name: string;
  legend: string;
  help?: string;
  options: { value: V; label: string }[];
  chosen: string[];
  onToggle(value: V, on: boolean): void;
  error?: string | undefined;
}) {
  const helpId = `${name}-help`;
  const errorId = `${name}-list-error`;
  return (
    <fieldset
      className="group-ticks"
      aria-describedby={
        [help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined
      }
      aria-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {options.map((o) => (
        <Tick
          key={o.value}
          name={`${name}-${o.value}`}
          label={o.label}
          checked={chosen.includes(o.value)}
          onChange={(on) => onToggle(o.value, on)}
          error={undefined}
        />
      ))}
    </fieldset>
  );
}
