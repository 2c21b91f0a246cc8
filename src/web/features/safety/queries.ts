/** Query keys of the screening lists, one per language. */
export const safetyKeys = {
  all: ['safety', 'phrases'] as const,
  phrases: (language: string) => ['safety', 'phrases', language] as const,
};
