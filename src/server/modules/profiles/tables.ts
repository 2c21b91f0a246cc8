import { jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Experience, ExperienceVisibility, Visibility } from '../../../contract/profiles';
import { users } from '../accounts/tables';

type Field<K extends keyof Experience> = NonNullable<Experience[K]>;

export const profiles = pgTable('profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  about: text('about').notNull().default(''),
  /** Who sees "about me": its own choice, as it often holds health details. */
  aboutVisibility: text('about_visibility').$type<Visibility>().notNull().default('members'),
  strokeYear: smallint('stroke_year'),
  strokeKind: text('stroke_kind').$type<Field<'strokeKind'>>(),
  sideAffected: text('side_affected').$type<Field<'sideAffected'>>(),
  aphasia: text('aphasia').$type<Field<'aphasia'>>(),
  mobilityAid: text('mobility_aid').$type<Field<'mobilityAid'>>(),
  visionChanges: text('vision_changes').$type<Field<'visionChanges'>>(),
  fatigue: text('fatigue').$type<Field<'fatigue'>>(),
  backAtWork: text('back_at_work').$type<Field<'backAtWork'>>(),
  driving: text('driving').$type<Field<'driving'>>(),
  caregiverRelationship: text('caregiver_relationship').$type<Field<'caregiverRelationship'>>(),
  /** Per-field visibility; a missing field means "only me". */
  visibility: jsonb('visibility').$type<Partial<ExperienceVisibility>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
