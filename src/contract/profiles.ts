import { z } from 'zod';
import { DisplayName, MemberRole } from './accounts';
import { CountryCode, WrittenText } from './common';

export const Visibility = z.enum(['only_me', 'my_groups', 'members']);
export type Visibility = z.infer<typeof Visibility>;

const YesSomeNo = z.enum(['yes', 'some', 'no']);

/** The shared-experience fields of DESIGN.md. Every one is optional and has its own visibility. */
export const experienceFieldSchemas = {
  strokeYear: z
    .number()
    .int()
    .min(1940, { error: 'fields.strokeYear.range' })
    .max(2100, { error: 'fields.strokeYear.range' }),
  strokeKind: z.enum(['ischaemic', 'haemorrhagic', 'tia', 'not_sure']),
  sideAffected: z.enum(['left', 'right', 'both', 'neither', 'not_sure']),
  aphasia: YesSomeNo,
  mobilityAid: z.enum(['none', 'stick', 'walker', 'wheelchair', 'other']),
  visionChanges: YesSomeNo,
  fatigue: YesSomeNo,
  backAtWork: z.enum(['yes', 'part_time', 'no', 'retired', 'not_working_before']),
  driving: z.enum(['yes', 'no', 'not_yet']),
  caregiverRelationship: z.enum(['partner', 'parent', 'child', 'sibling', 'friend', 'other']),
} as const;

export type ExperienceField = keyof typeof experienceFieldSchemas;
export const experienceFields = Object.keys(experienceFieldSchemas) as ExperienceField[];

export const Experience = z.object({
  strokeYear: experienceFieldSchemas.strokeYear.nullable(),
  strokeKind: experienceFieldSchemas.strokeKind.nullable(),
  sideAffected: experienceFieldSchemas.sideAffected.nullable(),
  aphasia: experienceFieldSchemas.aphasia.nullable(),
  mobilityAid: experienceFieldSchemas.mobilityAid.nullable(),
  visionChanges: experienceFieldSchemas.visionChanges.nullable(),
  fatigue: experienceFieldSchemas.fatigue.nullable(),
  backAtWork: experienceFieldSchemas.backAtWork.nullable(),
  driving: experienceFieldSchemas.driving.nullable(),
  caregiverRelationship: experienceFieldSchemas.caregiverRelationship.nullable(),
});
export type Experience = z.infer<typeof Experience>;

export const ExperienceVisibility = z.object(
  Object.fromEntries(experienceFields.map((f) => [f, Visibility])) as Record<
    ExperienceField,
    typeof Visibility
  >,
);
export type ExperienceVisibility = z.infer<typeof ExperienceVisibility>;

/** Every profile field's visibility: the experience fields, "about me" and the role. */
export const ProfileVisibility = ExperienceVisibility.extend({
  about: Visibility,
  role: Visibility,
});
export type ProfileVisibility = z.infer<typeof ProfileVisibility>;

export const About = WrittenText.max(1000, { error: 'fields.about.tooLong' });

/** My own profile, everything in it, as I see it. */
export const MyProfile = z.object({
  id: z.uuid(),
  displayName: z.string(),
  role: MemberRole,
  about: z.string(),
  country: z.string().nullable(),
  experience: Experience,
  visibility: ProfileVisibility,
  /** False while "professional" waits to be checked: until then others never see that role. */
  roleShown: z.boolean(),
  healthConsent: z.object({ given: z.boolean(), version: z.string().nullable() }),
  /** After a change: the new "about me" worried the screening, so supportive words are shown. */
  aboutCare: z.object({ support: z.boolean() }).optional(),
});
export type MyProfile = z.infer<typeof MyProfile>;

/** Health details are special-category data: saving them needs explicit, versioned consent. */
export const HEALTH_CONSENT_VERSION = '2026-11-01';

export const ProfileUpdate = z
  .object({
    displayName: DisplayName,
    role: MemberRole,
    about: About,
    country: CountryCode.nullable(),
    experience: Experience.partial().strict(),
    visibility: ProfileVisibility.partial().strict(),
    healthConsent: z.boolean(),
    /**
     * The answer to "keep about me visible?", asked when health consent is withdrawn
     * (about me often holds health details). False makes it "only me".
     */
    keepAboutVisible: z.boolean(),
  })
  .partial()
  .strict();
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

/** Another member's profile: only the fields its owner lets this viewer see. */
export const MemberProfile = z.object({
  id: z.uuid(),
  displayName: z.string(),
  /** Null when its owner does not share it with this viewer, or it is not checked yet. */
  role: MemberRole.nullable(),
  /** Null when its owner does not share it with this viewer. */
  about: z.string().nullable(),
  experience: Experience.partial(),
});
export type MemberProfile = z.infer<typeof MemberProfile>;

/** The most names the mention picker shows at once. */
export const MENTIONABLE_MAX = 8;

/** What follows "@" in the composer: the start of a member's name, or of a word in it. */
export const MentionableQuery = z.object({
  q: WrittenText.min(1, { error: 'forum.fields.mention.empty' }).max(60, {
    error: 'forum.fields.mention.tooLong',
  }),
});
export type MentionableQuery = z.infer<typeof MentionableQuery>;

/** A member one may mention: just enough to write `[@Name](/members/<id>)`. */
export const MentionableMember = z.object({ id: z.uuid(), displayName: z.string() });
export type MentionableMember = z.infer<typeof MentionableMember>;

export const MentionableMembers = z.object({
  members: z.array(MentionableMember).max(MENTIONABLE_MAX),
});
export type MentionableMembers = z.infer<typeof MentionableMembers>;
