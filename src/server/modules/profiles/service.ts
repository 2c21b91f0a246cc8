import { eq } from 'drizzle-orm';
import {
  type Experience,
  type ExperienceField,
  type ExperienceVisibility,
  experienceFields,
  HEALTH_CONSENT_VERSION,
  type MemberProfile,
  type MyProfile,
  type ProfileUpdate,
  type ProfileVisibility,
  type Visibility,
} from '../../../contract/profiles';
import type { Config } from '../../config';
import type { Db } from '../../db';
import { type Actor, isModerator } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { AccountsFace } from '../accounts/face';
import { canSeeMemberProfile, canSeeProfileField, fieldsSeenAsStaff } from './permissions';
import { profiles } from './tables';

interface Deps {
  db: Db;
  config: Config;
  accounts: AccountsFace;
  now?: (() => Date) | undefined;
  /** True when two people are in a group together (the groups module answers). */
  shareAGroup?: ((userA: string, userB: string) => Promise<boolean>) | undefined;
  /** Writes a staff look at fields beyond their visibility to the audit log (moderation's). */
  staffViewed?: ((entry: StaffLook) => Promise<unknown>) | undefined;
  /**
   * The safety module's screening of "about me" (SAFETY.md): worrying words open a case
   * (`lookAt`), and while a high-tier case waits only the person and moderators see them.
   */
  aboutCare?: AboutCare | undefined;
}

export interface AboutCare {
  screen(text: string): Promise<{ tier: 'none' | 'low' | 'medium' | 'high' }>;
  lookAt(userId: string, tier: 'medium' | 'high'): Promise<void>;
  held(userId: string): Promise<boolean>;
}

const unscreenedAbout: AboutCare = {
  screen: async () => ({ tier: 'none' }),
  lookAt: async () => {},
  held: async () => false,
};

/** A staff person shown profile fields a plain member would not be: field names, no values. */
interface StaffLook {
  actorId: string;
  subject: { kind: 'profile'; id: string };
  what: string[];
  detail: { fields: string };
}

const experienceColumns = {
  strokeYear: profiles.strokeYear,
  strokeKind: profiles.strokeKind,
  sideAffected: profiles.sideAffected,
  aphasia: profiles.aphasia,
  mobilityAid: profiles.mobilityAid,
  visionChanges: profiles.visionChanges,
  fatigue: profiles.fatigue,
  backAtWork: profiles.backAtWork,
  driving: profiles.driving,
  caregiverRelationship: profiles.caregiverRelationship,
};

const emptyExperience = Object.fromEntries(experienceFields.map((f) => [f, null])) as Experience;

function completeVisibility(stored: Partial<ExperienceVisibility>): ExperienceVisibility {
  return Object.fromEntries(
    experienceFields.map((f) => [f, stored[f] ?? 'only_me']),
  ) as ExperienceVisibility;
}

/** Splits a visibility change: the experience fields, "about me" and the role live apart. */
function splitVisibility(change: Partial<ProfileVisibility>) {
  const { about, role, ...experience } = change;
  return { about, role, experience };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;

export function createProfilesService({
  db,
  accounts,
  now = () => new Date(),
  shareAGroup: inAGroupTogether = async () => false,
  staffViewed = async () => {},
  aboutCare = unscreenedAbout,
}: Deps) {
  async function loadRow(userId: string) {
    const [row] = await db
      .select({
        about: profiles.about,
        aboutVisibility: profiles.aboutVisibility,
        visibility: profiles.visibility,
        ...experienceColumns,
      })
      .from(profiles)
      .where(eq(profiles.userId, userId))
      .limit(1);
    if (row) return row;
    // An account made before profiles existed gets an empty one.
    await db.insert(profiles).values({ userId }).onConflictDoNothing();
    return {
      about: '',
      aboutVisibility: 'members' as Visibility,
      visibility: {},
      ...emptyExperience,
    };
  }

  async function myProfile(actor: Actor): Promise<MyProfile> {
    const user = await accounts.sessionUser(actor.userId);
    const identity = await accounts.identity(actor.userId);
    if (!identity) throw problems.notFound();
    const { about, aboutVisibility, visibility, ...experience } = await loadRow(actor.userId);
    const consent = await accounts.currentConsent(actor.userId, 'health_data');
    return {
      id: user.id,
      displayName: user.displayName,
      role: user.role,
      country: user.country,
      about,
      experience,
      visibility: {
        ...completeVisibility(visibility),
        about: aboutVisibility,
        role: identity.roleVisibility,
      },
      roleShown: identity.roleShown,
      healthConsent: { given: consent !== null, version: consent },
    };
  }

  return {
    myProfile,

    async updateMyProfile(actor: Actor, update: ProfileUpdate): Promise<MyProfile> {
      const held = await accounts.currentConsent(actor.userId, 'health_data');
      const givesConsent = update.healthConsent === true;
      const withdraws = update.healthConsent === false;
      const setsHealthData = Object.values(update.experience ?? {}).some((v) => v !== null);
      if (setsHealthData && !held && !givesConsent && !withdraws) {
        throw problems.invalid(
          { healthConsent: t('fields.healthConsent.required') },
          t('problems.healthConsentNeeded'),
        );
      }
      if (withdraws && setsHealthData) {
        throw problems.invalid({ healthConsent: t('fields.healthConsent.withdrawClears') });
      }
      const current = await loadRow(actor.userId);
      const visibilityChange = splitVisibility(update.visibility ?? {});
      // "About me" often holds health details too: withdrawing asks whether it stays visible.
      const about = update.about ?? current.about;
      const aboutVisibility = visibilityChange.about ?? current.aboutVisibility;
      if (
        withdraws &&
        held &&
        update.keepAboutVisible === undefined &&
        about !== '' &&
        aboutVisibility !== 'only_me'
      ) {
        throw problems.invalid(
          { keepAboutVisible: t('fields.keepAboutVisible.required') },
          t('problems.keepAboutVisibleQuestion'),
        );
      }

      await accounts.updateIdentity(actor, {
        ...(update.displayName !== undefined ? { displayName: update.displayName } : {}),
        ...(update.role !== undefined ? { role: update.role } : {}),
        ...(visibilityChange.role !== undefined ? { roleVisibility: visibilityChange.role } : {}),
        ...(update.country !== undefined ? { country: update.country } : {}),
      });
      if (givesConsent && held !== HEALTH_CONSENT_VERSION) {
        await accounts.giveConsent(actor.userId, 'health_data', HEALTH_CONSENT_VERSION);
      }
      const change: Partial<typeof profiles.$inferInsert> = { updatedAt: now() };
      if (update.about !== undefined) change.about = update.about;
      if (visibilityChange.about !== undefined) change.aboutVisibility = visibilityChange.about;
      if (withdraws) {
        // Withdrawing consent erases the health details it covered (GDPR Art. 9).
        await accounts.withdrawConsent(actor.userId, 'health_data');
        Object.assign(change, emptyExperience);
        if (update.keepAboutVisible === false) change.aboutVisibility = 'only_me';
      } else if (update.experience) {
        Object.assign(change, update.experience);
      }
      if (Object.keys(visibilityChange.experience).length > 0) {
        change.visibility = { ...current.visibility, ...visibilityChange.experience };
      }
      await db.update(profiles).set(change).where(eq(profiles.userId, actor.userId));
      // New words in "about me" are screened as they are saved (every pause in typing): worrying
      // words bring supportive words to the person and a case to a moderator; nothing is refused.
      let support = false;
      if (
        update.about !== undefined &&
        update.about.trim() !== '' &&
        update.about !== current.about
      ) {
        const { tier } = await aboutCare.screen(update.about);
        if (tier === 'medium' || tier === 'high') {
          support = true;
          await aboutCare.lookAt(actor.userId, tier);
        }
      }
      return { ...(await myProfile(actor)), aboutCare: { support } };
    },

    /**
     * A person's "about me" as written, whoever may see it: only for the moderation module, on
     * a case about that profile (the case view is written to the audit log there).
     */
    async aboutAsWritten(userId: string): Promise<string | null> {
      const [row] = await db
        .select({ about: profiles.about })
        .from(profiles)
        .where(eq(profiles.userId, userId))
        .limit(1);
      return row && row.about !== '' ? row.about : null;
    },

    /** Another member's profile, with only the fields its owner lets this viewer see. */
    async memberProfile(viewer: Actor | null, userId: string): Promise<MemberProfile> {
      if (!canSeeMemberProfile(viewer)) throw problems.signInNeeded();
      const user = await accounts.identity(userId);
      if (!user) throw problems.notFound(t('problems.memberNotFound'));
      const { about, aboutVisibility, visibility, ...experience } = await loadRow(userId);
      const visible = completeVisibility(visibility);
      const shareAGroup =
        viewer !== null &&
        [...Object.values(visible), aboutVisibility, user.roleVisibility].includes('my_groups')
          ? await inAGroupTogether(viewer.userId, userId)
          : false;
      const sees = (v: Visibility) => canSeeProfileField(viewer, userId, v, shareAGroup);
      const shown: Partial<Experience> = {};
      for (const field of experienceFields as ExperienceField[]) {
        const value = experience[field];
        if (value !== null && sees(visible[field] as Visibility)) {
          (shown as Record<string, unknown>)[field] = value;
        }
      }
      const isMe = viewer?.userId === userId;
      const filled = [
        ...(experienceFields as ExperienceField[])
          .filter((field) => experience[field] !== null)
          .map((field) => ({ name: field, visibility: visible[field] as Visibility })),
        ...(about !== '' ? [{ name: 'about', visibility: aboutVisibility }] : []),
        { name: 'role', visibility: user.roleVisibility },
      ];
      const beyond = fieldsSeenAsStaff(viewer, userId, filled, shareAGroup);
      if (viewer && beyond.length > 0) {
        await staffViewed({
          actorId: viewer.userId,
          subject: { kind: 'profile', id: userId },
          what: ['profile_fields'],
          detail: { fields: beyond.join(',') },
        });
      }
      return {
        id: userId,
        displayName: user.displayName,
        // An unchecked "professional" is not shown to others, whatever its visibility.
        role: sees(user.roleVisibility) && (user.roleShown || isMe) ? user.role : null,
        about:
          sees(aboutVisibility) &&
          (isMe || isModerator(viewer) || about === '' || !(await aboutCare.held(userId)))
            ? about
            : null,
        experience: shown,
      };
    },
  };
}
