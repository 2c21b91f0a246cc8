import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BookmarkedTopic, TopicSummary } from '../../../contract/forum';
import { AuthorName, When } from './byline';

/** Topics as a calm list: title, who started it, last activity, and New or Unread in words. */
export function TopicList({
  topics,
  focusFrom,
}: {
  /** Bookmarks carry the group a board topic is on; it is shown with a link to the group. */
  topics: (TopicSummary & { group?: BookmarkedTopic['group'] })[];
  /** After "Show more", focus moves to the first topic that came in. */
  focusFrom?: number | null;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusFrom === null || focusFrom === undefined) return;
    list.current?.querySelectorAll<HTMLAnchorElement>('.topic-title a')[focusFrom]?.focus();
  }, [focusFrom]);
  return (
    <ol className="topic-list" ref={list}>
      {topics.map((topic) => (
        <li key={topic.id} className="topic-item">
          <h2 className="topic-title" dir="auto">
            <Link to={`/forum/t/${topic.id}`}>{topic.title}</Link>
          </h2>
          {(topic.isNew || topic.unread) && (
            <p className="topic-markers">
              <strong className="marker">
                {topic.isNew ? t('forum.topics.new') : t('forum.topics.unread')}
              </strong>
            </p>
          )}
          {topic.group && (
            <p className="topic-meta">
              <Link to={`/groups/${topic.group.id}`} className="button button-quiet" dir="auto">
                {t('forum.pages.onBoardOf', { name: topic.group.name })}
              </Link>
            </p>
          )}
          <p className="topic-meta">
            {t('forum.topics.startedBy')} <AuthorName author={topic.author} />
          </p>
          <p className="topic-meta">
            {t('forum.topics.lastActivity')} <When iso={topic.lastActivityAt} />
            {'. '}
            <span className="count">{t('forum.topics.replies', { count: topic.replyCount })}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
