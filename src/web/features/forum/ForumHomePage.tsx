import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../ui/Icon';
import { Instructions } from '../../ui/Instructions';
import { Page } from '../../ui/Page';
import { ForumLinks } from './ForumLinks';
import { LoadProblem } from './LoadProblem';
import { useCategories } from './queries';

/** /forum: the parts of the forum, and the ways to tips, search and bookmarks. */
export function ForumHomePage() {
  const { t } = useTranslation();
  const categories = useCategories();
  return (
    <Page title={t('forum.pages.homeTitle')}>
      <Instructions lines={[t('forum.pages.homeIntro'), t('forum.pages.homeKind')]} />
      <div className="actions">
        <Link to="/forum/new" className="button button-primary">
          <Icon name="write" />
          <span>{t('forum.pages.startTopic')}</span>
        </Link>
      </div>
      <ForumLinks except="home" />
      {categories.isPending && <p role="status">{t('app.loading')}</p>}
      {categories.isError && (
        <LoadProblem error={categories.error} retry={() => void categories.refetch()} />
      )}
      {categories.data && (
        <ul className="cards category-list">
          {categories.data.categories.map((category) => (
            <li key={category.id} className="card">
              <h2 dir="auto">
                <Link to={`/forum/c/${category.slug}`} className="category-link">
                  {category.name}
                </Link>
              </h2>
              <p dir="auto">{category.description}</p>
              <p className="category-numbers">
                <span className="count">
                  {t('forum.categories.topics', { count: category.topicCount })}
                </span>{' '}
                {category.newCount > 0 && (
                  <strong className="badge">
                    {t('forum.categories.new', { count: category.newCount })}
                  </strong>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
