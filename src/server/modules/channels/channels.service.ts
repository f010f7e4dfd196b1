import crypto from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { missingFeatures, networks, type NetworkId } from '../../../shared/networks.ts';
import type { Db } from '../../db/database.ts';
import { channels, oauthStates } from '../../db/schema/index.ts';
import { ProviderError, type OAuthProvider, type TokenSet } from '../../providers/provider.ts';
import type { Providers } from '../../providers/registry.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';

export type ChannelDeps = { providers: Providers; box: SecretBox; publicOrigin: string; retentionDays: number };

const STATE_TTL_MS = 10 * 60 * 1000;
// Refresh this long before expiry, so a publish never meets an expired token.
const REFRESH_AHEAD_MS = 30 * 60 * 1000;

const sealContext = (channelId: string, field: 'access' | 'refresh') => `channel:${channelId}:${field}`;
export const callbackUrl = (publicOrigin: string, network: NetworkId) => `${publicOrigin}/api/v1/oauth/callback/${network}`;

function providerFor(deps: ChannelDeps, network: string): OAuthProvider {
  const provider = deps.providers[network as NetworkId];
  if (!provider) throw new AppError('channel.network_unavailable', 400, `${network} is not enabled on this Herald`, { network });
  return provider;
}

/** A channel as the API shows it: never a token, and which features the granted scopes leave off. */
export function publicChannel(row: typeof channels.$inferSelect) {
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
    status: row.status,
    statusReason: row.statusReason,
    scopesGranted: row.scopesGranted,
    missingFeatures: networks[network] ? missingFeatures(network, row.scopesGranted) : [],
    connectedAt: row.connectedAt,
    disconnectedAt: row.disconnectedAt,
    purgeAfter: row.purgeAfter,
  };
}

export async function listChannels(ctx: ServiceContext, workspaceId: string) {
  const rows = await ctx.db.select().from(channels).where(eq(channels.workspaceId, workspaceId)).orderBy(channels.connectedAt);
  return rows.map(publicChannel);
}

/** `mastodon.social`, `https://Mastodon.Social/` and `social.example:8443` → host[:port], lower case. */
export function normaliseInstance(raw: string | undefined): string {
  const host = (raw ?? '').trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:\d{1,5})?$/.test(host) || host.length > 253) {
    throw new AppError('validation_failed', 400, 'body.instance: must be a server name like mastodon.social', { issues: [{ field: 'body.instance', message: 'must be a server name like mastodon.social' }] });
  }
  return host;
}

export async function startConnect(ctx: ServiceContext, deps: ChannelDeps, input: { workspaceId: string; sessionId: string; network: NetworkId; instance?: string }) {
  const provider = providerFor(deps, input.network);
  const instance = networks[input.network].connect === 'oauth-instance' ? normaliseInstance(input.instance) : null;
  const state = crypto.randomBytes(32).toString('base64url');
  const codeVerifier = crypto.randomBytes(48).toString('base64url');
  const codeChallenge = crypto.createHash('sha256').update(codeVerifier).digest('base64url');
  await ctx.db.insert(oauthStates).values({
    state,
    workspaceId: input.workspaceId,
    userId: ctx.actor.userId,
    sessionId: input.sessionId,
    network: input.network,
    instance,
    codeVerifierSealed: deps.box.seal(codeVerifier, `oauth-state:${state}`),
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });
  let authorizationUrl: string;
  try {
    authorizationUrl = await provider.authorizationUrl({ state, redirectUri: callbackUrl(deps.publicOrigin, input.network), codeChallenge, instance });
  } catch (error) {
    if (error instanceof ProviderError) throw new AppError(`channel.${error.code ?? 'connect_failed'}`, 400, error.message);
    throw error;
  }
  return { authorizationUrl };
}

export type CallbackInput = { network: string; state?: string; code?: string; error?: string; errorDescription?: string; sessionId: string };

/**
 * Finishes an OAuth round trip. The state is consumed first (single use, even when what follows
 * fails), and nothing is stored unless the network gave a token and a profile.
 */
export async function completeConnect(ctx: ServiceContext, deps: ChannelDeps, input: CallbackInput) {
  if (!input.state) throw invalid('channel.state_missing', 'The network came back without a state; start connecting again');
  const [claimed] = await ctx.db
    .update(oauthStates)
    .set({ usedAt: new Date() })
    .where(and(eq(oauthStates.state, input.state), isNull(oauthStates.usedAt)))
    .returning();
  if (!claimed) throw invalid('channel.state_invalid', 'This connection link was already used or is unknown; start connecting again');
  const workspaceId = claimed.workspaceId;
  const fail = (code: string, message: string) => new AppError(code, 400, message, { workspaceId });
  if (claimed.network !== input.network) throw fail('channel.state_invalid', 'This connection link belongs to another network');
  if (claimed.userId !== ctx.actor.userId || claimed.sessionId !== input.sessionId) {
    throw fail('channel.state_invalid', 'This connection was started in another session; start connecting again');
  }
  if (claimed.expiresAt.getTime() < Date.now()) throw fail('channel.state_expired', 'The connection took more than 10 minutes; start again');
  if (input.error) {
    throw fail('channel.consent_denied', input.error === 'access_denied' ? `You did not allow Herald on ${networks[claimed.network as NetworkId].label}` : `${input.network} said: ${input.errorDescription ?? input.error}`);
  }
  if (!input.code) throw fail('channel.code_missing', 'The network came back without an authorization code');

  const provider = providerFor(deps, claimed.network);
  const network = claimed.network as NetworkId;
  let tokens: TokenSet & { externalId: string };
  let profile;
  try {
    tokens = await provider.exchangeCode({
      code: input.code,
      redirectUri: callbackUrl(deps.publicOrigin, network),
      codeVerifier: deps.box.open(claimed.codeVerifierSealed!, `oauth-state:${claimed.state}`),
      instance: claimed.instance,
    });
    profile = await provider.profile(tokens.accessToken, claimed.instance);
  } catch (error) {
    if (error instanceof ProviderError) throw new AppError(`channel.${error.kind === 'transient' ? 'network_unavailable' : 'connect_failed'}`, 502, error.message, { workspaceId });
    throw error;
  }

  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(channels)
      .where(and(eq(channels.workspaceId, workspaceId), eq(channels.network, network), eq(channels.externalId, tokens.externalId)));
    const id = existing?.id ?? crypto.randomUUID();
    const values = {
      username: profile.username,
      displayName: profile.displayName,
      avatarUrl: profile.avatarUrl,
      limits: profile.limits ?? null,
      scopesGranted: tokens.scopes,
      status: 'ok',
      statusReason: null,
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
    if (existing) await tx.update(channels).set(values).where(eq(channels.id, id));
    else await tx.insert(channels).values({ id, workspaceId, network, externalId: tokens.externalId, instance: claimed.instance, ...values });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      ip: ctx.actor.ip,
      userAgent: ctx.actor.userAgent,
      workspaceId,
      action: existing ? 'channel.reconnected' : 'channel.connected',
      entityType: 'channel',
      entityId: id,
      changes: { network, username: profile.username, scopes: tokens.scopes },
    });
    const [row] = await tx.select().from(channels).where(eq(channels.id, id));
    return publicChannel(row!);
  });
}

/**
 * Revokes at the network first; the tokens leave the database whatever the network says. When the
 * network cannot be reached, only the sealed access token is kept for the revoke-retry job.
 */
export async function disconnectChannel(ctx: ServiceContext, deps: ChannelDeps, workspaceId: string, channelId: string) {
  const [row] = await ctx.db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  if (row.status === 'disconnected') return { channel: publicChannel(row), revokedAtNetwork: !row.revokePending };
  let revoked = true;
  const provider = deps.providers[row.network as NetworkId];
  if (row.accessTokenSealed && provider) {
    try {
      await provider.revoke(deps.box.open(row.accessTokenSealed, sealContext(row.id, 'access')), row.instance);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      revoked = false;
    }
  }
  const now = new Date();
  const purgeAfter = new Date(now.getTime() + deps.retentionDays * 24 * 60 * 60 * 1000);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(channels)
      .set({
        status: 'disconnected',
        statusReason: revoked ? null : 'revoke_pending',
        accessTokenSealed: null,
        refreshTokenSealed: null,
        accessTokenExpiresAt: null,
        refreshTokenExpiresAt: null,
        revokePending: revoked || !row.accessTokenSealed ? null : row.accessTokenSealed,
        disconnectedAt: now,
        purgeAfter,
        updatedAt: now,
      })
      .where(eq(channels.id, row.id));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      ip: ctx.actor.ip,
      userAgent: ctx.actor.userAgent,
      workspaceId,
      action: 'channel.disconnected',
      entityType: 'channel',
      entityId: row.id,
      changes: { status: { from: row.status, to: 'disconnected' }, revokedAtNetwork: revoked, purgeAfter: purgeAfter.toISOString() },
    });
  });
  const [after] = await ctx.db.select().from(channels).where(eq(channels.id, row.id));
  return { channel: publicChannel(after!), revokedAtNetwork: revoked };
}

/** Retries revocations that failed at disconnect time; returns how many went through. */
export async function retryPendingRevokes(db: Db, deps: ChannelDeps): Promise<number> {
  const pending = await db.select().from(channels).where(isNotNull(channels.revokePending));
  let done = 0;
  for (const row of pending) {
    const provider = deps.providers[row.network as NetworkId];
    if (!provider) continue;
    try {
      await provider.revoke(deps.box.open(row.revokePending!, sealContext(row.id, 'access')), row.instance);
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'transient') continue;
      if (!(error instanceof ProviderError)) throw error;
    }
    await db.transaction(async (tx) => {
      await tx.update(channels).set({ revokePending: null, statusReason: null }).where(eq(channels.id, row.id));
      await recordAudit(tx, { actorUserId: null, workspaceId: row.workspaceId, action: 'channel.revoked', entityType: 'channel', entityId: row.id });
    });
    done += 1;
  }
  return done;
}

/** Clears cached profile data of channels disconnected longer than the retention period. */
export async function purgeDisconnectedChannels(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const purged = await tx
      .update(channels)
      .set({ username: null, displayName: null, avatarUrl: null, limits: null, purgeAfter: null, updatedAt: now })
      .where(and(eq(channels.status, 'disconnected'), lt(channels.purgeAfter, now)))
      .returning({ id: channels.id, workspaceId: channels.workspaceId });
    for (const row of purged) {
      await recordAudit(tx, { actorUserId: null, workspaceId: row.workspaceId, action: 'channel.purged', entityType: 'channel', entityId: row.id, changes: { fields: ['username', 'displayName', 'avatarUrl', 'limits'] } });
    }
    return purged.length;
  });
}

/**
 * Refreshes one channel's token. Rotating refresh tokens (TikTok) are replaced by the newest;
 * a rejected refresh marks the channel `needs_reauth` once (one audit row per incident).
 */
export async function refreshChannel(db: Db, deps: ChannelDeps, channelId: string): Promise<'refreshed' | 'needs_reauth' | 'retry_later' | 'skipped'> {
  const [row] = await db.select().from(channels).where(eq(channels.id, channelId));
  const provider = row ? deps.providers[row.network as NetworkId] : undefined;
  if (!row || !provider?.refresh || !row.refreshTokenSealed || row.status === 'disconnected' || row.status === 'needs_reauth') return 'skipped';
  const setStatus = async (status: string, reason: string | null) => {
    await db.transaction(async (tx) => {
      await tx.update(channels).set({ status, statusReason: reason, updatedAt: new Date() }).where(eq(channels.id, row.id));
      if (status !== row.status) {
        await recordAudit(tx, { actorUserId: null, workspaceId: row.workspaceId, action: `channel.${status}`, entityType: 'channel', entityId: row.id, changes: { status: { from: row.status, to: status }, reason } });
      }
    });
  };
  let tokens: TokenSet;
  try {
    tokens = await provider.refresh(deps.box.open(row.refreshTokenSealed, sealContext(row.id, 'refresh')), row.instance);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error.kind === 'transient') {
      await setStatus('expiring', error.message);
      return 'retry_later';
    }
    await setStatus('needs_reauth', error.message);
    return 'needs_reauth';
  }
  await db.transaction(async (tx) => {
    await tx
      .update(channels)
      .set({
        status: 'ok',
        statusReason: null,
        accessTokenSealed: deps.box.seal(tokens.accessToken, sealContext(row.id, 'access')),
        accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? null,
        ...(tokens.refreshToken
          ? { refreshTokenSealed: deps.box.seal(tokens.refreshToken, sealContext(row.id, 'refresh')), refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? null }
          : {}),
        scopesGranted: tokens.scopes.length ? tokens.scopes : row.scopesGranted,
        updatedAt: new Date(),
      })
      .where(eq(channels.id, row.id));
    if (row.status !== 'ok') {
      await recordAudit(tx, { actorUserId: null, workspaceId: row.workspaceId, action: 'channel.ok', entityType: 'channel', entityId: row.id, changes: { status: { from: row.status, to: 'ok' } } });
    }
  });
  return 'refreshed';
}

/** Channels whose access token expires soon (or already did) and can be refreshed. */
export async function channelsDueForRefresh(db: Db, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ id: channels.id })
    .from(channels)
    .where(
      and(
        inArray(channels.status, ['ok', 'expiring']),
        isNotNull(channels.refreshTokenSealed),
        lt(channels.accessTokenExpiresAt, new Date(now.getTime() + REFRESH_AHEAD_MS)),
      ),
    );
  return rows.map((r) => r.id);
}
