import { describe, expect, it } from 'vitest';
import { safeError, safeUrl } from './log-safety';

describe('safeUrl', () => {
  it('keeps the path and harmless keys, and hides every other value', () => {
    expect(safeUrl('/api/forum/search?q=I+feel+hopeless&page=2')).toBe(
      '/api/forum/search?q=redacted&page=2',
    );
    expect(safeUrl('/api/groups?lat=51.5&lng=-0.12&cursor=abc_12-x')).toBe(
      '/api/groups?lat=redacted&lng=redacted&cursor=abc_12-x',
    );
    expect(safeUrl('/groups/1?invite=TOKEN123')).toBe('/groups/1?invite=redacted');
    expect(safeUrl('/x?%71=secret&page=<script>')).toBe('/x?q=redacted&page=redacted');
    expect(safeUrl('/api/health')).toBe('/api/health');
    expect(safeUrl('/api/health?')).toBe('/api/health');
  });
});

describe('safeError', () => {
  it('keeps the type, code, SQL and stack of a failed query, not its values', () => {
    const driver = Object.assign(new Error('new row violates check constraint "c"'), {
      code: '23514',
      severity: 'ERROR',
      table: 'users',
      constraint: 'c',
      detail: 'Failing row contains (someone@example.test).',
      where: 'SQL statement with someone@example.test',
    });
    class DrizzleQueryError extends Error {}
    const wrapped = Object.assign(
      new DrizzleQueryError(
        'Failed query: insert into "users" ("email") values ($1)\nparams: someone@example.test',
      ),
      {
        query: 'insert into "users" ("email") values ($1)',
        params: ['someone@example.test'],
        cause: driver,
      },
    );
    const logged = safeError(wrapped);
    const text = JSON.stringify(logged);
    expect(logged).toMatchObject({
      type: 'DrizzleQueryError',
      sql: 'insert into "users" ("email") values ($1)',
    });
    expect(logged.causes).toEqual([
      expect.objectContaining({ code: '23514', table: 'users', constraint: 'c' }),
    ]);
    expect(logged.stack).toMatch(/^\s+at /);
    expect(text).not.toContain('someone@example.test');
    expect(text).not.toContain('Failing row');
  });

  it('keeps the message of an error that is not the database’s', () => {
    const logged = safeError(new TypeError('Cannot read properties of undefined'));
    expect(logged).toMatchObject({
      type: 'TypeError',
      message: 'Cannot read properties of undefined',
    });
  });
});
