import type { SiteRole } from '../../contract/accounts';

/** Who is making a request, once their session is checked. */
export interface Actor {
  userId: string;
  sessionId: string;
  siteRole: SiteRole;
  trustLevel: number;
}

/**
 * Who may call a route. Every route under /api declares one; the app refuses
 * to start if one does not. Finer rules live in each module's permissions.
 */
export type Access = 'public' | 'member' | 'moderator' | 'admin' | 'dev';

const siteRoleRank: Record<SiteRole, number> = { member: 0, moderator: 1, admin: 2 };

export function isSignedIn(actor: Actor | null): actor is Actor {
  return actor !== null;
}

export function isModerator(actor: Actor | null): boolean {
  return actor !== null && siteRoleRank[actor.siteRole] >= siteRoleRank.moderator;
}

export function isAdmin(actor: Actor | null): boolean {
  return actor !== null && actor.siteRole === 'admin';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** False for routes that must not touch the database to find the actor (health checks). */
    session?: false;
    /** May be posted from other sites (needs session: false): one-click unsubscribe. */
    crossSite?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
