import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import type { FitsMeAnswers } from '../../../contract/groups';
import {
  accessFeatures,
  ageBands,
  aphasiaAnswers,
  type FitsMeQuestion,
  fitsMeQuestions,
  formatWishes,
  groupFocuses,
  groupLanguages,
  seekerRoles,
  sizeWishes,
} from '../../../contract/groups-values';
import { askFitsMe, getFitsMePrefill } from '../../api/groups';
import { useMe } from '../../session';
import { Choice, Notice, Select, Tick } from '../../ui/fields';
import { Icon, type IconName } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ReadAloud } from '../../ui/ReadAloud';
import { RichText } from '../../ui/RichText';
import { defaultKm, distanceOptions, useDistanceUnit, useDistanceWords } from './distance';
import { GroupCard } from './GroupCard';
import { PlacePicker, type SettlePlace } from './PlacePicker';
import { groupsKeys } from './queries';

const STORE = 'bt-fits-me';

interface Stored {
  answers: FitsMeAnswers;
  fromProfile: string[];
  prefilled: boolean;
}

function load(): Stored {
  try {
    const raw = sessionStorage.getItem(STORE);
    if (raw) return JSON.parse(raw) as Stored;
  } catch {
    // nothing kept yet
  }
  return { answers: {}, fromProfile: [], prefilled: false };
}

const pictures: Record<FitsMeQuestion, IconName> = {
  role: 'me',
  ageBand: 'events',
  aphasia: 'forum',
  format: 'video',
  place: 'pin',
  focus: 'groups',
  size: 'groups',
  access: 'door',
  languages: 'globe',
};

/** "Find a group that fits me": one question per screen, each skippable, each answer kept. */
export function FitsMePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [stored, setStored] = useState<Stored>(load);
  const prefill = useQuery({
    queryKey: groupsKeys.fitsMePrefill,
    queryFn: getFitsMePrefill,
    enabled: Boolean(me.data?.user) && !stored.prefilled,
  });
  useEffect(() => {
    if (prefill.data && !stored.prefilled) {
      setStored({
        answers: { ...prefill.data.answers, ...stored.answers },
        fromProfile: prefill.data.fromProfile,
        prefilled: true,
      });
    }
  }, [prefill.data, stored]);
  useEffect(() => {
    sessionStorage.setItem(STORE, JSON.stringify(stored));
  }, [stored]);

  const unit = useDistanceUnit();
  const words = useDistanceWords(unit);
  const settlePlace = useRef<SettlePlace | null>(null);
  const step = params.get('step');
  const results = useMutation({
    mutationFn: (answers: FitsMeAnswers) => askFitsMe(answers),
  });
  const showingResults = step === 'results';
  useEffect(() => {
    if (showingResults && stored.prefilled && results.isIdle) results.mutate(stored.answers);
  }, [showingResults, stored, results]);

  if (me.isPending) return <p>{t('app.loading')}</p>;
  if (!me.data?.user) return <Navigate to="/sign-in" replace />;
  if (!stored.prefilled) return <p role="status">{t('app.loading')}</p>;

  const go = (next: string) => setParams({ step: next });

  if (showingResults) {
    const matches = results.data?.matches;
    return (
      <Page title={t('groups.fitsMe.resultsTitle')}>
        <Instructions lines={[t('groups.fitsMe.resultsIntro')]} />
        {results.isPending && <p role="status">{t('groups.searching')}</p>}
        {results.isError && <Notice kind="problem">{results.error.message}</Notice>}
        {matches && matches.length === 0 && <p>{t('groups.fitsMe.noMatches')}</p>}
        <ol className="group-list">
          {matches?.map((m) => (
            <GroupCard
              key={m.group.id}
              group={m.group}
              reasons={m.reasons}
              unit={results.data?.unit ?? unit}
            />
          ))}
        </ol>
        <div className="actions">
          <Button
            className="button"
            onPress={() => {
              results.reset();
              go('0');
            }}
          >
            {t('groups.fitsMe.again')}
          </Button>
        </div>
      </Page>
    );
  }

  const index = Math.min(Math.max(Number(step ?? 0) || 0, 0), fitsMeQuestions.length - 1);
  const question = fitsMeQuestions[index]!;
  const last = index === fitsMeQuestions.length - 1;
  const set = (change: FitsMeAnswers) =>
    setStored((s) => ({ ...s, answers: { ...s.answers, ...change } }));
  const forward = async () => {
    if (question === 'place') {
      // A town typed but not tapped: take the one clear match, or stay and ask which.
      const typed = await settlePlace.current?.();
      if (typed === false) return;
      if (typed) set({ place: { lat: typed.lat, lng: typed.lng, label: typed.name } });
    }
    if (last) {
      results.reset();
      go('results');
    } else go(String(index + 1));
  };
  const skip = () => {
    const cleared: Record<FitsMeQuestion, FitsMeAnswers> = {
      role: { role: null },
      ageBand: { ageBand: null },
      aphasia: { aphasia: null },
      format: { format: null },
      place: { place: null, maxKm: null },
      focus: { focus: [] },
      size: { size: null },
      access: { access: [] },
      languages: { languages: [] },
    };
    set(cleared[question]);
    if (last) {
      results.reset();
      go('results');
    } else go(String(index + 1));
  };
  const a = stored.answers;
  const prefilled = stored.fromProfile.includes(question);
  // A carer is asked about the person they care for, not about their own stroke.
  const carerKey = `groups.fitsMe.questionsCaregiver.${question}`;
  const label =
    a.role === 'caregiver' && i18n.exists(carerKey)
      ? t(carerKey)
      : t(`groups.fitsMe.questions.${question}`);
  const options = <V extends string>(values: readonly V[]) =>
    values.map((value) => ({ value, label: t(`groups.fitsMe.answers.${question}.${value}`) }));

  return (
    <Page title={t('groups.fitsMe.title')}>
      <p className="group-step">
        {t('groups.fitsMe.step', { n: index + 1, total: fitsMeQuestions.length })}
      </p>
      {index === 0 && (
        <p>
          <RichText text={t('groups.fitsMe.intro')} />
        </p>
      )}
      <Form
        className="form fits-me"
        onSubmit={(e) => {
          e.preventDefault();
          void forward();
        }}
      >
        <div className="fits-me-question">
          <span className="big-picture" aria-hidden="true">
            <Icon name={pictures[question]} />
          </span>
          <ReadAloud
            text={index === 0 ? `${t('groups.fitsMe.intro').replace(/\*\*/g, '')} ${label}` : label}
          />
        </div>
        {prefilled && <p className="field-help">{t('groups.fitsMe.fromProfile')}</p>}
        {question === 'role' && (
          <Choice
            name="role"
            label={label}
            value={a.role ?? null}
            options={options(seekerRoles)}
            onChange={(role) => set({ role })}
          />
        )}
        {question === 'ageBand' && (
          <Choice
            name="ageBand"
            label={label}
            value={a.ageBand ?? null}
            options={options(ageBands)}
            onChange={(ageBand) => set({ ageBand })}
          />
        )}
        {question === 'aphasia' && (
          <Choice
            name="aphasia"
            label={label}
            value={a.aphasia ?? null}
            options={options(aphasiaAnswers)}
            onChange={(aphasia) => set({ aphasia })}
          />
        )}
        {question === 'format' && (
          <Choice
            name="format"
            label={label}
            value={a.format ?? null}
            options={options(formatWishes)}
            onChange={(format) => set({ format })}
          />
        )}
        {question === 'size' && (
          <Choice
            name="size"
            label={label}
            value={a.size ?? null}
            options={options(sizeWishes)}
            onChange={(size) => set({ size })}
          />
        )}
        {question === 'place' && (
          <>
            <PlacePicker
              value={
                a.place
                  ? { id: 'chosen', name: a.place.label, lat: a.place.lat, lng: a.place.lng }
                  : null
              }
              onChange={(p) =>
                set(
                  p
                    ? {
                        place: { lat: p.lat, lng: p.lng, label: p.name },
                        // The distance shown is the distance used.
                        maxKm: a.maxKm ?? defaultKm(unit),
                      }
                    : { place: null },
                )
              }
              country={me.data.user.country}
              label={label}
              settleRef={settlePlace}
            />
            {a.place && (
              <Select
                name="maxKm"
                label={t('groups.distance')}
                value={String(a.maxKm ?? defaultKm(unit))}
                onChange={(km) => set({ maxKm: Number(km) })}
                options={distanceOptions(unit).map((d) => ({
                  value: String(d.km),
                  label: words.upTo(d.shown),
                }))}
              />
            )}
          </>
        )}
        {(question === 'focus' || question === 'access') && (
          <fieldset className="group-ticks">
            <legend>{label}</legend>
            <p className="field-help">{t('groups.fitsMe.pickAny')}</p>
            {(question === 'focus' ? groupFocuses : accessFeatures).map((v) => {
              const list = (question === 'focus' ? (a.focus ?? []) : (a.access ?? [])) as string[];
              return (
                <Tick
                  key={v}
                  name={`${question}-${v}`}
                  label={t(question === 'focus' ? `groups.focuses.${v}` : `groups.access.${v}`)}
                  checked={list.includes(v)}
                  onChange={(on) => {
                    const next = on ? [...list, v] : list.filter((x) => x !== v);
                    set(
                      question === 'focus'
                        ? ({ focus: next } as FitsMeAnswers)
                        : ({ access: next } as FitsMeAnswers),
                    );
                  }}
                />
              );
            })}
          </fieldset>
        )}
        {question === 'languages' && (
          <Select
            name="language"
            label={label}
            value={a.languages?.[0] ?? ''}
            onChange={(l) => set({ languages: l ? [l as (typeof groupLanguages)[number]] : [] })}
            options={[
              { value: '', label: t('groups.languageAny') },
              ...groupLanguages.map((v) => ({ value: v, label: t(`groups.languages.${v}`) })),
            ]}
          />
        )}
        <div className="actions">
          <Button type="submit" className="button button-primary">
            {last ? t('groups.fitsMe.show') : t('groups.fitsMe.next')}
          </Button>
          <Button className="button" onPress={skip}>
            {t('groups.fitsMe.skip')}
          </Button>
          {index > 0 && (
            <Button className="button button-quiet" onPress={() => go(String(index - 1))}>
              {t('groups.fitsMe.back')}
            </Button>
          )}
        </div>
      </Form>
    </Page>
  );
}
