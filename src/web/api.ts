import type { z } from 'zod';
import { Problem } from '../contract/common';
import i18n from './i18n';

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

/** Calls the API and checks the answer against its contract schema. */
export async function api<T extends z.ZodType>(
  schema: T,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<z.infer<T>> {
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
    const problem = Problem.safeParse(data);
    if (problem.success) {
      throw new ApiProblem(response.status, problem.data.title, problem.data.errors ?? {});
    }
    throw new ApiProblem(response.status, i18n.t('problems.internal'));
  }
  return schema.parse(data);
}
