// Making and changing a group (its organisation's admins).
import { eq } from 'drizzle-orm';
import type { GroupDetail, GroupInputParsed, GroupUpdate } from '../../../contract/groups';
import type { GroupFormat, JoinPolicy } from '../../../contract/groups-values';
import type { Actor } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { GroupsDeps } from './deps';
import { groupDetail } from './group-page';
import { organisationsFor } from './organisations';
import { canEditGroup, canRunOrganisation, joinPolicyProblem } from './permissions';
import { isOrgAdmin, loadGroup, venueColumns } from './queries';
import { recurrenceRule } from './rhythm';
import { standingOf } from './standing';
import { groups } from './tables';

function checkShape(format: GroupFormat, venue: GroupInputParsed['venue']) {
  if (format !== 'online' && !venue) {
    throw problems.invalid({ venue: t('groups.fields.venue.required') });
  }
}

/** Refuses "open" joining for private and carers-only groups (issue 7, items 5 and 6). */
function checkJoinPolicy(g: {
  joinPolicy: JoinPolicy;
  privacy: GroupInputParsed['privacy'];
  caregiversOnly: boolean;
}) {
  const reason = joinPolicyProblem(g);
  if (reason) throw problems.invalid({ joinPolicy: t(reason) });
}

export async function createGroup(
  deps: GroupsDeps,
  actor: Actor,
  organisationId: string,
  input: GroupInputParsed,
): Promise<GroupDetail> {
  const { db } = deps;
  const [org] = await organisationsFor(deps, [organisationId]);
  if (!org) throw problems.notFound(t('groups.problems.organisationNotFound'));
  if (!canRunOrganisation(actor, await isOrgAdmin(db, actor.userId, organisationId))) {
    throw problems.forbidden(t('groups.problems.organisationNotAdmin'));
  }
  checkShape(input.format, input.venue);
  checkJoinPolicy(input);
  const [row] = await db
    .insert(groups)
    .values({
      organisationId,
      name: input.name,
      description: input.description,
      format: input.format,
      focus: input.focus,
      languages: input.languages,
      sizeCap: input.sizeCap,
      joinPolicy: input.joinPolicy,
      privacy: input.privacy,
      caregiversOnly: input.caregiversOnly,
      country: input.country,
      rhythm: input.rhythm,
      recurrenceRule: recurrenceRule(input.rhythm),
      timeZone: input.rhythm.timeZone,
      ...venueColumns(input.format === 'online' ? null : input.venue),
      meetingLink: input.meetingLink,
    })
    .returning({ id: groups.id });
  return groupDetail(deps, actor, row!.id);
}

export async function updateGroup(
  deps: GroupsDeps,
  actor: Actor,
  groupId: string,
  update: GroupUpdate,
): Promise<GroupDetail> {
  const { db, now } = deps;
  const group = await loadGroup(db, groupId);
  if (!canEditGroup(actor, await standingOf(db, actor, group))) {
    throw problems.forbidden(t('groups.problems.organisationNotAdmin'));
  }
  const format = update.format ?? group.format;
  const currentVenue = group.venueName
    ? {
        name: group.venueName,
        address: group.venueAddress ?? '',
        town: group.town ?? '',
        lat: group.lat ?? 0,
        lng: group.lng ?? 0,
        access: group.access,
        accessNotes: group.accessNotes,
      }
    : null;
  const venue = update.venue === undefined ? currentVenue : update.venue;
  checkShape(format, venue);
  checkJoinPolicy({
    joinPolicy: update.joinPolicy ?? group.joinPolicy,
    privacy: update.privacy ?? group.privacy,
    caregiversOnly: update.caregiversOnly ?? group.caregiversOnly,
  });
  const { venue: _venue, rhythm, ...plain } = update;
  await db
    .update(groups)
    .set({
      ...plain,
      ...(rhythm
        ? { rhythm, recurrenceRule: recurrenceRule(rhythm), timeZone: rhythm.timeZone }
        : {}),
      ...(update.venue !== undefined || update.format !== undefined
        ? venueColumns(format === 'online' ? null : venue)
        : {}),
      updatedAt: now(),
    })
    .where(eq(groups.id, groupId));
  return groupDetail(deps, actor, groupId);
}
