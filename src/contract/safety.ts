import { z } from 'zod';
import { WrittenText } from './common';

/**
 * How worrying some words are (SAFETY.md): low is a past or figurative mention (watch),
 * medium ongoing thoughts without intent (staff send resources), high a plan, a time or a
 * place (act now). Only medium and high open a case.
 */
export const screeningTiers = ['none', 'low', 'medium', 'high'] as const;
export const ScreeningTier = z.enum(screeningTiers);
export type ScreeningTier = z.infer<typeof ScreeningTier>;

/**
 * How an entry of the phrase list is matched:
 * - phrase: its words in this order, a couple of other words between allowed, and small
 *   words ("to", "the", "my") allowed to be missing, as aphasia often drops them;
 * - words: all its words in one sentence, in any order;
 * - exact: just these words, side by side, none missing;
 * - figurative: a figure of speech ("dying for a cup of tea"); a match it overlaps counts
 *   at most as its tier, none or low.
 */
export const phraseMatches = ['phrase', 'words', 'exact', 'figurative'] as const;
export const PhraseMatch = z.enum(phraseMatches);
export type PhraseMatch = z.infer<typeof PhraseMatch>;

/** Tiers a figure of speech may cap a match at, and tiers every other entry may carry. */
export const figurativeTiers: readonly ScreeningTier[] = ['none', 'low'];
export const worryTiers: readonly ScreeningTier[] = ['low', 'medium', 'high'];

/** A language the lists are kept for: "en", "cy", or with a region, "en-US". */
export const PhraseLanguage = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[A-Z]{2})?$/, { error: 'safety.fields.language.invalid' });

export const SafetyPhrase = z.object({
  id: z.uuid(),
  language: z.string(),
  text: z.string(),
  tier: ScreeningTier,
  match: PhraseMatch,
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Who changed it last; null for the seeded list and when that person has gone. */
  updatedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
});
export type SafetyPhrase = z.infer<typeof SafetyPhrase>;

export const SafetyPhraseInput = z
  .object({
    language: PhraseLanguage,
    // Kept as lower case with single spaces, so the same entry cannot be added twice.
    text: WrittenText.min(2, { error: 'safety.fields.text.tooShort' })
      .max(120, { error: 'safety.fields.text.tooLong' })
      .transform((text) => text.toLowerCase().replace(/\s+/g, ' '))
      .refine((text) => /\p{L}/u.test(text), { error: 'safety.fields.text.noWords' }),
    tier: ScreeningTier,
    match: PhraseMatch,
    note: WrittenText.max(300, { error: 'safety.fields.note.tooLong' })
      .nullable()
      .default(null)
      .transform((note) => note || null),
  })
  .strict()
  .refine((p) => (p.match === 'figurative' ? figurativeTiers : worryTiers).includes(p.tier), {
    error: 'safety.fields.tier.wrongForMatch',
    path: ['tier'],
  });
export type SafetyPhraseInput = z.input<typeof SafetyPhraseInput>;
export type SafetyPhraseValues = z.output<typeof SafetyPhraseInput>;

export const PhrasesQuery = z.object({ language: PhraseLanguage.optional() }).strict();

export const PhrasesResponse = z.object({
  language: z.string(),
  /** Every language that has a list, for the page's choice. */
  languages: z.array(z.string()),
  phrases: z.array(SafetyPhrase),
});
export type PhrasesResponse = z.infer<typeof PhrasesResponse>;

/** What is found in some words: the tier, and each entry that counted. */
export const ScreeningMatch = z.object({
  tier: ScreeningTier,
  /** The tier the entry itself carries, before the rules below changed it. */
  phraseTier: ScreeningTier,
  phraseId: z.string(),
  /** Why the engine changed the entry's tier: past, figurative, plan, ... */
  rules: z.array(z.string()),
});
export const ScreeningResult = z.object({
  tier: ScreeningTier,
  matches: z.array(ScreeningMatch),
});
export type ScreeningResult = z.infer<typeof ScreeningResult>;

/** Kinds of personal details a post should not hold (SAFETY.md: a warning before posting). */
export const personalDetailKinds = ['phone', 'email', 'address'] as const;
export type PersonalDetailKind = (typeof personalDetailKinds)[number];

/** An admin tries some words against the list, to see what an edit does. */
export const TryScreeningBody = z
  .object({
    language: PhraseLanguage.default('en'),
    text: WrittenText.min(1, { error: 'safety.fields.tryText.required' }).max(5000, {
      error: 'safety.fields.tryText.tooLong',
    }),
  })
  .strict();
export type TryScreeningBody = z.input<typeof TryScreeningBody>;

export const TryScreeningResponse = z.object({
  tier: ScreeningTier,
  matches: z.array(
    ScreeningMatch.extend({ text: z.string().describe('The entry of the list that matched') }),
  ),
  personalDetails: z.array(z.enum(personalDetailKinds)),
});
export type TryScreeningResponse = z.infer<typeof TryScreeningResponse>;

/**
 * What a watched word does to a post that holds it (issue 11 part 7):
 * - block: the post is refused, naming the word; the writer's words are kept;
 * - hold: the post waits for a moderator before others see it;
 * - flag: it is posted, and a moderator is asked to look;
 * - hide: it is posted with the word shown as ■■■ to everyone but moderators.
 */
export const watchedActions = ['block', 'hold', 'flag', 'hide'] as const;
export const WatchedAction = z.enum(watchedActions, { error: 'safety.fields.action.invalid' });
export type WatchedAction = z.infer<typeof WatchedAction>;

/** The longest watched word or phrase, in letters. */
export const WATCHED_WORDS_MAX = 100;

/** A word or short phrase as an admin writes it; a `*` at the end matches any ending. */
const WatchedWordsText = WrittenText.min(1, { error: 'safety.fields.words.required' })
  .max(WATCHED_WORDS_MAX, { error: 'safety.fields.words.tooLong' })
  .transform((words) => words.replace(/\s+/g, ' '))
  .refine((words) => /[\p{L}\p{N}]/u.test(words), { error: 'safety.fields.words.noWords' })
  // No `*` but one at the very end, straight after a letter: "scam*", not "sc*m" or "scam *".
  .refine((words) => /^[^*]*(?:(?<=[\p{L}\p{N}\p{M}])\*)?$/u.test(words), {
    error: 'safety.fields.words.star',
  });

/** Why it is on the list, for the next admin; empty is none. */
const WatchedNote = WrittenText.max(300, { error: 'safety.fields.note.tooLong' }).nullable();

export const WatchedWord = z.object({
  id: z.uuid(),
  language: z.string(),
  /** As the admin wrote it, with single spaces. */
  words: z.string(),
  action: WatchedAction,
  note: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Who changed it last; null for the starting examples and when that person has gone. */
  updatedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
});
export type WatchedWord = z.infer<typeof WatchedWord>;

export const WatchedWordInput = z
  .object({
    language: PhraseLanguage.default('en'),
    words: WatchedWordsText,
    action: WatchedAction,
    note: WatchedNote.default(null),
  })
  .strict();
export type WatchedWordInput = z.input<typeof WatchedWordInput>;
export type WatchedWordValues = z.output<typeof WatchedWordInput>;

/** A change to one entry: only what is sent changes. */
export const WatchedWordChange = z
  .object({
    language: PhraseLanguage.optional(),
    words: WatchedWordsText.optional(),
    action: WatchedAction.optional(),
    note: WatchedNote.optional(),
  })
  .strict()
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    error: 'safety.fields.change.nothing',
  });
export type WatchedWordChange = z.input<typeof WatchedWordChange>;
export type WatchedWordChangeValues = z.output<typeof WatchedWordChange>;

export const WatchedWordsQuery = z.object({ language: PhraseLanguage.optional() }).strict();

export const WatchedWordsResponse = z.object({
  language: z.string(),
  /** Every language that has watched words, and English, for the page's choice. */
  languages: z.array(z.string()),
  words: z.array(WatchedWord),
});
export type WatchedWordsResponse = z.infer<typeof WatchedWordsResponse>;
