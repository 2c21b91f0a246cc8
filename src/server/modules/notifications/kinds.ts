// Each kind's data, and how it is put in words and linked: one place, so the app, the email,
// the digest and the push message all say the same thing.
import type { PostKind, ReactionKind, RemovalReason } from '../../../contract/forum';
import type {
  ActionReason,
  CasePriority,
  CaseReason,
  ModerationAction,
  SubjectKind,
} from '../../../contract/moderation';
import type { NotificationKind } from '../../../contract/notifications';
import { t } from '../../lib/i18n';
import { cancelledInWords, movedInWords, whenInWords } from '../events/face';

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

/** One meeting of an event: its start in the series, when it is now, in the event's zone. */
interface AboutMeeting {
  eventId: string;
  title: string;
  start: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
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
  /** To moderators (and a board's facilitators): a case waits in the queue. */
  case_urgent: AboutCase;
  case_new: AboutCase;
  /** To the person a moderator acted on: what was done and why, never who did it. */
  moderation_outcome: {
    actionId: string;
    action: ModerationAction;
    reason: ActionReason;
    until: string | null;
  };
  /** To each reporter once the case closed: a moderator looked, and whether they acted. */
  report_outcome: {
    outcome: 'acted' | 'no_action';
    subjectKind: SubjectKind;
    subjectId: string;
    /** The topic a reported post is in (its title), for the link. */
    topicId: string | null;
    title: string | null;
  };
  /** Someone here is worried about the person: the words say who cares, never who asked. */
  concern: Record<string, never>;
  /** To the person first in line: a place came free, and it is theirs. */
  event_place: AboutMeeting;
  /** To everyone who said yes: the meeting moved, was cancelled or is on again. */
  event_changed: AboutMeeting & {
    change: 'moved' | 'cancelled' | 'back' | 'times_changed' | 'event_cancelled';
    /** When it was before it moved. */
    beforeStartsAt: string | null;
  };
  /** To people with a place: the meeting starts in a day, or in an hour. */
  event_reminder: AboutMeeting & { which: 'day' | 'hour' };
}

interface AboutCase {
  caseId: string;
  reason: CaseReason;
  priority: CasePriority;
}

/** A date in words ("Monday 3 March"), in UK time like the moderation hours. */
function dayInWords(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/London',
  }).format(new Date(iso));
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
    case 'case_urgent': {
      const d = data as NotificationDataByKind['case_urgent'];
      return {
        text: t('notifications.text.caseUrgent'),
        link: `/moderation/cases/${d.caseId}`,
      };
    }
    case 'case_new': {
      const d = data as NotificationDataByKind['case_new'];
      return count > 1
        ? { text: t('notifications.text.caseNewMany', { count }), link: '/moderation' }
        : { text: t('notifications.text.caseNew'), link: `/moderation/cases/${d.caseId}` };
    }
    case 'moderation_outcome': {
      const d = data as NotificationDataByKind['moderation_outcome'];
      const forGood = d.until === null;
      const key =
        (d.action === 'mute' || d.action === 'suspend') && forGood
          ? `${d.action}ForGood`
          : d.action;
      return {
        text: t(`notifications.text.outcome.${key}`, {
          reason: t(`moderation.reasons.${d.reason}`),
          until: d.until ? dayInWords(d.until) : '',
        }),
        link: d.action === 'reach_out' ? '/help' : `/moderation/decisions/${d.actionId}`,
      };
    }
    case 'concern':
      return { text: t('notifications.text.concern'), link: '/help' };
    case 'event_place': {
      const d = data as NotificationDataByKind['event_place'];
      return {
        text: t('notifications.text.eventPlace', {
          title: d.title,
          when: whenInWords(new Date(d.startsAt), new Date(d.endsAt), d.timeZone),
        }),
        link: `/events/${d.eventId}`,
      };
    }
    case 'event_changed': {
      const d = data as NotificationDataByKind['event_changed'];
      return { text: eventChangeWords(d), link: `/events/${d.eventId}` };
    }
    case 'event_reminder': {
      const d = data as NotificationDataByKind['event_reminder'];
      return {
        text: t('notifications.text.eventReminder', {
          title: d.title,
          when: whenInWords(new Date(d.startsAt), new Date(d.endsAt), d.timeZone),
        }),
        link: `/events/${d.eventId}`,
      };
    }
    case 'report_outcome': {
      const d = data as NotificationDataByKind['report_outcome'];
      const link =
        d.subjectKind === 'profile'
          ? `/members/${d.subjectId}`
          : d.subjectKind === 'topic'
            ? `/forum/t/${d.subjectId}`
            : `/forum/t/${d.topicId}#post-${d.subjectId}`;
      return { text: t(`notifications.text.reportOutcome.${d.outcome}`), link };
    }
  }
}

/** "Coffee morning: The meeting on Tuesday 14 May has moved to 3 pm." */
function eventChangeWords(d: NotificationDataByKind['event_changed']): string {
  const startsAt = new Date(d.startsAt);
  const title = d.title;
  switch (d.change) {
    case 'moved':
      return t('notifications.text.eventChanged', {
        title,
        words: movedInWords(new Date(d.beforeStartsAt ?? d.start), startsAt, d.timeZone),
      });
    case 'cancelled':
      return t('notifications.text.eventChanged', {
        title,
        words: cancelledInWords(startsAt, d.timeZone),
      });
    case 'back':
      return t('notifications.text.eventMeetingBack', {
        title,
        when: whenInWords(startsAt, new Date(d.endsAt), d.timeZone),
      });
    case 'times_changed':
      return t('notifications.text.eventTimesChanged', { title });
    case 'event_cancelled':
      return t('notifications.text.eventCancelled', { title });
  }
}
