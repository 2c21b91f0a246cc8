import { useQuery } from '@tanstack/react-query';
import { getModerationHours } from '../../api/moderation';

/**
 * When moderators usually look, in the site's own honest sentence ("A moderator usually looks
 * within 2 hours, 8 am to 10 pm UK time."); the words given until it comes, or if it cannot.
 */
export function useModerationHours(otherwise: string): string {
  const hours = useQuery({
    queryKey: ['moderation', 'hours'],
    queryFn: getModerationHours,
    staleTime: 10 * 60_000,
    retry: false,
  });
  return hours.data?.sentence ?? otherwise;
}
