import crypto from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { appPasswordHint, blueskyIdentifierHint, isAppPassword, parseBlueskyIdentifier } from '../../../networks/bluesky/identifier.ts';
import { missingFeatures, networks, type NetworkId } from '../../../shared/networks.ts';
import { can } from '../../../shared/permissions.ts';
import type { Db, Tx } from '../../db/database.ts';
import { channelAvatars, channels, deliveryMetrics, oauthStates, pendingRevocations } from '../../db/schema/index.ts';
import { cacheAvatar } from './avatar-cache.ts';
import { ProviderError, type AppPasswordProvider, type Instance, type OAuthProvider, type Profile, type Provider, type TokenSet } from '../../providers/provider.ts';
import type { Providers } from '../../../networks/server.ts';
import type { SecretBox } from '../../security/secret-box.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { connectorNotRestricted } from '../privacy/restriction.service.ts';
import { providerErrorToAppError, tokenSealContext, withChannelToken } from '../channel-tokens/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';

type ChannelRow = typeof channels.$inferSelect;

export type ChannelDeps = { providers: Providers; box: SecretBox; publicOrigin: string; retentionDays: number };

const STATE_TTL_MS = 10 * 60 * 1000;
// Refresh this long before expiry, so a publish never meets an expired token.
const REFRESH_AHEAD_MS = 30 * 60 * 1000;

const sealContext = tokenSealContext;
export const callbackUrl = (publicOrigin: string, network: NetworkId) => `${publicOrigin}/api/v1/oauth/callback/${network}`;

function providerFor(deps: ChannelDeps, network: string): Provider {
  const provider = deps.providers[network as NetworkId];
  if (!provider) throw new AppError('channel.network_unavailable', 400, `${network} is not enabled on this Herald`, { network });
  return provider;
}

function oauthProviderFor(deps: ChannelDeps, network: string): OAuthProvider {
  const provider = providerFor(deps, network);
  if (provider.connect !== 'oauth') throw new AppError('channel.not_oauth', 400, `${networks[network as NetworkId].label} is connected with an app password, not through a consent page`);
  return provider;
}

const fieldError = (field: string, message: string) => new AppError('validation_failed', 400, `${field}: ${message}`, { issues: [{ field, message }] });

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
    /** Herald's own copy of the avatar, for the browser (never the network's URL). */
    avatar: row.avatarCachedAt ? `/api/v1/workspaces/${row.workspaceId}/channels/${row.id}/avatar?v=${row.avatarCachedAt.getTime()}` : null,
    status: row.status,
    statusReason: row.statusReason,
    scopesGranted: row.scopesGranted,
    /** What the composer checks posts against (Mastodon instance limits, TikTok creator info…). */
    limits: row.limits ?? {},
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

export type ConnectInput = { workspaceId: string; sessionId: string; network: NetworkId; instance?: string; identifier?: string; appPassword?: string };

/**
 * Starts connecting an account. OAuth networks answer the consent page to send the browser to;
 * app-password networks (Bluesky) sign in at once and answer the channel.
 */
export async function startConnect(ctx: ServiceContext, deps: ChannelDeps, input: ConnectInput): Promise<{ authorizationUrl?: string; channel?: ReturnType<typeof publicChannel> }> {
  const provider = providerFor(deps, input.network);
  if (provider.connect === 'app-password') return { channel: await connectWithAppPassword(ctx, deps, provider, input) };
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
    if (error instanceof ProviderError) throw providerErrorToAppError(error, 'connect');
    throw error;
  }
  return { authorizationUrl };
}

/** Bluesky: the handle and app password are checked for shape before anything is sent anywhere. */
async function connectWithAppPassword(ctx: ServiceContext, deps: ChannelDeps, provider: AppPasswordProvider, input: ConnectInput) {
  if (!input.identifier || !parseBlueskyIdentifier(input.identifier)) throw fieldError('body.identifier', blueskyIdentifierHint);
  if (!input.appPassword || !isAppPassword(input.appPassword)) throw fieldError('body.appPassword', appPasswordHint);
  let signedIn: TokenSet & { externalId: string; instance: string };
  let profile: Profile;
  try {
    signedIn = await provider.signIn({ identifier: input.identifier, appPassword: input.appPassword });
    profile = await provider.profile(signedIn.accessToken, signedIn.instance);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    throw providerErrorToAppError(error, 'connect');
  }
  return saveConnectedChannel(ctx, deps, { workspaceId: input.workspaceId, network: input.network, instance: signedIn.instance, tokens: signedIn, profile });
}

/**
 * A connection is finished minutes (OAuth consent) or seconds (Bluesky sign-in) after the route
 * checked the caller: by then they may have been removed from the workspace or lost the role that
 * manages channels. Inside the saving transaction the membership row is locked (`lock`), so a
 * removal waits for the save and then hands the new channel over like the others.
 */
async function ensureStillMayConnect(db: Db | Tx, workspaceId: string, userId: string, lock = false) {
  const repo = createWorkspacesRepository(db);
  const membership = lock ? await repo.lockMembership(workspaceId, userId) : await repo.findMembership(workspaceId, userId);
  // No workspaceId in the details: a former member is not sent back to the workspace's pages.
  if (!membership) throw new AppError('workspace.not_found', 404, 'You are no longer a member of this workspace; nothing was connected');
  if (!can(membership.role, 'channels.manage')) {
    throw new AppError('auth.forbidden', 403, 'Your role no longer allows connecting channels (channels.manage); nothing was connected', { permission: 'channels.manage', workspaceId });
  }
}

/** Tokens the network issued for a connection that was refused after all: Herald keeps none of them. */
async function revokeUnsavedTokens(deps: ChannelDeps, network: NetworkId, tokens: TokenSet, instance: Instance) {
  const provider = deps.providers[network];
  const token = provider?.revokes === 'refresh' ? tokens.refreshToken : tokens.accessToken;
  if (!provider || !token) return;
  // Best effort: the user is told nothing was connected either way, and no copy stays here.
  await provider.revoke(token, instance).catch(() => undefined);
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
  // Before the code is exchanged: no token is asked for on behalf of someone who lost the right.
  await ensureStillMayConnect(ctx.db, workspaceId, ctx.actor.userId);

  const provider = oauthProviderFor(deps, claimed.network);
  const network = claimed.network as NetworkId;
  let tokens: TokenSet & { externalId: string };
  let profile;
  try {
    tokens = await provider.exchangeCode({
      code: input.code,
      state: claimed.state,
      redirectUri: callbackUrl(deps.publicOrigin, network),
      codeVerifier: deps.box.open(claimed.codeVerifierSealed!, `oauth-state:${claimed.state}`),
      instance: claimed.instance,
    });
    profile = await provider.profile(tokens.accessToken, claimed.instance);
  } catch (error) {
    if (error instanceof ProviderError) throw providerErrorToAppError(error, 'connect', { workspaceId });
    throw error;
  }

  return saveConnectedChannel(ctx, deps, { workspaceId, network, instance: claimed.instance, tokens, profile });
}

/** Creates the channel, or updates the same account's channel in place on a reconnect. */
async function saveConnectedChannel(
  ctx: ServiceContext,
  deps: ChannelDeps,
  input: { workspaceId: string; network: NetworkId; instance: Instance; tokens: TokenSet & { externalId: string }; profile: Profile },
) {
  const { workspaceId, network, tokens, profile } = input;
  const saved = await ctx.db.transaction(async (tx) => {
    await ensureStillMayConnect(tx, workspaceId, ctx.actor.userId, true);
    const [existing] = await tx
      .select()
      .from(channels)
      .where(and(eq(channels.workspaceId, workspaceId), eq(channels.network, network), eq(channels.externalId, tokens.externalId)));
    const id = existing?.id ?? crypto.randomUUID();
    const values = {
      // A Bluesky account can move to another PDS: the newest one is where its data lives.
      instance: input.instance,
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
    else await tx.insert(channels).values({ id, workspaceId, network, externalId: tokens.externalId, ...values });
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
    return row!;
  }).catch(async (error: unknown) => {
    if (error instanceof AppError) await revokeUnsavedTokens(deps, network, tokens, input.instance);
    throw error;
  });
  await cacheAvatar(ctx.db, saved);
  const [row] = await ctx.db.select().from(channels).where(eq(channels.id, saved.id));
  return publicChannel(row!);
}

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

/** Keeps the one token the retry job needs, sealed for its pending_revocations row alone. */
async function rememberPendingRevocation(tx: Db | Tx, deps: ChannelDeps, row: ChannelRow, token: string, channelOutlivesIt: boolean) {
  const id = crypto.randomUUID();
  await tx.insert(pendingRevocations).values({
    id,
    channelId: channelOutlivesIt ? row.id : null,
    workspaceId: row.workspaceId,
    network: row.network,
    instance: row.instance,
    tokenSealed: deps.box.seal(token, `revocation:${id}`),
  });
}

/**
 * Revokes at the network first; the tokens leave the channel row whatever the network says. When
 * the network cannot be reached, the revoke-retry job tries again later.
 */
export async function disconnectChannel(ctx: ServiceContext, deps: ChannelDeps, workspaceId: string, channelId: string) {
  const [row] = await ctx.db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  if (row.status === 'disconnected') return { channel: publicChannel(row), revokedAtNetwork: row.statusReason !== 'revoke_pending' };
  const now = new Date();
  const purgeAfter = new Date(now.getTime() + deps.retentionDays * 24 * 60 * 60 * 1000);
  const outcome = await askNetworkToRevoke(deps, row);
  const revoked = outcome.revoked;
  await ctx.db.transaction(async (tx) => {
    if (!outcome.revoked) await rememberPendingRevocation(tx, deps, row, outcome.token, true);
    await tx
      .update(channels)
      .set({
        status: 'disconnected',
        statusReason: revoked ? null : 'revoke_pending',
        accessTokenSealed: null,
        refreshTokenSealed: null,
        accessTokenExpiresAt: null,
        refreshTokenExpiresAt: null,
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

/**
 * Before a workspace is deleted: revokes every connected channel's access at its network (or
 * leaves it to the retry job, which outlives the workspace). Answers how many were revoked now
 * and how many are pending.
 */
export async function revokeWorkspaceChannels(db: Db, deps: ChannelDeps, workspaceId: string): Promise<{ revoked: number; pending: number }> {
  const rows = await db.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), isNotNull(channels.accessTokenSealed)));
  const outcome = { revoked: 0, pending: 0 };
  for (const row of rows) {
    const result = await askNetworkToRevoke(deps, row);
    await db.transaction(async (tx) => {
      if (!result.revoked) await rememberPendingRevocation(tx, deps, row, result.token, false);
      await tx
        .update(channels)
        .set({ status: 'disconnected', accessTokenSealed: null, refreshTokenSealed: null, statusReason: result.revoked ? null : 'revoke_pending', updatedAt: new Date() })
        .where(eq(channels.id, row.id));
    });
    outcome[result.revoked ? 'revoked' : 'pending'] += 1;
  }
  return outcome;
}

/** Retries revocations the network could not take; returns how many went through. */
export async function retryPendingRevokes(db: Db, deps: ChannelDeps): Promise<number> {
  const pending = await db.select().from(pendingRevocations);
  let done = 0;
  for (const row of pending) {
    const provider = deps.providers[row.network as NetworkId];
    if (!provider) continue;
    try {
      await provider.revoke(deps.box.open(row.tokenSealed, `revocation:${row.id}`), row.instance);
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      if (error.kind === 'transient') {
        await db.update(pendingRevocations).set({ attempts: row.attempts + 1, lastAttemptAt: new Date() }).where(eq(pendingRevocations.id, row.id));
        continue;
      }
      // Any other answer means the network no longer honours the token: nothing left to revoke.
    }
    await db.transaction(async (tx) => {
      await tx.delete(pendingRevocations).where(eq(pendingRevocations.id, row.id));
      if (row.channelId) await tx.update(channels).set({ statusReason: null }).where(and(eq(channels.id, row.channelId), eq(channels.statusReason, 'revoke_pending')));
      await recordAudit(tx, { actorUserId: null, workspaceId: row.channelId ? row.workspaceId : null, action: 'channel.revoked', entityType: 'channel', entityId: row.channelId, changes: { network: row.network, attempts: row.attempts + 1 } });
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
      .set({ username: null, displayName: null, avatarUrl: null, avatarCachedAt: null, limits: null, purgeAfter: null, updatedAt: now })
      .where(and(eq(channels.status, 'disconnected'), lt(channels.purgeAfter, now)))
      .returning({ id: channels.id, workspaceId: channels.workspaceId });
    if (purged.length) {
      await tx.delete(channelAvatars).where(inArray(channelAvatars.channelId, purged.map((row) => row.id)));
      await tx.delete(deliveryMetrics).where(inArray(deliveryMetrics.channelId, purged.map((row) => row.id)));
    }
    for (const row of purged) {
      await recordAudit(tx, { actorUserId: null, workspaceId: row.workspaceId, action: 'channel.purged', entityType: 'channel', entityId: row.id, changes: { fields: ['username', 'displayName', 'avatarUrl', 'avatar', 'limits', 'metrics'] } });
    }
    return purged.length;
  });
}

/** Reads the account's name, avatar and limits again from the network (through withChannelToken). */
export async function refreshChannelProfile(ctx: ServiceContext, deps: ChannelDeps, workspaceId: string, channelId: string) {
  const [row] = await ctx.db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('channel');
  if (row.status === 'disconnected') throw new AppError('channel.disconnected', 409, 'This channel is disconnected; connect the account again');
  const provider = providerFor(deps, row.network);
  let profile: Profile;
  try {
    profile = await withChannelToken(ctx.db, deps, row.id, (token, instance) => provider.profile(token, instance));
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    throw providerErrorToAppError(error, 'use');
  }
  const next = { username: profile.username, displayName: profile.displayName, avatarUrl: profile.avatarUrl, limits: profile.limits ?? row.limits };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(row[key]));
  await ctx.db.transaction(async (tx) => {
    await tx.update(channels).set({ ...next, updatedAt: new Date() }).where(eq(channels.id, row.id));
    await recordAudit(tx, { actorUserId: ctx.actor.userId, ip: ctx.actor.ip, userAgent: ctx.actor.userAgent, workspaceId, action: 'channel.profile_refreshed', entityType: 'channel', entityId: row.id, changes: { fields: changed } });
  });
  await cacheAvatar(ctx.db, { ...row, ...next });
  const [after] = await ctx.db.select().from(channels).where(eq(channels.id, row.id));
  return publicChannel(after!);
}

/** A token expiring before this is refreshed ahead of use. */
export const refreshDueBefore = (now = new Date()) => new Date(now.getTime() + REFRESH_AHEAD_MS);

/** Channels whose access token expires soon (or already did) and can be refreshed. */
export async function channelsDueForRefresh(db: Db, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ id: channels.id })
    .from(channels)
    .where(
      and(
        inArray(channels.status, ['ok', 'expiring']),
        isNotNull(channels.refreshTokenSealed),
        lt(channels.accessTokenExpiresAt, refreshDueBefore(now)),
        // No refresh while the connecting user has paused processing.
        connectorNotRestricted,
      ),
    );
  return rows.map((r) => r.id);
}
