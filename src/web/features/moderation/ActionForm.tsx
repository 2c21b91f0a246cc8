import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActionReason,
  actionReasons,
  type ModerationAction,
  restrictionDays,
} from '../../../contract/moderation';
import { actOnCase } from '../../api/moderation';
import { ApiProblem } from '../../api/transport';
import { Choice, SendProblem, TextInput } from '../../ui/fields';
import { lengthOf } from '../../ui/limits';

const NOTE_MAX = 500;
type Days = '1' | '7' | '30' | 'none';
type Errors = { reason?: string; days?: string; note?: string };

/** The reasons read as the person acted on will read them; a capital starts each choice. */
const capital = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** One chosen action: why (radio buttons with words), how long for a pause, and a note. */
export function ActionForm({
  caseId,
  action,
  onDone,
  onCancel,
  onConflict,
}: {
  caseId: string;
  action: ModerationAction;
  onDone(action: ModerationAction, reason: ActionReason, note: string | null): void;
  onCancel(): void;
  /** Someone else has the case now, or it closed: the page says so and looks again. */
  onConflict(error: ApiProblem): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ActionReason | null>(null);
  const [days, setDays] = useState<Days | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<{ text: string; at: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const needsDays = action === 'mute' || action === 'suspend';

  // The form opens where the buttons were: focus goes to its title, so it is read first.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const check = (next: { reason: ActionReason | null; days: Days | null; note: string }) => {
    const found: Errors = {};
    if (!next.reason) found.reason = t('moderation.page.act.reasonNeeded');
    if (needsDays && !next.days) found.days = t('moderation.page.act.daysNeeded');
    if (next.reason === 'other' && lengthOf(next.note) < 2) {
      found.note = t('moderation.page.act.noteNeeded');
    }
    if (lengthOf(next.note) > NOTE_MAX) found.note = t('moderation.fields.note.tooLong');
    return found;
  };
  const focusFirstError = (found: Errors) =>
    requestAnimationFrame(() => {
      const group = found.reason ? 'reason' : found.days ? 'days' : null;
      const target = group
        ? form.current?.querySelector<HTMLElement>(`[data-group="${group}"] input[type="radio"]`)
        : form.current?.querySelector<HTMLElement>('textarea');
      target?.focus();
    });

  const send = useMutation({
    networkMode: 'always',
    mutationFn: () =>
      actOnCase(caseId, {
        action,
        // Sent only after check() found a reason chosen.
        reason: reason as ActionReason,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(days && days !== 'none' ? { days: Number(days) as 1 | 7 | 30 } : {}),
      }),
    onMutate: () => setProblem(null),
    onSuccess: () => onDone(action, reason as ActionReason, note.trim() || null),
    onError: (error) => {
      const failed = error instanceof ApiProblem ? error : new ApiProblem(0, String(error));
      if (failed.status === 409) {
        onConflict(failed);
        return;
      }
      const onFields: Errors = {
        ...(failed.errors.reason ? { reason: failed.errors.reason } : {}),
        ...(failed.errors.days ? { days: failed.errors.days } : {}),
        ...(failed.errors.note ? { note: failed.errors.note } : {}),
      };
      setErrors(onFields);
      setProblem({ text: failed.title, at: Date.now() });
    },
  });

  const dayOptions: { value: Days; label: string }[] = [
    ...restrictionDays.map((n) => ({
      value: String(n) as Days,
      label: t('moderation.page.act.day', { count: n }),
    })),
    ...(action === 'mute'
      ? [{ value: 'none' as Days, label: t('moderation.page.act.forGood') }]
      : []),
  ];
  const headingId = `act-${caseId}-heading`;
  const fieldErrors = Boolean(errors.reason || errors.days || errors.note);

  return (
    <form
      ref={form}
      className="act-form form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        if (send.isPending) return;
        const found = check({ reason, days, note });
        setErrors(found);
        if (Object.keys(found).length > 0) {
          focusFirstError(found);
          return;
        }
        send.mutate();
      }}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('moderation.page.act.chosen', { action: t(`moderation.page.actions.${action}`) })}
      </h3>
      <p>{t(`moderation.page.actionHelp.${action}`)}</p>
      <div data-group="reason">
        <Choice
          name={`reason-${caseId}`}
          label={t('moderation.page.act.reason')}
          value={reason}
          required
          options={actionReasons.map((value) => ({
            value,
            label: capital(t(`moderation.reasons.${value}`)),
          }))}
          onChange={(value) => {
            setReason(value);
            setErrors((old) => {
              const { reason: _gone, ...rest } = old;
              return rest.note
                ? { ...rest, note: check({ reason: value, days, note }).note }
                : rest;
            });
          }}
          error={errors.reason}
        />
      </div>
      {needsDays && (
        <div data-group="days">
          <Choice
            name={`days-${caseId}`}
            label={t('moderation.page.act.days')}
            {...(action === 'mute' ? { description: t('moderation.page.act.daysMuteHelp') } : {})}
            value={days}
            required
            options={dayOptions}
            onChange={(value) => {
              setDays(value);
              setErrors(({ days: _gone, ...rest }) => rest);
            }}
            error={errors.days}
          />
        </div>
      )}
      <TextInput
        name={`note-${caseId}`}
        label={t('moderation.page.act.note')}
        description={t('moderation.page.act.noteHelp')}
        multiline
        required={reason === 'other'}
        limit={NOTE_MAX}
        value={note}
        onChange={(value) => {
          setNote(value);
          if (errors.note)
            setErrors((old) => ({ ...old, note: check({ reason, days, note: value }).note }));
        }}
        error={errors.note}
      />
      <div className="actions">
        <button
          type="submit"
          className={
            action === 'ban' || action === 'hide' ? 'button button-danger' : 'button button-primary'
          }
          aria-disabled={send.isPending}
        >
          {send.isPending ? t('moderation.page.act.doing') : t('moderation.page.act.do')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('moderation.page.act.chooseAgain')}
        </button>
      </div>
      {problem && (
        <SendProblem takeFocus={!fieldErrors} attempt={problem.at}>
          {problem.text}
        </SendProblem>
      )}
    </form>
  );
}
