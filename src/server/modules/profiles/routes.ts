import { z } from 'zod';
import {
  MemberProfile,
  MentionableMembers,
  MentionableQuery,
  MyProfile,
  ProfileUpdate,
} from '../../../contract/profiles';
import type { AppContext } from '../../context';
import { type Api, problemResponses } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

const tags = ['profiles'];

export function profilesRoutes(api: Api, ctx: AppContext) {
  const { profiles, accounts } = ctx;

  api.get(
    '/me/profile',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'My whole profile',
        response: { 200: MyProfile, ...problemResponses },
      },
    },
    async (request) => profiles.myProfile(requireActor(request)),
  );

  api.patch(
    '/me/profile',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Change some of my profile; health details need consent',
        body: ProfileUpdate,
        response: { 200: MyProfile, ...problemResponses },
      },
    },
    async (request) => profiles.updateMyProfile(requireActor(request), request.body),
  );

  // A static path: Fastify tries it before /members/:id, so it is never read as an id.
  api.get(
    '/members/mentionable',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Members whose name, or a word in it, starts with q: for mentions',
        querystring: MentionableQuery,
        response: { 200: MentionableMembers, ...problemResponses },
      },
    },
    async (request) => ({
      members: await accounts.mentionable(requireActor(request), request.query.q),
    }),
  );

  api.get(
    '/members/:id',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "A member's profile, as far as they share it with me",
        params: z.object({ id: z.uuid() }),
        response: { 200: MemberProfile, ...problemResponses },
      },
    },
    async (request) => profiles.memberProfile(request.actor, request.params.id),
  );
}
