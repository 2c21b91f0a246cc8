import { z } from 'zod';
import { CountryCode, WrittenText } from './common';

export const CrisisLineKind = z.enum(['emergency', 'crisis', 'health_advice', 'text']);
export type CrisisLineKind = z.infer<typeof CrisisLineKind>;

export const CrisisLine = z.object({
  id: z.uuid(),
  country: z.string(),
  kind: CrisisLineKind,
  name: z.string(),
  phone: z.string().nullable(),
  textNumber: z.string().nullable(),
  textMessage: z.string().nullable(),
  url: z.string().nullable(),
  hours: z.string(),
  description: z.string(),
  sortOrder: z.number().int(),
});
export type CrisisLine = z.infer<typeof CrisisLine>;

export const CrisisLineInput = z
  .object({
    country: CountryCode,
    kind: CrisisLineKind,
    name: WrittenText.min(1).max(120),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 +()-]{2,25}$/, { error: 'fields.phone.invalid' })
      .nullable(),
    textNumber: z
      .string()
      .trim()
      .regex(/^[0-9 +()-]{2,25}$/, { error: 'fields.phone.invalid' })
      .nullable()
      .default(null),
    textMessage: WrittenText.max(40).nullable().default(null),
    url: z
      .url({ protocol: /^https$/, error: 'fields.url.invalid' })
      .nullable()
      .default(null),
    hours: WrittenText.min(1).max(120),
    description: WrittenText.min(1).max(300),
    sortOrder: z.number().int().min(0).max(1000).default(100),
  })
  .strict();
export type CrisisLineInput = z.infer<typeof CrisisLineInput>;

export const HelpQuery = z.object({ country: CountryCode.optional() });

export const HelpResponse = z.object({
  country: z.string().nullable(),
  known: z.boolean().describe('False when we hold no lines for this country'),
  emergencyNumber: z.string(),
  lines: z.array(CrisisLine),
  countries: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type HelpResponse = z.infer<typeof HelpResponse>;
