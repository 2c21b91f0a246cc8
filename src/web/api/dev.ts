import type { z } from 'zod';
import type { MeResponse } from '../../contract/accounts';
import type { DemoAccountsResponse, DemoSignInBody, OutboxResponse } from '../../contract/dev';
import { call, route } from './route';

/** The development tools (only on a development server, only from this machine). */
export const devRoutes = {
  outbox: route<OutboxResponse>()('GET', '/dev/outbox'),
  demoAccounts: route<DemoAccountsResponse>()('GET', '/dev/demo-accounts'),
  signInAs: route<MeResponse, z.input<typeof DemoSignInBody>>()('POST', '/dev/sign-in-as'),
} as const;

const r = devRoutes;

export const getOutbox = () => call(r.outbox);
export const getDemoAccounts = () => call(r.demoAccounts);
export const signInAs = (userId: string) => call(r.signInAs, { body: { userId } });
