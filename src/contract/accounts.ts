import { z } from 'zod';
import { CountryCode, Email } from './common';
import { cleanDisplayName } from './names';
import { Preferences, PreferencesUpdate } from './preferences';
import { memberRoles, siteRoles } from './values';

export const MemberRole = z.enum(memberRoles);
export type MemberRole = z.infer<typeof MemberRole>;

export const SiteRole = z.enum(siteRoles);
export type SiteRole = z.infer<typeof SiteRole>;

/**
 * Invisible and direction-changing characters are taken out first, then the name is checked.
 * Staff-like names are refused by the accounts service, which knows who is staff.
 */
export const DisplayName = z
  .string()
  .overwrite(cleanDisplayName)
  .min(2, { error: 'fields.displayName.tooShort' })
  .max(40, { error: 'fields.displayName.tooLong' })
  .refine((name) => !/[<>\p{Cc}]/u.test(name), {
    error: 'fields.displayName.badCharacters',
  });

export const Password = z
  .string()
  .min(10, { error: 'fields.password.tooShort' })
  .max(200, { error: 'fields.password.tooLong' });

export { CONDUCT_VERSION } from './values';

export const SignUpBody = z.object({
  email: Email,
  displayName: DisplayName,
  role: MemberRole,
  isAdult: z.literal(true, { error: 'fields.isAdult.required' }),
  acceptConduct: z.literal(true, { error: 'fields.acceptConduct.required' }),
  conductVersion: z.string().max(20),
  country: CountryCode.optional(),
  preferences: PreferencesUpdate.optional(),
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const EmailLinkRequestBody = z.object({ email: Email });
export type EmailLinkRequestBody = z.infer<typeof EmailLinkRequestBody>;

export const EmailLinkVerifyBody = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'fields.token.invalid' }),
});
export type EmailLinkVerifyBody = z.infer<typeof EmailLinkVerifyBody>;

export const PasswordSignInBody = z.object({
  email: Email,
  password: z.string().min(1, { error: 'fields.password.required' }).max(200),
});
export type PasswordSignInBody = z.infer<typeof PasswordSignInBody>;

export const SetPasswordBody = z.object({
  password: Password,
  /** Proof it is the owner: needed unless this session came from an email link in the last 10 minutes. */
  currentPassword: z.string().min(1, { error: 'fields.password.required' }).max(200).optional(),
});
export type SetPasswordBody = z.infer<typeof SetPasswordBody>;

export const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: MemberRole,
  siteRole: SiteRole,
  country: z.string().nullable(),
  hasPassword: z.boolean(),
  preferences: Preferences,
  conductVersion: z.string(),
  conductCurrent: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const MeResponse = z.object({ user: SessionUser.nullable() });
export type MeResponse = z.infer<typeof MeResponse>;

export const CheckEmailResponse = z.object({
  ok: z.literal(true),
  message: z.string(),
});
export type CheckEmailResponse = z.infer<typeof CheckEmailResponse>;
