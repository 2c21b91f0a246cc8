import { CONDUCT_VERSION, type SessionUser } from '../../../contract/accounts';
import { cleanDisplayName } from '../../../contract/names';
import { completePreferences } from '../../../contract/preferences';
import { t } from '../../lib/i18n';
import type { SessionUserRow } from './queries';

/** A stored name as others see it: hidden characters that older rules let in are taken out. */
export function shownName(stored: string): string {
  return cleanDisplayName(stored) || t('accounts.unnamedMember');
}

/** The signed-in person as the contract describes them. */
export function toSessionUser(row: SessionUserRow, conductVersion: string | null): SessionUser {
  const { passwordHash, preferences, displayName, ...rest } = row;
  return {
    ...rest,
    displayName: shownName(displayName),
    hasPassword: passwordHash !== null,
    preferences: completePreferences(preferences),
    conductVersion: conductVersion ?? '',
    conductCurrent: conductVersion === CONDUCT_VERSION,
  };
}
