/** Query keys of the development tools. */
export const devKeys = {
  outbox: ['dev', 'outbox'] as const,
  demoAccounts: ['dev', 'demo-accounts'] as const,
};
