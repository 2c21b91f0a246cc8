import { and, eq, isNull } from 'drizzle-orm';
import { CONDUCT_VERSION } from '../../../contract/accounts';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { AccountsDeps } from './deps';
import { type ConsentKind, consents } from './tables';

export async function acceptConduct(
  { db, now }: AccountsDeps,
  actor: Actor,
  version: string,
): Promise<void> {
  if (version !== CONDUCT_VERSION) throw problems.conflict(t('problems.conductChanged'));
  await db.insert(consents).values({
    userId: actor.userId,
    kind: 'code_of_conduct',
    version,
    givenAt: now(),
  });
}

export async function giveConsent(
  { db, now }: AccountsDeps,
  userId: string,
  kind: ConsentKind,
  version: string,
): Promise<void> {
  await db.insert(consents).values({ userId, kind, version, givenAt: now() });
}

export async function withdrawConsent(
  { db, now }: AccountsDeps,
  userId: string,
  kind: ConsentKind,
): Promise<void> {
  await db
    .update(consents)
    .set({ withdrawnAt: now() })
    .where(and(eq(consents.userId, userId), eq(consents.kind, kind), isNull(consents.withdrawnAt)));
}
