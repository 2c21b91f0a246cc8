import { z } from 'zod';
import {
  CheckEmailResponse,
  EmailLinkRequestBody,
  EmailLinkVerifyBody,
  MeResponse,
  PasswordSignInBody,
  SetPasswordBody,
  SignUpBody,
} from '../../../contract/accounts';
import { Ok } from '../../../contract/common';
import { Preferences, PreferencesUpdate } from '../../../contract/preferences';
import type { App, AppContext } from '../../context';
import { type Api, noBody, problemResponses } from '../../lib/api';
import {
  clearSessionCookie,
  requestMeta,
  requireActor,
  setSessionCookie,
} from '../../lib/auth-hooks';
import { t } from '../../lib/i18n';

const tags = ['accounts'];

export function accountsRoutes(api: Api, ctx: AppContext) {
  const { accounts } = ctx;
  const checkEmail = { ok: true as const, message: t('auth.checkEmail.message') };
  const app = api as unknown as App;

  api.post(
    '/auth/sign-up',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Start an account; a sign-in link is mailed',
        body: SignUpBody,
        response: { 202: CheckEmailResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      await accounts.signUp(request.body, requestMeta(request));
      return reply.code(202).send(checkEmail);
    },
  );

  api.post(
    '/auth/email-link',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Mail me a sign-in link',
        body: EmailLinkRequestBody,
        response: { 202: CheckEmailResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      await accounts.requestEmailLink(request.body.email, requestMeta(request));
      return reply.code(202).send(checkEmail);
    },
  );

  api.post(
    '/auth/email-link/verify',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Use a sign-in link once; starts a session',
        body: EmailLinkVerifyBody,
        response: { 200: MeResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const session = await accounts.verifyEmailLink(request.body.token, requestMeta(request));
      setSessionCookie(app, reply, session.token, session.expiresAt);
      return { user: session.user };
    },
  );

  api.post(
    '/auth/password',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: PasswordSignInBody,
        response: { 200: MeResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const session = await accounts.passwordSignIn(request.body, requestMeta(request));
      setSessionCookie(app, reply, session.token, session.expiresAt);
      return { user: session.user };
    },
  );

  api.post(
    '/auth/sign-out',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign out on this device', body: noBody, response: { 200: Ok } },
    },
    async (request, reply) => {
      if (request.actor) await accounts.signOut(request.actor);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  api.post(
    '/auth/sign-out-everywhere',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Sign out on every device',
        body: noBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request, reply) => {
      await accounts.signOutEverywhere(requireActor(request));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  api.get(
    '/me',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Who is signed in (null if nobody)', response: { 200: MeResponse } },
    },
    async (request) => ({
      user: request.actor ? await accounts.sessionUser(request.actor.userId) : null,
    }),
  );

  api.put(
    '/me/password',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary:
          'Set or change my password; needs the current one or an email sign-in in the last 10 minutes',
        body: SetPasswordBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await accounts.setPassword(requireActor(request), request.body);
      return { ok: true as const };
    },
  );

  api.delete(
    '/me/password',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Remove my password and sign in by email link only',
        body: noBody,
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await accounts.removePassword(requireActor(request));
      return { ok: true as const };
    },
  );

  api.patch(
    '/me/preferences',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Change some accessibility preferences',
        body: PreferencesUpdate,
        response: { 200: Preferences, ...problemResponses },
      },
    },
    async (request) => accounts.updatePreferences(requireActor(request), request.body),
  );

  api.post(
    '/me/conduct',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Accept the current code of conduct',
        body: z.object({ version: z.string().max(20) }),
        response: { 200: Ok, ...problemResponses },
      },
    },
    async (request) => {
      await accounts.acceptConduct(requireActor(request), request.body.version);
      return { ok: true as const };
    },
  );
}
