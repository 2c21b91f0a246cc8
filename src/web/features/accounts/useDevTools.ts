import { useQuery } from '@tanstack/react-query';
import type { DemoAccountsResponse } from '../../../contract/dev';
import { api } from '../../api';

/** The demo accounts when the server runs with development tools; null in production. */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ['dev', 'demo-accounts'],
    queryFn: () => api<DemoAccountsResponse>('/dev/demo-accounts').catch(() => null),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDevTools(): boolean {
  return Boolean(useDemoAccounts().data);
}
