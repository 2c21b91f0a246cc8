import { z } from 'zod';
import { textSizes } from './values';

export { completePreferences, defaultPreferences } from './values';

export const TextSize = z.enum(textSizes);
export type TextSize = z.infer<typeof TextSize>;

const preferenceFields = {
  textSize: TextSize,
  highContrast: z.boolean(),
  reducedMotion: z.boolean(),
  easyRead: z.boolean(),
  /** Removes counts, badges and motion (ACCESSIBILITY.md A17). */
  lowStimulus: z.boolean(),
  /** Pictures beside words; some people with aphasia find them a distraction. */
  pictures: z.boolean(),
  readAloudRate: z.number().min(0.5).max(2),
};

/** Accessibility preferences: applied at once, saved with the person (ACCESSIBILITY.md A16). */
export const Preferences = z.object(preferenceFields);
export type Preferences = z.infer<typeof Preferences>;

/** A change to some preferences; the others stay as they are. */
export const PreferencesUpdate = z.object(preferenceFields).partial().strict();
export type PreferencesUpdate = z.infer<typeof PreferencesUpdate>;
