/** Query keys of the screening lists and the watched words, one per language. */
export const safetyKeys = {
  all: ['safety', 'phrases'] as const,
  phrases: (language: string) => ['safety', 'phrases', language] as const,
  watchedAll: ['safety', 'watched'] as const,
  watched: (language: string) => ['safety', 'watched', language] as const,
};
