import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TipTheme } from '../../../contract/forum';
import { tipThemes } from '../../../contract/values';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { AuthorName } from './byline';
import { ForumLinks } from './ForumLinks';
import { LoadProblem } from './LoadProblem';
import { useTips } from './queries';

const isTheme = (value: string | null): value is TipTheme =>
  value !== null && (tipThemes as readonly string[]).includes(value);

/** /forum/tips: the most helpful tips, one theme at a time. */
export function TipsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const raw = params.get('theme');
  const theme = isTheme(raw) ? raw : null;
  const tips = useTips(theme);
  const list = useRef<HTMLOListElement>(null);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const all = tips.data?.pages.flatMap((p) => p.tips) ?? [];

  useEffect(() => {
    if (focusFrom === null) return;
    list.current?.querySelectorAll<HTMLAnchorElement>('.tip-title a')[focusFrom]?.focus();
  }, [focusFrom]);

  return (
    <Page title={theme ? t(`forum.tips.themes.${theme}`) : t('forum.pages.tipsTitle')}>
      <Instructions lines={[t('forum.tips.intro')]} />
      <nav aria-label={t('forum.tips.themesLabel')}>
        <ul className="theme-list">
          {tipThemes.map((value) => (
            <li key={value}>
              <Link
                to={`/forum/tips?theme=${value}`}
                className="button theme-button"
                aria-current={value === theme ? 'page' : undefined}
              >
                {t(`forum.tips.themes.${value}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {!theme && <p>{t('forum.tips.choose')}</p>}
      {theme && (
        <section aria-labelledby="tips-title" className="section">
          <h2 id="tips-title">
            {t('forum.tips.listTitle', { theme: t(`forum.tips.themes.${theme}`) })}
          </h2>
          {tips.isPending && <p role="status">{t('app.loading')}</p>}
          {tips.isError && <LoadProblem error={tips.error} retry={() => void tips.refetch()} />}
          {tips.data && all.length === 0 && <p>{t('forum.tips.none')}</p>}
          {all.length > 0 && (
            <ol className="tip-list" ref={list}>
              {all.map((tip) => (
                <li key={tip.id} className="tip-item">
                  <h3 className="tip-title" dir="auto">
                    <Link to={`/forum/t/${tip.topicId}`}>{tip.topicTitle}</Link>
                  </h3>
                  <p className="tip-excerpt" dir="auto">
                    {tip.excerpt}
                  </p>
                  <p className="topic-meta">
                    {t('forum.tips.sharedBy')} <AuthorName author={tip.author} />
                    {'. '}
                    <span className="count">
                      {t('forum.tips.helped', { count: tip.helpfulCount })}
                    </span>
                  </p>
                </li>
              ))}
            </ol>
          )}
          {tips.hasNextPage && (
            <button
              type="button"
              className="button more-button"
              disabled={tips.isFetchingNextPage}
              onClick={() => {
                const before = all.length;
                void tips.fetchNextPage().then(() => setFocusFrom(before));
              }}
            >
              {tips.isFetchingNextPage
                ? t('app.loading')
                : t('forum.tips.more', { page: (tips.data?.pages.length ?? 0) + 1 })}
            </button>
          )}
        </section>
      )}
      <ForumLinks except="tips" />
    </Page>
  );
}
