import { PgDialect, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { afterPosition, decodeCursor, encodeCursor, pageOf } from './pagination';

const id = '0190b7a8-3c1e-7f00-8000-000000000001';
const at = new Date('2025-03-01T10:00:00.000Z');

describe('keyset cursors', () => {
  it('round-trips a time and an id, in the format the forum has always sent', () => {
    const cursor = encodeCursor({ at, id });
    expect(Buffer.from(cursor, 'base64url').toString('utf8')).toBe(
      JSON.stringify([at.toISOString(), id]),
    );
    expect(decodeCursor(cursor)).toEqual({ at, id });
  });

  it('round-trips numbers and text when told their kind', () => {
    expect(decodeCursor(encodeCursor({ at: 12.5, id }), 'number')).toEqual({ at: 12.5, id });
    expect(decodeCursor(encodeCursor({ at: 'Aphasia café', id }), 'string')).toEqual({
      at: 'Aphasia café',
      id,
    });
  });

  it('treats no cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });

  it('refuses cursors it did not make with a 400 that names the field', () => {
    const bad = [
      'not base64 at all!',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from(JSON.stringify(['nope', id])).toString('base64url'),
      Buffer.from(JSON.stringify([at.toISOString(), 'x'])).toString('base64url'),
      Buffer.from(JSON.stringify([at.toISOString(), id, 3])).toString('base64url'),
    ];
    for (const cursor of bad) {
      expect(() => decodeCursor(cursor)).toThrow(
        expect.objectContaining({ status: 400, errors: { cursor: expect.any(String) } }),
      );
    }
    // A number cursor is not a time cursor, and the other way round.
    expect(() => decodeCursor(encodeCursor({ at: 3, id }))).toThrow();
    expect(() => decodeCursor(encodeCursor({ at, id }), 'number')).toThrow();
  });
});

describe('pageOf', () => {
  const rows = [1, 2, 3].map((n) => ({ n, id }));
  const positionOf = (row: { n: number; id: string }) => ({ at: row.n, id: row.id });

  it('cuts the extra row off and points the cursor after the last row kept', () => {
    const page = pageOf(rows, 2, positionOf);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(decodeCursor(page.nextCursor ?? undefined, 'number')).toEqual({ at: 2, id });
  });

  it('gives no cursor on the last page', () => {
    expect(pageOf(rows, 3, positionOf)).toEqual({ items: rows, nextCursor: null });
    expect(pageOf([], 3, positionOf)).toEqual({ items: [], nextCursor: null });
  });
});

describe('afterPosition', () => {
  const things = pgTable('things', { id: uuid('id'), at: timestamp('at', { withTimezone: true }) });
  const dialect = new PgDialect();
  const columns = { sort: things.at, id: things.id };

  it('is nothing on the first page', () => {
    expect(afterPosition(columns, null, 'desc')).toBeUndefined();
  });

  it('seeks with a plain bound and breaks ties by id, newest first', () => {
    const where = afterPosition(columns, { at, id }, 'desc');
    const { sql } = dialect.sqlToQuery(where!);
    expect(sql).toBe(
      '("things"."at" <= $1 and ("things"."at" < $2 or ("things"."at" = $3 and "things"."id" < $4)))',
    );
  });

  it('pages oldest first with the bounds the other way', () => {
    const { sql } = dialect.sqlToQuery(afterPosition(columns, { at, id }, 'asc')!);
    expect(sql).toBe(
      '("things"."at" >= $1 and ("things"."at" > $2 or ("things"."at" = $3 and "things"."id" > $4)))',
    );
  });
});
