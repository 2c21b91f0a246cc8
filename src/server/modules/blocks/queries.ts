// The blocks table, read and written: no rules here, only what the use cases and the face ask.
import { and, count, desc, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { BlockStrength } from '../../../contract/blocks-values';
import type { Db, Tx } from '../../db';
import { afterPosition, type Position } from '../../lib/pagination';
import { memberBlocks } from './tables';

export type BlockRow = typeof memberBlocks.$inferSelect;

/** Rows in force at this moment: for good, or not yet past their end. */
export const inForce = (now: Date): SQL =>
  or(isNull(memberBlocks.until), gt(memberBlocks.until, now))!;

const ofStrength = (strengths: readonly BlockStrength[] | undefined): SQL | undefined =>
  strengths ? inArray(memberBlocks.strength, [...strengths]) : undefined;

/** Of these people, those who keep `otherId` away now (with one of these strengths, or any). */
export async function whoKeepAway(
  db: Db | Tx,
  choosers: string[],
  otherId: string,
  now: Date,
  strengths?: readonly BlockStrength[],
): Promise<Set<string>> {
  const unique = [...new Set(choosers)].filter((id) => id !== otherId);
  if (unique.length === 0) return new Set();
  const rows = await db
    .select({ id: memberBlocks.userId })
    .from(memberBlocks)
    .where(
      and(
        eq(memberBlocks.otherId, otherId),
        inArray(memberBlocks.userId, unique),
        inForce(now),
        ofStrength(strengths),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Of these people, those `userId` keeps away now (with one of these strengths, or any). */
export async function keptAwayBy(
  db: Db | Tx,
  userId: string,
  others: string[],
  now: Date,
  strengths?: readonly BlockStrength[],
): Promise<Set<string>> {
  const unique = [...new Set(others)].filter((id) => id !== userId);
  if (unique.length === 0) return new Set();
  const rows = await db
    .select({ id: memberBlocks.otherId })
    .from(memberBlocks)
    .where(
      and(
        eq(memberBlocks.userId, userId),
        inArray(memberBlocks.otherId, unique),
        inForce(now),
        ofStrength(strengths),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Everyone in a block with this person now, whichever of the two chose it. */
export async function blockedEitherWay(db: Db, userId: string, now: Date): Promise<string[]> {
  const blocking = and(eq(memberBlocks.strength, 'block'), inForce(now));
  const [mine, theirs] = await Promise.all([
    db
      .select({ id: memberBlocks.otherId })
      .from(memberBlocks)
      .where(and(eq(memberBlocks.userId, userId), blocking)),
    db
      .select({ id: memberBlocks.userId })
      .from(memberBlocks)
      .where(and(eq(memberBlocks.otherId, userId), blocking)),
  ]);
  return [...new Set([...mine, ...theirs].map((r) => r.id))];
}

const listOrder = { sort: memberBlocks.createdAt, id: memberBlocks.otherId };

/** A page of my choices in force, newest first; `limit + 1` rows to tell if there is more. */
export function myBlocks(
  db: Db,
  userId: string,
  now: Date,
  from: Position | null,
  limit: number,
  otherId?: string,
): Promise<BlockRow[]> {
  return db
    .select()
    .from(memberBlocks)
    .where(
      and(
        eq(memberBlocks.userId, userId),
        inForce(now),
        otherId ? eq(memberBlocks.otherId, otherId) : undefined,
        afterPosition(listOrder, from, 'desc'),
      ),
    )
    .orderBy(desc(memberBlocks.createdAt), desc(memberBlocks.otherId))
    .limit(limit + 1);
}

/** Forgets my choices that have run out, then counts the ones left: the cap counts these. */
export async function countInForce(tx: Tx, userId: string, now: Date): Promise<number> {
  await tx
    .delete(memberBlocks)
    .where(and(eq(memberBlocks.userId, userId), lte(memberBlocks.until, now)));
  const [row] = await tx
    .select({ n: count() })
    .from(memberBlocks)
    .where(eq(memberBlocks.userId, userId));
  return row?.n ?? 0;
}

/** Sets my choice about one person, replacing any earlier one. */
export async function putBlock(
  tx: Tx,
  row: Omit<BlockRow, 'createdAt'> & { createdAt: Date },
): Promise<BlockRow> {
  const [saved] = await tx
    .insert(memberBlocks)
    .values(row)
    .onConflictDoUpdate({
      target: [memberBlocks.userId, memberBlocks.otherId],
      set: { strength: row.strength, until: row.until, createdAt: row.createdAt },
    })
    .returning();
  return saved!;
}

/** Ends my choice about one person; true when there was one. */
export async function removeBlock(db: Db, userId: string, otherId: string): Promise<boolean> {
  const gone = await db
    .delete(memberBlocks)
    .where(and(eq(memberBlocks.userId, userId), eq(memberBlocks.otherId, otherId)))
    .returning({ id: memberBlocks.otherId });
  return gone.length > 0;
}
