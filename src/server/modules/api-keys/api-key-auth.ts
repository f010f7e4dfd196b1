import { and, eq } from 'drizzle-orm';
import { can, permissions, type Permission } from '../../../shared/permissions.ts';
import type { Db } from '../../db/database.ts';
import { apiKeys, members, users } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../shared/errors.ts';
import { apiKeyHash, isApiKeyShaped } from './api-key-secret.ts';

/** Who a request with an API key acts as: the key's creator, within the key's scopes. */
export type ApiKeyPrincipal = {
  keyId: string;
  userId: string;
  email: string;
  /** null for a personal key, which works in each of its creator's workspaces. */
  workspaceId: string | null;
  scopes: Permission[];
  prefix: string;
  name: string;
};

const invalidKey = () => new AppError('api_key.invalid', 401, 'This API key is not valid: check it, or create a new one');
// Last-used time and address are written at most once a minute per key, not on every request.
const lastUsedEveryMs = 60_000;

/**
 * Finds the key a request carries. Unknown keys are refused without a trace (there is no workspace
 * to tell); revoked and expired keys are refused and the attempt is audit-logged in the key's
 * workspace so its admins see a script still using it.
 */
export async function authenticateApiKey(db: Db, rawKey: string, meta: { ip: string; userAgent?: string | null }): Promise<ApiKeyPrincipal> {
  if (!isApiKeyShaped(rawKey)) throw invalidKey();
  const [row] = await db
    .select({ key: apiKeys, email: users.email })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(apiKeys.keyHash, apiKeyHash(rawKey)));
  if (!row) throw invalidKey();
  const { key } = row;
  const now = new Date();
  const refusal = key.revokedAt ? 'revoked' : key.expiresAt && key.expiresAt <= now ? 'expired' : null;
  if (refusal) {
    await recordAudit(db, {
      actorUserId: key.userId,
      workspaceId: key.workspaceId,
      action: 'api_key.refused',
      entityType: 'api_key',
      entityId: key.id,
      changes: { reason: refusal, prefix: key.prefix, name: key.name },
      ip: meta.ip,
      userAgent: meta.userAgent ?? null,
    });
    throw new AppError(`api_key.${refusal}`, 401, refusal === 'revoked' ? 'This API key was revoked' : 'This API key has expired');
  }
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > lastUsedEveryMs || key.lastUsedIp !== meta.ip) {
    await db.update(apiKeys).set({ lastUsedAt: now, lastUsedIp: meta.ip }).where(eq(apiKeys.id, key.id));
  }
  return {
    keyId: key.id,
    userId: key.userId,
    email: row.email,
    workspaceId: key.workspaceId,
    scopes: key.scopes.filter((s): s is Permission => (permissions as readonly string[]).includes(s)),
    prefix: key.prefix,
    name: key.name,
  };
}

/**
 * What the key may do in a workspace: its scopes that its creator's role there allows today (a
 * creator demoted to viewer takes the key down with them). null when the key is for another
 * workspace or its creator is no longer a member.
 */
export async function keyPermissionsIn(db: Db, principal: ApiKeyPrincipal, workspaceId: string): Promise<{ role: string; permissions: Permission[] } | null> {
  if (principal.workspaceId && principal.workspaceId !== workspaceId) return null;
  const [membership] = await db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.organizationId, workspaceId), eq(members.userId, principal.userId)));
  if (!membership) return null;
  return { role: membership.role, permissions: principal.scopes.filter((p) => can(membership.role, p)) };
}

/** Records a request the key's scopes or its creator's role did not allow. */
export async function auditKeyScopeRefusal(db: Db, principal: ApiKeyPrincipal, workspaceId: string, permission: Permission, meta: { ip: string; userAgent?: string | null }) {
  await recordAudit(db, {
    actorUserId: principal.userId,
    workspaceId,
    action: 'api_key.refused',
    entityType: 'api_key',
    entityId: principal.keyId,
    changes: { reason: 'scope', permission, prefix: principal.prefix, name: principal.name },
    ip: meta.ip,
    userAgent: meta.userAgent ?? null,
  });
}
