import type { FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { SignUpBody } from '../../contract/accounts';
import { ProfileUpdate } from '../../contract/profiles';
import { Problem, problems } from './errors';
import { t } from './i18n';
import { fieldMessage, toProblem } from './problem-handler';

type Item = Parameters<typeof fieldMessage>[0];

/** The validation items Fastify gets from the zod validator for this data. */
function itemsFor(schema: z.ZodType, data: unknown): Item[] {
  const result = validatorCompiler({ schema } as never)(data) as { error?: Item[] };
  if (!result.error) throw new Error('expected the data to be refused');
  return result.error;
}

function messageFor(schema: z.ZodType, data: unknown): string {
  const [item] = itemsFor(schema, data);
  return fieldMessage(item!);
}

describe('fieldMessage', () => {
  it('uses the message key a schema sets', () => {
    expect(messageFor(SignUpBody.shape.displayName, 'x')).toBe(t('fields.displayName.tooShort'));
    expect(messageFor(SignUpBody.shape.email, 'no at sign')).toBe(t('fields.email.invalid'));
    expect(messageFor(SignUpBody.shape.isAdult, false)).toBe(t('fields.isAdult.required'));
  });

  it('ignores a message that is not one of our keys', () => {
    const item: Item = {
      keyword: 'too_small',
      instancePath: '/a',
      message: 'fields.no.such.key',
      params: { origin: 'string' },
    };
    expect(fieldMessage(item)).toBe(t('fields.generic.tooShort'));
    expect(
      fieldMessage({ ...item, message: 'Too small: expected string to have >=2 characters' }),
    ).toBe(t('fields.generic.tooShort'));
  });

  it('tells a missing answer from one of the wrong kind', () => {
    expect(fieldMessage({ keyword: 'invalid_type', instancePath: '/a', params: {} })).toBe(
      t('fields.generic.required'),
    );
    expect(
      fieldMessage({ keyword: 'invalid_type', instancePath: '/a', params: { input: 12 } }),
    ).toBe(t('fields.generic.wrongType'));
    expect(
      fieldMessage({ keyword: 'invalid_type', instancePath: '/a', params: { input: null } }),
    ).toBe(t('fields.generic.wrongType'));
  });

  it('words sizes for text and for numbers differently', () => {
    expect(messageFor(z.string().min(3), 'ab')).toBe(t('fields.generic.tooShort'));
    expect(messageFor(z.string().max(3), 'abcd')).toBe(t('fields.generic.tooLong'));
    expect(messageFor(z.number().min(3), 2)).toBe(t('fields.generic.tooSmall'));
    expect(messageFor(z.number().max(3), 4)).toBe(t('fields.generic.tooBig'));
  });

  it('asks to choose from the list, names unknown fields, and has a fallback', () => {
    expect(messageFor(z.enum(['a', 'b']), 'c')).toBe(t('fields.generic.chooseOption'));
    expect(messageFor(z.object({}).strict(), { x: 1 })).toBe(t('fields.generic.unknownField'));
    expect(messageFor(z.string().regex(/^a$/), 'b')).toBe(t('fields.generic.notRight'));
    expect(fieldMessage({ keyword: 'something_new', instancePath: '' })).toBe(
      t('fields.generic.notRight'),
    );
  });

  it('never answers with zod’s own English or a raw key', () => {
    const samples: [z.ZodType, unknown][] = [
      [z.string(), 5],
      [z.number().int(), 1.5],
      [z.boolean(), 'yes'],
      [z.array(z.string()).min(1), []],
      [z.uuid(), 'nope'],
      [z.literal(true), false],
    ];
    for (const [schema, data] of samples) {
      const message = messageFor(schema, data);
      expect(message).toMatch(/^[A-Z].*\.$/);
      expect(message).not.toMatch(/Invalid|expected|fields\./);
    }
  });
});

function fakeRequest(part: Partial<Pick<FastifyRequest, 'body' | 'query' | 'params'>> = {}) {
  const log = { error: vi.fn() };
  return { request: { ...part, log } as unknown as FastifyRequest, log };
}

function validationError(items: Item[], context: string) {
  return Object.assign(new Error('validation'), {
    validation: items,
    validationContext: context,
    statusCode: 400,
    code: 'FST_ERR_VALIDATION',
  });
}

describe('toProblem', () => {
  it('passes our own problems through', () => {
    const problem = problems.conflict('Taken.');
    expect(toProblem(problem, fakeRequest().request)).toBe(problem);
  });

  it('turns a body that fails its schema into a 422 with a message per field', () => {
    const body = { displayName: 'x', about: 42, experience: { strokeYear: '2020' }, colour: 'red' };
    const { request } = fakeRequest({ body });
    const problem = toProblem(validationError(itemsFor(ProfileUpdate, body), 'body'), request);
    expect(problem.status).toBe(422);
    expect(problem.toJSON()).toEqual({
      type: 'https://beenthere.invalid/problems/invalid',
      title: t('problems.invalid'),
      status: 422,
      errors: {
        displayName: t('fields.displayName.tooShort'),
        about: t('fields.generic.wrongType'),
        'experience.strokeYear': t('fields.generic.wrongType'),
        colour: t('fields.generic.unknownField'),
      },
    });
  });

  it('says which answers are missing', () => {
    const body = { email: 'a@example.test' };
    const { request } = fakeRequest({ body });
    const problem = toProblem(validationError(itemsFor(SignUpBody, body), 'body'), request);
    expect(problem.errors).toMatchObject({
      displayName: t('fields.generic.required'),
      // A missing choice from a list is asked for as a choice.
      role: t('fields.generic.chooseOption'),
      isAdult: t('fields.isAdult.required'),
    });
  });

  it('names a whole body of the wrong kind with "_"', () => {
    const { request } = fakeRequest({ body: [1, 2] });
    const problem = toProblem(validationError(itemsFor(SignUpBody, [1, 2]), 'body'), request);
    expect(problem.errors).toEqual({ _: t('fields.generic.wrongType') });
  });

  it('answers a bad query or path with a 400', () => {
    const query = { country: ['GB', 'US'] };
    const { request } = fakeRequest({ query });
    const schema = z.object({ country: z.string() });
    const problem = toProblem(validationError(itemsFor(schema, query), 'querystring'), request);
    expect(problem.status).toBe(400);
    expect(problem.title).toBe(t('problems.badRequest'));
    expect(problem.errors).toEqual({ country: t('fields.generic.wrongType') });
  });

  it.each([
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 415, 'problems.unsupportedMedia'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 413, 'problems.tooLarge'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 400, 'problems.unreadable'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 400, 'problems.unreadable'],
    ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 400, 'problems.unreadable'],
    ['FST_ERR_BAD_URL', 400, 400, 'problems.unreadable'],
    ['FST_ERR_MAX_PARAM_LENGTH', 414, 414, 'problems.unreadable'],
    [undefined, 404, 404, 'problems.notFound'],
    [undefined, 429, 429, 'problems.tooManyRequests'],
  ])(
    'turns Fastify’s %s (%i) into a %i problem in plain words',
    (code, statusCode, status, key) => {
      const { request, log } = fakeRequest();
      const problem = toProblem(Object.assign(new Error('raw'), { code, statusCode }), request);
      expect(problem).toBeInstanceOf(Problem);
      expect(problem.status).toBe(status);
      expect(problem.title).toBe(t(key, { minutes: 1 }));
      expect(log.error).not.toHaveBeenCalled();
    },
  );

  it.each([
    [
      'refused',
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['query read timeout', new Error('Query read timeout')],
    ['admin shutdown', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['connection class', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['statement timeout', Object.assign(new Error('canceling statement'), { code: '57014' })],
    [
      'wrapped by drizzle',
      Object.assign(new Error('Failed query: select 1\nparams: someone@example.test'), {
        query: 'select 1',
        params: ['someone@example.test'],
        cause: Object.assign(new Error('Connection terminated unexpectedly'), {}),
      }),
    ],
  ])('answers a database that is out of reach (%s) with a 503 and Retry-After', (_, error) => {
    const log = { error: vi.fn(), warn: vi.fn() };
    const request = { log } as unknown as FastifyRequest;
    const problem = toProblem(error, request);
    expect(problem.status).toBe(503);
    expect(problem.title).toBe(t('problems.unavailable'));
    expect(problem.headers['retry-after']).toMatch(/^\d+$/);
    expect(JSON.stringify(problem.toJSON())).not.toContain('10.0.0.7');
    expect(log.warn).toHaveBeenCalledWith({ err: error }, 'the database is not answering');
    expect(log.error).not.toHaveBeenCalled();
  });

  it('keeps a query that is wrong (not an outage) a 500', () => {
    const { request, log } = fakeRequest();
    const error = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(toProblem(error, request).status).toBe(500);
    expect(log.error).toHaveBeenCalled();
  });

  it('hides what went wrong in a 500 and logs it instead', () => {
    const { request, log } = fakeRequest();
    const error = new Error('connection refused at 10.0.0.7:5432');
    const problem = toProblem(error, request);
    expect(problem.status).toBe(500);
    expect(problem.title).toBe(t('problems.internal'));
    expect(JSON.stringify(problem.toJSON())).not.toContain('10.0.0.7');
    expect(log.error).toHaveBeenCalledWith({ err: error }, 'request failed');
  });
});
