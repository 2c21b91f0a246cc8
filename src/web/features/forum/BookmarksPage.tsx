import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';
import { ForumLinks } from './ForumLinks';
import { LoadProblem } from './LoadProblem';
import { useBookmarks } from './queries';
import { TopicList } from './TopicList';

/** /forum/bookmarks: the topics I keep to come back to. */
export function BookmarksPage() {
  const { t } = useTranslation();
  const bookmarks = useBookmarks();
  return (
    <Page title={t('forum.pages.bookmarksTitle')}>
      <p>{t('forum.pages.bookmarksIntro')}</p>
      <ForumLinks except="bookmarks" />
      {bookmarks.isPending && <p role="status">{t('app.loading')}</p>}
      {bookmarks.isError && (
        <LoadProblem error={bookmarks.error} retry={() => void bookmarks.refetch()} />
      )}
      {bookmarks.data &&
        (bookmarks.data.topics.length === 0 ? (
          <p>{t('forum.pages.bookmarksNone')}</p>
        ) : (
          <TopicList topics={bookmarks.data.topics} />
        ))}
    </Page>
  );
}
