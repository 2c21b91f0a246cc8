import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/transport';
import { useStoredState } from '../../stored-state';
import { useFormProblem } from '../../ui/useFormProblem';
import { type DraftProblem, type EventDraft, serverFields } from './event-draft';

/**
 * An event form's draft (kept on this device until it is saved) and its problems in words.
 * A field's problem goes once the person changes that field; the others stay until sent again.
 */
export function useEventDraft(storageKey: string, initial: EventDraft) {
  const { t } = useTranslation();
  const problem = useFormProblem();
  const [draft, setDraft, clearDraft] = useStoredState<EventDraft>(storageKey, initial);
  const [changed, setChanged] = useState<ReadonlySet<keyof EventDraft>>(new Set());
  // useFormProblem moves focus to the first field with a problem; a choice of radios is marked
  // on its group, which cannot take focus, so focus goes to its chosen (or first) radio here.
  useEffect(() => {
    if (!problem.problem) return;
    const first = document.querySelector<HTMLElement>(
      'main [aria-invalid="true"], main [data-invalid] input',
    );
    if (first?.getAttribute('role') !== 'radiogroup') return;
    (
      first.querySelector<HTMLInputElement>('input:checked') ??
      first.querySelector<HTMLInputElement>('input')
    )?.focus();
  }, [problem.problem]);
  const touch = (key: keyof EventDraft) =>
    setChanged((c) => (c.has(key) ? c : new Set(c).add(key)));

  return {
    draft,
    problem,
    clearDraft,
    set:
      <K extends keyof EventDraft>(key: K) =>
      (value: EventDraft[K]) => {
        setDraft((d) => ({ ...d, [key]: value }));
        touch(key);
      },
    /** Changes several fields at once, as one choice does (a place found fills in the town). */
    update(change: Partial<EventDraft>) {
      setDraft((d) => ({ ...d, ...change }));
      for (const key of Object.keys(change) as (keyof EventDraft)[]) touch(key);
    },
    toggle<K extends 'access' | 'languages'>(key: K, value: EventDraft[K][number], on: boolean) {
      setDraft((d) => {
        const list = d[key] as string[];
        return { ...d, [key]: on ? [...list, value] : list.filter((x) => x !== value) };
      });
      touch(key);
    },
    /** The problem to show beside a field, from the server's names for it. */
    err(field: keyof EventDraft): string | undefined {
      if (changed.has(field)) return undefined;
      return (serverFields[field] ?? [field]).map((n) => problem.fieldError(n)).find(Boolean);
    },
    /** A problem found before sending, beside its field, with focus moved there. */
    refuse(found: DraftProblem) {
      const words = t(`gatherings.plan.${found.words}`);
      setChanged(new Set());
      const name = serverFields[found.field]?.[0] ?? found.field;
      problem.capture(new ApiProblem(0, words, { [name]: words }));
    },
    /** Before sending: the old problems go, so the server's answer is all that shows. */
    sending() {
      problem.clear();
      setChanged(new Set());
    },
  };
}

export type EventDraftForm = ReturnType<typeof useEventDraft>;
