import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/failures';
import { Problem, problems } from './errors';
import { hasKey, t } from './i18n';

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Plain words for a zod issue: our own message key if the schema set one, else by its kind. */
export function fieldMessage(item: ValidationItem): string {
  if (item.message && /^(\w+\.)?fields\.[\w.]+$/.test(item.message) && hasKey(item.message)) {
    return t(item.message);
  }
  const params = item.params ?? {};
  switch (item.keyword) {
    case 'invalid_type':
      return params.input === undefined
        ? t('fields.generic.required')
        : t('fields.generic.wrongType');
    case 'too_small':
      return params.origin === 'string'
        ? t('fields.generic.tooShort')
        : t('fields.generic.tooSmall');
    case 'too_big':
      return params.origin === 'string' ? t('fields.generic.tooLong') : t('fields.generic.tooBig');
    case 'invalid_value':
      return t('fields.generic.chooseOption');
    case 'unrecognized_keys':
      return t('fields.generic.unknownField');
    default:
      return t('fields.generic.notRight');
  }
}

/** The value at a validation item's instancePath ("/experience/strokeYear") in what was sent. */
function valueAt(root: unknown, instancePath: string): unknown {
  let node = root;
  for (const key of instancePath.split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function validationProblem(
  error: FastifyError & { validation: ValidationItem[] },
  request: FastifyRequest,
): Problem {
  const context = (error as { validationContext?: string }).validationContext;
  const sent =
    context === 'body'
      ? request.body
      : context === 'querystring'
        ? request.query
        : context === 'params'
          ? request.params
          : undefined;
  const errors: Record<string, string> = {};
  for (const raw of error.validation) {
    // zod leaves the input out of its issues, so "missing" and "wrong type" look alike: look.
    const item =
      raw.keyword === 'invalid_type' && !(raw.params && 'input' in raw.params)
        ? { ...raw, params: { ...raw.params, input: valueAt(sent, raw.instancePath) } }
        : raw;
    const keys =
      item.keyword === 'unrecognized_keys' && Array.isArray(item.params?.keys)
        ? (item.params.keys as string[]).map((k) =>
            [item.instancePath.slice(1), k].filter(Boolean).join('.'),
          )
        : [item.instancePath.replace(/^\//, '').replaceAll('/', '.') || '_'];
    for (const key of keys) errors[key] ??= fieldMessage(item);
  }
  return context === 'body'
    ? problems.invalid(errors)
    : problems.badRequest(t('problems.badRequest'), errors);
}

/** What a 503 tells clients when the database is out of reach. */
export const DATABASE_RETRY_AFTER_SECONDS = 30;

/** Turns anything thrown into an application/problem+json answer; 5xx details stay in the log. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof Problem) return error;
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    return validationProblem(
      fastifyError as FastifyError & { validation: ValidationItem[] },
      request,
    );
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problems.unsupportedMedia();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problems.tooLarge();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problems.badRequest(t('problems.unreadable'));
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    if (status === 404) return problems.notFound();
    if (status === 413) return problems.tooLarge();
    if (status === 415) return problems.unsupportedMedia();
    if (status === 429) return problems.tooManyRequests(60);
    return new Problem(status, 'bad-request', t('problems.unreadable'));
  }
  // PostgreSQL down, stalled or restarting: "try again soon", not "a bug".
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'the database is not answering');
    return problems.unavailable(DATABASE_RETRY_AFTER_SECONDS);
  }
  request.log.error({ err: error }, 'request failed');
  return problems.internal();
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(problem.toJSON());
}
