import { z } from 'zod';

/** RFC 9457 problem details, as every error from the API is shaped. */
export const Problem = z.object({
  type: z.string(),
  title: z.string().describe('Plain words that the app can show as they are'),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z
    .record(z.string(), z.string())
    .optional()
    .describe('Per-field messages, keyed by the field name'),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

export const Uuid = z.uuid();

/** An email address as people type it: trimmed, lower-cased, sanely sized. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'fields.email.invalid' }));

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'fields.country.invalid' });

/** True when text holds a control character other than a tab or a line break. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) {
      return true;
    }
  }
  return false;
}

/**
 * Text a person writes, kept as it is typed: no control characters except
 * tabs and line breaks (PostgreSQL text cannot even hold a NUL).
 */
export const WrittenText = z
  .string()
  .trim()
  .refine((text) => !hasControlCharacter(text));

/** One page of a list: its items, and the cursor for the next page (null on the last). */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page'),
  });
}
export type Page<T> = { items: T[]; nextCursor: string | null };

/** A route's `:id` path parameter. */
export const IdParams = z.object({ id: Uuid });
export type IdParams = z.infer<typeof IdParams>;
