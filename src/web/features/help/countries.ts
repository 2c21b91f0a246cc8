import { useQuery } from '@tanstack/react-query';
import { getHelp } from '../../api/help';
import { helpKeys } from './queries';

/** The help page for a country; with none, the server uses the person's profile country. */
export function useHelp(country: string | null) {
  return useQuery({
    queryKey: helpKeys.help(country),
    queryFn: () => getHelp(country),
    staleTime: 5 * 60_000,
  });
}

/** The country the browser's language suggests (en-GB gives GB), if it is one we know. */
export function browserCountry(known: string[]): string | null {
  const languages =
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const language of languages) {
    const region = language.split('-')[1]?.toUpperCase();
    if (region && known.includes(region)) return region;
  }
  return null;
}
