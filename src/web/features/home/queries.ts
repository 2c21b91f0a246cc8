/** Query keys of the home page: what it shows depends on the person's time zone. */
export const homeKeys = {
  home: (timeZone: string | null) => ['home', timeZone] as const,
};
