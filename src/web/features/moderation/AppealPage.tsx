import './moderation.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AppealLinkDecision } from '../../../contract/moderation';
import {
  appealAction,
  appealByLink,
  getAppealLinkDecision,
  getMyAction,
} from '../../api/moderation';
import { ApiProblem } from '../../api/transport';
import { Notice, SendProblem, TextInput } from '../../ui/fields';
import { Instructions } from '../../ui/Instructions';
import { lengthOf } from '../../ui/limits';
import { Page } from '../../ui/Page';
import { ReadAloud } from '../../ui/ReadAloud';
import { When } from './case-words';
import { LoadFailed, SignedIn } from './SignedIn';

const WORDS_MAX = 2000;
const TOKEN_KEY = 'bt.appeal.link';

/** This tab's own store: kept over a reload, gone with the tab. Blocked storage only forgets. */
const tabStore = {
  get(key: string): string | null {
    try {
      return window.sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string) {
    try {
      window.sessionStorage.setItem(key, value);
    } catch {
      // storage full or blocked: the page still works, it just is not kept
    }
  },
  remove(key: string) {
    try {
      window.sessionStorage.removeItem(key);
    } catch {
      // nothing was kept
    }
  },
};

/** The decision's kinds that have their own sentence; the rest are "a decision about you". */
const said = new Set(['hide', 'edit', 'warn', 'mute', 'suspend', 'ban']);

/**
 * /appeal#token=…: the page a suspended or banned person's mail links to. They cannot sign
 * in, so the token alone opens that one decision and sends one appeal. The token leaves the
 * address bar at once; it is kept for this tab only, so a reload does not lose the page.
 */
export function AppealLinkPage() {
  const { t } = useTranslation();
  const [token] = useState(() => {
    const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (fromLink) tabStore.set(TOKEN_KEY, fromLink);
    return fromLink ?? tabStore.get(TOKEN_KEY);
  });
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  const decision = useQuery({
    queryKey: ['appeal-link', token],
    queryFn: () => getAppealLinkDecision(token ?? ''),
    enabled: token !== null,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const title = t('moderation.page.appeal.title');
  if (!token) {
    return (
      <Page title={title}>
        <Instructions lines={[t('moderation.page.appeal.noToken')]} />
      </Page>
    );
  }
  return (
    <Page title={title}>
      {decision.isPending && <p role="status">{t('moderation.page.appeal.loading')}</p>}
      {decision.isError && (
        <Notice kind="problem">
          {decision.error instanceof ApiProblem ? decision.error.title : String(decision.error)}
        </Notice>
      )}
      {decision.data && (
        <DecisionAndAppeal
          decision={decision.data}
          draftKey={`bt.appeal.words.${token.slice(0, 8)}`}
          send={(words) => appealByLink({ token, words }).then((done) => done.message)}
        />
      )}
    </Page>
  );
}

/** /moderation/decisions/:id: a decision about me, signed in, where I may ask for another look. */
export function DecisionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const title = t('moderation.page.appeal.title');
  return (
    <SignedIn title={title}>
      {(userId) => <MyDecision key={id} userId={userId} id={id} title={title} />}
    </SignedIn>
  );
}

function MyDecision({ userId, id, title }: { userId: string; id: string; title: string }) {
  const { t } = useTranslation();
  const decision = useQuery({
    queryKey: ['moderation', userId, 'decision', id],
    queryFn: () => getMyAction(id),
    retry: false,
  });
  return (
    <Page title={title}>
      {decision.isPending && <p role="status">{t('moderation.page.appeal.loading')}</p>}
      {decision.isError && (
        <LoadFailed error={decision.error} staffWord={t('moderation.page.appeal.cannot')} />
      )}
      {decision.data && (
        <DecisionAndAppeal
          decision={decision.data}
          draftKey={`bt.appeal.words.${id}`}
          send={(words) => appealAction(id, { words }).then(() => t('moderation.appealLink.sent'))}
        />
      )}
    </Page>
  );
}

/** What was decided and why, in words, then the appeal: a few words and one button. */
function DecisionAndAppeal({
  decision,
  draftKey,
  send,
}: {
  decision: AppealLinkDecision;
  /** Where the words wait in this tab, so a reload keeps them (ACCESSIBILITY.md A8). */
  draftKey: string;
  send(words: string): Promise<string>;
}) {
  const { t } = useTranslation();
  const [words, setWords] = useState(() => tabStore.get(draftKey) ?? '');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<{ text: string; at: number } | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);
  const thanksRef = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (thanks) thanksRef.current?.focus();
  }, [thanks]);

  const appeal = useMutation({
    networkMode: 'always',
    mutationFn: () => send(words.trim()),
    onMutate: () => setProblem(null),
    onSuccess: (message) => {
      tabStore.remove(draftKey);
      setThanks(message);
    },
    onError: (failed) => {
      const p = failed instanceof ApiProblem ? failed : new ApiProblem(0, String(failed));
      if (p.errors.words) setError(p.errors.words);
      setProblem({ text: p.title, at: Date.now() });
    },
  });

  const what = t(
    `moderation.page.appeal.what.${said.has(decision.action) ? decision.action : 'other'}`,
  );
  const why = t('moderation.page.appeal.why', {
    reason: t(`moderation.reasons.${decision.reason}`),
  });
  const check = (value: string) => {
    if (lengthOf(value.trim()) < 2) return t('moderation.page.appeal.wordsNeeded');
    if (lengthOf(value) > WORDS_MAX) return t('moderation.fields.appeal.tooLong');
    return undefined;
  };

  return (
    <>
      <section aria-labelledby="appeal-decision" className="section">
        <h2 id="appeal-decision">{t('moderation.page.appeal.decisionTitle')}</h2>
        <p>
          <strong>{what}</strong>
        </p>
        <p>{why}</p>
        {decision.until && (
          <p>
            {t('moderation.page.appeal.until')} <When iso={decision.until} />
          </p>
        )}
        <p>
          {t('moderation.page.appeal.decided')} <When iso={decision.at} />
        </p>
        <ReadAloud text={`${what} ${why}`} />
      </section>
      {decision.overturned && <p>{t('moderation.page.appeal.overturned')}</p>}
      {!decision.overturned && decision.appealedAt && !thanks && (
        <p>{t('moderation.page.appeal.appealed')}</p>
      )}
      {!decision.canAppeal && !decision.appealedAt && !decision.overturned && (
        <p>{t('moderation.page.appeal.cannot')}</p>
      )}
      {thanks && (
        <div ref={thanksRef} className="notice notice-ok mod-said" role="status" tabIndex={-1}>
          <p>{thanks}</p>
        </div>
      )}
      {decision.canAppeal && !thanks && (
        <section aria-labelledby="appeal-form" className="section">
          <h2 id="appeal-form">{t('moderation.page.appeal.formTitle')}</h2>
          <Instructions lines={[t('moderation.page.appeal.intro')]} />
          <form
            ref={form}
            className="form act-form"
            noValidate
            aria-labelledby="appeal-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (appeal.isPending) return;
              const found = check(words);
              setError(found);
              if (found) {
                requestAnimationFrame(() => form.current?.querySelector('textarea')?.focus());
                return;
              }
              appeal.mutate();
            }}
          >
            <TextInput
              name="appeal-words"
              label={t('moderation.page.appeal.words')}
              description={t('moderation.page.appeal.wordsHelp')}
              multiline
              required
              limit={WORDS_MAX}
              value={words}
              onChange={(value) => {
                setWords(value);
                tabStore.set(draftKey, value);
                if (error) setError(check(value));
              }}
              error={error}
            />
            <div className="actions">
              <button
                type="submit"
                className="button button-primary"
                aria-disabled={appeal.isPending}
              >
                {appeal.isPending
                  ? t('moderation.page.appeal.sending')
                  : t('moderation.page.appeal.send')}
              </button>
            </div>
            {problem && (
              <SendProblem takeFocus={!error} attempt={problem.at}>
                {problem.text}
              </SendProblem>
            )}
          </form>
        </section>
      )}
    </>
  );
}
