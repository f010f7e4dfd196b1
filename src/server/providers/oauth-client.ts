import * as oauth from 'oauth4webapi';
import type { NetworkId } from '../../shared/networks.ts';
import { fetchFromNetwork, transportError } from './http.ts';
import { ProviderError } from './provider.ts';

export type OAuthEndpoints = {
  /** The authorization server's identifier: its origin for networks without discovery. */
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint: string;
};

export type OAuthClientSettings = {
  clientId: string;
  /** How the client proves itself at the token and revocation endpoints. */
  clientAuth: oauth.ClientAuth;
  /** False when a user named the server (a Mastodon instance): its private addresses are refused. */
  allowPrivate: boolean;
};

/** The token endpoint's answer; networks add their own fields (TikTok's `open_id`). */
export type TokenAnswer = oauth.TokenEndpointResponse;

/** Turns what oauth4webapi throws into the kinds the channel lifecycle acts on. */
function asProviderError(network: NetworkId, error: unknown, step: 'signIn' | 'refresh' | 'revocation'): never {
  const what = { key: `networks:errors.transport.oauthStep.${step}` };
  if (error instanceof ProviderError) throw error;
  if (error instanceof oauth.ResponseBodyError) {
    // invalid_grant: the code or refresh token is dead (used, expired, revoked): re-authorise.
    const kind = error.error === 'invalid_grant' ? 'auth' : 'invalid';
    throw transportError(kind, network, 'oauthRefused', { what, reason: error.error_description ?? error.error }, error.error);
  }
  if (error instanceof oauth.OperationProcessingError || error instanceof oauth.UnsupportedOperationError) {
    throw transportError('invalid', network, 'oauthUnreadable', { what }, 'bad_answer');
  }
  throw error;
}

/**
 * One network's OAuth 2 client, built on oauth4webapi: authorization URL with PKCE S256, code
 * exchange, refresh and revocation, against endpoints that come from configuration so tests and
 * the offline demo can point them at local servers.
 */
export function createOAuthClient(network: NetworkId, endpoints: OAuthEndpoints, settings: OAuthClientSettings) {
  const as: oauth.AuthorizationServer = {
    issuer: endpoints.issuer,
    authorization_endpoint: endpoints.authorizationEndpoint,
    token_endpoint: endpoints.tokenEndpoint,
    revocation_endpoint: endpoints.revocationEndpoint,
  };
  const client: oauth.Client = { client_id: settings.clientId };
  // Plain http is only ever configured for local fakes; production endpoints are https.
  const insecure = [endpoints.tokenEndpoint, endpoints.revocationEndpoint].some((url) => url.startsWith('http:'));
  const requestOptions = { [oauth.customFetch]: ((url: string | URL, init: RequestInit) => fetchFromNetwork(network, url, { ...init, allowPrivate: settings.allowPrivate })) as typeof fetch, [oauth.allowInsecureRequests]: insecure };

  return {
    authorizationUrl(parameters: Record<string, string>): string {
      const url = new URL(endpoints.authorizationEndpoint);
      for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
      return url.toString();
    },

    async exchangeCode(input: { code: string; state: string; redirectUri: string; codeVerifier: string }): Promise<TokenAnswer> {
      try {
        // Herald checked and consumed the state already; the library checks the answer's shape.
        const callback = oauth.validateAuthResponse(as, client, new URLSearchParams({ code: input.code, state: input.state }), input.state);
        const response = await oauth.authorizationCodeGrantRequest(as, client, settings.clientAuth, callback, input.redirectUri, input.codeVerifier, requestOptions);
        return await oauth.processAuthorizationCodeResponse(as, client, response);
      } catch (error) {
        return asProviderError(network, error, 'signIn');
      }
    },

    async refresh(refreshToken: string): Promise<TokenAnswer> {
      try {
        const response = await oauth.refreshTokenGrantRequest(as, client, settings.clientAuth, refreshToken, requestOptions);
        return await oauth.processRefreshTokenResponse(as, client, response);
      } catch (error) {
        return asProviderError(network, error, 'refresh');
      }
    },

    async revoke(token: string): Promise<void> {
      try {
        const response = await oauth.revocationRequest(as, client, settings.clientAuth, token, requestOptions);
        await oauth.processRevocationResponse(response);
      } catch (error) {
        asProviderError(network, error, 'revocation');
      }
    },
  };
}

export const secondsFromNow = (seconds: unknown) => (typeof seconds === 'number' ? new Date(Date.now() + seconds * 1000) : null);
