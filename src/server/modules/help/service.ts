import { asc, count, eq } from 'drizzle-orm';
import type { CrisisLine, CrisisLineInput, HelpResponse } from '../../../contract/help';
import type { Db } from '../../db';
import type { Actor } from '../../lib/access';
import { isAdmin } from '../../lib/access';
import { problems } from '../../lib/errors';
import { seededCountries, seededCrisisLines } from './crisis-lines.data';
import { crisisLines } from './tables';

/** 112 reaches emergency services from most mobile phones in most countries. */
export const FALLBACK_EMERGENCY_NUMBER = '112';

const columns = {
  id: crisisLines.id,
  country: crisisLines.country,
  kind: crisisLines.kind,
  name: crisisLines.name,
  phone: crisisLines.phone,
  textNumber: crisisLines.textNumber,
  textMessage: crisisLines.textMessage,
  url: crisisLines.url,
  hours: crisisLines.hours,
  description: crisisLines.description,
  sortOrder: crisisLines.sortOrder,
};

export type HelpService = ReturnType<typeof createHelpService>;

export function createHelpService({ db }: { db: Db }) {
  async function countries() {
    const rows = await db
      .selectDistinct({ code: crisisLines.country })
      .from(crisisLines)
      .orderBy(asc(crisisLines.country));
    return rows.map(({ code }) => ({ code, name: seededCountries[code]?.name ?? code }));
  }

  return {
    /** Puts the seeded lines in on the first start; never overwrites an administrator's edits. */
    async ensureSeeded(): Promise<void> {
      const [row] = await db.select({ n: count() }).from(crisisLines);
      if ((row?.n ?? 0) > 0) return;
      await db.insert(crisisLines).values(
        seededCrisisLines.map((line) => ({
          textNumber: null,
          textMessage: null,
          url: null,
          sortOrder: 100,
          ...line,
        })),
      );
    },

    /** The emergency number and crisis lines for a country; with none known, 112 and no lines. */
    async helpFor(country: string | null): Promise<HelpResponse> {
      const lines: CrisisLine[] = country
        ? await db
            .select(columns)
            .from(crisisLines)
            .where(eq(crisisLines.country, country))
            .orderBy(asc(crisisLines.sortOrder), asc(crisisLines.name))
        : [];
      const emergency = lines.find((l) => l.kind === 'emergency' && l.phone);
      return {
        country,
        known: lines.length > 0,
        emergencyNumber: emergency?.phone ?? FALLBACK_EMERGENCY_NUMBER,
        lines,
        countries: await countries(),
      };
    },

    async allLines(actor: Actor): Promise<CrisisLine[]> {
      if (!isAdmin(actor)) throw problems.forbidden();
      return db
        .select(columns)
        .from(crisisLines)
        .orderBy(asc(crisisLines.country), asc(crisisLines.sortOrder));
    },

    async createLine(actor: Actor, input: CrisisLineInput): Promise<CrisisLine> {
      if (!isAdmin(actor)) throw problems.forbidden();
      const [line] = await db.insert(crisisLines).values(input).returning(columns);
      return line!;
    },

    async updateLine(actor: Actor, id: string, input: CrisisLineInput): Promise<CrisisLine> {
      if (!isAdmin(actor)) throw problems.forbidden();
      const [line] = await db
        .update(crisisLines)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(crisisLines.id, id))
        .returning(columns);
      if (!line) throw problems.notFound();
      return line;
    },

    async deleteLine(actor: Actor, id: string): Promise<void> {
      if (!isAdmin(actor)) throw problems.forbidden();
      const deleted = await db
        .delete(crisisLines)
        .where(eq(crisisLines.id, id))
        .returning({ id: crisisLines.id });
      if (deleted.length === 0) throw problems.notFound();
    },
  };
}
