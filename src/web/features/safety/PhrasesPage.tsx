import './safety.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SafetyPhrase, ScreeningTier } from '../../../contract/safety';
import { getPhrases, removePhrase } from '../../api/safety';
import { useMe } from '../../session';
import { Notice, Select } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';
import { PhraseForm } from './PhraseForm';
import { safetyKeys } from './queries';
import { TryWords } from './TryWords';

/** The sections of the page, most worrying first; figures of speech last. */
const sections: {
  key: string;
  title: (t: (k: string) => string) => string;
  holds(p: SafetyPhrase): boolean;
}[] = [
  ...(['high', 'medium', 'low'] as ScreeningTier[]).map((tier) => ({
    key: tier,
    title: (t: (k: string) => string) => t(`safety.tiers.${tier}`),
    holds: (p: SafetyPhrase) => p.match !== 'figurative' && p.tier === tier,
  })),
  {
    key: 'figurative',
    title: (t) => t('safety.page.figuresTitle'),
    holds: (p) => p.match === 'figurative',
  },
];

/** Administrators keep the screening lists: by tier, add, change, remove, and try words. */
export function PhrasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.data?.user?.siteRole === 'admin';
  const [language, setLanguage] = useState('en');
  const [said, setSaid] = useState<string | null>(null);
  const client = useQueryClient();
  const list = useQuery({
    queryKey: safetyKeys.phrases(language),
    queryFn: () => getPhrases(language),
    enabled: isAdmin,
  });

  if (me.isPending || (isAdmin && list.isPending)) {
    return <p role="status">{t('app.loading')}</p>;
  }
  if (!isAdmin) {
    return (
      <Page title={t('safety.page.title')}>
        <p>{t('safety.page.notAdmin')}</p>
      </Page>
    );
  }
  const changed = async (message: string) => {
    setSaid(message);
    await client.invalidateQueries({ queryKey: safetyKeys.all });
  };
  const phrases = list.data?.phrases ?? [];
  return (
    <Page title={t('safety.page.title')}>
      <Instructions
        lines={[t('safety.page.intro'), t('safety.page.intro2'), t('safety.page.intro3')]}
      />
      <p>
        <Link to="/admin/safety/watched-words" className="button">
          {t('safety.watched.page.link')}
        </Link>
      </p>
      {(list.data?.languages.length ?? 0) > 1 && (
        <Select
          name="language"
          label={t('safety.page.language')}
          value={language}
          options={(list.data?.languages ?? []).map((code) => ({ value: code, label: code }))}
          onChange={setLanguage}
        />
      )}
      {said && <Notice kind="ok">{said}</Notice>}
      <TryWords language={language} />
      <section aria-labelledby="new-phrase-title" className="section">
        <PhraseForm
          language={language}
          onSaved={(saved) => changed(t('safety.page.added', { text: saved.text }))}
        />
      </section>
      {sections.map((section) => {
        const held = phrases.filter(section.holds);
        const titleId = `phrases-${section.key}`;
        return (
          <section key={section.key} aria-labelledby={titleId} className="section">
            <h2 id={titleId} tabIndex={-1}>
              {section.title(t)}
            </h2>
            <p>{t('safety.page.count', { count: held.length })}</p>
            {held.length === 0 ? (
              <p>{t('safety.page.empty')}</p>
            ) : (
              <ul className="phrase-list">
                {held.map((phrase) => (
                  <PhraseItem
                    key={phrase.id}
                    phrase={phrase}
                    language={language}
                    sectionTitleId={titleId}
                    onChanged={changed}
                  />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Page>
  );
}

type Mode = 'view' | 'edit' | 'remove';

const changeButtonId = (id: string) => `change-${id}`;

/** Focuses an element once the page has drawn the list anew. */
function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function PhraseItem({
  phrase,
  language,
  sectionTitleId,
  onChanged,
}: {
  phrase: SafetyPhrase;
  language: string;
  sectionTitleId: string;
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('view');
  const problem = useFormProblem();
  const editButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const before = useRef<Mode>('view');
  // Focus follows the change, so a keyboard user is never left at the top of the page:
  // to the question when asked, and back to the button that asked when it is answered.
  useEffect(() => {
    if (mode === 'remove') keepButton.current?.focus();
    if (mode === 'view' && before.current === 'remove') removeButton.current?.focus();
    if (mode === 'view' && before.current === 'edit') editButton.current?.focus();
    before.current = mode;
  }, [mode]);
  const remove = useMutation({
    mutationFn: () => removePhrase(phrase.id),
    onMutate: () => problem.clear(),
    onSuccess: async () => {
      await onChanged(t('safety.page.removed', { text: phrase.text }));
      focusSoon(sectionTitleId);
    },
    onError: (e) => problem.capture(e),
  });
  const when = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'long' }).format(
    new Date(phrase.updatedAt),
  );

  if (mode === 'edit') {
    return (
      <li className="phrase">
        <PhraseForm
          language={language}
          phrase={phrase}
          onSaved={async (saved) => {
            setMode('view');
            await onChanged(t('safety.page.saved', { text: saved.text }));
            // A new tier moves the entry to another section: focus finds it there.
            focusSoon(changeButtonId(saved.id));
          }}
          onCancel={() => setMode('view')}
        />
      </li>
    );
  }
  return (
    <li className="phrase">
      <p className="phrase-words" dir="auto">
        “{phrase.text}”
      </p>
      <p className="phrase-how">
        {t(`safety.matches.${phrase.match}`)}
        {phrase.match === 'figurative' && ` ${t(`safety.tiers.${phrase.tier}`)}`}
      </p>
      {phrase.note && <p dir="auto">{phrase.note}</p>}
      <p className="phrase-by">
        {phrase.updatedBy
          ? t('safety.page.changedBy', { name: phrase.updatedBy.displayName, date: when })
          : t('safety.page.seeded')}
      </p>
      <ProblemSummary problem={problem.problem} />
      {mode === 'remove' ? (
        <fieldset className="phrase-confirm">
          <legend>{t('safety.page.removeAsk', { text: phrase.text })}</legend>
          <div className="actions">
            <Button
              className="button button-danger"
              isDisabled={remove.isPending}
              onPress={() => remove.mutate()}
            >
              {t('safety.page.removeYes')}
            </Button>
            <Button ref={keepButton} className="button" onPress={() => setMode('view')}>
              {t('safety.page.removeNo')}
            </Button>
          </div>
        </fieldset>
      ) : (
        <div className="actions">
          <Button
            ref={editButton}
            id={changeButtonId(phrase.id)}
            className="button"
            aria-label={t('safety.page.editLabel', { text: phrase.text })}
            onPress={() => setMode('edit')}
          >
            {t('safety.page.edit')}
          </Button>
          <Button
            ref={removeButton}
            className="button button-danger"
            aria-label={t('safety.page.removeLabel', { text: phrase.text })}
            onPress={() => setMode('remove')}
          >
            {t('safety.page.remove')}
          </Button>
        </div>
      )}
    </li>
  );
}
