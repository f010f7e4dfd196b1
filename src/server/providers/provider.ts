import type { NetworkId } from '../../shared/networks.ts';
import type { MessageRef } from '../modules/notifications/notification-message.ts';

export type TokenSet = {
  accessToken: string;
  /** Absent when the network did not send one: the stored one is then kept. */
  refreshToken?: string | null;
  accessTokenExpiresAt?: Date | null;
  refreshTokenExpiresAt?: Date | null;
  scopes: string[];
};

export type Profile = {
  externalId: string;
  username: string | null;
  displayName: string | null;
  avatarUrl: string | null;
  limits?: Record<string, unknown>;
  /**
   * The person at the network who granted Herald this account, when that is not the account
   * itself (the Meta user behind a Page): deauthorize and deletion callbacks name that person.
   */
  ownerExternalId?: string | null;
};

/**
 * One account a consent covers, with the tokens that act as it: a Facebook user grants Herald
 * several Pages, each with its own Page token, and picks which become channels.
 */
export type ConnectableAccount = {
  externalId: string;
  tokens: TokenSet;
  profile: Profile;
  /** A short line shown beside the account in the picker ("Page · Retail", "linked to Page Acme"). */
  note?: string | null;
  /** The note as words for the reader's language (`network-<id>:…` key and values); `note` is its English. */
  noteWords?: MessageRef | null;
};

/**
 * Why a network call failed, in the terms the engine acts on: `auth` (token rejected: refresh
 * once, then needs re-auth), `scope` (the token is fine but the account owner did not grant the
 * permission this call needs: a refresh cannot add it, only a reconnect can), `denied` (the user
 * said no), `invalid` (our request or their answer is wrong; retrying will not help), `transient`
 * (try again later).
 */
export type ProviderErrorKind = 'auth' | 'scope' | 'denied' | 'invalid' | 'transient';

export class ProviderError extends Error {
  /** The network asked to wait this long (Retry-After, rate-limit reset). */
  retryAfterMs?: number;
  /**
   * The request may have reached the network and its answer was lost (timeout, connection cut
   * after sending): for a creating call the outcome is unknown.
   */
  ambiguous = false;
  /** For `scope`: the permission, in the network's notation, the call needed (when known). */
  scope?: string;
  /**
   * The message as words for the reader's language: a `network-<id>:…` or `delivery` key and its
   * values (the network's own text stays a value, as it was written). Without it, readers get the
   * English message.
   */
  words?: MessageRef;

  constructor(
    readonly kind: ProviderErrorKind,
    readonly network: NetworkId,
    message: string,
    readonly code?: string,
    extra: { retryAfterMs?: number; ambiguous?: boolean; scope?: string; words?: MessageRef } = {},
  ) {
    super(message);
    this.name = 'ProviderError';
    this.retryAfterMs = extra.retryAfterMs;
    this.ambiguous = extra.ambiguous ?? false;
    this.scope = extra.scope;
    this.words = extra.words;
  }
}

/** Which server of the network: a Mastodon instance domain or a Bluesky PDS origin; null for single-host networks. */
export type Instance = string | null;

/** What every network offers once an account is connected (publishing arrives with the publishing issue). */
interface ConnectedAccountProvider {
  readonly network: NetworkId;
  /** Absent for networks whose tokens do not expire (Mastodon). */
  refresh?(refreshToken: string, instance: Instance): Promise<TokenSet>;
  /** Which of the two tokens the network's revocation takes (Bluesky ends a session with its refresh token). */
  readonly revokes: 'access' | 'refresh';
  revoke(token: string, instance: Instance): Promise<void>;
  /**
   * Set when this configuration of the network has no way to end Herald's access (Instagram
   * Login, while Facebook Login has one): what the disconnect dialog says instead. Overrides the
   * descriptor's `noRevoke`.
   */
  readonly noRevoke?: string;
  /**
   * `externalId`: the channel's account when a channel is read again, for networks whose one token
   * acts as several accounts (a LinkedIn member's token posts as their Company Pages too).
   */
  profile(accessToken: string, instance: Instance, externalId?: string): Promise<Profile>;
}

/** Networks connected through the browser: the user consents on the network's own page. */
export interface OAuthProvider extends ConnectedAccountProvider {
  readonly connect: 'oauth';
  authorizationUrl(input: { state: string; redirectUri: string; codeChallenge: string; instance: Instance }): Promise<string>;
  /**
   * Used instead of `authorizationUrl` when present, for networks that find the account's server
   * from who the person says they are (a Bluesky handle: `identifier`) and must remember something
   * of their own until the callback: `carry` is sealed with the PKCE verifier and handed back to
   * `exchangeCode` (Bluesky's DPoP key and issuer).
   */
  startAuthorization?(input: { state: string; redirectUri: string; codeChallenge: string; identifier: string | undefined }): Promise<{ url: string; carry: string }>;
  /**
   * `issuer`: the callback's `iss` parameter (RFC 9207), when the network sent one. The answer's
   * `instance`, when set, is the account's server as the network established it (Bluesky's PDS).
   */
  exchangeCode(input: {
    code: string;
    state: string;
    redirectUri: string;
    codeVerifier: string;
    instance: Instance;
    carry?: string;
    issuer?: string;
  }): Promise<TokenSet & { externalId: string; instance?: string }>;
  /** Networks that also take an app password (Bluesky, when OAuth is not wanted or not possible). */
  signIn?: AppPasswordProvider['signIn'];
  /**
   * Networks where one consent covers several accounts (Facebook Pages, Instagram accounts
   * linked to Pages): the accounts the user may connect, each with its own tokens. Herald then
   * lets the user pick; without this method the consenting account itself is connected.
   */
  accounts?(tokens: TokenSet & { externalId: string }, instance: Instance): Promise<ConnectableAccount[]>;
}

/** Networks without OAuth for this use: the user gives Herald an app password (Bluesky). */
export interface AppPasswordProvider extends ConnectedAccountProvider {
  readonly connect: 'app-password';
  signIn(input: { identifier: string; appPassword: string }): Promise<TokenSet & { externalId: string; instance: string }>;
}

export type Provider = OAuthProvider | AppPasswordProvider;
