import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { fromNodeHeaders } from 'better-auth/node';
import { can, type Permission } from '../../shared/permissions.ts';
import type { Auth } from '../modules/auth/auth.ts';
import { AppError, forbidden, unauthenticated } from '../modules/shared/errors.ts';
import type { ServiceContext } from '../modules/shared/context.ts';
import type { Db } from '../db/database.ts';
import { createWorkspacesRepository } from '../modules/workspaces/workspaces.repository.ts';
import { createSessionActivity } from '../modules/auth/session-activity.ts';

/**
 * Every route says who may call it: `public`, `user` (signed in) or a workspace permission, which
 * is checked against the caller's role in the `:workspaceId` of the URL.
 */
export type RouteAccess = 'public' | 'user' | Permission;

export type RegisteredRoute = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    auth: { userId: string; email: string; sessionId: string } | null;
    workspace: { id: string; role: string } | null;
    /** The service context for the signed-in caller; throws 401 when there is none. */
    serviceContext(): ServiceContext;
  }
  interface FastifyInstance {
    routeRegistry: RegisteredRoute[];
  }
}

export const routeAccessPlugin = fp<{ auth: Auth; db: Db }>(async (app: FastifyInstance, { auth, db }) => {
  const registry: RegisteredRoute[] = [];
  app.decorate('routeRegistry', registry);
  app.decorateRequest('auth', null);
  app.decorateRequest('workspace', null);
  app.decorateRequest('serviceContext', function (this: FastifyRequest): ServiceContext {
    if (!this.auth) throw unauthenticated();
    return {
      db,
      actor: { userId: this.auth.userId, email: this.auth.email, ip: this.ip, userAgent: this.headers['user-agent'] ?? null },
    };
  });

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!access) {
      // Static files and the docs UI are public by nature; everything under /api must say.
      if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.url.startsWith('/api/auth')) {
        throw new Error(`Route ${methods.join(',')} ${route.url} declares no access rule`);
      }
      return;
    }
    for (const method of methods) if (method !== 'HEAD') registry.push({ method, url: route.url, access });
  });

  const recordActivity = createSessionActivity(db);
  // Before validation: who may call comes before what they sent (no 400 hints to outsiders).
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    if (!session) throw unauthenticated();
    request.auth = { userId: session.user.id, email: session.user.email, sessionId: session.session.id };
    await recordActivity(session.session);
    if (access === 'user') return;
    const workspaceId = (request.params as { workspaceId?: string } | undefined)?.workspaceId;
    if (!workspaceId) throw new Error(`Route ${request.routeOptions.url} needs :workspaceId for ${access}`);
    const membership = await createWorkspacesRepository(db).findMembership(workspaceId, session.user.id);
    // Not revealing whether a workspace exists to non-members.
    if (!membership) throw new AppError('workspace.not_found', 404, 'Workspace not found');
    request.workspace = { id: workspaceId, role: membership.role };
    if (!can(membership.role, access)) throw forbidden(access);
  });
});
