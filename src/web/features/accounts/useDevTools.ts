import { useQuery } from '@tanstack/react-query';
import { getDemoAccounts } from '../../api/dev';
import { devKeys } from '../dev/queries';

/** The demo accounts when the server runs with development tools; null in production. */
export function useDemoAccounts() {
  return useQuery({
    queryKey: devKeys.demoAccounts,
    queryFn: () => getDemoAccounts().catch(() => null),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDevTools(): boolean {
  return Boolean(useDemoAccounts().data);
}
