import type {
  MemberProfile,
  MentionableMembers,
  MentionableQuery,
  MyProfile,
  ProfileUpdate,
} from '../../contract/profiles';
import { call, route } from './route';

/** The person's own profile, and other members' as they may see it. */
export const profilesRoutes = {
  myProfile: route<MyProfile>()('GET', '/me/profile'),
  updateMyProfile: route<MyProfile, ProfileUpdate>()('PATCH', '/me/profile'),
  member: route<MemberProfile>()('GET', '/members/:id'),
  mentionable: route<MentionableMembers, never, MentionableQuery>()('GET', '/members/mentionable'),
} as const;

const r = profilesRoutes;

export const getMyProfile = () => call(r.myProfile);
export const updateMyProfile = (body: ProfileUpdate) => call(r.updateMyProfile, { body });
export const getMember = (id: string) => call(r.member, { params: { id } });
/** Members whose name, or a word in it, starts with what follows "@" (for the mention picker). */
export const findMentionable = (q: string) => call(r.mentionable, { query: { q } });
