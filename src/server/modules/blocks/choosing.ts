// Choosing to mute, ignore or block one person for a time, and stopping it. One row per pair:
// a new choice replaces the old one, so changing strength or time is the same call.
import { and, eq } from 'drizzle-orm';
import { BLOCKS_MAX, type Block, type BlockBody } from '../../../contract/blocks';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { BlocksDeps } from './deps';
import { canKeepAway, isSelf } from './permissions';
import { toBlock } from './present';
import { countInForce, putBlock, removeBlock } from './queries';
import { memberBlocks } from './tables';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The other person's site role, or a 404 in words when there is nobody with that id. */
async function otherPerson(deps: BlocksDeps, otherId: string) {
  const roles = await deps.people.siteRoles([otherId]);
  const siteRole = roles.get(otherId);
  if (!siteRole) throw problems.notFound(t('blocks.problems.personNotFound'));
  return { id: otherId, siteRole };
}

/** Mutes, ignores or blocks one person, from now for so many days (null: for good). */
export async function setBlock(
  deps: BlocksDeps,
  actor: Actor,
  otherId: string,
  input: BlockBody,
): Promise<Block> {
  if (isSelf(actor, otherId)) {
    throw problems.invalid({ userId: t('blocks.problems.self') }, t('blocks.problems.self'));
  }
  const other = await otherPerson(deps, otherId);
  if (!canKeepAway(actor, other, input.strength)) {
    throw problems.invalid({ strength: t('blocks.problems.staff') }, t('blocks.problems.staff'));
  }
  await deps.limits.consume('blockWritePerUser', actor.userId);
  const now = deps.now();
  const saved = await deps.db.transaction(async (tx) => {
    const inForce = await countInForce(tx, actor.userId, now);
    if (inForce >= BLOCKS_MAX) {
      const [already] = await tx
        .select({ id: memberBlocks.otherId })
        .from(memberBlocks)
        .where(and(eq(memberBlocks.userId, actor.userId), eq(memberBlocks.otherId, otherId)));
      if (!already) throw problems.conflict(t('blocks.problems.tooMany', { count: BLOCKS_MAX }));
    }
    return putBlock(tx, {
      userId: actor.userId,
      otherId,
      strength: input.strength,
      until: input.days === null ? null : new Date(now.getTime() + input.days * DAY_MS),
      createdAt: now,
    });
  });
  return toBlock(saved, await deps.people.authorsByIds([otherId]));
}

/** Stops my choice about one person. Stopping one that is not there is the same as once. */
export async function stopBlock(deps: BlocksDeps, actor: Actor, otherId: string): Promise<void> {
  if (!isSelf(actor, otherId)) await otherPerson(deps, otherId);
  await deps.limits.consume('blockWritePerUser', actor.userId);
  await removeBlock(deps.db, actor.userId, otherId);
}
