// The scheduled recount: every confirmed person's level from what they have done, a page at a
// time. People whose level a moderator locked are left alone.
import { inArray } from 'drizzle-orm';
import { storedTrustLevel, trustLevelOf } from '../../../contract/trust';
import type { TrustDeps } from './deps';
import { measuresOf, recountedLevel, thresholdsOf } from './measures';
import { trustLocks } from './tables';

/** People read per page of the recount. */
const PAGE = 500;

/** Runs the recount over everyone; answers how many levels it changed. */
export async function recountTrust(deps: TrustDeps): Promise<{ seen: number; changed: number }> {
  const thresholds = thresholdsOf(await deps.settings.all());
  let after: string | null = null;
  let seen = 0;
  let changed = 0;
  for (;;) {
    const people = await deps.people.peopleForTrust(after, PAGE);
    if (people.length === 0) break;
    after = people[people.length - 1]!.id;
    seen += people.length;
    const ids = people.map((p) => p.id);
    const [measures, locks] = await Promise.all([
      measuresOf(deps, people),
      deps.db
        .select({ userId: trustLocks.userId })
        .from(trustLocks)
        .where(inArray(trustLocks.userId, ids)),
    ]);
    const locked = new Set(locks.map((l) => l.userId));
    for (const person of people) {
      if (locked.has(person.id)) continue;
      const current = trustLevelOf(person.trustLevel);
      const level = recountedLevel(current, measures.get(person.id)!, thresholds);
      if (level === current) continue;
      // Only if no moderator changed it since it was read (their change, and lock, win).
      if (
        await deps.people.changeTrustLevel(person.id, person.trustLevel, storedTrustLevel(level))
      ) {
        changed += 1;
      }
    }
    if (people.length < PAGE) break;
  }
  return { seen, changed };
}
