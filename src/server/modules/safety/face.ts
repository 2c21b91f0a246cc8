// What other modules may ask of safety: how worrying some words are, whether they hold
// personal details, and which watched words they hold. The forum asks as people write and
// when they send; chat, check-ins and milestone notes will ask the same.
import type { PersonalDetailKind, ScreeningResult } from '../../../contract/safety';
import type { SafetyDeps } from './deps';
import { personalDetails } from './personal-details';
import { screenText } from './screening';
import { findWatched, hideWords, type WatchedFound } from './watched-matching';

export type { WatchedFound } from './watched-matching';

export interface SafetyFace {
  /**
   * Screens words against the list for their language (English where none is kept). Only
   * medium and high open a case; high holds a post until a moderator looks (SAFETY.md).
   */
  screen(text: string, language?: string): Promise<ScreeningResult>;
  /** Phone numbers, email addresses and street addresses found: the writer is warned. */
  personalDetails(text: string): PersonalDetailKind[];
  /**
   * Which watched words these words hold, by action (each list the entries' words as written
   * by the admin). Whole words, any case, accents and repeated spaces ignored; "en-GB" is
   * watched with its own words and English's, a language with none of its own with English's.
   */
  watched(text: string, language?: string): Promise<WatchedFound>;
  /**
   * The same text with every "hide" entry's matches replaced by ■■■ (pure; keeps everything
   * else exactly). Give it the words as written (Markdown), not HTML.
   */
  hideWords(text: string, words: string[]): string;
}

export function createSafetyFace(deps: SafetyDeps): SafetyFace {
  return {
    async screen(text, language) {
      const list = await deps.lists.forLanguage(language);
      return list ? screenText(text, list) : { tier: 'none', matches: [] };
    },
    personalDetails,
    async watched(text, language) {
      return findWatched(text, await deps.watched.forLanguage(language));
    },
    hideWords,
  };
}
