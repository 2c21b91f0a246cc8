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
