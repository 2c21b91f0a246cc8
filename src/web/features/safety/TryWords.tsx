import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TryScreeningResponse } from '../../../contract/safety';
import { tryWords } from '../../api/safety';
import { SubmitButton, TextInput } from '../../ui/fields';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { RichText } from '../../ui/RichText';
import { useFormProblem } from '../../ui/useFormProblem';

/** An administrator checks a sentence against the list as it is now; nothing is kept. */
export function TryWords({ language }: { language: string }) {
  const { t } = useTranslation();
  const problem = useFormProblem();
  const [text, setText] = useState('');
  const check = useMutation({
    mutationFn: () => tryWords({ language, text }),
    onMutate: () => problem.clear(),
    onError: (e) => problem.capture(e),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    check.mutate();
  }

  return (
    <section aria-labelledby="try-title" className="section">
      <h2 id="try-title">{t('safety.page.tryTitle')}</h2>
      <p>{t('safety.page.tryHelp')}</p>
      <ProblemSummary problem={problem.problem} />
      <Form className="form" onSubmit={submit}>
        <TextInput
          name="try-text"
          label={t('safety.page.tryText')}
          value={text}
          onChange={setText}
          error={problem.fieldError('text')}
          limit={5000}
          multiline
          required
        />
        <SubmitButton busy={check.isPending}>{t('safety.page.try')}</SubmitButton>
      </Form>
      {check.data && <TryResult result={check.data} />}
    </section>
  );
}

function TryResult({ result }: { result: TryScreeningResponse }) {
  const { t } = useTranslation();
  const rule = (name: string) => t(`safety.rules.${name}`, { defaultValue: name });
  return (
    <div className="try-result" role="status">
      <p>
        <RichText text={t('safety.page.tryResult', { tier: t(`safety.tiers.${result.tier}`) })} />
      </p>
      {result.matches.length === 0 ? (
        <p>{t('safety.page.tryNone')}</p>
      ) : (
        <ul>
          {result.matches.map((m) => (
            <li key={m.phraseId}>
              {t('safety.page.tryMatch', {
                text: m.text,
                tier: t(`safety.tierNames.${m.tier}`),
              })}
              {m.rules.length > 0 &&
                ` ${t('safety.page.tryRules', { rules: m.rules.map(rule).join(', ') })}`}
            </li>
          ))}
        </ul>
      )}
      {result.personalDetails.length > 0 && (
        <p>
          {t('safety.page.tryDetails', {
            kinds: result.personalDetails.map((k) => t(`safety.page.details.${k}`)).join(', '),
          })}
        </p>
      )}
    </div>
  );
}
