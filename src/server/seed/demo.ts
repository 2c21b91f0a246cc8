import { count, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { CONDUCT_VERSION } from '../../contract/accounts';
import { HEALTH_CONSENT_VERSION } from '../../contract/profiles';
import type { Db } from '../db';
import { consents, users } from '../modules/accounts/tables';
import { forumCategories, forumTopics } from '../modules/forum/tables';
import { organisations } from '../modules/groups/tables';
import { profiles } from '../modules/profiles/tables';
import { safetyWatchedWords } from '../modules/safety/tables';
import { seedDemoGroups } from './demo-groups';
import { demoEmail, demoMembers } from './demo-members';

/** Seeds the demo community once, into a database with no members yet. */
export async function seedDemoIfEmpty(
  db: Db,
  log: Pick<FastifyBaseLogger, 'info'>,
): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db);
  log.info(`Seeded ${demoMembers.length} demo members`);
  return true;
}

/** The demo members' ids by handle, for seeding what they wrote. */
export async function demoMemberIds(db: Db): Promise<(handle: string) => string | undefined> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.isDemo, true));
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return (handle) => byEmail.get(demoEmail(handle));
}

/** Removes the demo members (and only them, with what they wrote) and puts them in afresh. */
export async function reseedDemo(db: Db): Promise<void> {
  const demoIds = db.select({ id: users.id }).from(users).where(eq(users.isDemo, true));
  await db.delete(forumTopics).where(inArray(forumTopics.authorId, demoIds));
  await db.delete(users).where(eq(users.isDemo, true));
  // Topics went without the forum service: count each category's topics afresh.
  await db.update(forumCategories).set({
    topicCount: sql`(select count(*)::int from ${forumTopics}
      where ${forumTopics.categoryId} = ${forumCategories.id}
        and ${forumTopics.groupId} is null and ${forumTopics.deletedAt} is null)`,
  });
  await db.delete(organisations).where(eq(organisations.isDemo, true));
  await seedDemo(db);
}

async function seedDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values(
        demoMembers.map((m) => ({
          email: demoEmail(m.handle),
          emailVerifiedAt: new Date(),
          displayName: m.displayName,
          role: m.role,
          siteRole: m.siteRole ?? 'member',
          trustLevel: m.siteRole ? 4 : 1,
          country: m.country,
          preferences: m.preferences ?? {},
          adultConfirmedAt: new Date(),
          isDemo: true,
        })),
      )
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email });
    const byEmail = new Map(inserted.map((u) => [u.email, u.id]));
    const seeded = demoMembers.filter((m) => byEmail.has(demoEmail(m.handle)));
    if (seeded.length === 0) return;
    const idOf = (handle: string) => byEmail.get(demoEmail(handle))!;
    await tx.insert(profiles).values(
      seeded.map((m) => ({
        userId: idOf(m.handle),
        about: m.about,
        ...(m.experience ?? {}),
        visibility: m.visibility ?? {},
      })),
    );
    await tx.insert(consents).values([
      ...seeded.map((m) => ({
        userId: idOf(m.handle),
        kind: 'code_of_conduct' as const,
        version: CONDUCT_VERSION,
      })),
      ...seeded
        .filter((m) => m.experience)
        .map((m) => ({
          userId: idOf(m.handle),
          kind: 'health_data' as const,
          version: HEALTH_CONSENT_VERSION,
        })),
    ]);
    await seedDemoGroups(tx, (handle) => byEmail.get(demoEmail(handle)));
    // Two watched words, so the demo shows what they do (the real list starts empty).
    await tx
      .insert(safetyWatchedWords)
      .values([
        { language: 'en', words: 'miracle cure', key: 'miracle cure', action: 'flag' as const },
        { language: 'en', words: 'buy now', key: 'buy now', action: 'hold' as const },
      ])
      .onConflictDoNothing();
  });
}

export async function demoAccounts(db: Db) {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      siteRole: users.siteRole,
    })
    .from(users)
    .where(
      inArray(
        users.email,
        demoMembers.map((m) => demoEmail(m.handle)),
      ),
    );
  const order = new Map(demoMembers.map((m, i) => [demoEmail(m.handle), i]));
  const summary = new Map(demoMembers.map((m) => [demoEmail(m.handle), m.summary]));
  return rows
    .sort((a, b) => (order.get(a.email) ?? 0) - (order.get(b.email) ?? 0))
    .map(({ email, ...rest }) => ({ ...rest, summary: summary.get(email) ?? '' }));
}
