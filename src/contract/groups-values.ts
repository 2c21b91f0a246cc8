// Plain values of the groups contract, with no zod: the web app imports these.

export const groupFormats = ['online', 'in_person', 'hybrid'] as const;
export type GroupFormat = (typeof groupFormats)[number];

export const groupFocuses = [
  'aphasia_friendly',
  'under_55',
  'caregivers',
  'newly_home',
  'long_term',
  'back_to_work',
  'exercise',
  'creative',
  'faith',
  'lgbtq',
] as const;
export type GroupFocus = (typeof groupFocuses)[number];

export const accessFeatures = [
  'step_free',
  'accessible_toilet',
  'parking',
  'hearing_loop',
  'public_transport',
  'quiet_room',
] as const;
export type AccessFeature = (typeof accessFeatures)[number];

export const joinPolicies = ['open', 'ask', 'invite'] as const;
export type JoinPolicy = (typeof joinPolicies)[number];

export const groupPrivacies = ['public', 'private'] as const;
export type GroupPrivacy = (typeof groupPrivacies)[number];

/**
 * Join settings that keep nobody out are refused: a private group, or one only for
 * carers (a role anyone can give themselves), must not let people walk in.
 * Returns the translation key of the reason, or null when the setting is fine.
 * The server checks this; the web form checks it too, to say so early.
 */
export function joinPolicyProblem(g: {
  joinPolicy: JoinPolicy;
  privacy: GroupPrivacy;
  caregiversOnly: boolean;
}): string | null {
  if (g.joinPolicy !== 'open') return null;
  if (g.caregiversOnly) return 'groups.fields.joinPolicy.caregiversOnlyOpen';
  if (g.privacy === 'private') return 'groups.fields.joinPolicy.privateOpen';
  return null;
}

export const groupRoles = ['facilitator', 'co_facilitator', 'member'] as const;
export type GroupRole = (typeof groupRoles)[number];

/** 'invited': a facilitator or the organisation asked this person; they have not answered yet. */
export const membershipStatuses = ['active', 'pending', 'waitlist', 'declined', 'invited'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

/**
 * How a person came into a group. Only 'approved' and 'invitation' are vetted
 * by a person who runs the group (see docs/groups-privacy.md).
 */
export const admissions = ['open', 'invite_link', 'approved', 'invitation'] as const;
export type Admission = (typeof admissions)[number];

export const organisationKinds = ['charity', 'hospital', 'community'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const rhythmFrequencies = ['weekly', 'fortnightly', 'monthly'] as const;
export type RhythmFrequency = (typeof rhythmFrequencies)[number];

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];

/** Which week of the month a monthly group meets: 1 to 4, or -1 for the last. */
export const weeksOfMonth = [1, 2, 3, 4, -1] as const;

/** Languages a group can meet in (ISO 639-1). */
export const groupLanguages = [
  'en',
  'cy',
  'ga',
  'gd',
  'es',
  'fr',
  'pl',
  'pa',
  'ur',
  'bn',
  'zh',
  'ar',
] as const;
export type GroupLanguage = (typeof groupLanguages)[number];

export const ageBands = ['under_55', '55_plus'] as const;
export type AgeBand = (typeof ageBands)[number];

export const formatWishes = ['online', 'in_person', 'either'] as const;
export type FormatWish = (typeof formatWishes)[number];

export const sizeWishes = ['small', 'any'] as const;
export type SizeWish = (typeof sizeWishes)[number];

export const seekerRoles = ['survivor', 'caregiver'] as const;
export type SeekerRole = (typeof seekerRoles)[number];

export const aphasiaAnswers = ['yes', 'some', 'no'] as const;

/** The "find a group that fits me" questions, one per screen, in this order. */
export const fitsMeQuestions = [
  'role',
  'ageBand',
  'aphasia',
  'format',
  'place',
  'focus',
  'size',
  'access',
  'languages',
] as const;
export type FitsMeQuestion = (typeof fitsMeQuestions)[number];

/** Distances a person can choose in the directory, in kilometres. */
export const distanceChoices = [5, 10, 25, 50, 100] as const;
/** The same choices for people who use miles. */
export const distanceChoicesMiles = [3, 5, 15, 30, 60] as const;
export const KM_PER_MILE = 1.609344;

export type DistanceUnit = 'km' | 'mi';
/** Countries where people measure distance in miles. */
const milesCountries = new Set(['GB', 'US']);

/**
 * Miles where people use miles: by the person's country, or when it is not
 * known, by the region of their language ("en-GB", "en-US").
 */
export function distanceUnitFor(
  country: string | null | undefined,
  locale?: string | null,
): DistanceUnit {
  if (country) return milesCountries.has(country.toUpperCase()) ? 'mi' : 'km';
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(locale ?? '')?.[1];
  return region && milesCountries.has(region.toUpperCase()) ? 'mi' : 'km';
}

/** A distance in the person's unit, rounded for reading: "3.2", "15", "513". */
export function distanceIn(km: number, unit: DistanceUnit): number {
  const value = unit === 'mi' ? km / KM_PER_MILE : km;
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}

/** Reasons the ranking gives, in plain words on screen (groups.reasons.*). */
export const fitReasons = [
  'online',
  'hybrid',
  'near',
  'farOnline',
  'aphasiaFriendly',
  'under55',
  'caregivers',
  'caregiversOnly',
  'newlyHome',
  'longTerm',
  'focusWanted',
  'small',
  'access',
  'language',
  'waitlist',
] as const;
export type FitReason = (typeof fitReasons)[number];
