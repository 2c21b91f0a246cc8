import type { MemberRole } from '../../../contract/accounts';
import type {
  ExperienceField,
  MyProfile,
  ProfileUpdate,
  ProfileVisibility,
} from '../../../contract/profiles';
import { experienceFields, experienceOptions } from '../../../contract/values';
import { profilesKeys } from './queries';

/** The person's own profile (the key lives in queries.ts; this name is what the forms use). */
export const profileKey = profilesKeys.mine;

/** A profile field, named as the server names it in its field errors. */
export type FieldKey =
  | 'displayName'
  | 'role'
  | 'country'
  | 'about'
  | `experience.${ExperienceField}`
  | `visibility.${keyof ProfileVisibility}`;
export type FieldValue = string | number | null;

/** The most letters the server takes, per text field: longer words wait on the device. */
export const fieldLimits: Partial<Record<FieldKey, number>> = { displayName: 40, about: 1000 };

/** A field's value as the server last told us. */
export function storedValue(profile: MyProfile, key: FieldKey): FieldValue {
  if (key.startsWith('experience.')) {
    return profile.experience[key.slice('experience.'.length) as ExperienceField];
  }
  if (key.startsWith('visibility.')) {
    return profile.visibility[key.slice('visibility.'.length) as keyof ProfileVisibility];
  }
  return profile[key as 'displayName' | 'role' | 'country' | 'about'];
}

/** The change that sets some fields: experience answers and visibilities are nested. */
export function updateFor(fields: Partial<Record<FieldKey, FieldValue>>): ProfileUpdate {
  const update: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const [group, name] = key.split('.');
    if (name && group) {
      update[group] = { ...(update[group] as object | undefined), [name]: value };
    } else {
      update[key] = value;
    }
  }
  return update as ProfileUpdate;
}

/** Which experience questions fit which role: carers are asked about the person they care for. */
export function fieldsFor(role: MemberRole): ExperienceField[] {
  if (role === 'caregiver') return ['caregiverRelationship'];
  if (role === 'survivor') return experienceFields.filter((f) => f !== 'caregiverRelationship');
  return [...experienceFields];
}

/** The answers to one experience question, in words. */
export function answerOptions(field: ExperienceField, t: (key: string) => string) {
  if (field === 'strokeYear') {
    const thisYear = new Date().getFullYear();
    return Array.from({ length: thisYear - 1939 }, (_, i) => {
      const year = String(thisYear - i);
      return { value: year, label: year };
    });
  }
  const group = ['aphasia', 'visionChanges', 'fatigue'].includes(field) ? 'yesSomeNo' : field;
  return experienceOptions[field].map((value) => ({
    value,
    label: t(`experience.options.${group}.${value}`),
  }));
}

/** The stroke story in two short steps (ACCESSIBILITY.md A17): the stroke itself, then life since. */
export const storySteps = [
  {
    key: 'stroke',
    path: '/me/story',
    fields: ['strokeYear', 'strokeKind', 'sideAffected', 'caregiverRelationship'],
  },
  {
    key: 'now',
    path: '/me/story/now',
    fields: ['aphasia', 'mobilityAid', 'visionChanges', 'fatigue', 'backAtWork', 'driving'],
  },
] as const satisfies readonly { key: string; path: string; fields: readonly ExperienceField[] }[];

/** The steps of the story that ask this role anything, each with its questions. */
export function storyStepsFor(role: MemberRole) {
  const asked = fieldsFor(role);
  return storySteps
    .map((step) => ({
      ...step,
      fields: step.fields.filter((f) => asked.includes(f)) as ExperienceField[],
    }))
    .filter((step) => step.fields.length > 0);
}

/** The parts of the Me page, each on its own screen (ACCESSIBILITY.md A17), in order. */
export const meSections = [
  { path: '/me/about', key: 'about' },
  { path: '/me/story', key: 'story' },
  { path: '/me/who-sees', key: 'whoSees' },
  { path: '/me/sign-in', key: 'signIn' },
] as const;
