import { defaultLanguage, type Language } from '../../../shared/languages.ts';
import type { NetworkId } from '../../../shared/networks.ts';
import { missingFeatures, networks } from '../../../shared/networks.ts';
import type { Db } from '../../db/database.ts';
import { ProviderError, type OAuthProvider, type Profile, type Provider } from '../../providers/provider.ts';
import type { Providers } from '../../../networks/server.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { connectorNotRestricted } from '../privacy/restriction.service.ts';
import { providerErrorToAppError, sayStatusReason, withChannelToken } from '../channel-tokens/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { usageOf } from '../network-usage/allowances.ts';
import type { UsageLine } from '../../../networks/types.ts';
import { cacheAvatar } from './avatar-cache.ts';
import { createChannelsRepository, type ChannelRow } from './channels.repository.ts';

// Connecting is in channels.connect.ts; disconnecting, revocations owed to a network and the purge in channels.disconnect.ts.

export type ChannelDeps = { providers: Providers; box: SecretBox; publicOrigin: string; retentionDays: number };

// Refresh this long before expiry, so a publish never meets an expired token.
const REFRESH_AHEAD_MS = 30 * 60 * 1000;

export function providerFor(deps: ChannelDeps, network: string): Provider {
  const provider = deps.providers[network as NetworkId];
  if (!provider) throw new AppError('channel.network_unavailable', 400, `${network} is not enabled on this Herald`, { network });
  return provider;
}

export function oauthProviderFor(deps: ChannelDeps, network: string): OAuthProvider {
  const provider = providerFor(deps, network);
  if (provider.connect !== 'oauth') throw new AppError('channel.not_oauth', 400, `${networks[network as NetworkId].label} is connected with an app password, not through a consent page`, undefined, { network: networks[network as NetworkId].label });
  return provider;
}

/**
 * A channel as the API shows it: never a token, and which features the granted scopes leave off.
 * Its status reason is said in `language` (the request's); English as it was stored by default.
 */
export function publicChannel(row: ChannelRow, language: Language = defaultLanguage) {
  const network = row.network as NetworkId;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    network,
    externalId: row.externalId,
    instance: row.instance,
    username: row.username,
    displayName: row.displayName,
    avatarUrl: row.avatarUrl,
    /** Herald's own copy of the avatar, for the browser (never the network's URL). */
    avatar: row.avatarCachedAt ? `/api/v1/workspaces/${row.workspaceId}/channels/${row.id}/avatar?v=${row.avatarCachedAt.getTime()}` : null,
    status: row.status,
    statusReason: sayStatusReason(row, language),
    /** What kind of reason it is, for clients that branch on it; null for a network's own words or a marker. */
    statusReasonKey: row.statusReasonKey,
    scopesGranted: row.scopesGranted,
    /** What the composer checks posts against (Mastodon instance limits, TikTok creator info…). */
    limits: row.limits ?? {},
    missingFeatures: networks[network] ? missingFeatures(network, row.scopesGranted) : [],
    connectedAt: row.connectedAt,
    disconnectedAt: row.disconnectedAt,
    purgeAfter: row.purgeAfter,
    /** What the network's counted allowances (X's post caps, YouTube's quota) have left; filled by the list. */
    usage: [] as UsageLine[],
  };
}

export async function listChannels(ctx: ServiceContext, workspaceId: string, language: Language = defaultLanguage) {
  const rows = await createChannelsRepository(ctx.db).listForWorkspace(workspaceId);
  return Promise.all(rows.map(async (row) => ({ ...publicChannel(row, language), usage: row.status === 'disconnected' ? [] : await usageOf(ctx.db, row) })));
}

/** Reads the account's name, avatar and limits again from the network (through withChannelToken). */
export async function refreshChannelProfile(ctx: ServiceContext, deps: ChannelDeps, workspaceId: string, channelId: string, language: Language = defaultLanguage) {
  const row = await createChannelsRepository(ctx.db).find(workspaceId, channelId);
  if (!row) throw notFound('channel');
  if (row.status === 'disconnected') throw new AppError('channel.disconnected', 409, 'This channel is disconnected; connect the account again');
  const provider = providerFor(deps, row.network);
  let profile: Profile;
  try {
    profile = await withChannelToken(ctx.db, deps, row.id, (token, instance) => provider.profile(token, instance, row.externalId));
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    throw providerErrorToAppError(error, 'use');
  }
  const next = { username: profile.username, displayName: profile.displayName, avatarUrl: profile.avatarUrl, limits: profile.limits ?? row.limits };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(row[key]));
  await ctx.db.transaction(async (tx) => {
    await createChannelsRepository(tx).update(row.id, { ...next, updatedAt: new Date() });
    await recordAudit(tx, { actorUserId: ctx.actor.userId, ip: ctx.actor.ip, userAgent: ctx.actor.userAgent, workspaceId, action: 'channel.profile_refreshed', entityType: 'channel', entityId: row.id, changes: { fields: changed } });
  });
  await cacheAvatar(ctx.db, { ...row, ...next });
  return publicChannel((await createChannelsRepository(ctx.db).findById(row.id))!, language);
}

/** A token expiring before this is refreshed ahead of use. */
export const refreshDueBefore = (now = new Date()) => new Date(now.getTime() + REFRESH_AHEAD_MS);

/** Channels whose access token expires soon (or already did) and can be refreshed. */
export async function channelsDueForRefresh(db: Db, now = new Date()): Promise<string[]> {
  // No refresh while the connecting user has paused processing.
  return createChannelsRepository(db).refreshableExpiringBefore(refreshDueBefore(now), connectorNotRestricted);
}
