import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  WATCHED_WORDS_MAX,
  type WatchedAction,
  type WatchedWord,
  watchedActions,
} from '../../../contract/safety';
import { addWatchedWord, changeWatchedWord } from '../../api/safety';
import { Choice, SubmitButton, TextInput } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';

/** Adds a watched word to a language's list, or changes one (`entry`), with errors by field. */
export function WatchedWordForm({
  language,
  entry,
  onSaved,
  onCancel,
}: {
  language: string;
  entry?: WatchedWord;
  onSaved(saved: WatchedWord): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const problem = useFormProblem();
  const heading = useRef<HTMLHeadingElement>(null);
  const editing = entry?.id;
  // Changing an entry opens this form in its place: focus goes to it.
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);
  const blank = { words: '', action: 'flag' as WatchedAction, note: '' };
  const [form, setForm] = useState(
    entry ? { words: entry.words, action: entry.action, note: entry.note ?? '' } : blank,
  );
  const save = useMutation({
    mutationFn: () => {
      const body = { ...form, note: form.note.trim() || null };
      return entry ? changeWatchedWord(entry.id, body) : addWatchedWord({ language, ...body });
    },
    onMutate: () => problem.clear(),
    onSuccess: (saved) => {
      if (!entry) setForm(blank);
      onSaved(saved);
    },
    onError: (e) => problem.capture(e),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  const id = entry ? `watched-${entry.id}` : 'new-watched';
  const Heading = entry ? 'h3' : 'h2';
  return (
    <Form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      {/* Adding is a section of the page; changing happens inside an action's section. */}
      <Heading id={`${id}-title`} ref={heading} tabIndex={-1}>
        {entry ? t('safety.watched.page.editTitle') : t('safety.watched.page.addTitle')}
      </Heading>
      <ProblemSummary problem={problem.problem} />
      <TextInput
        name={`${id}-words`}
        label={t('safety.watched.page.words')}
        description={t('safety.watched.page.wordsHelp')}
        value={form.words}
        onChange={(words) => setForm((f) => ({ ...f, words }))}
        error={problem.fieldError('words')}
        limit={WATCHED_WORDS_MAX}
        required
      />
      <Choice
        name={`${id}-action`}
        label={t('safety.watched.page.action')}
        value={form.action}
        options={watchedActions.map((action) => ({
          value: action,
          label: `${t(`safety.watched.actions.${action}`)}. ${t(`safety.watched.actionHelp.${action}`)}`,
        }))}
        onChange={(action) => setForm((f) => ({ ...f, action }))}
        error={problem.fieldError('action')}
      />
      <TextInput
        name={`${id}-note`}
        label={t('safety.watched.page.note')}
        description={t('safety.watched.page.noteHelp')}
        value={form.note}
        onChange={(note) => setForm((f) => ({ ...f, note }))}
        error={problem.fieldError('note')}
        limit={300}
        multiline
      />
      <div className="actions">
        <SubmitButton busy={save.isPending}>
          {entry ? t('safety.watched.page.save') : t('safety.watched.page.add')}
        </SubmitButton>
        {onCancel && (
          <Button className="button button-quiet" onPress={onCancel}>
            {t('safety.watched.page.cancel')}
          </Button>
        )}
      </div>
    </Form>
  );
}
