import { z } from 'zod';
import { type BlockDays, blockDays, blockStrengths } from './blocks-values';
import { Cursor } from './forum';

export * from './blocks-values';

export const BlockStrength = z.enum(blockStrengths);

/** The person's own choice for one other person: how strongly, and for how many days. */
export const BlockBody = z
  .object({
    strength: BlockStrength,
    days: z
      .union([z.literal(1), z.literal(7), z.literal(30), z.null()], {
        error: 'blocks.fields.days.invalid',
      })
      .describe(`How long: ${blockDays.map((d: BlockDays) => d ?? 'null (for good)').join(', ')}`),
  })
  .strict();
export type BlockBody = z.infer<typeof BlockBody>;

export const BlockParams = z.object({ userId: z.uuid() });

export const BlocksQuery = z.object({
  cursor: Cursor.optional(),
  /** Only my choice about this one person (a profile page asks it). */
  userId: z.uuid().optional(),
});
export type BlocksQuery = z.infer<typeof BlocksQuery>;

export const Block = z.object({
  person: z.object({ id: z.uuid(), displayName: z.string() }),
  strength: BlockStrength,
  /** When it ends by itself; null when it lasts until I stop it. */
  until: z.string().nullable(),
  since: z.string(),
});
export type Block = z.infer<typeof Block>;

export const BlocksPage = z.object({
  items: z.array(Block),
  nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page'),
});
export type BlocksPage = z.infer<typeof BlocksPage>;
