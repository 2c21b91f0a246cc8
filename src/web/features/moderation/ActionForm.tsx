import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forumLimits } from '../../../contract/forum-limits';
import {
  type ActionReason,
  actionReasons,
  type CaseDetail,
  type ModerationAction,
  restrictionDays,
} from '../../../contract/moderation';
import { actOnCase } from '../../api/moderation';
import { ApiProblem } from '../../api/transport';
import { Choice, SendProblem, TextInput } from '../../ui/fields';
import { lengthOf } from '../../ui/limits';

const NOTE_MAX = 500;
type Days = '1' | '7' | '30' | 'none';
type Errors = { reason?: string; days?: string; note?: string; words?: string; title?: string };

/** A moderator's new words for a post, as the edit sent them. */
export type EditedWords = { body: string; title: string | null };

/** The reasons read as the person acted on will read them; a capital starts each choice. */
const capital = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * One chosen action: why (radio buttons with words), how long for a pause, a note, and for an
 * edit the new words, starting from the words as written.
 */
export function ActionForm({
  caseId,
  action,
  currentWords = null,
  onDone,
  onCancel,
  onConflict,
}: {
  caseId: string;
  action: ModerationAction;
  /** The post's words as written (markdown), for an edit. */
  currentWords?: CaseDetail['currentWords'];
  onDone(
    action: ModerationAction,
    reason: ActionReason,
    note: string | null,
    edited: EditedWords | null,
  ): void;
  onCancel(): void;
  /** Someone else has the case now, or it closed: the page says so and looks again. */
  onConflict(error: ApiProblem): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ActionReason | null>(null);
  const [days, setDays] = useState<Days | null>(null);
  const [note, setNote] = useState('');
  const [words, setWords] = useState(currentWords?.body ?? '');
  const [title, setTitle] = useState(currentWords?.title ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<{ text: string; at: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const needsDays = action === 'mute' || action === 'suspend';
  const editing = action === 'edit';
  const hasTitle = editing && currentWords?.title !== null && currentWords?.title !== undefined;

  // The form opens where the buttons were: focus goes to its title, so it is read first.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  type Draft = { reason: ActionReason | null; days: Days | null; note: string };
  const checkWords = (body: string, heading: string): Pick<Errors, 'words' | 'title'> => {
    if (!editing) return {};
    const found: Pick<Errors, 'words' | 'title'> = {};
    if (body.trim() === '') found.words = t('moderation.page.act.wordsNeeded');
    else if (lengthOf(body) > forumLimits.body.max) found.words = t('forum.fields.body.tooLong');
    if (hasTitle && lengthOf(heading.trim()) < forumLimits.title.min) {
      found.title = t('moderation.page.act.titleNeeded');
    } else if (hasTitle && lengthOf(heading) > forumLimits.title.max) {
      found.title = t('forum.fields.title.tooLong');
    }
    const same =
      body.trim() === (currentWords?.body ?? '').trim() &&
      (!hasTitle || heading.trim() === (currentWords?.title ?? '').trim());
    if (!found.words && !found.title && same) found.words = t('moderation.page.act.wordsSame');
    return found;
  };
  const check = (next: Draft) => {
    const found: Errors = { ...checkWords(words, title) };
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
      const field = found.title ? 'title' : found.words ? 'words' : null;
      const group = found.reason ? 'reason' : found.days ? 'days' : null;
      const target = field
        ? form.current?.querySelector<HTMLElement>(
            `[data-field="${field}"] input, [data-field="${field}"] textarea`,
          )
        : group
          ? form.current?.querySelector<HTMLElement>(`[data-group="${group}"] input[type="radio"]`)
          : form.current?.querySelector<HTMLElement>('[data-field="note"] textarea');
      target?.focus();
    });

  // A title is sent only when it changed: the same title again is no change to make.
  const newTitle = hasTitle && title.trim() !== currentWords?.title ? title.trim() : null;
  const send = useMutation({
    networkMode: 'always',
    mutationFn: () =>
      actOnCase(caseId, {
        action,
        // Sent only after check() found a reason chosen.
        reason: reason as ActionReason,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(days && days !== 'none' ? { days: Number(days) as 1 | 7 | 30 } : {}),
        ...(editing ? { body: words } : {}),
        ...(newTitle !== null ? { title: newTitle } : {}),
      }),
    onMutate: () => setProblem(null),
    onSuccess: () =>
      onDone(
        action,
        reason as ActionReason,
        note.trim() || null,
        editing ? { body: words, title: newTitle ?? currentWords?.title ?? null } : null,
      ),
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
        ...(failed.errors.body ? { words: failed.errors.body } : {}),
        ...(failed.errors.title ? { title: failed.errors.title } : {}),
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
  const fieldErrors = Boolean(
    errors.reason || errors.days || errors.note || errors.words || errors.title,
  );

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
      {hasTitle && (
        <div data-field="title">
          <TextInput
            name={`title-${caseId}`}
            label={t('moderation.page.act.title')}
            required
            limit={forumLimits.title.max}
            value={title}
            onChange={(value) => {
              setTitle(value);
              if (errors.title || errors.words) {
                setErrors((old) => ({ ...old, ...clearWords(checkWords(words, value)) }));
              }
            }}
            error={errors.title}
          />
        </div>
      )}
      {editing && (
        <div data-field="words" className="act-words">
          <TextInput
            name={`words-${caseId}`}
            label={t('moderation.page.act.words')}
            description={t('moderation.page.act.wordsHelp')}
            multiline
            required
            limit={forumLimits.body.max}
            value={words}
            onChange={(value) => {
              setWords(value);
              if (errors.words || errors.title) {
                setErrors((old) => ({ ...old, ...clearWords(checkWords(value, title)) }));
              }
            }}
            error={errors.words}
          />
        </div>
      )}
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
      <div data-field="note">
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
      </div>
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

/** The words' errors as found now: a field that is fine again loses its old error. */
function clearWords(found: { words?: string; title?: string }): {
  words: string | undefined;
  title: string | undefined;
} {
  return { words: found.words, title: found.title };
}
