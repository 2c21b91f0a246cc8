import { eq, sql } from 'drizzle-orm';
import {
  completePreferences,
  type Preferences,
  type PreferencesUpdate,
} from '../../../contract/preferences';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import type { AccountsDeps } from './deps';
import { users } from './tables';

/** Merges the change into the stored preferences and answers with the whole set. */
export async function updatePreferences(
  { db, now }: AccountsDeps,
  actor: Actor,
  update: PreferencesUpdate,
): Promise<Preferences> {
  const [row] = await db
    .update(users)
    .set({
      preferences: sql`${users.preferences} || ${JSON.stringify(update)}::jsonb`,
      updatedAt: now(),
    })
    .where(eq(users.id, actor.userId))
    .returning({ preferences: users.preferences });
  if (!row) throw problems.notFound();
  return completePreferences(row.preferences);
}
