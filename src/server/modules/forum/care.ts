// Care for the writer: their words are screened as they write and when they send. The writer
// is never blocked: worrying words bring supportive words and crisis lines to them, a case to a
// moderator (medium and high), and a plan, a time or a place (high) holds the post so that only
// they and moderators see it until a moderator looks (SAFETY.md).
import type { WritingCare } from '../../../contract/forum';
import type { ForumDeps, ScreeningTier } from './deps';

export interface Screened {
  tier: ScreeningTier;
  care: WritingCare;
  /** Only the writer and moderators see it until a moderator decides. */
  held: boolean;
  /** A moderator is asked to look. */
  caseNeeded: boolean;
}

export async function screenWriting(
  deps: ForumDeps,
  words: string,
  language?: string,
): Promise<Screened> {
  const { tier } = await deps.screening.screen(words, language);
  const worrying = tier === 'medium' || tier === 'high';
  return {
    tier,
    care: { support: worrying, personalDetails: deps.screening.personalDetails(words) },
    held: tier === 'high',
    caseNeeded: worrying,
  };
}
