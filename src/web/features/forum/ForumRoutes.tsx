import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../home/NotFoundPage';
import { BookmarksPage } from './BookmarksPage';
import { CategoryPage } from './CategoryPage';
import { ForumHomePage } from './ForumHomePage';
import { MembersOnly } from './MembersOnly';
import { NewTopicPage } from './NewTopicPage';
import { SearchPage } from './SearchPage';
import { TipsPage } from './TipsPage';
import { TopicPage } from './TopicPage';

/** Every forum page, loaded together the first time someone opens the forum. */
export function ForumRoutes() {
  return (
    <div className="forum">
      <MembersOnly>
        <Routes>
          <Route index element={<ForumHomePage />} />
          <Route path="c/:slug" element={<CategoryPage />} />
          <Route path="new" element={<NewTopicPage />} />
          <Route path="t/:id" element={<TopicPage />} />
          <Route path="tips" element={<TipsPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="bookmarks" element={<BookmarksPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </MembersOnly>
    </div>
  );
}
