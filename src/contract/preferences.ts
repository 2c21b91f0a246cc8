import { z } from 'zod';

export const TextSize = z.enum(['standard', 'large', 'largest']);
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

export const defaultPreferences: Preferences = {
  textSize: 'standard',
  highContrast: false,
  reducedMotion: false,
  easyRead: false,
  lowStimulus: false,
  pictures: true,
  readAloudRate: 1,
};

/** A change to some preferences; the others stay as they are. */
export const PreferencesUpdate = z.object(preferenceFields).partial().strict();
export type PreferencesUpdate = z.infer<typeof PreferencesUpdate>;

/** Fills what is missing or no longer valid with the defaults. */
export function completePreferences(stored: unknown): Preferences {
  const result: Preferences = { ...defaultPreferences };
  if (stored && typeof stored === 'object') {
    for (const [key, schema] of Object.entries(preferenceFields)) {
      const parsed = schema.safeParse((stored as Record<string, unknown>)[key]);
      if (parsed.success) (result as Record<string, unknown>)[key] = parsed.data;
    }
  }
  return result;
}
