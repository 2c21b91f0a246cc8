import type { FastifyRequest } from 'fastify';
import { errorChain } from '../db/failures';

/**
 * What the logs may keep (SAFETY.md). A failed query's message and detail carry
 * its parameters (emails, what someone wrote, token hashes), and URLs carry
 * search words, invite tokens and locations: none of that is written down.
 */

/** Query keys whose values say nothing about a person: kept in logged URLs. */
export const harmlessQueryKeys = new Set(['cursor', 'page', 'limit', 'sort', 'category', 'theme']);

/** The path, with the values of query keys not on the allow-list replaced. */
export function safeUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const path = url.slice(0, at);
  const query = url.slice(at + 1);
  if (!query) return path;
  const kept = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    let key: string;
    try {
      key = decodeURIComponent(rawKey.replaceAll('+', ' '));
    } catch {
      key = '';
    }
    if (harmlessQueryKeys.has(key) && /^[\w.%+-]{0,200}$/.test(pair.slice(eq + 1))) return pair;
    // The name says which filter was used; the value stays out.
    return `${/^[A-Za-z0-9_]{1,30}$/.test(key) ? key : 'param'}=redacted`;
  });
  return `${path}?${kept.join('&')}`;
}

/** Fastify's request line, with a safe URL. */
export function safeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: safeUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

// Fields of a PostgreSQL error that name things in the schema, never values.
const databaseFields = [
  'severity',
  'code',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'routine',
  'position',
] as const;

/**
 * A driver's error (pg, PGlite) or drizzle's wrapper: their message, detail,
 * where and hint can hold the values of the row or the parameters.
 */
function isDatabaseError(error: Record<string, unknown>): boolean {
  return (
    (typeof error.query === 'string' && 'params' in error) ||
    typeof error.severity === 'string' ||
    (typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code))
  );
}

/** The "at ..." lines of a stack: the first line repeats the message. */
function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join('\n') : undefined;
}

function describeOne(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object') return { type: typeof value };
  const error = value as Record<string, unknown>;
  const className = (value as object).constructor?.name;
  const type =
    className && className !== 'Error' && className !== 'Object'
      ? className
      : typeof error.name === 'string'
        ? error.name
        : 'Error';
  const out: Record<string, unknown> = { type };
  if (isDatabaseError(error)) {
    // In place of the driver's message, which can quote values.
    out.message = `${type}${typeof error.code === 'string' ? ` ${error.code}` : ''} (message left out: it can hold values)`;
    if (typeof error.query === 'string') out.sql = error.query;
    for (const field of databaseFields) {
      if (error[field] !== undefined && error[field] !== null) out[field] = error[field];
    }
  } else {
    if (typeof error.message === 'string') out.message = error.message;
    if (typeof error.code === 'string') out.code = error.code;
    if (typeof error.statusCode === 'number') out.statusCode = error.statusCode;
  }
  const stack = stackFrames(error.stack);
  if (stack) out.stack = stack;
  return out;
}

/**
 * The log's `err` serializer: the error's type, code, SQL text and stack, and
 * the same for each cause; never a query's parameters or a row's values.
 */
export function safeError(error: unknown): SafeError {
  const [top, ...causes] = errorChain(error).map(describeOne);
  return {
    message: '',
    stack: '',
    ...top,
    type: String(top?.type ?? typeof error),
    ...(causes.length > 0 ? { causes } : {}),
  };
}

export interface SafeError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}
