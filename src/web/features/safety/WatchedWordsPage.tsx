import './safety.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type WatchedWord, watchedActions } from '../../../contract/safety';
import { getWatchedWords, removeWatchedWord } from '../../api/safety';
import { useMe } from '../../session';
import { Notice, Select } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ProblemSummary } from '../../ui/ProblemSummary';
import { useFormProblem } from '../../ui/useFormProblem';
import { safetyKeys } from './queries';
import { WatchedWordForm } from './WatchedWordForm';

/** /admin/safety/watched-words: administrators keep the words to block, hold, flag or hide. */
export function WatchedWordsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.data?.user?.siteRole === 'admin';
  const [language, setLanguage] = useState('en');
  const [said, setSaid] = useState<string | null>(null);
  const client = useQueryClient();
  const list = useQuery({
    queryKey: safetyKeys.watched(language),
    queryFn: () => getWatchedWords(language),
    enabled: isAdmin,
  });

  if (me.isPending || (isAdmin && list.isPending)) {
    return <p role="status">{t('app.loading')}</p>;
  }
  if (!isAdmin) {
    return (
      <Page title={t('safety.watched.page.title')}>
        <p>{t('safety.watched.page.notAdmin')}</p>
      </Page>
    );
  }
  const changed = async (message: string) => {
    setSaid(message);
    await client.invalidateQueries({ queryKey: safetyKeys.watchedAll });
  };
  const words = list.data?.words ?? [];
  return (
    <Page title={t('safety.watched.page.title')}>
      <Instructions
        lines={[
          t('safety.watched.page.intro'),
          t('safety.watched.page.intro2'),
          t('safety.watched.page.intro3'),
        ]}
      />
      <p>
        <Link to="/admin/safety/phrases" className="button">
          {t('safety.watched.page.phrasesLink')}
        </Link>
      </p>
      {(list.data?.languages.length ?? 0) > 1 && (
        <Select
          name="language"
          label={t('safety.watched.page.language')}
          value={language}
          options={(list.data?.languages ?? []).map((code) => ({ value: code, label: code }))}
          onChange={setLanguage}
        />
      )}
      {said && <Notice kind="ok">{said}</Notice>}
      <section aria-labelledby="new-watched-title" className="section">
        <WatchedWordForm
          language={language}
          onSaved={(saved) => changed(t('safety.watched.page.added', { words: saved.words }))}
        />
      </section>
      {watchedActions.map((action) => {
        const held = words.filter((w) => w.action === action);
        const titleId = `watched-${action}`;
        return (
          <section key={action} aria-labelledby={titleId} className="section">
            <h2 id={titleId} tabIndex={-1}>
              {t(`safety.watched.actions.${action}`)}
            </h2>
            <p>{t(`safety.watched.actionHelp.${action}`)}</p>
            <p>{t('safety.watched.page.count', { count: held.length })}</p>
            {held.length === 0 ? (
              <p>{t('safety.watched.page.empty')}</p>
            ) : (
              <ul className="phrase-list">
                {held.map((entry) => (
                  <WatchedItem
                    key={entry.id}
                    entry={entry}
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

const changeButtonId = (id: string) => `change-watched-${id}`;

/** Focuses an element once the page has drawn the list anew. */
function focusSoon(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

function WatchedItem({
  entry,
  language,
  sectionTitleId,
  onChanged,
}: {
  entry: WatchedWord;
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
    mutationFn: () => removeWatchedWord(entry.id),
    onMutate: () => problem.clear(),
    onSuccess: async () => {
      await onChanged(t('safety.watched.page.removed', { words: entry.words }));
      focusSoon(sectionTitleId);
    },
    onError: (e) => problem.capture(e),
  });
  const when = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'long' }).format(
    new Date(entry.updatedAt),
  );

  if (mode === 'edit') {
    return (
      <li className="phrase">
        <WatchedWordForm
          language={language}
          entry={entry}
          onSaved={async (saved) => {
            setMode('view');
            await onChanged(t('safety.watched.page.saved', { words: saved.words }));
            // A new action moves the entry to another section: focus finds it there.
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
        “{entry.words}”
      </p>
      {entry.note && <p dir="auto">{entry.note}</p>}
      <p className="phrase-by">
        {entry.updatedBy
          ? t('safety.watched.page.changedBy', { name: entry.updatedBy.displayName, date: when })
          : t('safety.watched.page.starting')}
      </p>
      <ProblemSummary problem={problem.problem} />
      {mode === 'remove' ? (
        <fieldset className="phrase-confirm">
          <legend>{t('safety.watched.page.removeAsk', { words: entry.words })}</legend>
          <div className="actions">
            <Button
              className="button button-danger"
              isDisabled={remove.isPending}
              onPress={() => remove.mutate()}
            >
              {t('safety.watched.page.removeYes')}
            </Button>
            <Button ref={keepButton} className="button" onPress={() => setMode('view')}>
              {t('safety.watched.page.removeNo')}
            </Button>
          </div>
        </fieldset>
      ) : (
        <div className="actions">
          <Button
            ref={editButton}
            id={changeButtonId(entry.id)}
            className="button"
            aria-label={t('safety.watched.page.editLabel', { words: entry.words })}
            onPress={() => setMode('edit')}
          >
            {t('safety.watched.page.edit')}
          </Button>
          <Button
            ref={removeButton}
            className="button button-danger"
            aria-label={t('safety.watched.page.removeLabel', { words: entry.words })}
            onPress={() => setMode('remove')}
          >
            {t('safety.watched.page.remove')}
          </Button>
        </div>
      )}
    </li>
  );
}
