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

export const groupRoles = ['facilitator', 'co_facilitator', 'member'] as const;
export type GroupRole = (typeof groupRoles)[number];

export const membershipStatuses = ['active', 'pending', 'waitlist', 'declined'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

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

/** Reasons the ranking gives, in plain words on screen (groups.reasons.*). */
export const fitReasons = [
  'online',
  'hybrid',
  'near',
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
