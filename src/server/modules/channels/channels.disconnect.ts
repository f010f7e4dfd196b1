import crypto from 'node:crypto';
import { descriptorOf } from '../../../networks/index.ts';
import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import type { NetworkId } from '../../../shared/networks.ts';
import type { Db, Tx } from '../../db/database.ts';
import { ProviderError } from '../../providers/provider.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { reasonAsStored, tokenSealContext as sealContext } from '../channel-tokens/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { createChannelsRepository, disconnectedState, type ChannelRow } from './channels.repository.ts';
import { publicChannel, type ChannelDeps } from './channels.service.ts';

/**
 * Asks the network to revoke the channel's access. When it cannot be reached, answers the token
 * the revocation needs, for rememberPendingRevocation. Runs outside any transaction: a slow
 * network must not hold the database.
 */
async function askNetworkToRevoke(deps: ChannelDeps, row: ChannelRow): Promise<{ revoked: true } | { revoked: false; token: string }> {
  const provider = deps.providers[row.network as NetworkId];
  const revokeWith = provider?.revokes ?? 'access';
  const sealedToken = revokeWith === 'refresh' ? row.refreshTokenSealed : row.accessTokenSealed;
  if (!sealedToken || !provider) return { revoked: true };
  const token = deps.box.open(sealedToken, sealContext(row.id, revokeWith));
  try {
    await provider.revoke(token, row.instance);
    return { revoked: true };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { revoked: false, token };
  }
}

/**
 * Why the network is not asked to revoke, if it is not: it has no way to (the descriptor's
 * noRevoke), or the grant still serves another connected channel and revoking it would cut that
 * channel off too. The last channel on a grant revokes it.
 */
export type RevokeSkipped = 'network_has_no_revoke' | 'grant_shared';

/** What to tell a person when the network, as configured here, cannot end Herald's access; null when it can. */
export const noRevokeSentence = (deps: Pick<ChannelDeps, 'providers'>, network: string): string | null =>
  deps.providers[network as NetworkId]?.noRevoke ?? descriptorOf(network)?.noRevoke ?? null;

async function revokeSkipped(db: Db | Tx, deps: Pick<ChannelDeps, 'providers'>, row: ChannelRow): Promise<RevokeSkipped | null> {
  if (noRevokeSentence(deps, row.network)) return 'network_has_no_revoke';
  if (await createChannelsRepository(db).grantStillUsedBesides(row)) return 'grant_shared';
  return null;
}

/** Revokes unless there is a reason not to; answers what happened. */
async function endAccessAtNetwork(db: Db, deps: ChannelDeps, row: ChannelRow): Promise<{ revoked: true } | { revoked: false; token: string } | { revoked: false; skipped: RevokeSkipped }> {
  const skipped = await revokeSkipped(db, deps, row);
  return skipped ? { revoked: false, skipped } : askNetworkToRevoke(deps, row);
}

/** Keeps the one token the retry job needs, sealed for its pending_revocations row alone. */
async function rememberPendingRevocation(tx: Db | Tx, deps: ChannelDeps, row: ChannelRow, token: string, channelOutlivesIt: boolean) {
  const id = crypto.randomUUID();
  await createChannelsRepository(tx).insertPendingRevocation({
    id,
    channelId: channelOutlivesIt ? row.id : null,
    workspaceId: row.workspaceId,
    network: row.network,
    instance: row.instance,
    tokenSealed: deps.box.seal(token, `revocation:${id}`),
  });
}

/**
 * Revokes at the network first (unless revokeSkipped says why not); the tokens leave the channel
 * row whatever the network says. When the network cannot be reached, the revoke-retry job tries
 * again later.
 */
export async function disconnectChannel(ctx: ServiceContext, deps: ChannelDeps, workspaceId: string, channelId: string, language: Language = defaultLanguage) {
  const row = await createChannelsRepository(ctx.db).find(workspaceId, channelId);
  if (!row) throw notFound('channel');
  if (row.status === 'disconnected') return { channel: publicChannel(row, language), revokedAtNetwork: row.statusReason !== 'revoke_pending', revokeSkipped: null };
  const now = new Date();
  const purgeAfter = new Date(now.getTime() + deps.retentionDays * 24 * 60 * 60 * 1000);
  const outcome = await endAccessAtNetwork(ctx.db, deps, row);
  const revoked = outcome.revoked;
  const skipped = 'skipped' in outcome ? outcome.skipped : null;
  const pending = 'token' in outcome;
  await ctx.db.transaction(async (tx) => {
    if ('token' in outcome) await rememberPendingRevocation(tx, deps, row, outcome.token, true);
    await createChannelsRepository(tx).update(row.id, disconnectedState(pending ? 'revoke_pending' : null, now, purgeAfter));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      ip: ctx.actor.ip,
      userAgent: ctx.actor.userAgent,
      workspaceId,
      action: 'channel.disconnected',
      entityType: 'channel',
      entityId: row.id,
      changes: { status: { from: row.status, to: 'disconnected' }, revokedAtNetwork: revoked, ...(skipped ? { revokeSkipped: skipped } : {}), purgeAfter: purgeAfter.toISOString() },
    });
  });
  const after = await createChannelsRepository(ctx.db).findById(row.id);
  return { channel: publicChannel(after!, language), revokedAtNetwork: revoked, revokeSkipped: skipped };
}

/**
 * Before a workspace is deleted: revokes every connected channel's access at its network (or
 * leaves it to the retry job, which outlives the workspace). Answers how many were revoked now
 * and how many are pending.
 */
export async function revokeWorkspaceChannels(db: Db, deps: ChannelDeps, workspaceId: string): Promise<{ revoked: number; pending: number; skipped: number }> {
  const rows = await createChannelsRepository(db).withTokens(workspaceId);
  const outcome = { revoked: 0, pending: 0, skipped: 0 };
  // One at a time: of several channels on one grant, the last one left revokes it.
  for (const row of rows) {
    const result = await endAccessAtNetwork(db, deps, row);
    await db.transaction(async (tx) => {
      if ('token' in result) await rememberPendingRevocation(tx, deps, row, result.token, false);
      await createChannelsRepository(tx).update(row.id, { status: 'disconnected', accessTokenSealed: null, refreshTokenSealed: null, ...reasonAsStored('token' in result ? 'revoke_pending' : null), updatedAt: new Date() });
    });
    outcome[result.revoked ? 'revoked' : 'token' in result ? 'pending' : 'skipped'] += 1;
  }
  return outcome;
}

/** Retries revocations the network could not take; returns how many went through. */
export async function retryPendingRevokes(db: Db, deps: ChannelDeps): Promise<number> {
  const pending = await createChannelsRepository(db).listPendingRevocations();
  let done = 0;
  for (const row of pending) {
    const provider = deps.providers[row.network as NetworkId];
    if (!provider) continue;
    try {
      await provider.revoke(deps.box.open(row.tokenSealed, `revocation:${row.id}`), row.instance);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      if (error.kind === 'transient') {
        await createChannelsRepository(db).countRevocationAttempt(row.id, row.attempts + 1);
        continue;
      }
      // Any other answer means the network no longer honours the token: nothing left to revoke.
    }
    await db.transaction(async (tx) => {
      const repo = createChannelsRepository(tx);
      await repo.deletePendingRevocation(row.id);
      if (row.channelId) await repo.clearRevokePending(row.channelId);
      await recordAudit(tx, { actorUserId: null, workspaceId: row.channelId ? row.workspaceId : null, action: 'channel.revoked', entityType: 'channel', entityId: row.channelId, changes: { network: row.network, attempts: row.attempts + 1 } });
    });
    done += 1;
  }
  return done;
}

/** Clears cached profile data of channels disconnected longer than the retention period. */
export async function purgeDisconnectedChannels(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const purged = await createChannelsRepository(tx).purgeProfilesDisconnectedBefore(now);
    for (const row of purged) {
      await recordAudit(tx, { actorUserId: null, workspaceId: row.workspaceId, action: 'channel.purged', entityType: 'channel', entityId: row.id, changes: { fields: ['username', 'displayName', 'avatarUrl', 'avatar', 'limits', 'metrics'] } });
    }
    return purged.length;
  });
}
