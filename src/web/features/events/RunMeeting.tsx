import { useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { EventDetail, Meeting } from '../../../contract/events';
import { changeMeeting } from '../../api/events';
import { Notice, SubmitButton } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';
import { NativeField } from './NativeField';
import { useRefresh } from './queries';
import { WhoCame } from './WhoCame';
import { WhoIsComing } from './WhoIsComing';
import { localParts, zoneName } from './when';

/** Move or cancel one meeting (those who run it); the series stays as it is. */
export function RunMeeting({ event: e, meeting: m }: { event: EventDetail; meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh();
  const problem = useFormProblem();
  const start = localParts(m.startsAt, e.timeZone);
  const end = localParts(m.endsAt, e.timeZone);
  const [open, setOpen] = useState<'move' | 'cancel' | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const wasOpen = useRef<typeof open>(null);
  // The button pressed goes away: keyboard focus goes to what took its place, and back again.
  useEffect(() => {
    const before = wasOpen.current;
    wasOpen.current = open;
    if (before === open) return;
    const at = (selector: string) => box.current?.querySelector<HTMLElement>(selector)?.focus();
    if (open === 'cancel') at('.confirm p');
    else if (open === 'move') at('input');
    else if (box.current?.querySelector('.event-run-notice')) at('.event-run-notice');
    else at(before === 'move' ? '.event-run-move' : '.event-run-cancel');
  }, [open]);
  const [date, setDate] = useState(start.date);
  const [from, setFrom] = useState(start.time);
  const [to, setTo] = useState(end.time);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = m.start.replace(/[^0-9a-z]/gi, '');
  // Who came can be marked once the meeting has begun.
  const begun = new Date(m.startsAt).getTime() <= Date.now();

  const send = (body: Parameters<typeof changeMeeting>[1], done: string) => {
    if (busy) return;
    setBusy(true);
    problem.clear();
    setSaid(null);
    changeMeeting(e.id, body)
      .then(async () => {
        setSaid(done);
        setOpen(null);
        await refresh();
      })
      .catch((err: unknown) => problem.capture(err))
      .finally(() => setBusy(false));
  };

  return (
    <div className="event-run" ref={box}>
      <h4>{t('gatherings.event.runTitle')}</h4>
      <p className="field-help">{t('gatherings.event.runHelp')}</p>
      {said && (
        <div className="event-run-notice" tabIndex={-1}>
          <Notice kind="ok">{said}</Notice>
        </div>
      )}
      {!m.cancelled && begun && <WhoCame eventId={e.id} start={m.start} />}
      {!m.cancelled && <WhoIsComing eventId={e.id} start={m.start} />}
      {open === null && (
        <div className="actions">
          {m.cancelled ? (
            <Button
              className="button"
              isDisabled={busy}
              onPress={() =>
                send({ start: m.start, cancelled: false }, t('gatherings.event.putBackDone'))
              }
            >
              {t('gatherings.event.putBack')}
            </Button>
          ) : (
            <>
              <Button className="button event-run-move" onPress={() => setOpen('move')}>
                {t('gatherings.event.move')}
              </Button>
              <Button
                className="button button-danger event-run-cancel"
                onPress={() => setOpen('cancel')}
              >
                {t('gatherings.event.cancelOne')}
              </Button>
            </>
          )}
        </div>
      )}
      {open === 'cancel' && (
        <div className="confirm">
          <p tabIndex={-1}>{t('gatherings.event.cancelConfirm')}</p>
          <div className="actions">
            <Button
              className="button button-danger"
              isDisabled={busy}
              onPress={() =>
                send({ start: m.start, cancelled: true }, t('gatherings.event.cancelledOne'))
              }
            >
              {t('gatherings.event.cancelYes')}
            </Button>
            <Button className="button" onPress={() => setOpen(null)}>
              {t('gatherings.event.cancelNo')}
            </Button>
          </div>
        </div>
      )}
      {open === 'move' && (
        <Form
          className="form"
          aria-label={t('gatherings.event.move')}
          onSubmit={(ev) => {
            ev.preventDefault();
            send(
              {
                start: m.start,
                cancelled: false,
                newStartLocal: `${date}T${from}`,
                newEndLocal: `${date}T${to}`,
              },
              t('gatherings.event.moved'),
            );
          }}
        >
          <p className="field-help">
            {t('gatherings.plan.timeZone', {
              zone: zoneName(e.timeZone, i18n.language === 'en-US' ? 'en-US' : 'en-GB'),
            })}
          </p>
          <NativeField
            id={`move-date-${key}`}
            type="date"
            label={t('gatherings.event.moveDate')}
            value={date}
            onChange={setDate}
            error={problem.fieldError('newStartLocal')}
          />
          <NativeField
            id={`move-from-${key}`}
            type="time"
            label={t('gatherings.event.moveStart')}
            value={from}
            onChange={setFrom}
          />
          <NativeField
            id={`move-to-${key}`}
            type="time"
            label={t('gatherings.event.moveEnd')}
            value={to}
            onChange={setTo}
            error={problem.fieldError('newEndLocal')}
          />
          <div className="actions">
            <SubmitButton busy={busy}>{t('gatherings.event.moveSave')}</SubmitButton>
            <Button className="button" onPress={() => setOpen(null)}>
              {t('gatherings.event.close')}
            </Button>
          </div>
        </Form>
      )}
      <ProblemSummary problem={problem.problem} />
    </div>
  );
}
