import { can, type Permission } from '../../../shared/permissions.ts';
import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { auditKeyScopeRefusal, keyPermissionsIn, type ApiKeyPrincipal } from '../api-keys/api-key-auth.ts';

/** Who is calling the MCP endpoint: an API key, acting for the user who created it. */
export type McpCaller = { principal: ApiKeyPrincipal; ctx: ServiceContext };

export type WorkspaceAccess = {
  workspaceId: string;
  /** What Herald's services are told the caller's role is (see serviceRole). */
  role: string;
  permissions: Permission[];
};

export function callerContext(db: Db, principal: ApiKeyPrincipal, meta: { ip: string; userAgent: string | null }): McpCaller {
  return { principal, ctx: { db, actor: { userId: principal.userId, email: principal.email, ip: meta.ip, userAgent: meta.userAgent } } };
}

/**
 * Services decide two things by role: may this person schedule, and does their scheduling approve
 * the post. A key's scopes may be narrower than its creator's role, so an approving role whose
 * key lacks posts.approve is passed as an editor: the post then goes to review as it would for an
 * editor. posts.edit and posts.schedule are checked against the key before any service is called.
 */
export function serviceRole(role: string, permissions: readonly Permission[]): string {
  if (can(role, 'posts.approve') && !permissions.includes('posts.approve')) return 'editor';
  return role;
}

/**
 * The workspace a tool acts in, and that the key may do `needs` there. Workspace keys act in their
 * own workspace (another id is "not found", as for a non-member); personal keys name it.
 */
export async function workspaceAccess(caller: McpCaller, workspaceId: string | undefined, needs: readonly Permission[]): Promise<WorkspaceAccess> {
  const { principal } = caller;
  const id = workspaceId ?? principal.workspaceId;
  if (!id) throw new AppError('mcp.workspace_required', 400, 'This is a personal API key: pass workspaceId (list_workspaces lists the workspaces it can use)', { field: 'workspaceId' });
  const access = await keyPermissionsIn(caller.ctx.db, principal, id);
  if (!access) throw new AppError('workspace.not_found', 404, 'Workspace not found');
  // Refused as the API refuses a key's request it does not allow (same code, same audit row).
  const missing = needs.find((permission) => !access.permissions.includes(permission));
  if (missing) {
    await auditKeyScopeRefusal(caller.ctx.db, principal, id, missing, { ip: caller.ctx.actor.ip ?? '', userAgent: caller.ctx.actor.userAgent });
    throw new AppError('api_key.scope', 403, `This API key does not allow ${missing}`, { permission: missing });
  }
  return { workspaceId: id, role: serviceRole(access.role, access.permissions), permissions: access.permissions };
}
