import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import {
  figurativeTiers,
  type PhraseMatch,
  phraseMatches,
  type SafetyPhrase,
  type SafetyPhraseInput,
  type ScreeningTier,
  worryTiers,
} from '../../../contract/safety';
import { addPhrase, changePhrase } from '../../api/safety';
import { Choice, SubmitButton, TextInput } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';

/** The tiers an entry matched this way may carry: a figure of speech only lowers a match. */
export const tiersFor = (match: PhraseMatch): readonly ScreeningTier[] =>
  match === 'figurative' ? figurativeTiers : worryTiers;

/** Adds an entry to a language's list, or changes one (`phrase`), with errors by each field. */
export function PhraseForm({
  language,
  phrase,
  onSaved,
  onCancel,
}: {
  language: string;
  phrase?: SafetyPhrase;
  onSaved(saved: SafetyPhrase, added: boolean): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const problem = useFormProblem();
  const heading = useRef<HTMLHeadingElement>(null);
  const editing = phrase?.id;
  // Changing an entry opens this form in its place: focus goes to it.
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);
  const blank = {
    text: '',
    tier: 'medium' as ScreeningTier,
    match: 'phrase' as PhraseMatch,
    note: '',
  };
  const [form, setForm] = useState(
    phrase
      ? { text: phrase.text, tier: phrase.tier, match: phrase.match, note: phrase.note ?? '' }
      : blank,
  );
  const save = useMutation({
    mutationFn: (body: SafetyPhraseInput) =>
      phrase ? changePhrase(phrase.id, body) : addPhrase(body),
    onMutate: () => problem.clear(),
    onSuccess: (saved) => {
      if (!phrase) setForm(blank);
      onSaved(saved, !phrase);
    },
    onError: (e) => problem.capture(e),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate({ language, ...form, note: form.note.trim() || null });
  }

  // Changing how an entry is found keeps its tier one that way allows.
  function matchChanged(match: PhraseMatch) {
    setForm((f) => {
      const allowed = tiersFor(match);
      return { ...f, match, tier: allowed.includes(f.tier) ? f.tier : allowed[0]! };
    });
  }

  const id = phrase ? `phrase-${phrase.id}` : 'new-phrase';
  return (
    <Form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {phrase ? t('safety.page.editTitle') : t('safety.page.addTitle')}
      </h3>
      <ProblemSummary problem={problem.problem} />
      <TextInput
        name={`${id}-text`}
        label={t('safety.page.text')}
        description={t('safety.page.textHelp')}
        value={form.text}
        onChange={(text) => setForm((f) => ({ ...f, text }))}
        error={problem.fieldError('text')}
        limit={120}
        required
      />
      <Choice
        name={`${id}-match`}
        label={t('safety.page.match')}
        value={form.match}
        options={phraseMatches.map((m) => ({ value: m, label: t(`safety.matches.${m}`) }))}
        onChange={matchChanged}
        error={problem.fieldError('match')}
      />
      <Choice
        name={`${id}-tier`}
        label={t('safety.page.tier')}
        value={form.tier}
        options={tiersFor(form.match).map((tier) => ({
          value: tier,
          label: t(`safety.tiers.${tier}`),
        }))}
        onChange={(tier) => setForm((f) => ({ ...f, tier }))}
        error={problem.fieldError('tier')}
      />
      <TextInput
        name={`${id}-note`}
        label={t('safety.page.note')}
        description={t('safety.page.noteHelp')}
        value={form.note}
        onChange={(note) => setForm((f) => ({ ...f, note }))}
        error={problem.fieldError('note')}
        limit={300}
        multiline
      />
      <div className="actions">
        <SubmitButton busy={save.isPending}>
          {phrase ? t('safety.page.save') : t('safety.page.add')}
        </SubmitButton>
        {onCancel && (
          <Button className="button button-quiet" onPress={onCancel}>
            {t('safety.page.cancel')}
          </Button>
        )}
      </div>
    </Form>
  );
}
