import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse } from '../contract/accounts';
import { getMe } from './api/accounts';

export const meKey = ['me'] as const;

/** Who is signed in; null when nobody is. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: getMe, staleTime: 30_000 });
}

/** Sets who is signed in, first cancelling any older /me request still on its way. */
export function useSetMe() {
  const client = useQueryClient();
  return async (value: MeResponse) => {
    await client.cancelQueries({ queryKey: meKey });
    client.setQueryData(meKey, value);
  };
}
