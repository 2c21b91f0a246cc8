/**
 * Telling "the database is out of reach" (a 503: try again soon) from "this
 * query is wrong" (a 500: a bug), and what of a database error is safe to log.
 */

/** Errors in a chain: the error, its cause, its cause's cause (drizzle wraps the driver's). */
export function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let node = error;
  while (node && chain.length < 5 && !chain.includes(node)) {
    chain.push(node);
    node = (node as { cause?: unknown }).cause;
  }
  return chain;
}

// Socket-level codes from Node when PostgreSQL cannot be reached or the line drops.
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATEs that mean "not now" rather than "never": class 08 (connection),
// 57P01-57P03 (shut down, crash, starting up), 57014 (statement_timeout), 53300 (too many).
const unavailableStates = /^(08...|57P0[123]|57014|53300)$/;

// pg and pg-pool say these in words, with no code.
const unavailableMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end on the pool',
  'Client was closed and is not queryable',
];

function isUnavailableOne(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, errors } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (socketCodes.has(code) || unavailableStates.test(code))) {
    return true;
  }
  // Node's happy-eyeballs connect fails with an AggregateError of one error per address.
  if (Array.isArray(errors) && errors.some(isUnavailableOne)) return true;
  return (
    typeof message === 'string' && unavailableMessages.some((words) => message.startsWith(words))
  );
}

/** True when an error means PostgreSQL is down, unreachable, stalled or shutting down. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return errorChain(error).some(isUnavailableOne);
}

/** A stop at start that needs one plain line, not a stack. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}
