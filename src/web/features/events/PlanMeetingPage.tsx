import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { GroupEventInput } from '../../../contract/events';
import type { GroupDetail } from '../../../contract/groups';
import {
  type AccessFeature,
  accessFeatures,
  type GroupFormat,
  groupFormats,
} from '../../../contract/groups-values';
import { myTimeZone, newGroupEvent } from '../../api/events';
import { getGroup } from '../../api/groups';
import { ApiProblem } from '../../api/transport';
import { useStoredState } from '../../stored-state';
import { Choice, Select, SubmitButton, TextInput, Tick } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { SignInFirst } from '../../ui/SignInFirst';
import { useFormProblem } from '../../ui/useFormProblem';
import { groupsKeys } from '../groups/queries';
import { NotFoundPage } from '../home/NotFoundPage';
import { NativeField } from './EventPage';
import { AccessPicture } from './pictures';
import { eventsKeys } from './queries';
import { addMinutes, monthlyRule, zoneName } from './when';

const repeatChoices = ['once', 'rhythm', 'weekly', 'monthly'] as const;
type Repeat = (typeof repeatChoices)[number];
const lengths = ['30', '60', '90', '120', '180'] as const;

interface Draft {
  title: string;
  description: string;
  format: GroupFormat | null;
  repeats: Repeat;
  date: string;
  time: string;
  minutes: string;
  capacity: string;
  placeName: string;
  address: string;
  town: string;
  access: AccessFeature[];
  accessNotes: string;
  howToGetThere: string;
  videoLink: string;
}

/** `/groups/:id/plan`: those who run a group plan a meeting, once or as a series. */
export function PlanMeetingPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('gatherings.plan.title')} why={t('gatherings.signInWhy')}>
      {() => <PlanForGroup />}
    </SignInFirst>
  );
}

function PlanForGroup() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useQuery({
    queryKey: groupsKeys.detail(id),
    queryFn: () => getGroup(id),
    retry: false,
  });
  if (group.isPending) return <p role="status">{t('app.loading')}</p>;
  if (group.isError || !group.data || !group.data.me.canManage) return <NotFoundPage />;
  return <PlanForm group={group.data} />;
}

function PlanForm({ group: g }: { group: GroupDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const problem = useFormProblem();
  const venue = g.venue;
  const [draft, setDraft, clearDraft] = useStoredState<Draft>(`plan-meeting-${g.id}`, {
    title: '',
    description: '',
    format: g.format,
    repeats: g.rhythm ? 'rhythm' : 'once',
    date: '',
    time: g.rhythm?.startTime ?? '',
    minutes: String(g.rhythm?.durationMinutes ?? 90),
    capacity: '',
    placeName: venue?.name ?? '',
    address: venue?.address ?? '',
    town: g.town ?? '',
    access: venue?.access ?? [],
    accessNotes: venue?.accessNotes ?? '',
    howToGetThere: '',
    videoLink: '',
  });
  const [busy, setBusy] = useState(false);
  // A field's problem goes once the person changes that field; the others stay until sent again.
  const [changed, setChanged] = useState<ReadonlySet<keyof Draft>>(new Set());
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
      setChanged((c) => (c.has(key) ? c : new Set(c).add(key)));
    };
  const err = (field: keyof Draft, ...names: string[]) =>
    changed.has(field) ? undefined : names.map((n) => problem.fieldError(n)).find(Boolean);
  const needsPlace = draft.format !== 'online';
  const needsVideo = draft.format !== 'in_person';
  const ownTimes = draft.repeats !== 'rhythm';
  const timeZone = g.rhythm?.timeZone ?? myTimeZone() ?? 'Europe/London';
  // "en" here is English (UK): dates read "Monday 11 January 2027".
  const locale = i18n.language === 'en-US' ? 'en-US' : 'en-GB';
  const zoneWords = zoneName(timeZone, locale);
  const dateWords = /^\d{4}-\d\d-\d\d$/.test(draft.date)
    ? new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
        .format(new Date(`${draft.date}T12:00:00Z`))
        .replace(/^(\p{L}+),/u, '$1')
    : null;

  let monthlyWords: string | null = null;
  if (draft.repeats === 'monthly' && /^\d{4}-\d\d-\d\d$/.test(draft.date)) {
    const { nth, weekday } = monthlyRule(draft.date);
    const day = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 7 + weekday)),
    );
    monthlyWords = t('gatherings.plan.monthlyOn', {
      nth: t(`gatherings.plan.nth.${nth === -1 ? 'last' : nth}`),
      day,
    });
  }

  const submit = () => {
    if (busy || !draft.format) {
      if (!draft.format) {
        const words = t('gatherings.plan.formatNeeded');
        setChanged(new Set());
        problem.capture(new ApiProblem(0, words, { format: words }));
      }
      return;
    }
    const capacity = draft.capacity.trim();
    if (capacity && !/^\d+$/.test(capacity)) {
      const words = t('gatherings.plan.capacityNumber');
      setChanged(new Set());
      problem.capture(new ApiProblem(0, words, { capacity: words }));
      return;
    }
    const body: GroupEventInput = {
      title: draft.title,
      description: draft.description,
      format: draft.format,
      capacity: capacity ? Number(capacity) : null,
      followGroupRhythm: !ownTimes,
      venue: needsPlace
        ? {
            name: draft.placeName,
            address: draft.address,
            town: draft.town,
            access: draft.access,
            accessNotes: draft.accessNotes,
            howToGetThere: draft.howToGetThere,
          }
        : null,
      video:
        needsVideo && draft.videoLink.trim() ? { kind: 'link', url: draft.videoLink.trim() } : null,
    };
    if (ownTimes) {
      // A date or time left empty is left out: the server says in words what is missing.
      if (draft.date && draft.time) {
        body.startLocal = `${draft.date}T${draft.time}`;
        body.endLocal = addMinutes(draft.date, draft.time, Number(draft.minutes));
      }
      body.timeZone = timeZone;
      body.rrule =
        draft.repeats === 'weekly'
          ? 'FREQ=WEEKLY'
          : draft.repeats === 'monthly' && draft.date
            ? monthlyRule(draft.date).rrule
            : null;
    }
    setBusy(true);
    problem.clear();
    setChanged(new Set());
    newGroupEvent(g.id, body)
      .then(async (made) => {
        clearDraft();
        await client.invalidateQueries({ queryKey: eventsKeys.all });
        await navigate(`/events/${made.id}`);
      })
      .catch((e: unknown) => problem.capture(e))
      .finally(() => setBusy(false));
  };

  return (
    <Page title={t('gatherings.plan.title')}>
      <p className="group-card-org" dir="auto">
        {t('gatherings.plan.for', { name: g.name })}
      </p>
      <Instructions lines={[t('gatherings.plan.intro'), t('gatherings.plan.draftKept')]} />
      <Form
        className="form"
        aria-label={t('gatherings.plan.title')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextInput
          name="title"
          required
          label={t('gatherings.plan.name')}
          description={t('gatherings.plan.nameHelp')}
          value={draft.title}
          onChange={set('title')}
          limit={120}
          error={err('title', 'title')}
        />
        <TextInput
          name="description"
          multiline
          label={t('gatherings.plan.description')}
          value={draft.description}
          onChange={set('description')}
          limit={4000}
          error={err('description', 'description')}
        />
        <Choice<GroupFormat>
          name="format"
          required
          label={t('gatherings.plan.format')}
          value={draft.format}
          onChange={set('format')}
          options={groupFormats.map((f) => ({ value: f, label: t(`gatherings.formats.${f}`) }))}
          error={err('format', 'format')}
        />
        <Choice<Repeat>
          name="repeats"
          required
          label={t('gatherings.plan.repeats')}
          value={draft.repeats}
          onChange={set('repeats')}
          options={repeatChoices
            .filter((r) => r !== 'rhythm' || g.rhythm)
            .map((r) => ({ value: r, label: t(`gatherings.plan.repeatsOptions.${r}`) }))}
          error={err('repeats', 'rrule', 'followGroupRhythm')}
        />
        {!ownTimes && g.rhythmText && (
          <p>
            <strong>{t('gatherings.plan.rhythm', { rhythm: g.rhythmText })}</strong>
          </p>
        )}
        {ownTimes && (
          <>
            <NativeField
              id="date"
              type="date"
              required
              label={t('gatherings.plan.date')}
              value={draft.date}
              onChange={set('date')}
              error={err('date', 'startLocal')}
            />
            <p aria-live="polite" className="event-date-words">
              {dateWords && <strong>{t('gatherings.plan.dateWords', { day: dateWords })}</strong>}
              {monthlyWords && ` ${monthlyWords}`}
            </p>
            <NativeField
              id="time"
              type="time"
              required
              label={t('gatherings.plan.start')}
              value={draft.time}
              onChange={set('time')}
            />
            <Select
              name="minutes"
              label={t('gatherings.plan.length')}
              value={draft.minutes}
              onChange={set('minutes')}
              options={lengths.map((l) => ({ value: l, label: t(`gatherings.plan.lengths.${l}`) }))}
              error={err('minutes', 'endLocal')}
            />
            <p className="field-help">{t('gatherings.plan.timeZone', { zone: zoneWords })}</p>
          </>
        )}
        <NativeField
          id="capacity"
          type="number"
          required={false}
          label={t('gatherings.plan.capacity')}
          help={t('gatherings.plan.capacityHelp')}
          value={draft.capacity}
          onChange={set('capacity')}
          error={err('capacity', 'capacity')}
        />
        {needsPlace && (
          <fieldset className="group-ticks event-place">
            <legend>{t('gatherings.plan.placeTitle')}</legend>
            <TextInput
              name="placeName"
              required
              label={t('gatherings.plan.placeName')}
              description={t('gatherings.plan.placeNameHelp')}
              value={draft.placeName}
              onChange={set('placeName')}
              limit={120}
              error={err('placeName', 'venue.name', 'venue')}
            />
            <TextInput
              name="address"
              required
              label={t('gatherings.plan.address')}
              value={draft.address}
              onChange={set('address')}
              limit={300}
              error={err('address', 'venue.address')}
            />
            <TextInput
              name="town"
              required
              label={t('gatherings.plan.town')}
              value={draft.town}
              onChange={set('town')}
              limit={80}
              error={err('town', 'venue.town')}
            />
            <fieldset className="group-ticks">
              <legend>{t('gatherings.plan.access')}</legend>
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
                  checked={draft.access.includes(a)}
                  onChange={(on) =>
                    setDraft((d) => ({
                      ...d,
                      access: on ? [...d.access, a] : d.access.filter((x) => x !== a),
                    }))
                  }
                />
              ))}
            </fieldset>
            <TextInput
              name="accessNotes"
              multiline
              label={t('gatherings.plan.accessNotes')}
              description={t('gatherings.plan.accessNotesHelp')}
              value={draft.accessNotes}
              onChange={set('accessNotes')}
              limit={500}
              error={err('accessNotes', 'venue.accessNotes')}
            />
            <TextInput
              name="howToGetThere"
              multiline
              label={t('gatherings.plan.howToGetThere')}
              description={t('gatherings.plan.howToGetThereHelp')}
              value={draft.howToGetThere}
              onChange={set('howToGetThere')}
              limit={1000}
              error={err('howToGetThere', 'venue.howToGetThere')}
            />
          </fieldset>
        )}
        {needsVideo && (
          <NativeField
            id="videoLink"
            type="url"
            required
            label={t('gatherings.plan.videoLink')}
            help={t('gatherings.plan.videoLinkHelp')}
            value={draft.videoLink}
            onChange={set('videoLink')}
            error={err('videoLink', 'video.url', 'video')}
          />
        )}
        <ProblemSummary problem={problem.problem} />
        <SubmitButton busy={busy}>{t('gatherings.plan.save')}</SubmitButton>
      </Form>
    </Page>
  );
}
