import type { z } from 'zod';
import type { Ok } from '../../contract/common';
import type {
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
  GroupInput,
  GroupMembersResponse,
  GroupUpdate,
  InvitationBody,
  InviteLink,
  JoinBody,
  JoinRequestsResponse,
  JoinResult,
  MemberRoleBody,
  MyGroupsResponse,
  Organisation,
  OrganisationAdminBody,
  OrganisationInput,
  OrganisationsResponse,
  PlacesQuery,
  PlacesResponse,
  RemoveMemberBody,
} from '../../contract/groups';
import { call, route } from './route';

/** What a route takes: the schema's input (before defaults and coercion), as the server reads it. */
type In<Schema extends z.ZodType> = z.input<Schema>;

/** Groups and the organisations that run them, typed from `src/contract/groups.ts`. */
export const groupsRoutes = {
  directory: route<DirectoryResponse, never, DirectoryQuery>()('GET', '/groups'),
  places: route<PlacesResponse, never, In<typeof PlacesQuery>>()('GET', '/groups/places'),
  fitsMePrefill: route<FitsMePrefill>()('GET', '/groups/fits-me'),
  fitsMe: route<FitsMeResponse, In<typeof FitsMeAnswers>>()('POST', '/groups/fits-me'),
  mine: route<MyGroupsResponse>()('GET', '/groups/mine'),
  group: route<GroupDetail>()('GET', '/groups/:id'),
  updateGroup: route<GroupDetail, In<typeof GroupUpdate>>()('PATCH', '/groups/:id'),
  members: route<GroupMembersResponse>()('GET', '/groups/:id/members'),
  join: route<JoinResult, JoinBody>()('POST', '/groups/:id/join'),
  leave: route<Ok>()('POST', '/groups/:id/leave'),
  requests: route<JoinRequestsResponse>()('GET', '/groups/:id/requests'),
  approve: route<JoinResult, In<typeof DecideBody>>()('POST', '/groups/:id/requests/approve'),
  decline: route<Ok, In<typeof DecideBody>>()('POST', '/groups/:id/requests/decline'),
  memberRole: route<Ok, In<typeof MemberRoleBody>>()('POST', '/groups/:id/members/role'),
  removeMember: route<Ok, In<typeof RemoveMemberBody>>()('POST', '/groups/:id/members/remove'),
  invite: route<Ok, InvitationBody>()('POST', '/groups/:id/invitations'),
  acceptInvitation: route<JoinResult>()('POST', '/groups/:id/invitation/accept'),
  declineInvitation: route<Ok>()('POST', '/groups/:id/invitation/decline'),
  makeInviteLink: route<InviteLink>()('POST', '/groups/:id/invite-link'),
  endInviteLink: route<Ok>()('DELETE', '/groups/:id/invite-link'),
  announce: route<Ok, In<typeof AnnouncementBody>>()('POST', '/groups/:id/announcements'),
  board: route<BoardResponse, never, In<typeof BoardQuery>>()('GET', '/groups/:id/board'),
  newBoardTopic: route<BoardTopicCreated, In<typeof BoardTopicBody>>()('POST', '/groups/:id/board'),
  organisations: route<OrganisationsResponse>()('GET', '/organisations'),
  newOrganisation: route<Organisation, OrganisationInput>()('POST', '/organisations'),
  addOrganisationAdmin: route<Organisation, In<typeof OrganisationAdminBody>>()(
    'POST',
    '/organisations/:id/admins',
  ),
  newGroup: route<GroupDetail, GroupInput>()('POST', '/organisations/:id/groups'),
} as const;

const r = groupsRoutes;
const of = (id: string) => ({ params: { id } });

export const getDirectory = (query: DirectoryQuery) => call(r.directory, { query });
export const findPlaces = (query: In<typeof PlacesQuery>) => call(r.places, { query });
export const getFitsMePrefill = () => call(r.fitsMePrefill);
export const askFitsMe = (answers: In<typeof FitsMeAnswers>) => call(r.fitsMe, { body: answers });
export const getMyGroups = () => call(r.mine);
export const getGroup = (id: string) => call(r.group, of(id));
export const updateGroup = (id: string, body: In<typeof GroupUpdate>) =>
  call(r.updateGroup, { ...of(id), body });
export const getMembers = (groupId: string) => call(r.members, of(groupId));
export const joinGroup = (groupId: string, body: JoinBody) =>
  call(r.join, { ...of(groupId), body });
export const leaveGroup = (groupId: string) => call(r.leave, of(groupId));
export const getJoinRequests = (groupId: string) => call(r.requests, of(groupId));
export const approveRequest = (groupId: string, body: In<typeof DecideBody>) =>
  call(r.approve, { ...of(groupId), body });
export const declineRequest = (groupId: string, body: In<typeof DecideBody>) =>
  call(r.decline, { ...of(groupId), body });
export const setMemberRole = (groupId: string, body: In<typeof MemberRoleBody>) =>
  call(r.memberRole, { ...of(groupId), body });
export const removeMember = (groupId: string, body: In<typeof RemoveMemberBody>) =>
  call(r.removeMember, { ...of(groupId), body });
export const inviteToGroup = (groupId: string, body: InvitationBody) =>
  call(r.invite, { ...of(groupId), body });
export const acceptInvitation = (groupId: string) => call(r.acceptInvitation, of(groupId));
export const declineInvitation = (groupId: string) => call(r.declineInvitation, of(groupId));
export const makeInviteLink = (groupId: string) => call(r.makeInviteLink, of(groupId));
export const endInviteLink = (groupId: string) => call(r.endInviteLink, of(groupId));
export const announce = (groupId: string, body: In<typeof AnnouncementBody>) =>
  call(r.announce, { ...of(groupId), body });
export const getBoard = (groupId: string) => call(r.board, of(groupId));
export const createBoardTopic = (groupId: string, body: In<typeof BoardTopicBody>) =>
  call(r.newBoardTopic, { ...of(groupId), body });
export const getOrganisations = () => call(r.organisations);
export const createOrganisation = (body: OrganisationInput) => call(r.newOrganisation, { body });
export const addOrganisationAdmin = (
  organisationId: string,
  body: In<typeof OrganisationAdminBody>,
) => call(r.addOrganisationAdmin, { ...of(organisationId), body });
export const createGroup = (organisationId: string, body: GroupInput) =>
  call(r.newGroup, { ...of(organisationId), body });
