import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BookmarkedTopic, TopicSummary } from '../../../contract/forum';
import { Folded } from '../blocks/HiddenPost';
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
  // Topics started by someone I ignore are folded until I choose "Show it", one by one.
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (focusFrom === null || focusFrom === undefined) return;
    // A folded topic has no title link: its "Show it" takes focus instead.
    list.current
      ?.querySelectorAll('.topic-item')
      [focusFrom]?.querySelector<HTMLElement>('.topic-title a, .folded button')
      ?.focus();
  }, [focusFrom]);
  return (
    <ol className="topic-list" ref={list}>
      {topics.map((topic) =>
        topic.hiddenBecause && !shown.has(topic.id) ? (
          <li key={topic.id} className="topic-item">
            <Folded
              why={topic.hiddenBecause}
              what="topic"
              onShow={() => {
                setShown((now) => new Set([...now, topic.id]));
                // Its title link takes the place of the note: focus goes there.
                requestAnimationFrame(() =>
                  list.current
                    ?.querySelector<HTMLAnchorElement>(`[data-topic="${topic.id}"] .topic-title a`)
                    ?.focus(),
                );
              }}
            />
          </li>
        ) : (
          <li key={topic.id} className="topic-item" data-topic={topic.id}>
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
              <span className="count">
                {t('forum.topics.replies', { count: topic.replyCount })}
              </span>
            </p>
          </li>
        ),
      )}
    </ol>
  );
}
