import crypto from 'node:crypto';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { can, permissions, type Permission } from '../../../shared/permissions.ts';
import { apiKeys, members, users } from '../../db/schema/index.ts';
import { auditByActor } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { apiKeyHash, apiKeyPrefix, newApiKey } from './api-key-secret.ts';

/** What a key may be given: everything but giving the workspace away or deleting it. */
export const keyablePermissions: readonly Permission[] = permissions.filter((p) => p !== 'workspace.delete' && p !== 'workspace.transfer');
export const maxActiveKeys = 50;

export type CreateKeyInput = { name: string; scopes: Permission[]; expiresAt: Date | null };

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: Permission[];
  workspaceId: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
};

const columns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  workspaceId: apiKeys.workspaceId,
  userId: apiKeys.userId,
  userName: users.name,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  lastUsedIp: apiKeys.lastUsedIp,
  revokedAt: apiKeys.revokedAt,
};
type Row = Omit<ApiKeyView, 'createdBy' | 'scopes'> & { userId: string; userName: string | null; scopes: string[] };

const view = (row: Row): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes as Permission[],
  workspaceId: row.workspaceId,
  createdBy: row.userId ? { id: row.userId, name: row.userName ?? 'Former member' } : null,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
  lastUsedIp: row.lastUsedIp,
  revokedAt: row.revokedAt,
});

function checkInput(input: CreateKeyInput, role: string | null) {
  const beyondRole = role ? input.scopes.filter((scope) => !can(role, scope)) : [];
  if (beyondRole.length) {
    throw new AppError('api_key.scope_exceeds_role', 400, `A key cannot do more than you can: your role does not allow ${beyondRole.join(', ')}`, { field: 'scopes', scopes: beyondRole }, { permissions: beyondRole.join(', ') });
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw new AppError('api_key.expiry_past', 400, 'The expiry must be in the future', { field: 'expiresAt' });
}

async function insertKey(ctx: ServiceContext, workspaceId: string | null, input: CreateKeyInput) {
  const [active] = await ctx.db
    .select({ n: count() })
    .from(apiKeys)
    .where(and(workspaceId ? eq(apiKeys.workspaceId, workspaceId) : and(isNull(apiKeys.workspaceId), eq(apiKeys.userId, ctx.actor.userId)), isNull(apiKeys.revokedAt)));
  if ((active?.n ?? 0) >= maxActiveKeys) throw new AppError('api_key.too_many', 409, `At most ${maxActiveKeys} keys can be active; revoke one first`, undefined, { max: maxActiveKeys });
  const key = newApiKey();
  const id = crypto.randomUUID();
  const scopes = [...new Set(input.scopes)];
  await ctx.db.transaction(async (tx) => {
    await tx.insert(apiKeys).values({ id, workspaceId, userId: ctx.actor.userId, name: input.name, prefix: apiKeyPrefix(key), keyHash: apiKeyHash(key), scopes, expiresAt: input.expiresAt });
    await auditByActor(tx, ctx, {
      workspaceId,
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: id,
      changes: { name: input.name, prefix: apiKeyPrefix(key), scopes, expiresAt: input.expiresAt?.toISOString() ?? null, personal: workspaceId === null },
    });
  });
  const [row] = await ctx.db.select(columns).from(apiKeys).leftJoin(users, eq(users.id, apiKeys.userId)).where(eq(apiKeys.id, id));
  // The only time the key itself leaves the server.
  return { ...view(row!), key };
}

/** A workspace key, made by an owner or admin; never with more than the creator's own role allows. */
export async function createWorkspaceKey(ctx: ServiceContext, workspaceId: string, input: CreateKeyInput) {
  const [membership] = await ctx.db
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.organizationId, workspaceId), eq(members.userId, ctx.actor.userId)));
  checkInput(input, membership?.role ?? 'viewer');
  return insertKey(ctx, workspaceId, input);
}

/** A personal key: works in each workspace its creator belongs to, within the creator's role there. */
export async function createPersonalKey(ctx: ServiceContext, input: CreateKeyInput) {
  checkInput(input, null);
  return insertKey(ctx, null, input);
}

export async function listWorkspaceKeys(ctx: ServiceContext, workspaceId: string): Promise<ApiKeyView[]> {
  const rows = await ctx.db.select(columns).from(apiKeys).leftJoin(users, eq(users.id, apiKeys.userId)).where(eq(apiKeys.workspaceId, workspaceId)).orderBy(desc(apiKeys.createdAt));
  return rows.map(view);
}

export async function listPersonalKeys(ctx: ServiceContext): Promise<ApiKeyView[]> {
  const rows = await ctx.db
    .select(columns)
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.userId))
    .where(and(isNull(apiKeys.workspaceId), eq(apiKeys.userId, ctx.actor.userId)))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(view);
}

async function revoke(ctx: ServiceContext, id: string, owned: ReturnType<typeof and>, workspaceId: string | null) {
  const revoked = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(), revokedBy: ctx.actor.userId })
      .where(and(eq(apiKeys.id, id), owned, isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
    if (!row) return false;
    await auditByActor(tx, ctx, { workspaceId, action: 'api_key.revoked', entityType: 'api_key', entityId: id, changes: { name: row.name, prefix: row.prefix } });
    return true;
  });
  if (revoked) return;
  // Revoking twice is fine; a key that is not there (or not yours) is not.
  const [exists] = await ctx.db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.id, id), owned));
  if (!exists) throw notFound('api_key', 'API key not found');
}

export const revokeWorkspaceKey = (ctx: ServiceContext, workspaceId: string, id: string) => revoke(ctx, id, and(eq(apiKeys.workspaceId, workspaceId)), workspaceId);
export const revokePersonalKey = (ctx: ServiceContext, id: string) => revoke(ctx, id, and(isNull(apiKeys.workspaceId), eq(apiKeys.userId, ctx.actor.userId)), null);
