import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';

export interface RegisteredRoute {
  method: string;
  url: string;
  /** The route's config (access and session rules, for the API). */
  config: Record<string, unknown>;
}

/**
 * Records every route of the Fastify instances created while `start` runs.
 * Fastify announces each new instance on the 'fastify.initialization'
 * channel, so an onRoute hook can be added before any route is declared.
 */
export async function collectRoutes<T>(
  start: () => Promise<T>,
): Promise<{ result: T; routes: RegisteredRoute[] }> {
  const routes: RegisteredRoute[] = [];
  const channel = diagnostics.channel('fastify.initialization');
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const config = { ...((route.config ?? {}) as Record<string, unknown>) };
      for (const method of methods) routes.push({ method, url: route.url, config });
    });
  };
  channel.subscribe(onInit);
  try {
    return { result: await start(), routes };
  } finally {
    channel.unsubscribe(onInit);
  }
}
