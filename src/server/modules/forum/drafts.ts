// Drafts: a person's unfinished topics and replies, kept on the server between devices.
import { and, count, eq } from 'drizzle-orm';
import type { Draft, DraftBody } from '../../../contract/forum';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { screenWriting } from './care';
import type { ForumDeps } from './deps';
import { forumDrafts } from './tables';
import { spend } from './writing';

/** Unfinished posts a person may keep on the server; updating one they have always works. */
export const MAX_DRAFTS_PER_PERSON = 50;

const mine = (actor: Actor, key: string) =>
  and(eq(forumDrafts.userId, actor.userId), eq(forumDrafts.key, key));

export async function draft(deps: ForumDeps, actor: Actor, key: string): Promise<Draft | null> {
  const [row] = await deps.db.select().from(forumDrafts).where(mine(actor, key)).limit(1);
  if (!row) return null;
  // A worrying draft opened again brings its support panel back at once, not at the next save.
  const { care } = await screenWriting(deps, `${row.title}\n${row.body}`, undefined, {
    sending: false,
  });
  return {
    key: row.key,
    title: row.title,
    body: row.body,
    updatedAt: row.updatedAt.toISOString(),
    care,
  };
}

/** Keeps my words for later; a new place past MAX_DRAFTS_PER_PERSON is refused, an old one always saves. */
export async function saveDraft(
  deps: ForumDeps,
  actor: Actor,
  key: string,
  input: DraftBody,
): Promise<Draft> {
  const { db } = deps;
  await spend(deps, 'forumDraftSavePerUser', actor);
  const updatedAt = deps.now();
  const set = { title: input.title, body: input.body, updatedAt };
  const updated = await db
    .update(forumDrafts)
    .set(set)
    .where(mine(actor, key))
    .returning({ key: forumDrafts.key });
  if (updated.length === 0) {
    const [kept] = await db
      .select({ n: count() })
      .from(forumDrafts)
      .where(eq(forumDrafts.userId, actor.userId));
    if (Number(kept?.n ?? 0) >= MAX_DRAFTS_PER_PERSON) {
      // Refused, not made room for: throwing away an older draft could lose someone's words.
      throw problems.conflict(t('forum.problems.tooManyDrafts', { max: MAX_DRAFTS_PER_PERSON }));
    }
    await db
      .insert(forumDrafts)
      .values({ userId: actor.userId, key, ...set })
      .onConflictDoUpdate({ target: [forumDrafts.userId, forumDrafts.key], set });
  }
  // Screened as it is written: worrying words bring a gentle panel to the composer at once.
  const { care } = await screenWriting(deps, `${input.title}\n${input.body}`, undefined, {
    sending: false,
  });
  return { key, title: input.title, body: input.body, updatedAt: updatedAt.toISOString(), care };
}

export async function deleteDraft({ db }: ForumDeps, actor: Actor, key: string): Promise<void> {
  await db.delete(forumDrafts).where(mine(actor, key));
}
