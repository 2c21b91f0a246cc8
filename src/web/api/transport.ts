import type { Problem } from '../../contract/common';
import i18n from '../i18n';

/** An answer from the API that was not a success, with its plain title and per-field errors. */
export class ApiProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly errors: Record<string, string> = {},
  ) {
    super(title);
  }
}

function isProblem(data: unknown): data is Problem {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as Problem).title === 'string' &&
    typeof (data as Problem).status === 'number'
  );
}

/**
 * Calls the API. T is the contract's type for the answer: the server checks
 * every answer against the same schema before sending it, so the web app
 * does not ship zod.
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiProblem(0, i18n.t('app.offline'));
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiProblem(response.status, i18n.t('problems.internal'));
  }
  if (!response.ok) {
    if (isProblem(data)) throw new ApiProblem(response.status, data.title, data.errors ?? {});
    throw new ApiProblem(response.status, i18n.t('problems.internal'));
  }
  return data as T;
}
