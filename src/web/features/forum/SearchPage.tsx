import { useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { forumLimits } from '../../../contract/forum-limits';
import { searchForum } from '../../api/forum';
import { ApiProblem } from '../../api/transport';
import { Select, SendProblem } from '../../ui/fields';
import { describedBy, lengthOf, RoomLeft, useLengthCheck } from '../../ui/limits';
import { Page } from '../../ui/Page';
import { When } from './byline';
import { ForumLinks } from './ForumLinks';
import { LoadProblemWords } from './LoadProblem';
import { forumKeys, useCategories } from './queries';

const MARK_START = '\uE000';
const MARK_END = '\uE001';

/** The server marks matching words with two private characters; React draws them as <mark>. */
export function Snippet({ text }: { text: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  let current = '';
  for (const char of text) {
    if (char === MARK_START || char === MARK_END) {
      if (current) parts.push({ text: current, marked });
      current = '';
      marked = char === MARK_START;
    } else {
      current += char;
    }
  }
  if (current) parts.push({ text: current, marked });
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed snippet
          <mark key={i}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed snippet
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

/** /forum/search: words, an optional part of the forum, numbered pages of results. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const page = Math.max(1, Math.min(50, Number(params.get('page')) || 1));
  const [words, setWords] = useState(q);
  const [where, setWhere] = useState(category);
  /** This page's own check of the words, made on Search; it goes once the words are right. */
  const [checkError, setCheckError] = useState<string | undefined>(undefined);
  const wordsInput = useRef<HTMLInputElement>(null);
  const categories = useCategories();
  useEffect(() => {
    setWords(q);
    setWhere(category);
  }, [q, category]);

  const results = useQuery({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    queryKey: forumKeys.search(q, category, page),
    queryFn: () => searchForum({ q, page, category: category || undefined }),
    enabled: params.has('q'),
  });
  const serverError = results.error instanceof ApiProblem ? results.error.errors.q : undefined;
  const length = useLengthCheck(words, forumLimits.search.max);
  // The server's word on the words holds only while they are the words it was given.
  const fieldError =
    length.tooLong ?? checkError ?? (words.trim() === q.trim() ? serverError : undefined);
  const checkWords = (text: string) => {
    const n = lengthOf(text);
    if (n < forumLimits.search.min) return t('forum.fields.search.tooShort');
    if (n > forumLimits.search.max) return t('forum.fields.search.tooLong');
    return undefined;
  };
  // A refused search puts focus back in the box, where the words in red are.
  useEffect(() => {
    if (serverError) wordsInput.current?.focus();
  }, [serverError]);

  const pageLink = (n: number) => {
    const search = new URLSearchParams({ q, page: String(n) });
    if (category) search.set('category', category);
    return `/forum/search?${search}`;
  };
  /** "Did you mean" runs that search, in the same part of the forum. */
  const suggestionLink = (words: string) => {
    const search = new URLSearchParams({ q: words, page: '1' });
    if (category) search.set('category', category);
    return `/forum/search?${search}`;
  };
  const lastPage = results.data ? (results.data.hasMore ? page + 1 : page) : page;

  return (
    <Page title={t('forum.pages.searchTitle')}>
      <form
        className="form search-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problem = checkWords(words);
          setCheckError(problem);
          if (problem) {
            wordsInput.current?.focus();
            return;
          }
          const next = new URLSearchParams({ q: words.trim(), page: '1' });
          if (where) next.set('category', where);
          setParams(next);
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="forum-search-words">
            {t('forum.search.words')}
          </label>
          <p id="forum-search-help" className="field-help">
            {t('forum.search.wordsHelp')}
          </p>
          <input
            ref={wordsInput}
            id="forum-search-words"
            name="q"
            type="search"
            className="input"
            dir="auto"
            value={words}
            onChange={(e) => {
              setWords(e.target.value);
              if (checkError) setCheckError(checkWords(e.target.value));
            }}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy(
              'forum-search-help',
              length.roomLeft && 'forum-search-room',
              fieldError && 'forum-search-error',
            )}
          />
          <RoomLeft
            id="forum-search-room"
            value={words}
            max={forumLimits.search.max}
            text={length.roomLeft}
          />
          {fieldError && (
            <p id="forum-search-error" className="field-error">
              {fieldError}
            </p>
          )}
        </div>
        <Select
          name="category"
          label={t('forum.search.where')}
          value={where}
          onChange={setWhere}
          options={[
            { value: '', label: t('forum.search.everywhere') },
            ...(categories.data?.categories ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <button type="submit" className="button button-primary">
          {t('forum.search.submit')}
        </button>
        {results.isFetching && <p role="status">{t('forum.search.searching')}</p>}
        {results.isError && !serverError && (
          <SendProblem attempt={results.errorUpdatedAt}>
            <LoadProblemWords error={results.error} retry={() => void results.refetch()} />
          </SendProblem>
        )}
      </form>

      {results.data && (
        <section aria-labelledby="results-title" className="section">
          <h2 id="results-title">{t('forum.search.resultsTitle', { page: results.data.page })}</h2>
          {results.data.results.length === 0 ? (
            <p>{t('forum.search.none')}</p>
          ) : (
            <ol className="result-list">
              {results.data.results.map((result) => (
                <li key={result.id} className="result-item">
                  <h3 className="result-title" dir="auto">
                    <Link to={`/forum/t/${result.topicId}`}>{result.topicTitle}</Link>
                  </h3>
                  <p className="topic-meta">
                    {result.kind === 'topic'
                      ? t('forum.search.inTopic')
                      : t('forum.search.inReply')}{' '}
                    {t('forum.search.inCategory', { name: result.categoryName })}{' '}
                    <When iso={result.createdAt} />
                  </p>
                  <p className="snippet" dir="auto">
                    <Snippet text={result.snippet} />
                  </p>
                </li>
              ))}
            </ol>
          )}
          {results.data.suggestion && (
            <p className="did-you-mean">
              <Link
                to={suggestionLink(results.data.suggestion)}
                className="button button-quiet"
                dir="auto"
              >
                {t('forum.search.didYouMean', { words: results.data.suggestion })}
              </Link>
            </p>
          )}
          {lastPage > 1 && (
            <nav aria-label={t('forum.search.pagesLabel')} className="pages">
              <ul>
                {Array.from({ length: lastPage }, (_, i) => i + 1).map((n) => (
                  <li key={n}>
                    <Link
                      to={pageLink(n)}
                      className="button button-quiet"
                      aria-current={n === page ? 'page' : undefined}
                    >
                      {t('forum.search.page', { page: n })}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </section>
      )}
      <ForumLinks except="search" />
    </Page>
  );
}
