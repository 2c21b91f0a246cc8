import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TopicPage as TopicPageData } from '../../../contract/forum';
import { REPLIES_PER_PAGE } from '../../../contract/values';
import { createReply, setBookmark } from '../../api/forum';
import { ApiProblem } from '../../api/transport';
import { useMe } from '../../session';
import { SendProblem } from '../../ui/fields';
import { Page } from '../../ui/Page';
import { Composer } from './Composer';
import { ForumLinks } from './ForumLinks';
import { LoadProblem } from './LoadProblem';
import { NewTopicCare } from './NewTopicCare';
import { PostView } from './PostView';
import { forumKeys, useTopicPage } from './queries';
import { Toggle } from './Toggle';
import { useLinkedReply } from './useLinkedReply';

/** Where "Write a reply" at the top of a topic leads. */
const REPLY_ANCHOR = 'write-reply';

/** /forum/t/:id: the first post, its replies a page at a time, and the reply composer. */
export function TopicPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const client = useQueryClient();
  const page = useTopicPage(id);
  useLinkedReply(id, page.data);
  const [focusReply, setFocusReply] = useState<string | null>(null);
  const [bookmarkProblem, setBookmarkProblem] = useState<string | null>(null);
  const [bookmarkAttempt, setBookmarkAttempt] = useState(0);
  const repliesList = useRef<HTMLOListElement>(null);
  const myId = me.data?.user?.id ?? '';

  const bookmark = useMutation({
    // Offline, say so at once beside the button (React Query would wait in silence).
    networkMode: 'always',
    mutationFn: (on: boolean) => setBookmark(id, on),
    onMutate: () => setBookmarkProblem(null),
    onSuccess: (_, on) => {
      client.setQueryData<InfiniteData<TopicPageData>>(forumKeys.topic(id), (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, topic: { ...p.topic, bookmarked: on } })),
            }
          : data,
      );
      void client.invalidateQueries({ queryKey: forumKeys.bookmarks });
    },
    onError: (error) => {
      setBookmarkProblem(error instanceof ApiProblem ? error.title : String(error));
      setBookmarkAttempt((n) => n + 1);
    },
  });

  // After "Show more replies", "Show earlier replies" or a new reply, focus goes to the
  // (first) post that came in.
  useEffect(() => {
    if (!focusReply) return;
    const el = document.getElementById(`post-${focusReply}`);
    if (el) {
      el.focus();
      setFocusReply(null);
    }
  });

  if (page.isError && !page.data) {
    return (
      <Page title={t('forum.pages.topicMissing')}>
        <LoadProblem error={page.error} retry={() => void page.refetch()} />
        <ForumLinks />
      </Page>
    );
  }
  const pages = page.data?.pages ?? [];
  const first = pages[0];
  if (!first) return <p role="status">{t('app.loading')}</p>;
  const { topic } = first;
  const replies = pages.flatMap((p) => p.replies);
  // A link to a reply may start past the first page: the server numbers each page.
  const firstPage = first.page;
  const nextPage = (pages.at(-1)?.page ?? firstPage) + 1;
  // The server says who may reply: not on a removed topic, and on a group's board only its members.
  const canReply = topic.canReply && Boolean(myId);

  return (
    <Page title={topic.title}>
      {canReply && (
        <p className="write-reply-link">
          {/* A real in-page link; the click also puts focus in the box, which a plain jump does not. */}
          <a
            href={`#${REPLY_ANCHOR}`}
            className="button"
            onClick={(e) => {
              e.preventDefault();
              document.querySelector<HTMLTextAreaElement>(`#${REPLY_ANCHOR} textarea`)?.focus();
            }}
          >
            {t('forum.pages.writeReply')}
          </a>
        </p>
      )}
      {topic.category.slug && (
        <p>
          <Link to={`/forum/c/${topic.category.slug}`} className="back-link">
            {t('forum.pages.backTo', { name: topic.category.name })}
          </Link>
        </p>
      )}
      <PostView post={topic.post} topicId={topic.id} myId={myId} level={2} title={topic.title} />
      <NewTopicCare topicId={topic.id} />
      {!topic.post.deleted && (
        <div className="actions">
          <Toggle
            label={t('forum.pages.bookmark')}
            icon="bookmark"
            pressed={topic.bookmarked}
            busy={bookmark.isPending}
            onChange={(on) => bookmark.mutate(on)}
          />
        </div>
      )}
      {bookmarkProblem && <SendProblem attempt={bookmarkAttempt}>{bookmarkProblem}</SendProblem>}

      <section aria-labelledby="replies-title" className="section">
        <h2 id="replies-title">
          {t('forum.pages.replies')} <span className="count">({topic.replyCount})</span>
        </h2>
        {page.hasPreviousPage && (
          <button
            type="button"
            className="button more-button"
            disabled={page.isFetchingPreviousPage}
            onClick={() =>
              void page.fetchPreviousPage().then((result) => {
                const added = result.data?.pages[0]?.replies[0];
                if (added) setFocusReply(added.id);
              })
            }
          >
            {page.isFetchingPreviousPage
              ? t('app.loading')
              : t('forum.pages.earlierReplies', { page: firstPage - 1 })}
          </button>
        )}
        {replies.length === 0 ? (
          <p>{t('forum.pages.noReplies')}</p>
        ) : (
          <ol className="replies" ref={repliesList} start={(firstPage - 1) * REPLIES_PER_PAGE + 1}>
            {replies.map((reply) => (
              <li key={reply.id}>
                <PostView post={reply} topicId={topic.id} myId={myId} level={3} />
              </li>
            ))}
          </ol>
        )}
        {page.hasNextPage && (
          <button
            type="button"
            className="button more-button"
            disabled={page.isFetchingNextPage}
            onClick={() =>
              void page.fetchNextPage().then((result) => {
                const added = result.data?.pages.at(-1)?.replies[0];
                if (added) setFocusReply(added.id);
              })
            }
          >
            {page.isFetchingNextPage
              ? t('app.loading')
              : t('forum.pages.moreReplies', { page: nextPage })}
          </button>
        )}
      </section>

      {!canReply && myId && (
        <section aria-labelledby="no-reply-title" className="section composer">
          <h2 id="no-reply-title">{t('forum.composer.replyHeading')}</h2>
          {topic.post.deleted ? (
            <p>{t('forum.pages.replyClosed')}</p>
          ) : (
            <>
              <p>{t('forum.pages.replyMembersOnly')}</p>
              {topic.groupId && (
                <p>
                  <Link to={`/groups/${topic.groupId}`} className="button">
                    {t('forum.pages.replyJoin')}
                  </Link>
                </p>
              )}
            </>
          )}
        </section>
      )}
      {canReply && (
        <Composer
          key={topic.id}
          anchorId={REPLY_ANCHOR}
          kind="reply"
          heading={t('forum.composer.replyHeading')}
          draftKey={`reply-${topic.id}`}
          ownerId={myId}
          sentMessage={t('forum.composer.replySent')}
          send={async (post) => {
            const created = await createReply(topic.id, {
              body: post.body,
              idempotencyKey: post.idempotencyKey,
            });
            await client.invalidateQueries({ queryKey: forumKeys.topic(topic.id) });
            setFocusReply(created.id);
            return created;
          }}
        />
      )}
      <ForumLinks />
    </Page>
  );
}
