import crypto from 'node:crypto';
import { networks, type NetworkId } from '../../../shared/networks.ts';
import { ProviderError, type AppPasswordProvider, type ConnectableAccount, type Profile, type TokenSet } from '../../providers/provider.ts';
import { providerErrorToAppError } from '../channel-tokens/index.ts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { apiKeys, users } from '../../db/schema/index.ts';
import type { RequestMeta } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, invalid, type MessageValues } from '../shared/errors.ts';
import { createChannelsRepository } from './channels.repository.ts';
import { ensureStillMayConnect, revokeUnsavedTokens, saveConnectedChannel } from './channels.save.ts';
import { oauthProviderFor, providerFor, type publicChannel, type ChannelDeps } from './channels.service.ts';
import { offerAccounts } from './connect-selections.ts';

const STATE_TTL_MS = 10 * 60 * 1000;

// A connect started with an API key is bound to the key instead of a browser session.
const keySessionPrefix = 'api-key:';
export const keyIdOfConnectSession = (sessionId: string) => (sessionId.startsWith(keySessionPrefix) ? sessionId.slice(keySessionPrefix.length) : null);

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
  // A network that takes OAuth and app passwords (Bluesky): an app password given means that way.
  if (provider.signIn && input.appPassword !== undefined) return { channel: await connectWithAppPassword(ctx, deps, { signIn: provider.signIn, profile: provider.profile }, input) };
  const checks = networks[input.network].signIn;
  if (provider.startAuthorization && checks && (!input.identifier || !(checks.isIdentifier(input.identifier) || checks.isServer?.(input.identifier)))) {
    throw fieldError('body.identifier', checks.oauthIdentifierHint ?? checks.identifierHint);
  }
  const instance = networks[input.network].connect === 'oauth-instance' ? normaliseInstance(input.instance) : null;
  const state = crypto.randomBytes(32).toString('base64url');
  const codeVerifier = crypto.randomBytes(48).toString('base64url');
  const codeChallenge = crypto.createHash('sha256').update(codeVerifier).digest('base64url');
  const redirectUri = callbackUrl(deps.publicOrigin, input.network);
  let started: { url: string; carry?: string };
  try {
    started = provider.startAuthorization
      ? await provider.startAuthorization({ state, redirectUri, codeChallenge, identifier: input.identifier })
      : { url: await provider.authorizationUrl({ state, redirectUri, codeChallenge, instance }) };
  } catch (error) {
    if (error instanceof ProviderError) throw providerErrorToAppError(error, 'connect');
    throw error;
  }
  // The state is stored before the browser is sent anywhere; the verifier (and what the network
  // part carries to the callback) only ever sealed.
  await createChannelsRepository(ctx.db).insertOAuthState({
    state,
    workspaceId: input.workspaceId,
    userId: ctx.actor.userId,
    sessionId: input.sessionId,
    network: input.network,
    instance,
    codeVerifierSealed: deps.box.seal(started.carry === undefined ? codeVerifier : JSON.stringify({ codeVerifier, carry: started.carry }), `oauth-state:${state}`),
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });
  return { authorizationUrl: started.url };
}

/** The sealed verifier: a bare verifier (base64url), or JSON with what the network part carries. */
function openVerifier(opened: string): { codeVerifier: string; carry?: string } {
  if (!opened.startsWith('{')) return { codeVerifier: opened };
  return JSON.parse(opened) as { codeVerifier: string; carry?: string };
}

/** The handle and app password are checked for shape (by the network's descriptor) before anything is sent anywhere. */
async function connectWithAppPassword(ctx: ServiceContext, deps: ChannelDeps, provider: Pick<AppPasswordProvider, 'signIn' | 'profile'>, input: ConnectInput) {
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

export type CallbackInput = { network: string; state?: string; code?: string; error?: string; errorDescription?: string; issuer?: string };

/** Who came back from the network: the browser's session, if it has one. */
export type CallbackCaller = { userId: string; email: string; sessionId: string } | null;

/**
 * Who finishes a connect. Started in a browser, only the same person in the same session (so a
 * stranger cannot slip their account into someone's workspace). Started with an API key, the link
 * is meant to be opened by whoever owns the account, often without a Herald account: the key's
 * creator is the actor, as long as the key is still good and may still connect channels.
 */
async function callbackActor(db: Db, claimed: { userId: string; sessionId: string; workspaceId: string }, caller: CallbackCaller, meta: RequestMeta, fail: (code: string, message: string) => AppError): Promise<ServiceContext> {
  const keyId = keyIdOfConnectSession(claimed.sessionId);
  if (keyId) {
    const [key] = await db
      .select({ userId: apiKeys.userId, email: users.email, revokedAt: apiKeys.revokedAt, expiresAt: apiKeys.expiresAt, scopes: apiKeys.scopes, workspaceId: apiKeys.workspaceId })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.userId))
      .where(eq(apiKeys.id, keyId));
    const usable = key && !key.revokedAt && !(key.expiresAt && key.expiresAt <= new Date()) && key.scopes.includes('channels.manage') && (key.workspaceId ?? claimed.workspaceId) === claimed.workspaceId;
    if (!usable || key.userId !== claimed.userId) throw fail('channel.state_invalid', 'The API key that made this connection link no longer works; ask for a new link');
    return { db, actor: { userId: key.userId, email: key.email, ...meta } };
  }
  if (!caller || claimed.userId !== caller.userId || claimed.sessionId !== caller.sessionId) {
    throw fail('channel.state_invalid', 'This connection was started in another session; start connecting again');
  }
  return { db, actor: { userId: caller.userId, email: caller.email, ...meta } };
}

/**
 * Finishes an OAuth round trip. The state is consumed first (single use, even when what follows
 * fails), and nothing is stored unless the network gave a token and a profile. A network whose
 * consent covers several accounts answers a selection for the user to pick from instead of a channel.
 */
export async function completeConnect(db: Db, caller: CallbackCaller, meta: RequestMeta, deps: ChannelDeps, input: CallbackInput) {
  if (!input.state) throw invalid('channel.state_missing', 'The network came back without a state; start connecting again');
  const claimed = await createChannelsRepository(db).claimOAuthState(input.state);
  if (!claimed) throw invalid('channel.state_invalid', 'This connection link was already used or is unknown; start connecting again');
  const workspaceId = claimed.workspaceId;
  const fail = (code: string, message: string, values?: MessageValues) => new AppError(code, 400, message, { workspaceId }, values);
  if (claimed.network !== input.network) throw fail('channel.state_invalid', 'This connection link belongs to another network');
  const ctx = await callbackActor(db, claimed, caller, meta, fail);
  const byKey = keyIdOfConnectSession(claimed.sessionId) !== null;
  if (claimed.expiresAt.getTime() < Date.now()) throw fail('channel.state_expired', 'The connection took more than 10 minutes; start again');
  if (input.error) {
    throw fail('channel.consent_denied', input.error === 'access_denied' ? `You did not allow Herald on ${networks[claimed.network as NetworkId].label}` : `${input.network} said: ${input.errorDescription ?? input.error}`, { network: networks[claimed.network as NetworkId].label });
  }
  if (!input.code) throw fail('channel.code_missing', 'The network came back without an authorization code');
  // Before the code is exchanged: no token is asked for on behalf of someone who lost the right.
  await ensureStillMayConnect(ctx.db, workspaceId, ctx.actor.userId);

  const provider = oauthProviderFor(deps, claimed.network);
  const network = claimed.network as NetworkId;
  let tokens: TokenSet & { externalId: string };
  let profile;
  // The network may establish the account's server only now (Bluesky: the PDS of the signed-in DID).
  let instance: string | null;
  try {
    const { codeVerifier, carry } = openVerifier(deps.box.open(claimed.codeVerifierSealed!, `oauth-state:${claimed.state}`));
    const exchanged = await provider.exchangeCode({
      code: input.code,
      state: claimed.state,
      redirectUri: callbackUrl(deps.publicOrigin, network),
      codeVerifier,
      instance: claimed.instance,
      ...(carry !== undefined ? { carry } : {}),
      ...(input.issuer !== undefined ? { issuer: input.issuer } : {}),
    });
    instance = exchanged.instance ?? claimed.instance;
    tokens = exchanged;
    profile = await provider.profile(tokens.accessToken, instance);
  } catch (error) {
    if (error instanceof ProviderError) throw providerErrorToAppError(error, 'connect', { workspaceId });
    throw error;
  }

  if (!provider.accounts) return { byKey, channel: await saveConnectedChannel(ctx, deps, { workspaceId, network, instance, tokens, profile }) };

  // One consent, several accounts (a user's Pages): nothing becomes a channel until the user picks.
  let accounts: ConnectableAccount[];
  try {
    accounts = await provider.accounts(tokens, instance);
  } catch (error) {
    if (error instanceof ProviderError) throw providerErrorToAppError(error, 'connect', { workspaceId });
    throw error;
  }
  if (!accounts.length) {
    await revokeUnsavedTokens(deps, network, tokens, instance);
    throw fail('channel.no_accounts', `Your ${networks[network].label} login manages no ${networks[network].accountsNoun ?? 'account'} Herald can connect; nothing was connected`, { network: networks[network].label, accounts: networks[network].accountsNoun ?? 'account' });
  }
  return { byKey, selection: await offerAccounts(ctx, deps, { workspaceId, sessionId: claimed.sessionId, network, instance, accounts }) };
}

