import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem } from '../../contract/common';

/** The Fastify instance routes are declared on: zod schemas give the types. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Problem answers a route may give, for the OpenAPI document. */
export const problemResponses = {
  400: Problem.describe('The request could not be read'),
  401: Problem.describe('Sign in first'),
  403: Problem.describe('Not allowed, or not from our own pages'),
  422: Problem.describe('Some answers need a look: see errors'),
  429: Problem.describe('Too many tries: wait a little'),
} as const;

/**
 * For routes that take no body: nothing, or an empty object, and no junk.
 * Fastify hands a missing body to the validator as null, so null means nothing.
 */
export const noBody = z.object({}).strict().nullish();
