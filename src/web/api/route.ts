import { api } from './transport';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One route of the API: its method and path (as the server registers it, without `/api`),
 * and the contract's types of what it takes and gives. The types exist only for the compiler:
 * the web app ships no zod, since the server checks every answer against the same schema.
 */
export interface Route<
  Path extends string = string,
  Response = unknown,
  Body = never,
  Query = never,
> {
  readonly method: Method;
  readonly path: Path;
  /** Never set; carries the types. */
  readonly types?: { response: Response; body: Body; query: Query };
}

/**
 * Declares a route. The response, body and query types come from `src/contract/`:
 * `route<TopicPage, never, TopicPageQuery>()('GET', '/forum/topics/:id')`.
 */
export function route<Response, Body = never, Query = never>() {
  return <Path extends string>(method: Method, path: Path): Route<Path, Response, Body, Query> => ({
    method,
    path,
  });
}

/** The `:names` in a path: `'/groups/:id/members'` gives `'id'`. */
export type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;

type ParamsPart<Path extends string> = [ParamNames<Path>] extends [never]
  ? { params?: never }
  : { params: Record<ParamNames<Path>, string> };
type BodyPart<Body> = [Body] extends [never] ? { body?: never } : { body: Body };
type QueryPart<Query> = [Query] extends [never] ? { query?: never } : { query?: Query };

/** What a call of the route needs: its path's params, its body, its query. */
export type CallArgs<R> =
  R extends Route<infer Path, unknown, infer Body, infer Query>
    ? ParamsPart<Path> & BodyPart<Body> & QueryPart<Query>
    : never;

export type ResponseOf<R> = R extends { types?: { response: infer Response } } ? Response : never;

type QueryValue = string | number | boolean | null | undefined;

/** Fills `:name` from params (each part encoded) and adds the query, leaving out empty values. */
export function fillPath(
  path: string,
  params: Record<string, string> = {},
  query?: Record<string, QueryValue>,
): string {
  const filled = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

/** Calls one route with the contract's types for everything that goes in and comes back. */
export function call<R extends Route<string, unknown, unknown, unknown>>(
  route: R,
  ...[args]: object extends CallArgs<R> ? [CallArgs<R>?] : [CallArgs<R>]
): Promise<ResponseOf<R>> {
  const { params, body, query } = (args ?? {}) as {
    params?: Record<string, string>;
    body?: unknown;
    query?: object;
  };
  return api<ResponseOf<R>>(fillPath(route.path, params, query as Record<string, QueryValue>), {
    method: route.method,
    body,
  });
}
