// What other modules may ask of safety: how worrying some words are, and whether they hold
// personal details. The forum asks as people write and when they send; chat, check-ins and
// milestone notes will ask the same.
import type { PersonalDetailKind, ScreeningResult } from '../../../contract/safety';
import type { SafetyDeps } from './deps';
import { personalDetails } from './personal-details';
import { screenText } from './screening';

export interface SafetyFace {
  /**
   * Screens words against the list for their language (English where none is kept). Only
   * medium and high open a case; high holds a post until a moderator looks (SAFETY.md).
   */
  screen(text: string, language?: string): Promise<ScreeningResult>;
  /** Phone numbers, email addresses and street addresses found: the writer is warned. */
  personalDetails(text: string): PersonalDetailKind[];
}

export function createSafetyFace(deps: SafetyDeps): SafetyFace {
  return {
    async screen(text, language) {
      const list = await deps.lists.forLanguage(language);
      return list ? screenText(text, list) : { tier: 'none', matches: [] };
    },
    personalDetails,
  };
}
