import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Icon } from '../../ui/Icon';
import { Page } from '../../ui/Page';
import { ForumLinks } from './ForumLinks';
import { LoadProblem } from './LoadProblem';
import { useTopicList } from './queries';
import { TopicList } from './TopicList';

/** /forum/c/:slug: a category's topics, latest activity first, more only when asked. */
export function CategoryPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const list = useTopicList(slug);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const first = list.data?.pages[0];
  const topics = list.data?.pages.flatMap((p) => p.topics) ?? [];
  const nextPage = (list.data?.pages.length ?? 0) + 1;

  if (list.isError && !list.data) {
    return (
      <Page title={t('forum.pages.categoryMissing')}>
        <LoadProblem error={list.error} retry={() => void list.refetch()} />
        <ForumLinks />
      </Page>
    );
  }
  if (!first) return <p role="status">{t('app.loading')}</p>;

  return (
    <Page title={first.category.name}>
      <p dir="auto">{first.category.description}</p>
      <div className="actions">
        <Link to={`/forum/new?category=${first.category.slug}`} className="button button-primary">
          <Icon name="write" />
          <span>{t('forum.pages.startTopicHere')}</span>
        </Link>
      </div>
      <ForumLinks />
      {topics.length === 0 ? (
        <p>{t('forum.topics.none')}</p>
      ) : (
        <TopicList topics={topics} focusFrom={focusFrom} />
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="button more-button"
          disabled={list.isFetchingNextPage}
          onClick={() => {
            const before = topics.length;
            void list.fetchNextPage().then(() => setFocusFrom(before));
          }}
        >
          {list.isFetchingNextPage ? t('app.loading') : t('forum.topics.more', { page: nextPage })}
        </button>
      )}
      {list.isError && <LoadProblem error={list.error} />}
    </Page>
  );
}
