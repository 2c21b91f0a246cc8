import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { EventDetail } from '../../../contract/events';
import { cancelEvent, getEvent, updateEvent } from '../../api/events';
import { Notice, SubmitButton } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { SignInFirst } from '../../ui/SignInFirst';
import { useFormProblem } from '../../ui/useFormProblem';
import { NotFoundPage } from '../home/NotFoundPage';
import { AboutFields, CapacityField, PlaceFields, VideoFields } from './EventFormFields';
import { changesOf, draftProblem, type EventDraft, emptyDraft } from './event-draft';
import { ownerName } from './MeetingCard';
import { eventsKeys, useRefresh } from './queries';
import { useEventDraft } from './useEventDraft';

/** `/events/:id/change`: those who run an event change it for every meeting, or cancel it. */
export function ChangeEventPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('gatherings.change.title')} why={t('gatherings.signInWhy')}>
      {() => <ChangeEvent />}
    </SignInFirst>
  );
}

function ChangeEvent() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useQuery({
    queryKey: eventsKeys.detail(id),
    queryFn: () => getEvent(id),
    retry: false,
  });
  if (event.isPending) return <p role="status">{t('app.loading')}</p>;
  if (event.isError || !event.data || !event.data.canManage) return <NotFoundPage />;
  const e = event.data;
  if (e.cancelled) {
    return (
      <Page title={t('gatherings.change.title')}>
        <p className="group-card-org" dir="auto">
          {e.title}
        </p>
        <Notice kind="problem">
          <strong>{t('gatherings.event.cancelledAll')}</strong>
        </Notice>
        <BackToEvent event={e} />
      </Page>
    );
  }
  return <ChangeForm event={e} />;
}

/** The video room as those who run the event see it: on the first meeting still on. */
function videoLinkOf(e: EventDetail): string | null {
  return e.meetings.find((m) => m.videoLink)?.videoLink ?? null;
}

/** The event as it is now, in the form's words. */
function draftOf(e: EventDetail): EventDraft {
  const venue = e.venue;
  return {
    ...emptyDraft,
    title: e.title,
    description: e.description,
    format: e.format,
    timeZone: e.timeZone,
    capacity: e.capacity === null ? '' : String(e.capacity),
    placeName: venue?.name ?? '',
    address: venue?.address ?? '',
    town: venue?.town ?? '',
    place:
      venue && venue.lat !== null && venue.lng !== null
        ? { id: 'venue', name: venue.town, lat: venue.lat, lng: venue.lng }
        : null,
    access: venue?.access ?? [],
    accessNotes: venue?.accessNotes ?? '',
    howToGetThere: venue?.howToGetThere ?? '',
    videoKind: e.videoKind ?? 'link',
    videoLink: e.videoKind === 'link' ? (videoLinkOf(e) ?? '') : '',
    languages: e.languages,
  };
}

function ChangeForm({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const form = useEventDraft(`change-event-${e.id}`, draftOf(e));
  const { draft } = form;
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);

  const submit = () => {
    if (busy) return;
    setSaid(null);
    const found = draftProblem(draft);
    if (found) {
      form.refuse(found);
      return;
    }
    const changes = changesOf(draftOf(e), draft);
    if (Object.keys(changes).length === 0) {
      form.sending();
      setSaid(t('gatherings.change.nothing'));
      return;
    }
    setBusy(true);
    form.sending();
    updateEvent(e.id, changes)
      .then(async () => {
        form.clearDraft();
        setSaid(t('gatherings.change.saved'));
        await refresh();
      })
      .catch((err: unknown) => form.problem.capture(err))
      .finally(() => setBusy(false));
  };

  return (
    <Page title={t('gatherings.change.title')}>
      <p className="group-card-org" dir="auto">
        {e.title}. {ownerName(e.owner, t)}
      </p>
      <Instructions
        lines={[
          t('gatherings.change.intro'),
          t('gatherings.change.times'),
          t('gatherings.plan.draftKept'),
        ]}
      />
      <Form
        className="form"
        aria-label={t('gatherings.change.title')}
        onSubmit={(ev) => {
          ev.preventDefault();
          submit();
        }}
      >
        <AboutFields form={form} />
        <CapacityField form={form} />
        <PlaceFields form={form} />
        <VideoFields
          form={form}
          room={e.videoKind === 'room' ? t('gatherings.change.videoKeepRoom') : undefined}
          roomLink={e.videoKind === 'room' ? videoLinkOf(e) : null}
        />
        <ProblemSummary problem={form.problem.problem} />
        {said && <Notice kind="ok">{said}</Notice>}
        <div className="actions">
          <SubmitButton busy={busy}>{t('gatherings.change.save')}</SubmitButton>
        </div>
      </Form>
      <CancelWholeEvent event={e} />
      <BackToEvent event={e} />
    </Page>
  );
}

/** "Cancel the whole event", after a question; everyone who said yes is told. */
function CancelWholeEvent({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefresh();
  const problem = useFormProblem();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  // The question takes focus so it is read out; "No, keep it" brings focus back.
  useEffect(() => {
    if (asking) question.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const cancel = () => {
    if (busy) return;
    setBusy(true);
    problem.clear();
    cancelEvent(e.id)
      .then(async () => {
        await refresh();
        await navigate(`/events/${e.id}`);
      })
      .catch((err: unknown) => problem.capture(err))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-labelledby="cancel-all-title" className="section">
      <h2 id="cancel-all-title">{t('gatherings.change.cancelTitle')}</h2>
      <p>{t('gatherings.change.cancelHelp')}</p>
      {asking ? (
        <div className="confirm">
          <p ref={question} tabIndex={-1}>
            <strong>{t('gatherings.change.cancelConfirm')}</strong>
          </p>
          <div className="actions">
            <Button className="button button-danger" isDisabled={busy} onPress={cancel}>
              {t('gatherings.change.cancelYes')}
            </Button>
            <Button className="button" onPress={() => setAsking(false)}>
              {t('gatherings.change.cancelNo')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <Button ref={opener} className="button button-danger" onPress={() => setAsking(true)}>
            {t('gatherings.change.cancelTitle')}
          </Button>
        </div>
      )}
      <ProblemSummary problem={problem.problem} />
    </section>
  );
}

function BackToEvent({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={`/events/${e.id}`} className="button button-quiet">
        {t('gatherings.change.back')}
      </Link>
    </p>
  );
}
