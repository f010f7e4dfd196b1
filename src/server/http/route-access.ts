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
import { auditKeyScopeRefusal, authenticateApiKey, keyPermissionsIn, type ApiKeyPrincipal } from '../modules/api-keys/api-key-auth.ts';
import { apiKeyFromHeader } from '../modules/api-keys/api-key-secret.ts';
import { createApiKeyLimit } from '../modules/api-keys/api-key-limit.ts';

/**
 * Every route says who may call it: `public`, `user` (signed in) or a workspace permission, which
 * is checked against the caller's role in the `:workspaceId` of the URL.
 */
export type RouteAccess = 'public' | 'user' | Permission;

export type RegisteredRoute = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Only a signed-in browser session may call it, never an API key (making and revoking keys). */
    sessionOnly?: boolean;
    /** A `user` route an API key may call too (account routes never are). */
    apiKey?: boolean;
    /** A `user` route that also answers without a session (it then finds out who is acting itself). */
    sessionOptional?: boolean;
  }
  interface FastifyRequest {
    auth: { userId: string; email: string; sessionId: string } | null;
    /** The API key the request came with, when it did not come with a session. */
    apiKey: ApiKeyPrincipal | null;
    workspace: { id: string; role: string } | null;
    /** The service context for the signed-in caller; throws 401 when there is none. */
    serviceContext(): ServiceContext;
  }
  interface FastifyInstance {
    routeRegistry: RegisteredRoute[];
  }
}

export const routeAccessPlugin = fp<{ auth: Auth; db: Db; apiKeyRateLimit?: number }>(async (app: FastifyInstance, { auth, db, apiKeyRateLimit = 300 }) => {
  const registry: RegisteredRoute[] = [];
  app.decorate('routeRegistry', registry);
  app.decorateRequest('auth', null);
  app.decorateRequest('workspace', null);
  app.decorateRequest('apiKey', null);
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
  // Made on first use: @fastify/rate-limit is registered by the app, not by tests that mount this plugin alone.
  let keyLimit: ReturnType<typeof createApiKeyLimit> | null = null;

  /** A request with `Authorization: Bearer <key>`: the key's creator, within the key's scopes. */
  async function authorizeApiKey(request: FastifyRequest, reply: FastifyReply, rawKey: string, access: Exclude<RouteAccess, 'public'>) {
    const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
    const principal = await authenticateApiKey(db, rawKey, meta);
    const config = request.routeOptions.config;
    if (config?.sessionOnly || (access === 'user' && !config?.apiKey)) {
      throw new AppError('api_key.not_allowed', 403, 'API keys do not work here: account and key management need a signed-in session');
    }
    keyLimit ??= createApiKeyLimit(app, { max: apiKeyRateLimit, timeWindowMs: 60_000 });
    await keyLimit(request, reply, principal.keyId);
    request.auth = { userId: principal.userId, email: principal.email, sessionId: `api-key:${principal.keyId}` };
    request.apiKey = principal;
    if (access === 'user') return;
    const workspaceId = (request.params as { workspaceId?: string } | undefined)?.workspaceId;
    if (!workspaceId) throw new Error(`Route ${request.routeOptions.url} needs :workspaceId for ${access}`);
    const allowed = await keyPermissionsIn(db, principal, workspaceId);
    // As for a non-member: whether the workspace exists is not the key's business.
    if (!allowed) throw new AppError('workspace.not_found', 404, 'Workspace not found');
    request.workspace = { id: workspaceId, role: allowed.role };
    if (!allowed.permissions.includes(access)) {
      await auditKeyScopeRefusal(db, principal, workspaceId, access, meta);
      throw new AppError('api_key.scope', 403, `This API key does not allow ${access}`, { permission: access }, { permission: access });
    }
  }

  // Before validation: who may call comes before what they sent (no 400 hints to outsiders).
  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const rawKey = apiKeyFromHeader(request.headers.authorization);
    if (rawKey) return authorizeApiKey(request, _reply, rawKey, access);
    const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
    if (!session && access === 'user' && request.routeOptions.config?.sessionOptional) return;
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
