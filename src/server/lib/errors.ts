import { t } from './i18n';

/**
 * One kind of error for everything the API refuses. It becomes an
 * application/problem+json answer (RFC 9457) with a plain title people can read.
 */
export class Problem extends Error {
  constructor(
    public readonly status: number,
    public readonly type: string,
    public readonly title: string,
    public readonly errors?: Record<string, string>,
    public readonly headers: Record<string, string> = {},
  ) {
    super(title);
    this.name = 'Problem';
  }

  toJSON() {
    return {
      type: `https://beenthere.invalid/problems/${this.type}`,
      title: this.title,
      status: this.status,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const problems = {
  badRequest: (title = t('problems.badRequest'), errors?: Record<string, string>) =>
    new Problem(400, 'bad-request', title, errors),
  invalid: (errors: Record<string, string>, title = t('problems.invalid')) =>
    new Problem(422, 'invalid', title, errors),
  signInNeeded: () => new Problem(401, 'sign-in-needed', t('problems.signInNeeded')),
  signInFailed: () => new Problem(401, 'sign-in-failed', t('problems.passwordWrong')),
  forbidden: (title = t('problems.forbidden')) => new Problem(403, 'forbidden', title),
  crossSite: () => new Problem(403, 'cross-site', t('problems.crossSite')),
  notFound: (title = t('problems.notFound')) => new Problem(404, 'not-found', title),
  conflict: (title: string, errors?: Record<string, string>) =>
    new Problem(409, 'conflict', title, errors),
  gone: (title: string) => new Problem(410, 'gone', title),
  tooLarge: () => new Problem(413, 'too-large', t('problems.tooLarge')),
  unsupportedMedia: () => new Problem(415, 'unsupported-media', t('problems.unsupportedMedia')),
  tooManyRequests: (retryAfterSeconds: number) =>
    new Problem(
      429,
      'too-many-requests',
      t('problems.tooManyRequests', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }),
      undefined,
      { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    ),
  unavailable: (retryAfterSeconds = 30) =>
    new Problem(503, 'unavailable', t('problems.unavailable'), undefined, {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    }),
  internal: () => new Problem(500, 'internal', t('problems.internal')),
};
