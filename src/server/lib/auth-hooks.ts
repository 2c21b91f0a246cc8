import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../context';
import { type Access, isAdmin, isModerator } from './access';
import { problems } from './errors';
import { sendProblem } from './problem-handler';

export const SESSION_COOKIE = 'bt_session';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(app: App, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.ctx.config.isProduction || app.ctx.config.publicUrl.startsWith('https:'),
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** True when a state-changing request comes from our own pages (Origin, else Referer). */
export function isSameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const claimed = request.headers.origin ?? refererOrigin(request.headers.referer);
  if (!claimed || claimed === 'null') return false;
  const allowed = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
  return allowed.has(claimed);
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}

/**
 * Every /api route must say who may call it; the session is read and the
 * route's access is checked before anything else runs.
 */
export function authHooks(app: App) {
  const { config, accounts } = app.ctx;
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public', session: false };
      return;
    }
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare who may call it`);
    }
    // Only a route that reads no session may be called from other sites (a mail program's
    // one-click unsubscribe): with no cookie read, a forged request can do nothing as anyone.
    const declared = route.config as { crossSite?: boolean; session?: false };
    if (declared.crossSite && declared.session !== false) {
      throw new Error(`Route ${route.method} ${route.url} is cross-site but reads the session`);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const routeConfig = request.routeOptions.config as {
      access?: Access;
      session?: false;
      crossSite?: boolean;
    };
    const access = routeConfig.access;
    if (!access) return; // not an API route, or a 404: nothing to guard

    if (
      !SAFE_METHODS.has(request.method) &&
      !routeConfig.crossSite &&
      !isSameOrigin(request, config.publicUrl)
    ) {
      return sendProblem(reply, problems.crossSite());
    }
    if (access === 'dev' && !config.devTools) return sendProblem(reply, problems.notFound());

    if (routeConfig.session !== false) {
      const token = request.cookies[SESSION_COOKIE];
      if (token && TOKEN_SHAPE.test(token)) {
        const found = await accounts.actorForToken(token);
        if (found) {
          request.actor = found.actor;
          if (found.refreshedUntil) setSessionCookie(app, reply, token, found.refreshedUntil);
        } else {
          clearSessionCookie(reply);
        }
      }
    }

    const actor = request.actor;
    if (access === 'member' || access === 'moderator' || access === 'admin') {
      if (!actor) return sendProblem(reply, problems.signInNeeded());
      if (access === 'moderator' && !isModerator(actor)) {
        return sendProblem(reply, problems.forbidden());
      }
      if (access === 'admin' && !isAdmin(actor)) return sendProblem(reply, problems.forbidden());
    }
  });
}

/** The signed-in actor of a route declared for members; the hook has already checked it. */
export function requireActor(request: FastifyRequest) {
  if (!request.actor) throw problems.signInNeeded();
  return request.actor;
}

export function requestMeta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}
