// Connecting a Pinterest account (shared/providers.md §10): Pinterest's consent page, the code
// exchanged at /v5/oauth/token with HTTP Basic client authentication, continuous refresh (every
// refresh answers a new refresh token, which is stored), the profile from /v5/user_account.
// Pinterest revokes only system-user tokens, so a person's grant is ended in their own settings.
import { pinterest } from '../descriptor.ts';
import { form, formHeaders, requestJson } from '../../../server/providers/http.ts';
import type { OAuthProvider, Profile, TokenSet } from '../../../server/providers/provider.ts';
import { apiUrlOf, badAnswer, network, needs, pinterestCall, pinterestWords, type PinterestEndpoints } from './pinterest-api.ts';
import { wordedError } from '../../error-words.ts';

export type PinterestProviderConfig = PinterestEndpoints & { clientId: string; clientSecret: string };

type TokenAnswer = {
  access_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
  refresh_token?: unknown;
  refresh_token_expires_in?: unknown;
  refresh_token_expires_at?: unknown;
};

const secondsFromNow = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? new Date(Date.now() + value * 1000) : null);

/** Pinterest lists granted scopes separated by commas (some answers use spaces). */
export const scopesOf = (value: unknown) => (typeof value === 'string' ? value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean) : []);

export function createPinterestProvider(config: PinterestProviderConfig): OAuthProvider {
  const basic = `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')}`;

  /** The token endpoint: form body, the app proving itself with HTTP Basic. */
  async function tokenCall(fields: Record<string, string>, what: 'the sign-in' | 'the token refresh'): Promise<TokenSet> {
    const { status, body } = await requestJson(network, apiUrlOf(config.tokenApiUrl, '/oauth/token'), {
      method: 'POST',
      headers: { ...formHeaders, authorization: basic, accept: 'application/json' },
      body: form(fields),
      allowPrivate: true,
    });
    const answer = (body ?? {}) as TokenAnswer & { message?: unknown; code?: unknown };
    if (status >= 400) {
      const message = typeof answer.message === 'string' ? answer.message : `HTTP ${status}`;
      const code = typeof answer.code === 'number' ? `pinterest_${answer.code}` : `http_${status}`;
      // A refused refresh means the refresh token is dead (expired, or access removed): reconnect.
      throw wordedError(what === 'the token refresh' ? 'auth' : 'invalid', network, pinterestWords('tokenCallRefused', { what: pinterestWords(what === 'the token refresh' ? 'what.tokenRefresh' : 'what.signIn'), reason: message }), code);
    }
    if (typeof answer.access_token !== 'string' || !answer.access_token) throw badAnswer(pinterestWords('answer.accessToken'));
    const refreshExpiresAt =
      typeof answer.refresh_token_expires_at === 'number' ? new Date(answer.refresh_token_expires_at * 1000) : secondsFromNow(answer.refresh_token_expires_in);
    return {
      accessToken: answer.access_token,
      refreshToken: typeof answer.refresh_token === 'string' && answer.refresh_token ? answer.refresh_token : null,
      accessTokenExpiresAt: secondsFromNow(answer.expires_in),
      refreshTokenExpiresAt: refreshExpiresAt,
      scopes: scopesOf(answer.scope),
    };
  }

  async function userAccount(accessToken: string) {
    const me = await pinterestCall<{ id?: unknown; username?: unknown; profile_image?: unknown; account_type?: unknown; business_name?: unknown }>(
      apiUrlOf(config.apiUrl, '/user_account'),
      accessToken,
      { need: needs.profile },
    );
    const username = typeof me.username === 'string' && me.username ? me.username : null;
    // The account id is documented; an answer without it is identified by its username.
    const id = typeof me.id === 'string' && /^\d+$/.test(me.id) ? me.id : username;
    if (!id) throw badAnswer(pinterestWords('answer.accountId'));
    return { id, username, me };
  }

  return {
    network,
    connect: 'oauth',
    revokes: 'access',
    async authorizationUrl({ state, redirectUri }) {
      const url = new URL('/oauth/', config.authUrl);
      url.search = new URLSearchParams({ client_id: config.clientId, redirect_uri: redirectUri, response_type: 'code', scope: pinterest.scopes.join(','), state }).toString();
      return url.toString();
    },

    async exchangeCode({ code, redirectUri }) {
      // Apps made before 2025-09-25 get a continuous refresh token only when they ask for it.
      const tokens = await tokenCall({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, continuous_refresh: 'true' }, 'the sign-in');
      const { id } = await userAccount(tokens.accessToken);
      return { ...tokens, externalId: id };
    },

    async refresh(refreshToken) {
      return tokenCall({ grant_type: 'refresh_token', refresh_token: refreshToken, continuous_refresh: 'true' }, 'the token refresh');
    },

    // Pinterest's revoke endpoint takes system-user tokens only (shared/providers.md §10): the
    // descriptor's noRevoke tells the person where to remove Herald; the tokens are deleted.
    async revoke() {},

    async profile(accessToken): Promise<Profile> {
      const { id, username, me } = await userAccount(accessToken);
      const businessName = typeof me.business_name === 'string' && me.business_name ? me.business_name : null;
      return {
        externalId: id,
        username,
        displayName: businessName ?? username,
        avatarUrl: typeof me.profile_image === 'string' && me.profile_image ? me.profile_image : null,
        limits: { accountType: typeof me.account_type === 'string' ? me.account_type : null },
        ownerExternalId: id,
      };
    },
  };
}
