import { networks } from '../../../shared/networks.ts';
import { form, formHeaders, requestJson } from '../http.ts';
import { ProviderError, type OAuthProvider, type Profile, type TokenSet } from '../provider.ts';

export type TikTokConfig = { clientKey: string; clientSecret: string; authUrl: string; apiUrl: string };

type TokenAnswer = {
  open_id?: string;
  scope?: string;
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_expires_in?: number;
  error?: string;
  error_description?: string;
};
type ApiAnswer<T> = { data?: T; error?: { code?: string; message?: string } };

const inSeconds = (seconds: number | undefined) => (typeof seconds === 'number' ? new Date(Date.now() + seconds * 1000) : null);

// TikTok Login Kit v2: OAuth 2 with TikTok's own parameter names (`client_key`) and a flat token
// answer, which is why this speaks plain HTTP instead of a generic OAuth client (ADR 0007).
export function createTikTokProvider(config: TikTokConfig): OAuthProvider {
  const network = 'tiktok' as const;

  async function tokenCall(params: Record<string, string>): Promise<TokenSet & { externalId: string }> {
    const { status, body } = await requestJson(network, `${config.apiUrl}/v2/oauth/token/`, {
      method: 'POST',
      headers: formHeaders,
      body: form({ client_key: config.clientKey, client_secret: config.clientSecret, ...params }),
    });
    const answer = (body ?? {}) as TokenAnswer;
    if (answer.error || status >= 400) {
      const kind = answer.error === 'invalid_grant' ? 'auth' : 'invalid';
      throw new ProviderError(kind, network, `TikTok refused the request: ${answer.error_description ?? answer.error ?? `HTTP ${status}`}`, answer.error);
    }
    if (!answer.access_token || !answer.open_id) throw new ProviderError('invalid', network, 'TikTok sent a token answer without a token');
    return {
      externalId: answer.open_id,
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token ?? null,
      accessTokenExpiresAt: inSeconds(answer.expires_in),
      refreshTokenExpiresAt: inSeconds(answer.refresh_expires_in),
      scopes: (answer.scope ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    };
  }

  return {
    network,
    async authorizationUrl({ state, redirectUri, codeChallenge }) {
      const url = new URL('/v2/auth/authorize/', config.authUrl);
      url.search = new URLSearchParams({
        client_key: config.clientKey,
        scope: networks.tiktok.scopes.join(','),
        response_type: 'code',
        redirect_uri: redirectUri,
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },
    exchangeCode({ code, redirectUri, codeVerifier }) {
      return tokenCall({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier });
    },
    refresh(refreshToken) {
      return tokenCall({ grant_type: 'refresh_token', refresh_token: refreshToken });
    },
    async revoke(accessToken) {
      const { status, body } = await requestJson(network, `${config.apiUrl}/v2/oauth/revoke/`, {
        method: 'POST',
        headers: formHeaders,
        body: form({ client_key: config.clientKey, client_secret: config.clientSecret, token: accessToken }),
      });
      const answer = (body ?? {}) as TokenAnswer;
      // A token TikTok no longer knows is as revoked as it gets.
      if (status >= 400 && answer.error !== 'invalid_grant') {
        throw new ProviderError('invalid', network, `TikTok did not revoke the token: ${answer.error_description ?? answer.error ?? status}`, answer.error);
      }
    },
    async profile(accessToken): Promise<Profile> {
      const fields = 'open_id,avatar_url,display_name,username';
      const { status, body } = await requestJson(network, `${config.apiUrl}/v2/user/info/?fields=${fields}`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      const answer = (body ?? {}) as ApiAnswer<{ user?: { open_id?: string; avatar_url?: string; display_name?: string; username?: string } }>;
      if (status === 401) throw new ProviderError('auth', network, 'TikTok rejected the access token', answer.error?.code);
      const user = answer.data?.user;
      if (status >= 400 || answer.error?.code !== 'ok' || !user?.open_id) {
        throw new ProviderError('invalid', network, `TikTok did not return the profile: ${answer.error?.message || answer.error?.code || status}`, answer.error?.code);
      }
      return { externalId: user.open_id, username: user.username ?? null, displayName: user.display_name ?? null, avatarUrl: user.avatar_url ?? null };
    },
  };
}
