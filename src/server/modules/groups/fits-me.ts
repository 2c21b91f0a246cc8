// "Find a group that fits me": answers prefilled from the profile, groups ranked with reasons.
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { FitsMeAnswers, FitsMePrefill, FitsMeResponse } from '../../../contract/groups';
import { distanceUnitFor } from '../../../contract/groups-values';
import type { Actor } from '../../lib/access';
import type { GroupsDeps } from './deps';
import { toSummary } from './present';
import { boundingBox, detailsVisibleTo, distanceFrom, summaryColumns, textArray } from './queries';
import { type Candidate, DEFAULT_MAX_KM, rankGroups, type Seeker } from './ranking';
import { groups, organisations } from './tables';

const FITS_ME_RESULTS = 20;
const FITS_ME_CANDIDATES = 100;

/** "Find a group that fits me", prefilled from the profile so nothing is asked twice. */
export async function fitsMePrefill(
  { profiles }: Pick<GroupsDeps, 'profiles'>,
  actor: Actor,
): Promise<FitsMePrefill> {
  const profile = await profiles.myProfile(actor);
  const answers: FitsMeAnswers = {};
  const fromProfile: string[] = [];
  if (profile.role === 'survivor' || profile.role === 'caregiver') {
    answers.role = profile.role;
    fromProfile.push('role');
  }
  if (profile.experience.aphasia) {
    answers.aphasia = profile.experience.aphasia;
    fromProfile.push('aphasia');
  }
  if (profile.experience.strokeYear) {
    answers.strokeYear = profile.experience.strokeYear;
    fromProfile.push('strokeYear');
  }
  return { answers, fromProfile };
}

/** Ranked groups for these answers, each with its reasons in plain words. */
export async function fitsMe(
  { db, accounts, now }: GroupsDeps,
  actor: Actor,
  answers: FitsMeAnswers,
): Promise<FitsMeResponse> {
  const { role, country } = await accounts.sessionUser(actor.userId);
  const unit = distanceUnitFor(country);
  // Caregiver-only groups follow the account's role, checked here, not the answer given.
  const isCarer = role === 'caregiver';
  const answeredRole = answers.role ?? (role === 'survivor' ? 'survivor' : null);
  const seeker: Seeker = {
    role: isCarer ? 'caregiver' : answeredRole === 'caregiver' ? null : answeredRole,
    ageBand: answers.ageBand ?? null,
    aphasia: answers.aphasia ?? null,
    format: answers.format ?? null,
    hasPlace: Boolean(answers.place),
    maxKm: answers.maxKm ?? null,
    focus: answers.focus ?? [],
    size: answers.size ?? null,
    access: answers.access ?? [],
    languages: answers.languages ?? [],
    yearsSinceStroke: answers.strokeYear ? now().getUTCFullYear() - answers.strokeYear : null,
  };
  const wanted = [...seeker.focus];
  if (seeker.aphasia === 'yes' || seeker.aphasia === 'some') wanted.push('aphasia_friendly');
  if (seeker.ageBand === 'under_55') wanted.push('under_55');
  if (seeker.role === 'caregiver') wanted.push('caregivers');
  const common: SQL[] = [];
  if (!isCarer) common.push(sql`${groups.caregiversOnly} = false`);
  if (seeker.languages.length)
    common.push(sql`${groups.languages} && ${textArray(seeker.languages)}`);
  // How many of the wanted topics a group has: picks the likeliest few hundred to rank.
  const preScore = wanted.length
    ? [
        desc(
          sql<number>`cardinality(array(select unnest(${groups.focus}) intersect select unnest(${textArray(wanted)})))`,
        ),
      ]
    : [];

  // Only what ranking needs is read for the candidates; the few shown are read in full after.
  const rankColumns = {
    id: groups.id,
    format: groups.format,
    focus: groups.focus,
    languages: groups.languages,
    sizeCap: groups.sizeCap,
    memberCount: groups.memberCount,
    caregiversOnly: groups.caregiversOnly,
    access: groups.access,
  };
  const place = answers.place;
  const distance = place ? distanceFrom(place.lat, place.lng) : null;
  const slices = [];
  if (place && distance && seeker.format !== 'online') {
    const km = seeker.maxKm ?? DEFAULT_MAX_KM;
    slices.push(
      db
        .select({ ...rankColumns, distanceKm: sql<number | null>`${distance}` })
        .from(groups)
        .where(
          and(
            ...common,
            inArray(groups.format, ['in_person', 'hybrid']),
            boundingBox(place.lat, place.lng, km),
            sql`${distance} <= ${km}`,
          ),
        )
        .orderBy(...preScore, asc(distance), asc(groups.id))
        .limit(FITS_ME_CANDIDATES),
    );
  }
  if (seeker.format !== 'in_person') {
    // Online groups, in three cheap index-served slices: those with every wanted topic,
    // those with any, and a few more so that people who skipped everything still get some.
    // A hybrid group's distance is read too: beyond the distance chosen, it must say so.
    const onlineRows = (filter: SQL | undefined, limit: number) =>
      db
        .select({
          ...rankColumns,
          distanceKm: sql<number | null>`${distance ?? sql`null::float8`}`,
        })
        .from(groups)
        .where(and(...common, sql`${groups.format} <> 'in_person'`, filter))
        .orderBy(asc(groups.id))
        .limit(limit);
    if (wanted.length > 1) {
      slices.push(onlineRows(sql`${groups.focus} @> ${textArray(wanted)}`, FITS_ME_CANDIDATES));
    }
    if (wanted.length > 0) {
      slices.push(onlineRows(sql`${groups.focus} && ${textArray(wanted)}`, FITS_ME_CANDIDATES));
    }
    slices.push(onlineRows(undefined, 30));
  }
  // One round trip for every slice.
  const [first, second, ...rest] = slices;
  const rows = !first ? [] : !second ? await first : await unionAll(first, second, ...rest);
  const found = new Map<string, Candidate>();
  for (const row of rows) {
    if (found.has(row.id)) continue;
    found.set(row.id, {
      ...row,
      distanceKm: row.distanceKm === null ? null : Number(row.distanceKm),
    });
  }
  const ranked = rankGroups(seeker, [...found.values()]).slice(0, FITS_ME_RESULTS);
  if (ranked.length === 0) return { matches: [], unit };
  const shown = await db
    .select({
      ...summaryColumns,
      distanceKm: distance ?? sql<null>`null::float8`,
      detailsVisible: detailsVisibleTo(actor),
    })
    .from(groups)
    .innerJoin(organisations, eq(organisations.id, groups.organisationId))
    .where(
      inArray(
        groups.id,
        ranked.map((r) => r.id),
      ),
    );
  const byId = new Map(shown.map((row) => [row.id, row]));
  return {
    matches: ranked
      .filter((r) => byId.has(r.id))
      .map((r) => {
        const { detailsVisible, ...row } = byId.get(r.id)!;
        // Distance is shown only where the group meets in person.
        const summary = toSummary(
          { ...row, distanceKm: row.format === 'online' ? null : row.distanceKm },
          !detailsVisible,
        );
        // A private group's place stays hidden: no distance or venue reasons for outsiders.
        const reasons = detailsVisible
          ? r.reasons.map((reason) =>
              reason.code === 'farOnline' && row.town ? { ...reason, town: row.town } : reason,
            )
          : r.reasons
              .filter((reason) => reason.code !== 'near' && reason.code !== 'access')
              .map((reason) =>
                reason.code === 'farOnline' ? { code: 'hybrid' as const } : reason,
              );
        return { group: summary, score: r.score, reasons };
      }),
    unit,
  };
}
