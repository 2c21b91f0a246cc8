import { useQuery } from '@tanstack/react-query';
import { getHelp } from '../../api/help';
import { useMe } from '../../session';
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

/**
 * Help for the person's country: the one chosen on the page, else their profile's, else the
 * server's guess, else the browser's language, else the UK.
 */
export function useCountryHelp(chosen: string | null = null) {
  const me = useMe();
  const first = useHelp(null);
  const known = first.data?.countries.map((c) => c.code) ?? [];
  const country =
    chosen ?? me.data?.user?.country ?? first.data?.country ?? browserCountry(known) ?? 'GB';
  const help = useHelp(country);
  const data = help.data ?? (first.data?.country === country ? first.data : undefined);
  return { country, data, countries: first.data?.countries };
}
