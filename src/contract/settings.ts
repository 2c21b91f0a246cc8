import { z } from 'zod';
import { ModerationHoursSetting, ReportWeights } from './moderation';
import { TrustLevel, TrustThreshold } from './trust';

/**
 * Site settings an admin can change, each with its own schema and a default that holds
 * until someone changes it. Nothing reads them yet: the safety work that follows will.
 */
export const settingSchemas = {
  /** The trust level a person needs before their posts may hold pictures. */
  'trust.postImages': TrustLevel.default('basic'),
  /** The trust level a person needs before their posts may hold links. */
  'trust.postLinks': TrustLevel.default('basic'),
  /**
   * What a person needs to reach each level (all of it, over days: not one burst). The
   * scheduled recount applies them; "leader" is only ever given by a moderator.
   */
  'trust.toBasic': TrustThreshold.default({
    days: 2,
    topicsEntered: 5,
    postsRead: 30,
    readingMinutes: 10,
    upheldReportsAtMost: 3,
  }),
  'trust.toMember': TrustThreshold.default({
    days: 14,
    topicsEntered: 20,
    postsRead: 100,
    readingMinutes: 60,
    upheldReportsAtMost: 1,
  }),
  'trust.toRegular': TrustThreshold.default({
    days: 50,
    topicsEntered: 50,
    postsRead: 400,
    readingMinutes: 240,
    upheldReportsAtMost: 0,
  }),
  /** How many of a new member's first posts a moderator reads before others see them (0: none). */
  'trust.reviewFirstPosts': z.number().int().min(0).max(20).default(2),
  /** How much one report counts, by the reporter's trust level. */
  'moderation.reportWeights': ReportWeights.default({
    new: 0.5,
    basic: 1,
    member: 1,
    regular: 1.5,
    leader: 2,
  }),
  /** Reports that weigh this much together hold a post until a moderator decides. */
  'moderation.hideAtReportWeight': z.number().min(0.5).max(100).default(3),
  /** When moderators usually look (days 0 = Sunday to 6), told honestly to members. */
  'moderation.hours': ModerationHoursSetting.default({
    days: [0, 1, 2, 3, 4, 5, 6],
    from: '08:00',
    until: '22:00',
    timeZone: 'Europe/London',
  }),
  /** How long a member usually waits for a moderator within those hours. */
  'moderation.typicalWaitHours': z.number().min(0.25).max(168).default(2),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export const settingKeys = Object.keys(settingSchemas) as [SettingKey, ...SettingKey[]];
export const SettingKey = z.enum(settingKeys);
export type SettingValue<K extends SettingKey> = z.output<(typeof settingSchemas)[K]>;
export type SiteSettings = { [K in SettingKey]: SettingValue<K> };

export const SettingKeyParams = z.object({ key: SettingKey });

/** The body of PUT /api/admin/settings/:key; the value is checked against that key's schema. */
export const SettingUpdate = z.object({ value: z.unknown() }).strict();

export const Setting = z.object({
  key: SettingKey,
  value: z.unknown(),
  /** True while no admin has set it: the value is the default. */
  isDefault: z.boolean(),
  updatedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  updatedAt: z.iso.datetime().nullable(),
});
export type Setting = z.infer<typeof Setting>;

export const SettingsResponse = z.object({ settings: z.array(Setting) });
export type SettingsResponse = z.infer<typeof SettingsResponse>;
