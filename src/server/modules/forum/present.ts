// Rows as people see them: forum rows into the contract's types.
import type {
  Author,
  Category,
  HiddenBecause,
  Post,
  PostKind,
  Reactions,
  Removal,
  TopicSummary,
} from '../../../contract/forum';
import type { Actor } from '../../lib/access';
import { t } from '../../lib/i18n';
import type { AuthorDirectory } from './deps';
import {
  canDeletePost,
  canEditPost,
  canRemovePost,
  canRestorePost,
  type PostFacts,
} from './permissions';
import type { forumCategories, forumReplies, forumTopics } from './tables';

export const reactionZero = (): Reactions => ({
  me_too: 0,
  thank_you: 0,
  sending_strength: 0,
  mine: [],
});

/** The facts permissions need about a topic. */
export const topicFacts = (
  topic: Pick<typeof forumTopics.$inferSelect, 'authorId' | 'deletedAt' | 'groupId'> & {
    heldAt?: Date | null;
  },
): PostFacts => ({
  authorId: topic.authorId,
  deleted: topic.deletedAt !== null,
  groupId: topic.groupId,
  held: (topic.heldAt ?? null) !== null,
});

/** Looks up these writers once; a person no longer here shows as a former member. */
export async function authorsFor(
  accounts: AuthorDirectory,
  ids: (string | null)[],
): Promise<(id: string | null) => Author> {
  const known = await accounts.authorsByIds(ids.filter((id): id is string => id !== null));
  return (id) => {
    const person = id ? known.get(id) : undefined;
    return person
      ? { id, displayName: person.displayName, role: person.role }
      : { id: null, displayName: t('forum.server.formerMember'), role: null };
  };
}

export function toPost(
  actor: Actor,
  kind: PostKind,
  row: Pick<
    typeof forumReplies.$inferSelect,
    | 'id'
    | 'authorId'
    | 'body'
    | 'bodyHtml'
    | 'createdAt'
    | 'editedAt'
    | 'deletedAt'
    | 'helpfulCount'
  > & { groupId: string | null; heldAt?: Date | null },
  author: Author,
  reactions: Reactions | undefined,
  helpful: boolean,
  writes: boolean,
  /** A moderator's removal of it, loaded only for staff. */
  removal: Removal | null = null,
  hiddenBecause: HiddenBecause = null,
  /** The words shown are a moderator's change (moderator-edit.ts). */
  editedByModerator = false,
): Post {
  const facts: PostFacts = {
    authorId: row.authorId,
    deleted: row.deletedAt !== null,
    groupId: row.groupId,
  };
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    kind,
    author,
    bodyHtml: deleted ? '' : row.bodyHtml,
    body: !deleted && row.authorId === actor.userId ? row.body : null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
    reactions: reactions ?? reactionZero(),
    helpfulCount: row.helpfulCount,
    markedHelpful: helpful,
    canEdit: canEditPost(actor, facts, writes),
    canDelete: canDeletePost(actor, facts),
    canRemove: canRemovePost(actor, facts),
    canRestore: canRestorePost(actor, removal !== null),
    removal,
    held: (row.heldAt ?? null) !== null,
    hiddenBecause,
    editedByModerator,
  };
}

export function toTopicSummary(
  actor: Actor,
  row: Pick<
    typeof forumTopics.$inferSelect,
    'id' | 'categoryId' | 'authorId' | 'title' | 'replyCount' | 'createdAt' | 'lastActivityAt'
  >,
  author: Author,
  lastRead: Date | null | undefined,
  /** The person's last visit to the list: topics started since are new to them. */
  since: Date | null,
  hiddenBecause: HiddenBecause = null,
): TopicSummary {
  return {
    id: row.id,
    categoryId: row.categoryId,
    title: row.title,
    author,
    replyCount: row.replyCount,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    unread: !lastRead || lastRead < row.lastActivityAt,
    isNew: since !== null && row.createdAt > since && row.authorId !== actor.userId,
    hiddenBecause,
  };
}

export function toCategory(row: typeof forumCategories.$inferSelect, newCount: number): Category {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    tipTheme: row.tipTheme,
    topicCount: row.topicCount,
    newCount,
  };
}

/** A short plain excerpt for lists: whole words, about 200 characters. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()} …`;
}
