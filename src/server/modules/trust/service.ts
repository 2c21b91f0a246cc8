// Trust levels (SAFETY.md): a scheduled recount from what people have done, and a moderator's
// hand. The level is kept on the account; what each level may do is the forum's (newcomers.ts).
import type { TrustDeps, TrustServiceDeps } from './deps';
import { recountTrust } from './recount';
import { setTrust, trustStanding } from './standing';

/** How often the recount runs (in the worker). */
export const RECOUNT_EVERY_MS = 60 * 60 * 1000;

export type TrustService = ReturnType<typeof createTrustService>;

export function createTrustService(serviceDeps: TrustServiceDeps) {
  const deps: TrustDeps = { ...serviceDeps, now: serviceDeps.now ?? (() => new Date()) };
  deps.jobs.every('trust-recount', RECOUNT_EVERY_MS, async () => {
    await recountTrust(deps);
  });
  const use =
    <A extends unknown[], R>(useCase: (deps: TrustDeps, ...args: A) => R) =>
    (...args: A): R =>
      useCase(deps, ...args);
  return {
    standing: use(trustStanding),
    set: use(setTrust),
    recount: () => recountTrust(deps),
  };
}
