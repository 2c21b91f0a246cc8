// The accounts module: sign-up, sign-in by link or password, sessions, names and consents.
// Each use case is a plain function in its own file; this index binds them to their deps.
import type { Config } from '../../config';
import type { Db } from '../../db';
import type { JobQueue } from '../../lib/jobs';
import type { Mailer } from '../../lib/mail/mailer';
import type { RateLimits } from '../../lib/rate-limit';
import { acceptConduct } from './consents';
import type { AccountsDeps } from './deps';
import { requestEmailLink, verifyEmailLink } from './email-links';
import { createAccountsFace } from './face';
import { defineAccountMail } from './mail';
import { mentionable } from './mentionable';
import { passwordSignIn, removePassword, setPassword } from './passwords';
import { updatePreferences } from './preferences';
import {
  actorForToken,
  createSession,
  demoSignIn,
  signOut,
  signOutEverywhere,
  sweepExpired,
} from './sessions';
import { signUp } from './sign-up';

export { EMAIL_LINK_TTL_MS } from './mail';
export { shownName } from './present';
export {
  type NewSession,
  type RequestMeta,
  SESSION_ABSOLUTE_TTL_MS,
  SESSION_IDLE_TTL_MS,
} from './sessions';

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService(options: {
  db: Db;
  config: Config;
  mailer: Mailer;
  limits: RateLimits;
  jobs: JobQueue;
  now?: (() => Date) | undefined;
  signInBar?: AccountsDeps['signInBar'];
  mentionHidden?: AccountsDeps['mentionHidden'];
}) {
  const deps: AccountsDeps = { ...options, now: options.now ?? (() => new Date()) };
  // Its mail is sent by a job: the one that asked for it never waits on SMTP.
  defineAccountMail(deps.jobs, deps);
  return {
    ...createAccountsFace(deps),
    createSession: (...args: Tail<typeof createSession>) => createSession(deps, ...args),
    signUp: (...args: Tail<typeof signUp>) => signUp(deps, ...args),
    requestEmailLink: (...args: Tail<typeof requestEmailLink>) => requestEmailLink(deps, ...args),
    verifyEmailLink: (...args: Tail<typeof verifyEmailLink>) => verifyEmailLink(deps, ...args),
    passwordSignIn: (...args: Tail<typeof passwordSignIn>) => passwordSignIn(deps, ...args),
    demoSignIn: (...args: Tail<typeof demoSignIn>) => demoSignIn(deps, ...args),
    setPassword: (...args: Tail<typeof setPassword>) => setPassword(deps, ...args),
    removePassword: (...args: Tail<typeof removePassword>) => removePassword(deps, ...args),
    actorForToken: (...args: Tail<typeof actorForToken>) => actorForToken(deps, ...args),
    signOut: (...args: Tail<typeof signOut>) => signOut(deps, ...args),
    signOutEverywhere: (...args: Tail<typeof signOutEverywhere>) =>
      signOutEverywhere(deps, ...args),
    updatePreferences: (...args: Tail<typeof updatePreferences>) =>
      updatePreferences(deps, ...args),
    acceptConduct: (...args: Tail<typeof acceptConduct>) => acceptConduct(deps, ...args),
    mentionable: (...args: Tail<typeof mentionable>) => mentionable(deps, ...args),
    sweepExpired: () => sweepExpired(deps),
  };
}

/** A use case's arguments after its deps. */
type Tail<F> = F extends (deps: AccountsDeps, ...args: infer A) => unknown ? A : never;
