// The group directory, and the bundled list of places it searches near.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DirectoryResponse, Place, PlacesResponse } from '../../../contract/groups';
import {
  distanceUnitFor,
  type GroupFocus,
  type GroupFormat,
  type GroupLanguage,
} from '../../../contract/groups-values';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { afterPosition, decodeCursor, pageOf } from '../../lib/pagination';
import type { GroupsDeps } from './deps';
import { placeById, searchPlaces } from './places';
import { toSummary } from './present';
import { boundingBox, detailsVisibleTo, distanceFrom, summaryColumns, textArray } from './queries';
import { DEFAULT_MAX_KM } from './ranking';
import { groups, organisations } from './tables';

export const DIRECTORY_PAGE = 20;

/** The directory's filters, as the route has parsed them. */
export interface DirectoryFilters {
  q?: string | undefined;
  focus?: GroupFocus[] | undefined;
  format?: GroupFormat | undefined;
  language?: GroupLanguage | undefined;
  access?: string[] | undefined;
  place?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  km?: number | undefined;
  organisation?: string | undefined;
  cursor?: string | undefined;
}

/** The directory's format filter: wanting online includes hybrid groups, and so does in person. */
function formatsFor(format: GroupFormat): GroupFormat[] {
  if (format === 'online') return ['online', 'hybrid'];
  if (format === 'in_person') return ['in_person', 'hybrid'];
  return ['hybrid'];
}

/** Places from the bundled offline list, for the directory's "near" box. */
export function places(query: string, country?: string): PlacesResponse {
  return { places: searchPlaces(query, country) };
}

/**
 * The directory: words, focus, format, language, access needs and distance from a place.
 * A private group's place is not shown to outsiders, so it is not searched by place or access either.
 */
export async function directory(
  { db, accounts }: GroupsDeps,
  query: DirectoryFilters,
  actor: Actor | null = null,
  acceptLanguage?: string,
): Promise<DirectoryResponse> {
  let place: Place | null = null;
  if (query.place) {
    place = placeById(query.place) ?? null;
    if (!place) throw problems.badRequest(undefined, { place: t('groups.fields.place.unknown') });
  } else if (query.lat !== undefined && query.lng !== undefined) {
    place = {
      id: 'here',
      name: t('groups.directory.myLocation'),
      region: '',
      country: '',
      lat: query.lat,
      lng: query.lng,
      kind: 'town',
    };
  }
  const distance = place && query.format !== 'online' ? distanceFrom(place.lat, place.lng) : null;
  // The cursor holds the last row's distance when searching near a place, else its name.
  const position = decodeCursor(query.cursor, distance ? 'number' : 'string');
  const visible = detailsVisibleTo(actor);
  const unit = distanceUnitFor(
    actor ? (await accounts.sessionUser(actor.userId)).country : null,
    acceptLanguage,
  );
  const where: SQL[] = [];
  if (query.q) {
    where.push(
      sql`to_tsvector('english', ${groups.name} || ' ' || ${groups.description}) @@ plainto_tsquery('english', ${query.q})`,
    );
  }
  if (query.focus?.length) where.push(sql`${groups.focus} @> ${textArray(query.focus)}`);
  if (query.format) where.push(inArray(groups.format, formatsFor(query.format)));
  if (query.language) where.push(sql`${groups.languages} @> ${textArray([query.language])}`);
  if (query.access?.length) {
    where.push(sql`${groups.access} @> ${textArray(query.access)}`, visible);
  }
  if (query.organisation) where.push(eq(groups.organisationId, query.organisation));
  if (place && distance) {
    const km = query.km ?? DEFAULT_MAX_KM;
    where.push(boundingBox(place.lat, place.lng, km));
    where.push(sql`${distance} <= ${km}`, visible);
  }
  // Keyset paging on (distance, id) near a place, else on (name, id); groups_name_idx serves the latter.
  const after = afterPosition({ sort: distance ?? groups.name, id: groups.id }, position, 'asc');
  if (after) where.push(after);
  const rows = await db
    .select({
      ...summaryColumns,
      distanceKm: distance ?? sql<null>`null::float8`,
      detailsVisible: visible,
    })
    .from(groups)
    .innerJoin(organisations, eq(organisations.id, groups.organisationId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(distance ? asc(distance) : asc(groups.name), asc(groups.id))
    .limit(DIRECTORY_PAGE + 1);
  const page = pageOf(rows, DIRECTORY_PAGE, (row) => ({
    at: distance ? Number(row.distanceKm) : row.name,
    id: row.id,
  }));
  return {
    groups: page.items.map(({ detailsVisible, ...row }) => toSummary(row, !detailsVisible)),
    place,
    nextCursor: page.nextCursor,
    unit,
  };
}
