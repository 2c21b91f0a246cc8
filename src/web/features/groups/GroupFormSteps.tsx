import { useTranslation } from 'react-i18next';
import {
  accessFeatures,
  groupFocuses,
  groupFormats,
  groupLanguages,
  groupPrivacies,
  joinPolicies,
  rhythmFrequencies,
  type Weekday,
  weekdays,
  weeksOfMonth,
} from '../../../contract/groups-values';
import i18n from '../../i18n';
import { Choice, Select, TextInput, Tick } from '../../ui/fields';
import {
  countries,
  type Draft,
  type Errors,
  type FormStep,
  timeOptions,
  timeZones,
  zoneForCountry,
} from './group-draft';
import { PlacePicker } from './PlacePicker';

/** What each step's fields are given: the draft, its errors, and ways to change it. */
interface StepProps {
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  errors: Errors;
  isNew: boolean;
  set: <K extends keyof Draft>(key: K) => (value: Draft[K]) => void;
  toggle: (key: 'focus' | 'languages' | 'access', value: string, on: boolean) => void;
}

/** The fields of one step of the group form. */
export function StepFields({
  step,
  draft,
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
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((old) => ({ ...old, [key]: value }));
  const toggle = (key: 'focus' | 'languages' | 'access', value: string, on: boolean) =>
    setDraft((old) => {
      const list = old[key] as string[];
      return { ...old, [key]: on ? [...list, value] : list.filter((x) => x !== value) };
    });
  const props: StepProps = { draft, setDraft, errors, isNew, set, toggle };
  if (step === 'about') return <AboutStep {...props} />;
  if (step === 'who') return <WhoStep {...props} />;
  if (step === 'when') return <WhenStep {...props} />;
  return <WhereStep {...props} />;
}

/** About: the name, what it is for, and (when new) its country. */
function AboutStep({ draft: d, setDraft, errors, isNew, set }: StepProps) {
  const { t } = useTranslation();
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

/** Who: who it is for, how people join, what it covers, its languages. */
function WhoStep({ draft: d, errors, set, toggle }: StepProps) {
  const { t } = useTranslation();
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

/** When: how often, which day, the time and time zone. */
function WhenStep({ draft: d, errors, set }: StepProps) {
  const { t } = useTranslation();
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

/** Where: online, in person or both, the venue and its access. */
function WhereStep({ draft: d, setDraft, errors, set, toggle }: StepProps) {
  const { t } = useTranslation();
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
