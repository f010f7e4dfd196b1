// Connecting a YouTube channel (shared/providers.md §9): Google OAuth 2.0 web-server flow with
// PKCE, offline access (a refresh token) and a fresh consent each time (prompt=consent, so Google
// sends a refresh token again); refresh tokens do not rotate; revoke ends the whole grant.
import { youtube } from '../descriptor.ts';
import { createOAuthClient, secondsFromNow, type TokenAnswer } from '../../../server/providers/oauth-client.ts';
import { ProviderError, type OAuthProvider, type Profile, type TokenSet } from '../../../server/providers/provider.ts';
import type { UsageLedger } from '../../../server/providers/publishing.ts';
import { charge, myChannel, network, type QuotaSettings, type YouTubeEndpoints } from './youtube-api.ts';

export type YouTubeProviderConfig = YouTubeEndpoints & {
  clientId: string;
  clientSecret: string;
  authUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  /** The Google project's consent screen is in "Testing": Google ends refresh tokens after 7 days. */
  appInTesting: boolean;
  quota: QuotaSettings;
  usage?: UsageLedger;
};

/** Google ends the refresh tokens of an app in Testing status after 7 days. */
export const TESTING_REFRESH_TTL_MS = 7 * 86_400_000;

export function createYouTubeProvider(config: YouTubeProviderConfig): OAuthProvider {
  const client = createOAuthClient(
    network,
    { issuer: new URL(config.authUrl).origin, authorizationEndpoint: config.authUrl, tokenEndpoint: config.tokenUrl, revocationEndpoint: config.revokeUrl },
    {
      clientId: config.clientId,
      // Google's endpoints come from the operator's configuration, never from a user.
      allowPrivate: true,
      // client_secret_post, as Google's web-server flow documents it.
      clientAuth: (_as, _client, body) => {
        body.set('client_id', config.clientId);
        body.set('client_secret', config.clientSecret);
      },
    },
  );

  function tokenSet(answer: TokenAnswer, withRefresh: boolean): TokenSet {
    return {
      accessToken: answer.access_token,
      // Google sends a refresh token only with the code (access_type=offline); a refresh keeps the stored one.
      ...(withRefresh ? { refreshToken: answer.refresh_token ?? null, refreshTokenExpiresAt: config.appInTesting && answer.refresh_token ? new Date(Date.now() + TESTING_REFRESH_TTL_MS) : null } : {}),
      accessTokenExpiresAt: secondsFromNow(answer.expires_in),
      // Granular consent: the person may untick scopes; `scope` says what was granted.
      scopes: (answer.scope ?? '').split(' ').map((s) => s.trim()).filter(Boolean),
    };
  }

  async function channelOf(accessToken: string) {
    await charge(config.usage, config.quota, 'channels.list');
    return myChannel(config, accessToken);
  }

  return {
    network,
    connect: 'oauth',
    // Revoking the refresh token ends the grant and every access token issued from it.
    revokes: 'refresh',
    async authorizationUrl({ state, redirectUri, codeChallenge }) {
      return client.authorizationUrl({
        client_id: config.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: youtube.scopes.join(' '),
        state,
        access_type: 'offline',
        prompt: 'consent',
        include_granted_scopes: 'true',
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
    },
    async exchangeCode({ code, state, redirectUri, codeVerifier }) {
      const tokens = tokenSet(await client.exchangeCode({ code, state, redirectUri, codeVerifier }), true);
      // Google's token answer does not say which channel: the channel the token acts for does.
      const channel = await channelOf(tokens.accessToken);
      return { ...tokens, externalId: channel.id! };
    },
    async refresh(refreshToken) {
      return tokenSet(await client.refresh(refreshToken), false);
    },
    async revoke(token) {
      try {
        await client.revoke(token);
      } catch (error) {
        // A token Google no longer knows (expired, revoked in the Google account) is as revoked as it gets.
        if (!(error instanceof ProviderError && (error.code === 'invalid_token' || error.code === 'invalid_grant'))) throw error;
      }
    },
    async profile(accessToken): Promise<Profile> {
      const channel = await channelOf(accessToken);
      const thumbnails = channel.snippet?.thumbnails ?? {};
      return {
        externalId: channel.id!,
        username: channel.snippet?.customUrl?.replace(/^@/, '') ?? null,
        displayName: channel.snippet?.title ?? null,
        avatarUrl: thumbnails.medium?.url ?? thumbnails.default?.url ?? null,
      };
    },
  };
}
