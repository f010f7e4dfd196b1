import { tiktok } from '../descriptor.ts';
import { requestJson } from '../../../server/providers/http.ts';
import { createOAuthClient, secondsFromNow, type TokenAnswer } from '../../../server/providers/oauth-client.ts';
import { ProviderError, type OAuthProvider, type Profile, type TokenSet } from '../../../server/providers/provider.ts';
import { missingScope } from './tiktok.publisher.ts';
import { errorWords, wordedError } from '../../error-words.ts';

export type TikTokConfig = { clientKey: string; clientSecret: string; authUrl: string; apiUrl: string };

type ApiAnswer<T> = { data?: T; error?: { code?: string; message?: string } };

// TikTok Login Kit v2 is OAuth 2 with its own name for the client id (`client_key`, sent in the
// body with the secret, never `client_id`) and `open_id` in the token answer.
export function createTikTokProvider(config: TikTokConfig): OAuthProvider {
  const network = 'tiktok' as const;
  const client = createOAuthClient(
    network,
    {
      issuer: config.authUrl,
      authorizationEndpoint: new URL('/v2/auth/authorize/', config.authUrl).toString(),
      tokenEndpoint: new URL('/v2/oauth/token/', config.apiUrl).toString(),
      revocationEndpoint: new URL('/v2/oauth/revoke/', config.apiUrl).toString(),
    },
    {
      clientId: config.clientKey,
      // TikTok's endpoints come from the operator's configuration, never from a user.
      allowPrivate: true,
      clientAuth: (_as, _client, body) => {
        body.set('client_key', config.clientKey);
        body.set('client_secret', config.clientSecret);
      },
    },
  );

  function tokenSet(answer: TokenAnswer): TokenSet & { externalId: string } {
    if (typeof answer.open_id !== 'string') throw wordedError('invalid', network, errorWords('network-tiktok:errors.tokenWithoutAccount'), 'bad_answer');
    return {
      externalId: answer.open_id,
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token ?? null,
      accessTokenExpiresAt: secondsFromNow(answer.expires_in),
      refreshTokenExpiresAt: secondsFromNow(answer.refresh_expires_in),
      // TikTok separates granted scopes with commas, not spaces.
      scopes: (answer.scope ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    };
  }

  return {
    network,
    connect: 'oauth',
    revokes: 'access',
    async authorizationUrl({ state, redirectUri, codeChallenge }) {
      return client.authorizationUrl({
        client_key: config.clientKey,
        scope: tiktok.scopes.join(','),
        response_type: 'code',
        redirect_uri: redirectUri,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
    },
    async exchangeCode({ code, state, redirectUri, codeVerifier }) {
      return tokenSet(await client.exchangeCode({ code, state, redirectUri, codeVerifier }));
    },
    async refresh(refreshToken) {
      return tokenSet(await client.refresh(refreshToken));
    },
    async revoke(accessToken) {
      try {
        await client.revoke(accessToken);
      } catch (error) {
        // A token TikTok no longer knows is as revoked as it gets.
        if (!(error instanceof ProviderError && (error.code === 'invalid_grant' || error.code === 'invalid_request'))) throw error;
      }
    },
    async profile(accessToken): Promise<Profile> {
      const fields = 'open_id,avatar_url,display_name,username';
      const { status, body } = await requestJson(network, `${config.apiUrl}/v2/user/info/?fields=${fields}`, {
        headers: { authorization: `Bearer ${accessToken}` },
        allowPrivate: true,
      });
      const answer = (body ?? {}) as ApiAnswer<{ user?: { open_id?: string; avatar_url?: string; display_name?: string; username?: string } }>;
      if (answer.error?.code === 'scope_not_authorized' || answer.error?.code === 'scope_permission_missed') {
        throw missingScope(answer.error.code, { scope: 'user.info.profile', what: "reading the account's name and picture" });
      }
      if (status === 401) throw wordedError('auth', network, errorWords('network-tiktok:errors.tokenRejected'), answer.error?.code);
      const user = answer.data?.user;
      if (status >= 400 || answer.error?.code !== 'ok' || !user?.open_id) {
        throw wordedError('invalid', network, errorWords('network-tiktok:errors.noProfile', { reason: answer.error?.message || answer.error?.code || status }), answer.error?.code);
      }
      return { externalId: user.open_id, username: user.username ?? null, displayName: user.display_name ?? null, avatarUrl: user.avatar_url ?? null };
    },
  };
}
