import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import type { TopicPage } from '../../../contract/forum';
import { getTopicPage, type TopicPlace } from '../../api/forum';
import { forumKeys } from './queries';

const postHash = /^#post-([0-9a-f-]{36})$/i;

/**
 * A link to a reply (`#post-<id>`, from a notification) may name one past the replies shown.
 * Then the page that holds it takes their place, with a way back to the earlier ones, and
 * useLinkTarget (ui/Shell.tsx) finds the reply and focuses it.
 */
export function useLinkedReply(topicId: string, data: { pages: TopicPage[] } | undefined) {
  const { hash } = useLocation();
  const client = useQueryClient();
  // Asked once per link: a reply the server would not place stays on the first page.
  const asked = useRef('');
  const replyId = postHash.exec(hash)?.[1]?.toLowerCase() ?? null;

  useEffect(() => {
    if (!replyId || !data || asked.current === `${topicId}/${replyId}`) return;
    const shown = data.pages.some(
      (p) => p.topic.post.id === replyId || p.replies.some((r) => r.id === replyId),
    );
    if (shown) return;
    asked.current = `${topicId}/${replyId}`;
    const queryKey = forumKeys.topic(topicId);
    const place = { reply: replyId };
    void getTopicPage(topicId, place)
      .then(async (landed) => {
        // A refetch of the pages shown would put them back over it.
        await client.cancelQueries({ queryKey });
        client.setQueryData<InfiniteData<TopicPage, TopicPlace>>(queryKey, {
          pages: [landed],
          pageParams: [place],
        });
      })
      .catch(() => {
        // The pages shown stay, and "Show more replies" still reaches the reply.
      });
  }, [client, data, replyId, topicId]);
}
