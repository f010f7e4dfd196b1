import crypto from 'node:crypto';
import { networks, type NetworkId } from '../../../shared/networks.ts';
import { can } from '../../../shared/permissions.ts';
import type { Db, Tx } from '../../db/database.ts';
import { ProviderError, type AppPasswordProvider, type Instance, type Profile, type TokenSet } from '../../providers/provider.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { providerErrorToAppError, tokenSealContext as sealContext } from '../channel-tokens/index.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { createWorkspacesRepository } from '../workspaces/workspaces.repository.ts';
import { cacheAvatar } from './avatar-cache.ts';
import { createChannelsRepository } from './channels.repository.ts';
import { oauthProviderFor, providerFor, publicChannel, type ChannelDeps } from './channels.service.ts';

const STATE_TTL_MS = 10 * 60 * 1000;

export const callbackUrl = (publicOrigin: string, network: NetworkId) => `${publicOrigin}/api/v1/oauth/callback/${network}`;

const fieldError = (field: string, message: string) => new AppError('validation_failed', 400, `${field}: ${message}`, { issues: [{ field, message }] });

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
  await createChannelsRepository(ctx.db).insertOAuthState({
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

/** The handle and app password are checked for shape (by the network's descriptor) before anything is sent anywhere. */
async function connectWithAppPassword(ctx: ServiceContext, deps: ChannelDeps, provider: AppPasswordProvider, input: ConnectInput) {
  const checks = networks[input.network].signIn;
  if (!input.identifier || (checks && !checks.isIdentifier(input.identifier))) throw fieldError('body.identifier', checks?.identifierHint ?? 'is required');
  if (!input.appPassword || (checks && !checks.isAppPassword(input.appPassword))) throw fieldError('body.appPassword', checks?.appPasswordHint ?? 'is required');
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
  const claimed = await createChannelsRepository(ctx.db).claimOAuthState(input.state);
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
    const repo = createChannelsRepository(tx);
    await ensureStillMayConnect(tx, workspaceId, ctx.actor.userId, true);
    const existing = await repo.findAccount(workspaceId, network, tokens.externalId);
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
      changes: { network, username: profile.username, scopes: tokens.scopes },
    });
    return (await repo.findById(id))!;
  }).catch(async (error: unknown) => {
    if (error instanceof AppError) await revokeUnsavedTokens(deps, network, tokens, input.instance);
    throw error;
  });
  await cacheAvatar(ctx.db, saved);
  return publicChannel((await createChannelsRepository(ctx.db).findById(saved.id))!);
}
