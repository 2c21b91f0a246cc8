import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { MeetingPeople } from '../../../contract/events';
import { getAttendance, getMeetingPeople, saveAttendance } from '../../api/events';
import { Notice, SubmitButton, Tick } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';

type Person = MeetingPeople['going'][number];

/** Everyone who answered, those going first, each once. */
function answered(people: MeetingPeople): Person[] {
  const seen = new Set<string>();
  return [...people.going, ...people.waiting, ...people.maybe, ...people.notGoing].filter((p) => {
    if (seen.has(p.id)) return false;
    seen.add(p.id);
    return true;
  });
}

/**
 * For those who run it, once a meeting has begun: "Who came?", a big tick box per person who
 * answered (those going ticked to start with, or as saved before), and "Save who came".
 */
export function WhoCame({ eventId, start }: { eventId: string; start: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const problem = useFormProblem();
  const people = useQuery({
    queryKey: ['events', 'people', eventId, start],
    queryFn: () => getMeetingPeople(eventId, start),
    retry: false,
  });
  const marked = useQuery({
    queryKey: ['events', 'attendance', eventId, start],
    queryFn: () => getAttendance(eventId, start),
    retry: false,
  });
  const [came, setCame] = useState<Set<string> | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = start.replace(/[^0-9a-z]/gi, '');
  const titleId = `who-came-${key}`;

  // Ticked to start with: who was saved before, else everyone going.
  useEffect(() => {
    if (came !== null || !people.data || !marked.data) return;
    const before = marked.data.came;
    setCame(new Set(before.length > 0 ? before : people.data.going.map((p) => p.id)));
  }, [came, people.data, marked.data]);

  const list = people.data ? answered(people.data) : [];
  const loadProblem = people.error ?? marked.error;
  return (
    <section className="event-came" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('gatherings.came.title')}</h4>
      {(people.isPending || marked.isPending) && <p role="status">{t('app.loading')}</p>}
      {loadProblem && <Notice kind="problem">{loadProblem.message}</Notice>}
      {people.data && list.length === 0 && <p>{t('gatherings.came.nobody')}</p>}
      {came && list.length > 0 && (
        <Form
          className="form"
          aria-labelledby={titleId}
          onSubmit={(ev) => {
            ev.preventDefault();
            if (busy) return;
            problem.clear();
            setSaid(null);
            setBusy(true);
            saveAttendance(eventId, {
              start,
              came: list.filter((p) => came.has(p.id)).map((p) => p.id),
            })
              .then(async (result) => {
                setSaid(result.message);
                await client.invalidateQueries({ queryKey: ['events', 'attendance'] });
              })
              .catch((err: unknown) => problem.capture(err))
              .finally(() => setBusy(false));
          }}
        >
          <p className="field-help">{t('gatherings.came.help')}</p>
          <fieldset className="event-came-ticks">
            <legend className="visually-hidden">{t('gatherings.came.title')}</legend>
            {list.map((p) => (
              <Tick
                key={p.id}
                name={`came-${key}-${p.id}`}
                label={
                  <span dir="auto">
                    {p.displayName}
                    {p.carer && ` ${t('gatherings.people.withCarer')}`}
                  </span>
                }
                checked={came.has(p.id)}
                onChange={(on) => {
                  setSaid(null);
                  setCame((before) => {
                    const next = new Set(before);
                    if (on) next.add(p.id);
                    else next.delete(p.id);
                    return next;
                  });
                }}
              />
            ))}
          </fieldset>
          <p>{t('gatherings.came.ticked', { count: list.filter((p) => came.has(p.id)).length })}</p>
          <ProblemSummary problem={problem.problem} />
          {said && <Notice kind="ok">{said}</Notice>}
          <SubmitButton busy={busy}>{t('gatherings.came.save')}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
