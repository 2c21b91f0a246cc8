// Whom a person may mention while writing: members whose name, or a word in it, starts with
// what they typed after "@". The names are what everyone already sees beside posts.
import { and, asc, ilike, isNotNull, ne, notInArray, or, sql } from 'drizzle-orm';
import { cleanDisplayName } from '../../../contract/names';
import { MENTIONABLE_MAX, type MentionableMember } from '../../../contract/profiles';
import type { Actor } from '../../lib/access';
import type { AccountsDeps } from './deps';
import { shownName } from './present';
import { users } from './tables';

/** The text taken literally by LIKE: its wildcards and its escape character lose their power. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Up to eight members for the picker, by name: only accounts someone has signed in to (an
 * address shown to be theirs), never the asker, nor anyone in a block with them either way.
 * A trigram index on the name serves each LIKE.
 */
export async function mentionable(
  { db, limits, mentionHidden }: AccountsDeps,
  actor: Actor,
  query: string,
): Promise<MentionableMember[]> {
  await limits.consume('mentionSearchPerUser', actor.userId);
  // Tidied as names are when saved, so "ma\u200Bria" or a double space still finds Maria.
  const start = cleanDisplayName(query);
  if (start === '') return [];
  const typed = literal(start);
  // Someone I block, or who blocks me, is never offered: neither of us can reach the other.
  const hidden = mentionHidden ? await mentionHidden(actor.userId) : [];
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(
      and(
        isNotNull(users.emailVerifiedAt),
        ne(users.id, actor.userId),
        hidden.length > 0 ? notInArray(users.id, hidden) : undefined,
        // The whole name, or a word in it after a space or a dash ("Mary-Jane", "Jo Lopez").
        or(
          ilike(users.displayName, `${typed}%`),
          ilike(users.displayName, `% ${typed}%`),
          ilike(users.displayName, `%-${typed}%`),
        ),
      ),
    )
    .orderBy(asc(sql`lower(${users.displayName})`), asc(users.id))
    .limit(MENTIONABLE_MAX);
  return rows.map((r) => ({ id: r.id, displayName: shownName(r.displayName) }));
}
