import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CrisisLineKind } from '../../../contract/help';

/** Crisis and emergency lines per country: data an administrator maintains (SAFETY.md). */
export const crisisLines = pgTable(
  'crisis_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    country: text('country').notNull(),
    kind: text('kind').$type<CrisisLineKind>().notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    textNumber: text('text_number'),
    textMessage: text('text_message'),
    url: text('url'),
    hours: text('hours').notNull(),
    description: text('description').notNull(),
    sortOrder: integer('sort_order').notNull().default(100),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('crisis_lines_country_idx').on(t.country, t.sortOrder)],
);
