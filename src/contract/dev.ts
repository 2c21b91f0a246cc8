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
