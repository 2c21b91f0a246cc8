// The fields every event form shares: the group's planning page, an organisation's or the
// community's, and changing a whole event. Each part shows its problems beside its fields.
import { useTranslation } from 'react-i18next';
import {
  accessFeatures,
  type GroupFormat,
  groupFormats,
  groupLanguages,
} from '../../../contract/groups-values';
import { Choice, Select, TextInput, Tick } from '../../ui/fields';
import { timeZones } from '../groups/group-draft';
import { PlacePicker } from '../groups/PlacePicker';
import { lengths, type Repeat, repeatChoices } from './event-draft';
import { NativeField } from './NativeField';
import { AccessPicture } from './pictures';
import type { EventDraftForm } from './useEventDraft';
import { monthlyRule, zoneName } from './when';

/** "en" here is English (UK): dates read "Monday 11 January 2027". */
function useDateLocale() {
  const { i18n } = useTranslation();
  return i18n.language === 'en-US' ? 'en-US' : 'en-GB';
}

/** The name, what happens, and how people meet. */
export function AboutFields({ form }: { form: EventDraftForm }) {
  const { t } = useTranslation();
  const { draft, set, err } = form;
  return (
    <>
      <TextInput
        name="title"
        required
        label={t('gatherings.plan.name')}
        description={t('gatherings.plan.nameHelp')}
        value={draft.title}
        onChange={set('title')}
        limit={120}
        error={err('title')}
      />
      <TextInput
        name="description"
        multiline
        label={t('gatherings.plan.description')}
        value={draft.description}
        onChange={set('description')}
        limit={4000}
        error={err('description')}
      />
      <Choice<GroupFormat>
        name="format"
        required
        label={t('gatherings.plan.format')}
        value={draft.format}
        onChange={set('format')}
        options={groupFormats.map((f) => ({ value: f, label: t(`gatherings.formats.${f}`) }))}
        error={err('format')}
      />
    </>
  );
}

/**
 * How often, and when the first meeting is. A group may follow its own rhythm (`rhythm`); an
 * organisation's or the community's event chooses its time zone (`chooseZone`).
 */
export function WhenFields({
  form,
  rhythm,
  chooseZone,
}: {
  form: EventDraftForm;
  /** The group's meeting rhythm in words, when it has one (offered even without words). */
  rhythm?: string | null;
  chooseZone: boolean;
}) {
  const { t } = useTranslation();
  const locale = useDateLocale();
  const { draft, set, err } = form;
  const ownTimes = draft.repeats !== 'rhythm';
  // A start left out is said beside what is missing, the date or the time; the end follows
  // from the start, so its problems are said only once there is a start.
  const bothGiven = Boolean(draft.date && draft.time);
  const dateError = draft.date && !draft.time ? undefined : err('date');
  const timeError = draft.time ? undefined : err('time');
  const lengthError = bothGiven ? err('minutes') : undefined;
  const realDate = /^\d{4}-\d\d-\d\d$/.test(draft.date);
  const dateWords = realDate
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
  if (draft.repeats === 'monthly' && realDate) {
    const { nth, weekday } = monthlyRule(draft.date);
    const day = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 7 + weekday)),
    );
    monthlyWords = t('gatherings.plan.monthlyOn', {
      nth: t(`gatherings.plan.nth.${nth === -1 ? 'last' : nth}`),
      day,
    });
  }
  const zoneOptions = [
    ...timeZones.map((z) => ({ value: z, label: t(`groups.admin.zones.${z}`) })),
    ...((timeZones as readonly string[]).includes(draft.timeZone)
      ? []
      : [{ value: draft.timeZone, label: zoneName(draft.timeZone, locale) }]),
  ];
  return (
    <>
      <Choice<Repeat>
        name="repeats"
        required
        label={t('gatherings.plan.repeats')}
        value={draft.repeats}
        onChange={set('repeats')}
        options={repeatChoices
          .filter((r) => r !== 'rhythm' || typeof rhythm === 'string')
          .map((r) => ({ value: r, label: t(`gatherings.plan.repeatsOptions.${r}`) }))}
        error={err('repeats')}
      />
      {!ownTimes && rhythm && (
        <p>
          <strong>{t('gatherings.plan.rhythm', { rhythm })}</strong>
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
            error={dateError}
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
            error={timeError}
          />
          <Select
            name="minutes"
            label={t('gatherings.plan.length')}
            value={draft.minutes}
            onChange={set('minutes')}
            options={lengths.map((l) => ({ value: l, label: t(`gatherings.plan.lengths.${l}`) }))}
            error={lengthError}
          />
          {chooseZone ? (
            <Select
              name="timeZone"
              label={t('gatherings.plan.zoneChoice')}
              description={t('gatherings.plan.zoneChoiceHelp')}
              value={draft.timeZone}
              onChange={set('timeZone')}
              options={zoneOptions}
              error={err('timeZone')}
            />
          ) : (
            <p className="field-help">
              {t('gatherings.plan.timeZone', { zone: zoneName(draft.timeZone, locale) })}
            </p>
          )}
        </>
      )}
    </>
  );
}

/** Places at each meeting, carers counted. */
export function CapacityField({ form }: { form: EventDraftForm }) {
  const { t } = useTranslation();
  return (
    <NativeField
      id="capacity"
      type="number"
      required={false}
      label={t('gatherings.plan.capacity')}
      help={t('gatherings.plan.capacityHelp')}
      value={form.draft.capacity}
      onChange={form.set('capacity')}
      error={form.err('capacity')}
    />
  );
}

/** The place, for meetings in person: where, getting in and around, and how to get there. */
export function PlaceFields({ form }: { form: EventDraftForm }) {
  const { t } = useTranslation();
  const { draft, set, err, toggle, update } = form;
  if (draft.format === 'online') return null;
  return (
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
        error={err('placeName')}
      />
      <TextInput
        name="address"
        required
        label={t('gatherings.plan.address')}
        value={draft.address}
        onChange={set('address')}
        limit={300}
        error={err('address')}
      />
      <PlacePicker
        value={draft.place}
        onChange={(place) =>
          update({
            place,
            // The town found fills in an empty town; "my location" has no town's name.
            ...(place && !draft.town.trim() && place.id !== 'here' ? { town: place.name } : {}),
          })
        }
        label={t('gatherings.plan.mapPlace')}
        description={t('gatherings.plan.mapPlaceHelp')}
        error={err('place')}
      />
      <TextInput
        name="town"
        required
        label={t('gatherings.plan.town')}
        value={draft.town}
        onChange={set('town')}
        limit={80}
        error={err('town')}
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
            onChange={(on) => toggle('access', a, on)}
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
        error={err('accessNotes')}
      />
      <TextInput
        name="howToGetThere"
        multiline
        label={t('gatherings.plan.howToGetThere')}
        description={t('gatherings.plan.howToGetThereHelp')}
        value={draft.howToGetThere}
        onChange={set('howToGetThere')}
        limit={1000}
        error={err('howToGetThere')}
      />
    </fieldset>
  );
}

/**
 * The video room, for meetings online: a pasted link, or (`room`, the words for it) a room on
 * the organisation's own video service.
 */
export function VideoFields({
  form,
  room,
  roomLink,
}: {
  form: EventDraftForm;
  room?: string | undefined;
  /** The room already made, to show to those who run it. */
  roomLink?: string | null | undefined;
}) {
  const { t } = useTranslation();
  const { draft, set, err } = form;
  if (draft.format === 'in_person') return null;
  const kind = room ? draft.videoKind : 'link';
  return (
    <>
      {room && (
        <Choice<'room' | 'link'>
          name="videoKind"
          required
          label={t('gatherings.plan.videoKind')}
          value={draft.videoKind}
          onChange={set('videoKind')}
          options={[
            { value: 'room', label: room },
            { value: 'link', label: t('gatherings.plan.videoKindLink') },
          ]}
          error={kind === 'room' ? err('videoKind') : undefined}
        />
      )}
      {kind === 'room' && roomLink && <p className="group-link-text event-room-link">{roomLink}</p>}
      {kind === 'link' && (
        <NativeField
          id="videoLink"
          type="url"
          required
          label={t('gatherings.plan.videoLink')}
          help={t('gatherings.plan.videoLinkHelp')}
          value={draft.videoLink}
          onChange={set('videoLink')}
          error={err('videoLink')}
        />
      )}
    </>
  );
}

/** Which languages people speak at the meetings: one to five. */
export function LanguageFields({ form }: { form: EventDraftForm }) {
  const { t } = useTranslation();
  const { draft, toggle, err } = form;
  return (
    <fieldset className="group-ticks event-languages" aria-describedby="languages-help">
      <legend>{t('gatherings.plan.languages')}</legend>
      <p id="languages-help" className="field-help">
        {t('gatherings.plan.languagesHelp')}
      </p>
      <div className="event-languages-ticks">
        {groupLanguages.map((l, i) => (
          <Tick
            key={l}
            name={`language-${l}`}
            label={t(`groups.languages.${l}`)}
            checked={draft.languages.includes(l)}
            onChange={(on) => toggle('languages', l, on)}
            // Said once, under the first, which takes focus.
            error={i === 0 ? err('languages') : undefined}
          />
        ))}
      </div>
    </fieldset>
  );
}
