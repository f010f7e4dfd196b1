import type { FastifyRequest } from 'fastify';
import { can, roles, rolePermissions, type Permission, type Role } from '../../../shared/permissions.ts';
import type { Db } from '../../db/database.ts';
import { auditKeyScopeRefusal, authenticateApiKey, keyPermissionsIn, type ApiKeyPrincipal } from '../api-keys/api-key-auth.ts';
import { apiKeyFromHeader } from '../api-keys/api-key-secret.ts';
import { AppError } from '../shared/errors.ts';
import type { ServiceContext } from '../shared/context.ts';

/** Who a Postiz-style request acts as: a workspace API key, in its workspace, within its scopes. */
export type PostizCaller = {
  principal: ApiKeyPrincipal;
  workspaceId: string;
  /** The key's scopes that its creator's role still allows. */
  permissions: Permission[];
  /**
   * The role Herald's services are given: the creator's role, or a lesser one when the key's
   * scopes leave out what that role could do (an owner's key without posts.approve schedules like
   * an editor, so a post that needs approval goes to review).
   */
  role: Role;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The Herald permission a /public/v1 route needs from the API key; none: any valid key. */
    postizPermission?: Permission;
  }
  interface FastifyRequest {
    postiz: PostizCaller | null;
  }
}

// Postiz's auth failures are `{"msg": …}` (its CLI prints the body); Herald's error fields come too.
export const postizAuthError = (code: string, message: string, status = 401, details: Record<string, unknown> = {}) => new AppError(code, status, message, { ...details, msg: message });

/** The raw key (`Authorization: hk_…`, as Postiz and its CLI send it) or `Bearer hk_…`. */
export async function authenticatePostizRequest(db: Db, request: FastifyRequest): Promise<PostizCaller> {
  const header = request.headers.authorization;
  const raw = apiKeyFromHeader(Array.isArray(header) ? header[0] : header, { raw: true });
  if (!raw) throw postizAuthError('api_key.missing', 'No API Key found', 401);
  const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
  let principal: ApiKeyPrincipal;
  try {
    principal = await authenticateApiKey(db, raw, meta);
  } catch (error) {
    // Unknown, revoked and expired keys: the reason is Herald's own, the shape Postiz's.
    if (error instanceof AppError && error.status === 401) throw postizAuthError(error.code, `Invalid API key: ${error.message}`, 401);
    throw error;
  }
  // Postiz keys belong to one organisation and its URLs name none: only a workspace key says which.
  if (!principal.workspaceId) {
    throw postizAuthError('api_key.workspace_key_required', 'Invalid API key: the Postiz-compatible API needs a workspace API key (this one is personal); create one in the workspace’s API settings', 401);
  }
  const access = await keyPermissionsIn(db, principal, principal.workspaceId);
  if (!access) throw postizAuthError('api_key.not_member', 'Invalid API key: its creator is no longer a member of its workspace', 401);
  return { principal, workspaceId: principal.workspaceId, permissions: access.permissions, role: roleWithin(access.role, access.permissions) };
}

/** Refuses (403, audit-logged) what the key's scopes or its creator's role do not allow. */
export async function requirePostizPermission(db: Db, request: FastifyRequest, caller: PostizCaller, permission: Permission) {
  if (caller.permissions.includes(permission)) return;
  await auditKeyScopeRefusal(db, caller.principal, caller.workspaceId, permission, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
  throw postizAuthError('api_key.scope', `This API key does not allow ${permission}`, 403, { permission });
}

const postPermissions: Permission[] = ['posts.read', 'posts.edit', 'posts.schedule', 'posts.approve'];

/** The strongest role, no stronger than `role`, whose post permissions all lie within the key's. */
export function roleWithin(role: string, keyPermissions: Permission[]): Role {
  const allowed = new Set(keyPermissions);
  const start = Math.max(0, roles.indexOf(role as Role));
  for (const candidate of roles.slice(start)) {
    const needs = rolePermissions[candidate].filter((p) => postPermissions.includes(p));
    if (needs.every((p) => allowed.has(p)) && needs.every((p) => can(role, p))) return candidate;
  }
  return 'viewer';
}

/** The service context of a key's request: the key's creator acting, from the request's address. */
export function postizContext(db: Db, request: FastifyRequest, caller: PostizCaller): ServiceContext {
  return { db, actor: { userId: caller.principal.userId, email: caller.principal.email, ip: request.ip, userAgent: request.headers['user-agent'] ?? null } };
}
