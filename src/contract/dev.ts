import { z } from 'zod';
import { MemberRole, SiteRole } from './accounts';

export const OutboxMessage = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxResponse = z.object({ messages: z.array(OutboxMessage) });
export type OutboxResponse = z.infer<typeof OutboxResponse>;

export const DemoAccount = z.object({
  id: z.uuid(),
  displayName: z.string(),
  role: MemberRole,
  siteRole: SiteRole,
  summary: z.string(),
});
export type DemoAccount = z.infer<typeof DemoAccount>;

export const DemoAccountsResponse = z.object({ accounts: z.array(DemoAccount) });
export type DemoAccountsResponse = z.infer<typeof DemoAccountsResponse>;

export const DemoSignInBody = z.object({ userId: z.uuid() });

/** Moves the development clock ahead of the real one (0 puts it back). */
export const DevClockBody = z
  .object({
    aheadMinutes: z
      .number()
      .int()
      .min(0)
      .max(400 * 24 * 60),
  })
  .strict();
export type DevClockBody = z.infer<typeof DevClockBody>;

export const DevClockResponse = z.object({
  now: z.string().describe('The time the app now goes by'),
  aheadMinutes: z.number().int(),
});
export type DevClockResponse = z.infer<typeof DevClockResponse>;
