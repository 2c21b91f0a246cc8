/** Query keys of profiles. The person's own profile sits under 'me', beside the session. */
export const profilesKeys = {
  mine: ['me', 'profile'] as const,
  member: (id: string) => ['members', id] as const,
};
