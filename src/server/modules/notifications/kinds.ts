// Each kind's data, and how it is put in words and linked: one place, so the app, the email,
// the digest and the push message all say the same thing.
import type { PostKind, ReactionKind, RemovalReason } from '../../../contract/forum';
import type { NotificationKind } from '../../../contract/notifications';
import { t } from '../../lib/i18n';

interface AboutPost {
  topicId: string;
  /** The post it is about: the topic itself, or a reply in it. */
  postKind: PostKind;
  postId: string;
  /** The topic's title when it happened. */
  title: string;
}

interface AboutGroup {
  groupId: string;
  groupName: string;
}

/** What each kind carries. Nothing a person wrote beyond a title or a group's name. */
export interface NotificationDataByKind {
  /** A reply to my topic, or to my reply (postKind says which was mine). */
  reply: AboutPost & { replyId: string };
  mention: AboutPost;
  reaction: AboutPost & { reaction: ReactionKind };
  helpful: AboutPost;
  join_request: AboutGroup;
  join_decision: AboutGroup & { outcome: 'approved' | 'waitlist' | 'declined' };
  group_invitation: AboutGroup;
  announcement: AboutGroup;
  post_removed: AboutPost & { reason: RemovalReason };
}

export type NotificationData = NotificationDataByKind[NotificationKind];

/** One kind's event, as a use case hands it to the notifications face. */
export type NotificationEvent = {
  [K in NotificationKind]: {
    kind: K;
    /** Who is told. The person who caused it is never told of their own act. */
    recipientIds: string[];
    /** Who caused it; null for the system or staff acting as staff. */
    actorId: string | null;
    /**
     * What caused it, the same whenever the same thing happens again (a reaction taken back
     * and given again): a person is told of one cause once.
     */
    causeKey: string;
    /** Events with the same key gather into one unread notification ("3 people…"). */
    groupKey?: string | undefined;
    data: NotificationDataByKind[K];
  };
}[NotificationKind];

export interface Worded {
  text: string;
  link: string;
}

function postLink(data: AboutPost): string {
  return data.postKind === 'topic'
    ? `/forum/t/${data.topicId}`
    : `/forum/t/${data.topicId}#post-${data.postId}`;
}

/**
 * The words for a notification. `names` are the newest people behind it (may be empty:
 * an account gone); `count` how many events it gathers.
 */
export function wordsFor(
  kind: NotificationKind,
  data: NotificationData,
  names: string[],
  count: number,
): Worded {
  const name = names[0] ?? t('notifications.someone');
  const others = Math.max(count - 1, 0);
  switch (kind) {
    case 'reply': {
      const d = data as NotificationDataByKind['reply'];
      const key = d.postKind === 'topic' ? 'replyToTopic' : 'replyToReply';
      return {
        text:
          others > 0
            ? t(`notifications.text.${key}Many`, { name, count: others, title: d.title })
            : t(`notifications.text.${key}`, { name, title: d.title }),
        link: `/forum/t/${d.topicId}#post-${d.replyId}`,
      };
    }
    case 'mention': {
      const d = data as NotificationDataByKind['mention'];
      return { text: t('notifications.text.mention', { name, title: d.title }), link: postLink(d) };
    }
    case 'reaction': {
      const d = data as NotificationDataByKind['reaction'];
      return {
        text:
          count > 1
            ? t(`notifications.text.reaction.${d.reaction}Many`, { count, title: d.title })
            : t(`notifications.text.reaction.${d.reaction}`, { name, title: d.title }),
        link: postLink(d),
      };
    }
    case 'helpful': {
      const d = data as NotificationDataByKind['helpful'];
      return {
        text:
          count > 1
            ? t('notifications.text.helpfulMany', { count, title: d.title })
            : t('notifications.text.helpful', { name, title: d.title }),
        link: postLink(d),
      };
    }
    case 'join_request': {
      const d = data as NotificationDataByKind['join_request'];
      return {
        text:
          count > 1
            ? t('notifications.text.joinRequestMany', { count, group: d.groupName })
            : t('notifications.text.joinRequest', { name, group: d.groupName }),
        link: `/groups/${d.groupId}#requests`,
      };
    }
    case 'join_decision': {
      const d = data as NotificationDataByKind['join_decision'];
      return {
        text: t(`notifications.text.joinDecision.${d.outcome}`, { group: d.groupName }),
        link: `/groups/${d.groupId}`,
      };
    }
    case 'group_invitation': {
      const d = data as NotificationDataByKind['group_invitation'];
      return {
        text: t('notifications.text.invitation', { name, group: d.groupName }),
        link: `/groups/${d.groupId}`,
      };
    }
    case 'announcement': {
      const d = data as NotificationDataByKind['announcement'];
      return {
        text: t('notifications.text.announcement', { group: d.groupName }),
        link: `/groups/${d.groupId}#announcements`,
      };
    }
    case 'post_removed': {
      const d = data as NotificationDataByKind['post_removed'];
      return {
        text: t(`notifications.text.removed.${d.postKind}`, {
          title: d.title,
          reason: t(`forum.post.reasons.${d.reason}`),
        }),
        link: postLink(d),
      };
    }
  }
}
