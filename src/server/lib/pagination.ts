// The one keyset cursor helper: every list pages by (sort value, id), so rows with
// equal sort values still come in a stable order and a page never repeats or skips.
import { and, type Column, eq, gt, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Page } from '../../contract/common';
import { problems } from './errors';
import { t } from './i18n';

export type SortValue = Date | number | string;
export type SortKind = 'date' | 'number' | 'string';
type ValueOf<K extends SortKind> = K extends 'date' ? Date : K extends 'number' ? number : string;

/** A list position: the last row's sort value and its id. */
export interface Position<V extends SortValue = Date> {
  at: V;
  id: string;
}

const uuidShape = /^[0-9a-f-]{36}$/;

/** An opaque cursor for a position: base64url of `[value, id]`, dates as ISO text. */
export function encodeCursor(position: Position<SortValue>): string {
  const value = position.at instanceof Date ? position.at.toISOString() : position.at;
  return Buffer.from(JSON.stringify([value, position.id])).toString('base64url');
}

/**
 * The position a cursor stands for, or null for the first page. A cursor that was
 * not made by encodeCursor (or holds another kind of value) is a 400, never a 500.
 */
export function decodeCursor(cursor: string | undefined): Position<Date> | null;
export function decodeCursor<K extends SortKind>(
  cursor: string | undefined,
  kind: K,
): Position<ValueOf<K>> | null;
export function decodeCursor(
  cursor: string | undefined,
  kind: SortKind = 'date',
): Position<SortValue> | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [value, id] = parsed as unknown[];
      const at = sortValue(value, kind);
      if (at !== null && typeof id === 'string' && uuidShape.test(id)) return { at, id };
    }
  } catch {
    // fall through to the problem below
  }
  throw problems.badRequest(t('problems.badCursor'), { cursor: t('fields.cursor.invalid') });
}

function sortValue(value: unknown, kind: SortKind): SortValue | null {
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : null;
  if (kind === 'string') return typeof value === 'string' ? value : null;
  const date = new Date(String(value));
  return typeof value === 'string' && !Number.isNaN(date.getTime()) ? date : null;
}

/**
 * The `where` for rows after `position` in a list ordered by (sort, id), both in
 * `direction`; undefined on the first page. The plain bound on the sort column
 * lets an index on (sort, id) seek to the cursor; the OR alone would be a filter
 * over every row before it.
 */
export function afterPosition(
  columns: { sort: Column | SQL; id: Column },
  position: Position<SortValue> | null,
  direction: 'asc' | 'desc',
): SQL | undefined {
  if (!position) return undefined;
  const { id } = columns;
  // The sort may be an expression (the directory's distance): it compares like a column.
  const sort = columns.sort as Column;
  if (direction === 'desc') {
    return and(
      lte(sort, position.at),
      or(lt(sort, position.at), and(eq(sort, position.at), lt(id, position.id))),
    );
  }
  return and(
    gte(sort, position.at),
    or(gt(sort, position.at), and(eq(sort, position.at), gt(id, position.id))),
  );
}

/**
 * One page from rows read with `limit + 1`: the first `limit` rows, and a cursor
 * after the last of them when the extra row shows there is more.
 */
export function pageOf<T>(
  rows: readonly T[],
  limit: number,
  positionOf: (row: T) => Position<SortValue>,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(positionOf(last)) : null;
  return { items, nextCursor };
}
