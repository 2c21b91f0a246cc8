// Mutes, suspensions and bans in force: what the forum and sign-in ask before letting
// someone write or in. Each answer is the reason in plain words, or null.
import type { Db } from '../../db';
import { t } from '../../lib/i18n';
import { dayInWords } from './present';
import { type ActiveRestriction, activeRestrictions } from './queries';

/** The restriction that lasts longest among these (null `until`: for good). */
function longest(found: ActiveRestriction[]): ActiveRestriction | undefined {
  return [...found].sort((a, b) => {
    if (a.until === null) return -1;
    if (b.until === null) return 1;
    return b.until.getTime() - a.until.getTime();
  })[0];
}

/** Why this person may not post now (a mute, or worse), or null. */
export async function postingBar(db: Db, userId: string, now: Date): Promise<string | null> {
  const found = longest(await activeRestrictions(db, [userId], now));
  if (!found) return null;
  return found.until
    ? t('moderation.bars.muted', { until: dayInWords(found.until) })
    : t('moderation.bars.mutedForGood');
}

/** Why this person may not sign in now (a suspension or a ban), or null. */
export async function signInBar(db: Db, userId: string, now: Date): Promise<string | null> {
  const found = (await activeRestrictions(db, [userId], now)).filter((r) => r.kind !== 'mute');
  if (found.some((r) => r.kind === 'ban')) return t('moderation.bars.banned');
  const suspension = longest(found);
  if (!suspension) return null;
  return suspension.until
    ? t('moderation.bars.suspended', { until: dayInWords(suspension.until) })
    : t('moderation.bars.banned');
}
