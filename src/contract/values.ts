// Plain values of the contract, with no zod: the web app imports these and the
// types, so the schemas' runtime stays on the server and out of the first page.

export const memberRoles = ['survivor', 'caregiver', 'peer_supporter', 'professional'] as const;
export const siteRoles = ['member', 'moderator', 'admin'] as const;
export const visibilities = ['only_me', 'my_groups', 'members'] as const;
export const textSizes = ['standard', 'large', 'largest'] as const;

/** The code of conduct version a person must accept now. Bump it when its text changes. */
export const CONDUCT_VERSION = '2026-11-01';
/** Health details are special-category data: saving them needs explicit, versioned consent. */
export const HEALTH_CONSENT_VERSION = '2026-11-01';

const yesSomeNo = ['yes', 'some', 'no'] as const;

/** The answers each shared-experience question offers (strokeYear is a number). */
export const experienceOptions = {
  strokeKind: ['ischaemic', 'haemorrhagic', 'tia', 'not_sure'],
  sideAffected: ['left', 'right', 'both', 'neither', 'not_sure'],
  aphasia: yesSomeNo,
  mobilityAid: ['none', 'stick', 'walker', 'wheelchair', 'other'],
  visionChanges: yesSomeNo,
  fatigue: yesSomeNo,
  backAtWork: ['yes', 'part_time', 'no', 'retired', 'not_working_before'],
  driving: ['yes', 'no', 'not_yet'],
  caregiverRelationship: ['partner', 'parent', 'child', 'sibling', 'friend', 'other'],
} as const;

export const experienceFields = [
  'strokeYear',
  'strokeKind',
  'sideAffected',
  'aphasia',
  'mobilityAid',
  'visionChanges',
  'fatigue',
  'backAtWork',
  'driving',
  'caregiverRelationship',
] as const;

export interface PreferenceValues {
  textSize: (typeof textSizes)[number];
  highContrast: boolean;
  reducedMotion: boolean;
  easyRead: boolean;
  lowStimulus: boolean;
  pictures: boolean;
  readAloudRate: number;
}

export const defaultPreferences: PreferenceValues = {
  textSize: 'standard',
  highContrast: false,
  reducedMotion: false,
  easyRead: false,
  lowStimulus: false,
  pictures: true,
  readAloudRate: 1,
};

/** Fills what is missing or no longer valid with the defaults. */
export function completePreferences(stored: unknown): PreferenceValues {
  const result: PreferenceValues = { ...defaultPreferences };
  if (!stored || typeof stored !== 'object') return result;
  const s = stored as Record<string, unknown>;
  if (textSizes.includes(s.textSize as PreferenceValues['textSize'])) {
    result.textSize = s.textSize as PreferenceValues['textSize'];
  }
  for (const key of [
    'highContrast',
    'reducedMotion',
    'easyRead',
    'lowStimulus',
    'pictures',
  ] as const) {
    if (typeof s[key] === 'boolean') result[key] = s[key];
  }
  const rate = s.readAloudRate;
  if (typeof rate === 'number' && rate >= 0.5 && rate <= 2) result.readAloudRate = rate;
  return result;
}

/** Themes of the tips library: each category points its tips to one. */
export const tipThemes = [
  'daily_living',
  'health_services',
  'speech',
  'moving',
  'emotions',
  'caregiving',
] as const;

/** Empathy reactions instead of likes. */
export const reactionKinds = ['me_too', 'thank_you', 'sending_strength'] as const;

export const postKinds = ['topic', 'reply'] as const;

/** How many replies a topic page shows at a time, and topics a list shows. */
export const REPLIES_PER_PAGE = 50;
export const TOPICS_PER_PAGE = 20;

/** Where forum pictures are served from; a post may only show pictures from here. */
export const FORUM_IMAGE_PATH = '/api/forum/images/';
