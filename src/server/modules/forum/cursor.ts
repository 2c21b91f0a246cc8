import { problems } from '../../lib/errors';
import { t } from '../../lib/i18n';

/** A list position: a time and an id, so equal times still page in a stable order. */
export interface Position {
  at: Date;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string | undefined): Position | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) && !Number.isNaN(date.getTime())) {
      return { at: date, id };
    }
  } catch {
    // fall through to the problem below
  }
  throw problems.badRequest(t('forum.problems.badCursor'), {
    cursor: t('forum.fields.cursor.invalid'),
  });
}
