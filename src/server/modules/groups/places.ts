// The offline place list (see data/build-places.ts for where it comes from).
// Loaded once; searched in memory. No call to any outside service.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Place } from '../../../contract/groups';

type Row = [string, string, string, string, number, number, 't' | 'p'];

let loaded: { list: Place[]; byId: Map<string, Place>; keys: string[] } | undefined;

function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function places() {
  if (!loaded) {
    const rows = JSON.parse(
      readFileSync(join(import.meta.dirname, 'data/places.json'), 'utf8'),
    ) as Row[];
    const list: Place[] = rows.map(([id, name, region, country, lat, lng, kind]) => ({
      id,
      name,
      region,
      country,
      lat,
      lng,
      kind: kind === 't' ? 'town' : 'postcode',
    }));
    loaded = {
      list,
      byId: new Map(list.map((p) => [p.id, p])),
      keys: list.map((p) => normalise(p.name)),
    };
  }
  return loaded;
}

export function placeById(id: string): Place | undefined {
  return places().byId.get(id);
}

/**
 * Places whose name starts with the words typed (or, for postcodes, whose
 * district the typed code begins with: "M5V 2T6" finds M5V; a UK postcode
 * finds its area: "LS1 4AP" finds LS, around Leeds). Exact names first,
 * then the person's own country, then bigger places (towns before districts).
 */
export function searchPlaces(query: string, country?: string, limit = 8): Place[] {
  const { list, keys } = places();
  const q = normalise(query);
  if (!q) return [];
  const compact = q.replace(/ /g, '');
  const gbArea = /^([a-z]{1,2})\d[a-z\d]?(\d[a-z]{2})?$/.exec(compact)?.[1];
  const found: { place: Place; rank: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    const place = list[i]!;
    const key = keys[i]!;
    let rank = -1;
    if (key === q) rank = 0;
    else if (key.startsWith(q)) rank = 2;
    else if (place.id.startsWith('gb-')) {
      // A UK postcode or its start ("LS1", "LS1 4AP", "M5"): its area's letters must match whole.
      if (gbArea === place.id.slice(3).toLowerCase()) rank = 1;
    } else if (place.kind === 'postcode') {
      const code = key.replace(/ /g, '').replace(/xx$/, '');
      if (compact.length >= 3 && compact.startsWith(code)) rank = 1;
    }
    if (rank < 0) continue;
    if (country && place.country !== country) rank += 1;
    found.push({ place, rank });
  }
  return found
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.place.kind === b.place.kind ? 0 : a.place.kind === 'town' ? -1 : 1) ||
        a.place.name.localeCompare(b.place.name) ||
        a.place.id.localeCompare(b.place.id),
    )
    .slice(0, limit)
    .map((f) => f.place);
}
