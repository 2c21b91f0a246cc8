import { Ok } from '../../../contract/common';
import {
  AnnouncementBody,
  BoardQuery,
  BoardResponse,
  BoardTopicBody,
  BoardTopicCreated,
  DecideBody,
  DirectoryQuery,
  DirectoryResponse,
  FitsMeAnswers,
  FitsMePrefill,
  FitsMeResponse,
  GroupDetail,
  GroupMembersResponse,
  GroupUpdate,
  InvitationBody,
  InviteLink,
  JoinBody,
  JoinRequestsResponse,
  JoinResult,
  MemberRoleBody,
  MyGroupsResponse,
  PlacesQuery,
  PlacesResponse,
  RemoveMemberBody,
} from '../../../contract/groups';
import type { AppContext } from '../../context';
import { type Api, noBody } from '../../lib/api';
import { requireActor } from '../../lib/auth-hooks';

import { organisationRoutes } from './organisation-routes';
import { ok, params, responses, tags } from './route-shapes';

export function groupsRoutes(api: Api, ctx: AppContext) {
  const { groups } = ctx;

  api.get(
    '/groups',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The directory: search by words, focus, format, language, access and distance',
        querystring: DirectoryQuery,
        response: responses(DirectoryResponse),
      },
    },
    async (request) =>
      groups.directory(request.query, request.actor, request.headers['accept-language']),
  );

  api.get(
    '/groups/places',
    {
      config: { access: 'public', session: false },
      schema: {
        tags,
        summary: 'Towns and postcode districts from the bundled offline list',
        querystring: PlacesQuery,
        response: responses(PlacesResponse),
      },
    },
    async (request) => groups.places(request.query.q, request.query.country),
  );

  api.get(
    '/groups/fits-me',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: '"Find a group that fits me": answers already known from my profile',
        response: responses(FitsMePrefill),
      },
    },
    async (request) => groups.fitsMePrefill(requireActor(request)),
  );

  api.post(
    '/groups/fits-me',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Groups ranked for my answers, each with reasons in plain words',
        body: FitsMeAnswers,
        response: responses(FitsMeResponse),
      },
    },
    async (request) => groups.fitsMe(requireActor(request), request.body),
  );

  api.get(
    '/groups/mine',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'My groups, my requests and my waitlist places',
        response: responses(MyGroupsResponse),
      },
    },
    async (request) => groups.myGroups(requireActor(request)),
  );

  api.get(
    '/groups/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A group's page; the meeting link and more only for members",
        params,
        response: responses(GroupDetail),
      },
    },
    async (request) => groups.groupDetail(request.actor, request.params.id),
  );

  api.patch(
    '/groups/:id',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Change a group (its organisation admins)',
        params,
        body: GroupUpdate,
        response: responses(GroupDetail),
      },
    },
    async (request) => groups.updateGroup(requireActor(request), request.params.id, request.body),
  );

  api.get(
    '/groups/:id/members',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Who is in the group (its members, those who run it, and site staff)',
        params,
        response: responses(GroupMembersResponse),
      },
    },
    async (request) => groups.members(requireActor(request), request.params.id),
  );

  api.post(
    '/groups/:id/join',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Join, ask to join, or join with an invite; a full group has a waitlist',
        params,
        body: JoinBody,
        response: responses(JoinResult),
      },
    },
    async (request) => groups.join(requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/groups/:id/leave',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Leave, or take back a request or a waitlist place',
        params,
        body: noBody,
        response: responses(Ok),
      },
    },
    async (request) => {
      await groups.leave(requireActor(request), request.params.id);
      return ok;
    },
  );

  api.get(
    '/groups/:id/requests',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Requests to join and the waitlist (for those who run the group)',
        params,
        response: responses(JoinRequestsResponse),
      },
    },
    async (request) => groups.requests(requireActor(request), request.params.id),
  );

  api.post(
    '/groups/:id/requests/approve',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Say yes to a request to join',
        params,
        body: DecideBody,
        response: responses(JoinResult),
      },
    },
    async (request) => groups.approve(requireActor(request), request.params.id, request.body),
  );

  api.post(
    '/groups/:id/requests/decline',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Say no to a request, with a kind message',
        params,
        body: DecideBody,
        response: responses(Ok),
      },
    },
    async (request) => {
      await groups.decline(requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  api.post(
    '/groups/:id/members/role',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Change the role of a member: facilitator, co-facilitator or member',
        params,
        body: MemberRoleBody,
        response: responses(Ok),
      },
    },
    async (request) => {
      await groups.setRole(requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  api.post(
    '/groups/:id/members/remove',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Take someone out of the group',
        params,
        body: RemoveMemberBody,
        response: responses(Ok),
      },
    },
    async (request) => {
      await groups.removeMember(requireActor(request), request.params.id, request.body.userId);
      return ok;
    },
  );

  api.post(
    '/groups/:id/invitations',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Invite one person (those who run the group); they join only if they say yes',
        params,
        body: InvitationBody,
        response: responses(Ok),
      },
    },
    async (request) => {
      await groups.invite(requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  api.post(
    '/groups/:id/invitation/accept',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Say yes to my invitation to this group',
        params,
        body: noBody,
        response: responses(JoinResult),
      },
    },
    async (request) => groups.acceptInvitation(requireActor(request), request.params.id),
  );

  api.post(
    '/groups/:id/invitation/decline',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Say no to my invitation to this group',
        params,
        body: noBody,
        response: responses(Ok),
      },
    },
    async (request) => {
      await groups.declineInvitation(requireActor(request), request.params.id);
      return ok;
    },
  );

  api.post(
    '/groups/:id/invite-link',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Make a new invite link that works for 30 days; the old one stops working',
        params,
        body: noBody,
        response: responses(InviteLink),
      },
    },
    async (request) => groups.createInviteLink(requireActor(request), request.params.id),
  );

  api.delete(
    '/groups/:id/invite-link',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Stop the invite link working',
        params,
        body: noBody,
        response: responses(Ok),
      },
    },
    async (request) => {
      await groups.revokeInviteLink(requireActor(request), request.params.id);
      return ok;
    },
  );

  api.post(
    '/groups/:id/announcements',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: 'Post an announcement on the group page',
        params,
        body: AnnouncementBody,
        response: responses(Ok),
      },
    },
    async (request) => {
      await groups.announce(requireActor(request), request.params.id, request.body);
      return ok;
    },
  );

  api.get(
    '/groups/:id/board',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "The group's board: forum topics only the group may see",
        params,
        querystring: BoardQuery,
        response: responses(BoardResponse),
      },
    },
    async (request) => groups.board(requireActor(request), request.params.id, request.query.cursor),
  );

  api.post(
    '/groups/:id/board',
    {
      config: { access: 'member' },
      schema: {
        tags,
        summary: "Start a topic on the group's board (members only)",
        params,
        body: BoardTopicBody,
        response: responses(BoardTopicCreated),
      },
    },
    async (request) =>
      groups.postOnBoard(
        requireActor(request),
        request.params.id,
        request.body,
        request.headers['accept-language'],
      ),
  );

  organisationRoutes(api, ctx);
}
