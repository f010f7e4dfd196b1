import crypto from 'node:crypto';
import type { NetworkId } from '../../../shared/networks.ts';
import { can } from '../../../shared/permissions.ts';
import type { Db, Tx } from '../../db/database.ts';
import type { Instance, Profile, TokenSet } from '../../providers/provider.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { storedReason, tokenSealContext as sealContext } from '../channel-tokens/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { cacheAvatar } from './avatar-cache.ts';
import { createChannelsRepository, type ChannelRow } from './channels.repository.ts';
import { publicChannel, type ChannelDeps } from './channels.service.ts';

// Saving a connected account as a channel, shared by the direct connect (channels.connect.ts)
// and by the accounts picked from one consent (connect-selections.ts).

/**
 * A connection is finished minutes (OAuth consent) or seconds (Bluesky sign-in) after the route
 * checked the caller: by then they may have been removed from the workspace or lost the role that
 * manages channels. Inside the saving transaction the membership row is locked (`lock`), so a
 * removal waits for the save and then hands the new channel over like the others.
 */
export async function ensureStillMayConnect(db: Db | Tx, workspaceId: string, userId: string, lock = false) {
  const repo = createWorkspacesRepository(db);
  const membership = lock ? await repo.lockMembership(workspaceId, userId) : await repo.findMembership(workspaceId, userId);
  // No workspaceId in the details: a former member is not sent back to the workspace's pages.
  if (!membership) throw new AppError('workspace.not_found', 404, 'You are no longer a member of this workspace; nothing was connected');
  if (!can(membership.role, 'channels.manage')) {
    throw new AppError('auth.forbidden', 403, 'Your role no longer allows connecting channels (channels.manage); nothing was connected', { permission: 'channels.manage', workspaceId });
  }
}

/** Tokens the network issued for a connection that was refused after all: Herald keeps none of them. */
export async function revokeUnsavedTokens(deps: ChannelDeps, network: NetworkId, tokens: TokenSet, instance: Instance) {
  const provider = deps.providers[network];
  const token = provider?.revokes === 'refresh' ? tokens.refreshToken : tokens.accessToken;
  if (!provider || !token) return;
  // Best effort: the user is told nothing was connected either way, and no copy stays here.
  await provider.revoke(token, instance).catch(() => undefined);
}

export type AccountToSave = { workspaceId: string; network: NetworkId; instance: Instance; tokens: TokenSet & { externalId: string }; profile: Profile };

/**
 * Creates the channel, or updates the same account's channel in place on a reconnect, with its
 * audit row, inside the caller's transaction (which must already hold the membership lock).
 */
export async function saveAccountIn(tx: Tx, ctx: ServiceContext, deps: ChannelDeps, input: AccountToSave, auditExtra: Record<string, unknown> = {}): Promise<ChannelRow> {
  const { workspaceId, network, tokens, profile } = input;
  const repo = createChannelsRepository(tx);
  const existing = await repo.findAccount(workspaceId, network, tokens.externalId);
  const id = existing?.id ?? crypto.randomUUID();
  const values = {
    // A Bluesky account can move to another PDS: the newest one is where its data lives.
    instance: input.instance,
    username: profile.username,
    displayName: profile.displayName,
    avatarUrl: profile.avatarUrl,
    limits: profile.limits ?? null,
    ownerExternalId: profile.ownerExternalId ?? null,
    scopesGranted: tokens.scopes,
    status: 'ok',
    ...storedReason(null),
    accessTokenSealed: deps.box.seal(tokens.accessToken, sealContext(id, 'access')),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? null,
    // A reconnect that brings no new refresh token keeps the stored one.
    ...(tokens.refreshToken
      ? { refreshTokenSealed: deps.box.seal(tokens.refreshToken, sealContext(id, 'refresh')), refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? null }
      : {}),
    connectedBy: ctx.actor.userId,
    disconnectedAt: null,
    purgeAfter: null,
    updatedAt: new Date(),
  };
  if (existing) await repo.update(id, values);
  else await repo.insert({ id, workspaceId, network, externalId: tokens.externalId, ...values });
  await recordAudit(tx, {
    actorUserId: ctx.actor.userId,
    ip: ctx.actor.ip,
    userAgent: ctx.actor.userAgent,
    workspaceId,
    action: existing ? 'channel.reconnected' : 'channel.connected',
    entityType: 'channel',
    entityId: id,
    changes: { network, username: profile.username, scopes: tokens.scopes, ...auditExtra },
  });
  return (await repo.findById(id))!;
}

/** Copies the avatar (outside any transaction: it is a network fetch) and answers the channel as the API shows it. */
export async function publicAfterSave(db: Db, saved: ChannelRow) {
  await cacheAvatar(db, saved);
  return publicChannel((await createChannelsRepository(db).findById(saved.id))!);
}

/** Creates the channel, or updates the same account's channel in place on a reconnect. */
export async function saveConnectedChannel(ctx: ServiceContext, deps: ChannelDeps, input: AccountToSave) {
  const saved = await ctx.db
    .transaction(async (tx) => {
      await ensureStillMayConnect(tx, input.workspaceId, ctx.actor.userId, true);
      return saveAccountIn(tx, ctx, deps, input);
    })
    .catch(async (error: unknown) => {
      if (error instanceof AppError) await revokeUnsavedTokens(deps, input.network, input.tokens, input.instance);
      throw error;
    });
  return publicAfterSave(ctx.db, saved);
}
