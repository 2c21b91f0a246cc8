// Organisations: who runs them, and making them (platform admins).
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type {
  Organisation,
  OrganisationsResponse,
  OrganisationUpdate,
} from '../../../contract/groups';
import { type Actor, isAdmin } from '../../lib/access';
import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';
import type { GroupsDeps } from './deps';
import { canCreateOrganisation, canRunOrganisation } from './permissions';
import { displayNames, isOrgAdmin, requireUsers } from './queries';
import { organisationAdmins, organisations as organisationsTable } from './tables';

/** These organisations (all of them for null), each with its admins' names. */
export async function organisationsFor(
  deps: Pick<GroupsDeps, 'db' | 'accounts'>,
  ids: string[] | null,
): Promise<Organisation[]> {
  const { db } = deps;
  const rows = await db
    .select({
      id: organisationsTable.id,
      name: organisationsTable.name,
      kind: organisationsTable.kind,
      videoBaseUrl: organisationsTable.videoBaseUrl,
    })
    .from(organisationsTable)
    .where(ids === null ? undefined : ids.length ? inArray(organisationsTable.id, ids) : sql`false`)
    .orderBy(asc(organisationsTable.name), asc(organisationsTable.id))
    .limit(200);
  if (rows.length === 0) return [];
  const admins = await db
    .select({
      organisationId: organisationAdmins.organisationId,
      userId: organisationAdmins.userId,
    })
    .from(organisationAdmins)
    .where(
      inArray(
        organisationAdmins.organisationId,
        rows.map((r) => r.id),
      ),
    );
  const named = await displayNames(
    deps,
    admins.map((a) => a.userId),
  );
  return rows.map((r) => ({
    ...r,
    admins: admins
      .filter((a) => a.organisationId === r.id)
      .map((a) => ({ id: a.userId, displayName: named.get(a.userId) ?? '' })),
  }));
}

/** Organisations I run (all of them, for a platform admin). */
export async function organisations(
  deps: GroupsDeps,
  actor: Actor,
): Promise<OrganisationsResponse> {
  if (isAdmin(actor)) return { organisations: await organisationsFor(deps, null) };
  const mine = await deps.db
    .select({ id: organisationAdmins.organisationId })
    .from(organisationAdmins)
    .where(eq(organisationAdmins.userId, actor.userId));
  return {
    organisations: await organisationsFor(
      deps,
      mine.map((m) => m.id),
    ),
  };
}

export async function createOrganisation(
  deps: GroupsDeps,
  actor: Actor,
  input: {
    name: string;
    kind: Organisation['kind'];
    adminUserIds: string[];
    videoBaseUrl?: string | null | undefined;
  },
): Promise<Organisation> {
  if (!canCreateOrganisation(actor)) throw problems.forbidden();
  await requireUsers(deps, input.adminUserIds, 'adminUserIds');
  const id = await deps.db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisationsTable)
      .values({ name: input.name, kind: input.kind, videoBaseUrl: input.videoBaseUrl ?? null })
      .returning({ id: organisationsTable.id });
    if (input.adminUserIds.length) {
      await tx
        .insert(organisationAdmins)
        .values(input.adminUserIds.map((userId) => ({ organisationId: org!.id, userId })));
    }
    return org!.id;
  });
  return (await organisationsFor(deps, [id]))[0]!;
}

export async function addOrganisationAdmin(
  deps: GroupsDeps,
  actor: Actor,
  organisationId: string,
  who: { userId?: string | undefined; email?: string | undefined },
): Promise<Organisation> {
  if (!canCreateOrganisation(actor)) throw problems.forbidden();
  const [org] = await organisationsFor(deps, [organisationId]);
  if (!org) throw problems.notFound(t('groups.problems.organisationNotFound'));
  const userId = who.userId ?? (who.email ? await deps.accounts.userIdByEmail(who.email) : null);
  if (!userId) throw problems.invalid({ email: t('groups.fields.admin.noSuchEmail') });
  await requireUsers(deps, [userId], 'userId');
  await deps.db.insert(organisationAdmins).values({ organisationId, userId }).onConflictDoNothing();
  return (await organisationsFor(deps, [organisationId]))[0]!;
}

/** Change what an organisation's admins keep about it: its own video service. */
export async function updateOrganisation(
  deps: GroupsDeps,
  actor: Actor,
  organisationId: string,
  update: OrganisationUpdate,
): Promise<Organisation> {
  const [org] = await organisationsFor(deps, [organisationId]);
  if (!org) throw problems.notFound(t('groups.problems.organisationNotFound'));
  if (!canRunOrganisation(actor, await isOrgAdmin(deps.db, actor.userId, organisationId))) {
    throw problems.forbidden(t('groups.problems.organisationNotAdmin'));
  }
  await deps.limits.consume('organisationWritePerUser', actor.userId);
  if (update.videoBaseUrl !== undefined) {
    await deps.db
      .update(organisationsTable)
      .set({ videoBaseUrl: update.videoBaseUrl })
      .where(eq(organisationsTable.id, organisationId));
  }
  return (await organisationsFor(deps, [organisationId]))[0]!;
}
