import { CONDUCT_VERSION, type SignUpBody } from '../../../contract/accounts';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { AccountsDeps } from './deps';
import { ACCOUNT_MAIL } from './mail';
import { staffLikeName } from './names';
import { mayUseName } from './permissions';
import { findUserByEmail } from './queries';
import type { RequestMeta } from './sessions';
import { consents, users } from './tables';

/** Starts an account and mails a link. The answer never tells whether the email was known. */
export async function signUp(
  { limits, jobs, now }: AccountsDeps,
  input: SignUpBody,
  meta: RequestMeta,
): Promise<void> {
  await limits.consume('signUpPerIp', meta.ip);
  await limits.consume('signUpPerEmail', input.email);
  // Everyone starts as a member, so nobody starts with a staff-like name.
  if (!mayUseName('member', input.displayName)) throw staffLikeName();
  if (input.conductVersion !== CONDUCT_VERSION) {
    throw problems.conflict(t('problems.conductChanged'), {
      acceptConduct: t('problems.conductChanged'),
    });
  }
  // Known or new, it is one transaction that enqueues one mail: the same work either way.
  await jobs.transaction(async (tx, enqueue) => {
    const existing = await findUserByEmail(tx, input.email);
    if (existing) {
      await enqueue(ACCOUNT_MAIL, { kind: 'sign-in-link', userId: existing.id, welcome: false });
      return;
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        country: input.country ?? null,
        preferences: input.preferences ?? {},
        adultConfirmedAt: now(),
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (user) {
      await tx.insert(consents).values({
        userId: user.id,
        kind: 'code_of_conduct',
        version: CONDUCT_VERSION,
        givenAt: now(),
      });
      await enqueue(ACCOUNT_MAIL, { kind: 'sign-in-link', userId: user.id, welcome: true });
      return;
    }
    // Someone signed up with this email a moment ago: treat it as a sign-in.
    const raced = await findUserByEmail(tx, input.email);
    if (raced) {
      await enqueue(ACCOUNT_MAIL, { kind: 'sign-in-link', userId: raced.id, welcome: false });
    }
  });
}
