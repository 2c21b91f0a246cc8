// The forum's length limits as plain numbers, with no zod, so the web app can
// warn before the server refuses. The schemas in forum.ts are built from them.

export const forumLimits = {
  title: { min: 3, max: 150 },
  body: { min: 1, max: 20_000 },
  search: { min: 2, max: 200 },
  /** A moderator's own words on why a post was removed. */
  removalNote: { min: 3, max: 500 },
} as const;
