import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { EventDetail, Meeting, RsvpAnswer } from '../../../contract/events';
import { rsvpAnswers } from '../../../contract/events';
import { answerMeeting, calendarFileHref, getEvent } from '../../api/events';
import { ApiProblem } from '../../api/transport';
import { Choice, Notice, SubmitButton, TextInput, Tick } from '../../ui/fields';
import { Icon } from '../../ui/Icon';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { SignInFirst } from '../../ui/SignInFirst';
import { useFormProblem } from '../../ui/useFormProblem';
import { NotFoundPage } from '../home/NotFoundPage';
import { languagesWords, MeetingState, ownerName } from './MeetingCard';
import { AccessList, FormatLine } from './pictures';
import { eventsKeys, useRefresh } from './queries';
import { RunMeeting } from './RunMeeting';

/** `/events/:id`: one event, where it is, how to get in, and its next meetings to answer. */
export function EventPage() {
  const { t } = useTranslation();
  return (
    <SignInFirst title={t('gatherings.title')} why={t('gatherings.signInWhy')}>
      {() => <EventView />}
    </SignInFirst>
  );
}

function EventView() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const event = useQuery({
    queryKey: eventsKeys.detail(id),
    queryFn: () => getEvent(id),
    retry: false,
  });
  if (event.isPending) return <p role="status">{t('app.loading')}</p>;
  if (event.isError || !event.data) return <NotFoundPage />;
  const e = event.data;
  const upcoming = e.meetings.filter((m) => !m.cancelled);
  const spoken = languagesWords(e.languages, i18n.resolvedLanguage ?? i18n.language, t);
  return (
    <Page title={e.title}>
      <p className="group-card-org" dir="auto">
        {ownerName(e.owner, t)}
      </p>
      {e.cancelled && (
        <Notice kind="problem">
          <strong>{t('gatherings.event.cancelledAll')}</strong>
        </Notice>
      )}
      {upcoming[0] && (
        <p className="event-when">
          <time dateTime={upcoming[0].startsAt}>
            <strong>{upcoming[0].text}</strong>
          </time>
        </p>
      )}
      <FormatLine format={e.format} />
      {spoken && <p>{spoken}</p>}
      {e.canManage && !e.cancelled && (
        <div className="actions">
          <Link to={`/events/${e.id}/change`} className="button">
            <Icon name="write" />
            <span>{t('gatherings.change.link')}</span>
          </Link>
        </div>
      )}
      {e.description && (
        <section aria-labelledby="about-title" className="section">
          <h2 id="about-title">{t('gatherings.event.description')}</h2>
          <p dir="auto" className="event-text">
            {e.description}
          </p>
        </section>
      )}
      <Where event={e} />
      <section aria-labelledby="calendar-title" className="section">
        <h2 id="calendar-title">{t('gatherings.event.calendar')}</h2>
        <p>{t('gatherings.event.calendarHelp')}</p>
        <a className="button" href={calendarFileHref(e.id)} download>
          <Icon name="events" />
          <span>{t('gatherings.event.calendar')}</span>
        </a>
      </section>
      <section aria-labelledby="meetings-title" className="section">
        <h2 id="meetings-title">{t('gatherings.event.meetingsTitle')}</h2>
        <p>{t('gatherings.zone', { zone: e.zone })}</p>
        {e.meetings.length === 0 && <p>{t('gatherings.event.meetingsNone')}</p>}
        <MeetingList event={e} />
      </section>
      <div className="actions">
        {e.owner.group && (
          <Link to={`/groups/${e.owner.group.id}`} className="button">
            {t('gatherings.event.toGroup')}
          </Link>
        )}
        <Link to="/events" className="button">
          {t('gatherings.event.back')}
        </Link>
      </div>
    </Page>
  );
}

function Where({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="where-title" className="section">
      <h2 id="where-title">{t('gatherings.event.whereTitle')}</h2>
      {e.format === 'online' && <p>{t('gatherings.event.onlineOnly')}</p>}
      {e.venue && (
        <>
          <p dir="auto">
            <strong>{e.venue.name}</strong>
            <br />
            {e.venue.address}
            <br />
            {e.venue.town}
          </p>
          <h3>{t('gatherings.event.accessTitle')}</h3>
          {e.venue.access.length === 0 ? (
            <p>{t('gatherings.event.accessNone')}</p>
          ) : (
            <AccessList access={e.venue.access} />
          )}
          {e.venue.accessNotes && (
            <p dir="auto" className="event-text">
              {e.venue.accessNotes}
            </p>
          )}
          {e.venue.howToGetThere && (
            <>
              <h3>{t('gatherings.event.howToGetThere')}</h3>
              <p dir="auto" className="event-text">
                {e.venue.howToGetThere}
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}

const FIRST_SHOWN = 4;

/** A few meetings at a time, so the page stays short; more on a tap. */
function MeetingList({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(FIRST_SHOWN);
  // The next meeting one can still answer opens its answer at once; the others on a tap.
  const firstOpen = e.meetings.find((m) => !m.cancelled)?.start;
  return (
    <>
      <ul className="group-list">
        {e.meetings.slice(0, shown).map((m) => (
          <MeetingBlock key={m.start} event={e} meeting={m} startOpen={m.start === firstOpen} />
        ))}
      </ul>
      {e.meetings.length > shown && (
        <Button className="button" onPress={() => setShown((n) => n + FIRST_SHOWN)}>
          {t('gatherings.event.showMore')}
        </Button>
      )}
    </>
  );
}

function MeetingBlock({
  event: e,
  meeting: m,
  startOpen,
}: {
  event: EventDetail;
  meeting: Meeting;
  startOpen: boolean;
}) {
  const { t } = useTranslation();
  const [answering, setAnswering] = useState(startOpen && !m.me);
  const headingId = `meeting-${m.start.replace(/[^0-9a-z]/gi, '')}`;
  const canAnswer = !m.cancelled && !e.cancelled;
  return (
    <li className="group-card event-meeting" aria-labelledby={headingId}>
      <h3 id={headingId} className="group-card-title">
        <time dateTime={m.startsAt}>{m.text}</time>
      </h3>
      <MeetingState meeting={m} />
      {!m.cancelled && (
        <p>
          {t('gatherings.event.going', { count: m.going })}
          {m.waiting > 0 && `, ${t('gatherings.event.waiting', { count: m.waiting })}`}
        </p>
      )}
      {e.hasVideo && !m.cancelled && (m.videoLink || answering) && <VideoLink meeting={m} />}
      {canAnswer &&
        (answering ? (
          <Answer event={e} meeting={m} />
        ) : (
          <div className="actions">
            <Button className="button button-primary" onPress={() => setAnswering(true)}>
              {m.me ? t('gatherings.event.change') : t('gatherings.event.answerOpen')}
            </Button>
          </div>
        ))}
      {e.canManage && !e.cancelled && <RunMeeting event={e} meeting={m} />}
    </li>
  );
}

function VideoLink({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (!m.videoLink) return <p>{t('gatherings.event.videoGoing')}</p>;
  return (
    <div className="event-video">
      <p className="group-link-text">{m.videoLink}</p>
      <a className="button" href={m.videoLink} rel="noopener noreferrer" target="_blank">
        <Icon name="video" />
        <span>{t('gatherings.event.videoOpen')}</span>
      </a>
    </div>
  );
}

function Answer({ event: e, meeting: m }: { event: EventDetail; meeting: Meeting }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const problem = useFormProblem();
  const [answer, setAnswer] = useState<RsvpAnswer | null>(m.me?.answer ?? null);
  const [carer, setCarer] = useState(m.me?.carer ?? false);
  const [needs, setNeeds] = useState(m.me?.accessNeeds ?? '');
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = m.start.replace(/[^0-9a-z]/gi, '');
  return (
    <Form
      className="form event-answer"
      aria-label={`${t('gatherings.event.answerTitle')} ${m.text}`}
      onSubmit={(ev) => {
        ev.preventDefault();
        if (busy) return;
        problem.clear();
        setSaid(null);
        if (!answer) {
          const words = t('gatherings.event.answerNeeded');
          problem.capture(new ApiProblem(0, words, { answer: words }));
          return;
        }
        setBusy(true);
        answerMeeting(e.id, {
          start: m.start,
          answer,
          carer: answer === 'not_going' ? false : carer,
          accessNeeds: needs,
        })
          .then(async (result) => {
            setSaid(result.message);
            await refresh();
          })
          .catch((err: unknown) => problem.capture(err))
          .finally(() => setBusy(false));
      }}
    >
      <Choice<RsvpAnswer>
        name={`answer-${key}`}
        label={t('gatherings.event.answerTitle')}
        value={answer}
        onChange={(a) => {
          setAnswer(a);
          if (problem.fieldError('answer')) problem.clear();
        }}
        options={rsvpAnswers.map((a) => ({ value: a, label: t(`gatherings.event.answers.${a}`) }))}
        error={problem.fieldError('answer')}
      />
      {answer !== 'not_going' && (
        <Tick
          name={`carer-${key}`}
          label={t('gatherings.event.carer')}
          checked={carer}
          onChange={setCarer}
          error={problem.fieldError('carer')}
        />
      )}
      {answer !== 'not_going' && (
        <TextInput
          name={`needs-${key}`}
          multiline
          label={t('gatherings.event.needs')}
          description={t('gatherings.event.needsHelp')}
          value={needs}
          onChange={setNeeds}
          limit={500}
          error={problem.fieldError('accessNeeds')}
        />
      )}
      <ProblemSummary problem={problem.problem} />
      {said && <Notice kind="ok">{said}</Notice>}
      <SubmitButton busy={busy}>{t('gatherings.event.save')}</SubmitButton>
    </Form>
  );
}
