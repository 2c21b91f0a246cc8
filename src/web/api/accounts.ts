import type {
  CheckEmailResponse,
  EmailLinkRequestBody,
  EmailLinkVerifyBody,
  MemberRole,
  MeResponse,
  PasswordSignInBody,
  SetPasswordBody,
  SignUpBody,
} from '../../contract/accounts';
import type { Ok } from '../../contract/common';
import type { Preferences, PreferencesUpdate } from '../../contract/preferences';
import { call, route } from './route';

/**
 * The sign-up form as sent: the boxes and the role may still be empty, and the server
 * answers with a plain message beside each one (the contract requires them).
 */
export type SignUpForm = Omit<SignUpBody, 'role' | 'isAdult' | 'acceptConduct'> & {
  role: MemberRole | undefined;
  isAdult: boolean;
  acceptConduct: boolean;
};

/** Signing up, signing in and out, and the signed-in person's own settings. */
export const accountsRoutes = {
  signUp: route<CheckEmailResponse, SignUpForm>()('POST', '/auth/sign-up'),
  emailLink: route<CheckEmailResponse, EmailLinkRequestBody>()('POST', '/auth/email-link'),
  verifyEmailLink: route<MeResponse, EmailLinkVerifyBody>()('POST', '/auth/email-link/verify'),
  passwordSignIn: route<MeResponse, PasswordSignInBody>()('POST', '/auth/password'),
  signOut: route<Ok>()('POST', '/auth/sign-out'),
  signOutEverywhere: route<Ok>()('POST', '/auth/sign-out-everywhere'),
  me: route<MeResponse>()('GET', '/me'),
  setPassword: route<Ok, SetPasswordBody>()('PUT', '/me/password'),
  removePassword: route<Ok>()('DELETE', '/me/password'),
  preferences: route<Preferences, PreferencesUpdate>()('PATCH', '/me/preferences'),
  // The body's schema is written in the route itself (accounts/routes.ts).
  conduct: route<Ok, { version: string }>()('POST', '/me/conduct'),
} as const;

const r = accountsRoutes;

export const signUp = (body: SignUpForm) => call(r.signUp, { body });
export const askForEmailLink = (email: string) => call(r.emailLink, { body: { email } });
export const verifyEmailLink = (token: string) => call(r.verifyEmailLink, { body: { token } });
export const passwordSignIn = (body: PasswordSignInBody) => call(r.passwordSignIn, { body });
export const signOut = (everywhere: boolean) => call(everywhere ? r.signOutEverywhere : r.signOut);
export const getMe = () => call(r.me);
export const changePassword = (body: SetPasswordBody) => call(r.setPassword, { body });
export const deletePassword = () => call(r.removePassword);
export const savePreferences = (body: PreferencesUpdate) => call(r.preferences, { body });
export const acceptConduct = (version: string) => call(r.conduct, { body: { version } });
