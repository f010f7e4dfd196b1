// Connecting X (shared/providers.md §4): OAuth 2.0 authorization code with PKCE (S256) for a
// confidential client, which authenticates with Basic auth at the token and revoke endpoints.
// Access tokens last 2 hours; `offline.access` brings a refresh token, and each refresh answers a
// new one (the old one dies): Herald's single-flight refresh keeps whichever came last.
import { xScopes, X_LONG_TEXT_LIMIT, X_TEXT_LIMIT } from '../descriptor.ts';
import { form, formHeaders, requestJson } from '../../../server/providers/http.ts';
import { secondsFromNow } from '../../../server/providers/oauth-client.ts';
import type { OAuthProvider, Profile, TokenSet } from '../../../server/providers/provider.ts';
import { badAnswer, basicAuth, network, xCall, xWords, type XEndpoints } from './x-api.ts';
import { wordedError } from '../../error-words.ts';

type TokenAnswer = { access_token?: string; expires_in?: number; refresh_token?: string; scope?: string; token_type?: string; error?: string; error_description?: string };
export type XUser = {
  id?: string;
  name?: string;
  username?: string;
  profile_image_url?: string;
  verified?: boolean;
  verified_type?: string;
  subscription_type?: string;
};

/** Subscribers (Premium, verified organisations) may post long text. */
export function subscribes(user: XUser): boolean {
  const subscription = (user.subscription_type ?? 'None').toLowerCase();
  const verified = (user.verified_type ?? 'none').toLowerCase();
  return (subscription !== 'none' && subscription !== '') || ['blue', 'business', 'government'].includes(verified);
}

const profileNeed = { scope: 'users.read', what: 'reading your name and picture' };
export const userFields = 'profile_image_url,verified,verified_type,subscription_type';

export function profileOf(user: XUser): Profile {
  if (!user.id) throw badAnswer(xWords('answer.accountId'));
  return {
    externalId: String(user.id),
    username: user.username ?? null,
    displayName: user.name ?? null,
    // X serves a 48×48 "_normal" picture; the 400×400 one is the same address without it.
    avatarUrl: user.profile_image_url ? user.profile_image_url.replace('_normal.', '_400x400.') : null,
    limits: { textMax: subscribes(user) ? X_LONG_TEXT_LIMIT : X_TEXT_LIMIT, subscriber: subscribes(user) },
  };
}

export async function me(e: XEndpoints, accessToken: string): Promise<XUser> {
  const { body } = await xCall<{ data?: XUser }>(e, `/2/users/me?user.fields=${userFields}`, accessToken, { need: profileNeed, account: accessToken.slice(-12), endpoint: 'users/me' });
  if (!body?.data?.id) throw badAnswer(xWords('answer.account'));
  return body.data;
}

export function createXProvider(e: XEndpoints): OAuthProvider {
  async function token(fields: Record<string, string>): Promise<TokenSet> {
    const { status, body } = await requestJson(network, `${e.apiUrl}/2/oauth2/token`, {
      method: 'POST',
      headers: { ...formHeaders, authorization: basicAuth(e) },
      body: form({ ...fields, client_id: e.clientId }),
      allowPrivate: true,
    });
    const answer = (body ?? {}) as TokenAnswer;
    if (status >= 400 || answer.error) {
      const why = answer.error_description ?? answer.error ?? `HTTP ${status}`;
      // A used, revoked or expired code or refresh token: only a new consent helps.
      const dead = answer.error === 'invalid_grant' || answer.error === 'invalid_request' || status === 401;
      throw wordedError(dead ? 'auth' : 'invalid', network, xWords('tokenCallRefused', { what: xWords(fields.grant_type === 'refresh_token' ? 'what.tokenRefresh' : 'what.signIn'), reason: why }), answer.error ?? `http_${status}`);
    }
    if (!answer.access_token) throw badAnswer(xWords('answer.accessToken'));
    return {
      accessToken: answer.access_token,
      accessTokenExpiresAt: secondsFromNow(answer.expires_in),
      // Rotated on every refresh: the new one replaces the stored one.
      refreshToken: answer.refresh_token ?? null,
      refreshTokenExpiresAt: null,
      scopes: (answer.scope ?? '').split(/\s+/).filter(Boolean),
    };
  }

  return {
    network,
    connect: 'oauth',
    // Ending the refresh token ends the grant (offline access) as a whole.
    revokes: 'refresh',
    async authorizationUrl({ state, redirectUri, codeChallenge }) {
      const url = new URL(e.authorizeUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: e.clientId,
        redirect_uri: redirectUri,
        scope: xScopes.join(' '),
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },
    async exchangeCode({ code, redirectUri, codeVerifier }) {
      // X's codes live 30 seconds: exchanged at once.
      const tokens = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier });
      const user = await me(e, tokens.accessToken);
      return { ...tokens, externalId: String(user.id) };
    },
    async refresh(refreshToken) {
      return token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    },
    async revoke(refreshToken) {
      const { status, body } = await requestJson(network, `${e.apiUrl}/2/oauth2/revoke`, {
        method: 'POST',
        headers: { ...formHeaders, authorization: basicAuth(e) },
        body: form({ token: refreshToken, token_type_hint: 'refresh_token', client_id: e.clientId }),
        allowPrivate: true,
      });
      if (status < 400) return;
      const answer = (body ?? {}) as TokenAnswer;
      // A token X no longer honours has no access left to end.
      if (status === 400 && /invalid|expired|revoked/i.test(`${answer.error ?? ''} ${answer.error_description ?? ''}`)) return;
      throw wordedError('invalid', network, xWords('revokeRefused', { reason: answer.error_description ?? answer.error ?? `HTTP ${status}` }), answer.error ?? `http_${status}`);
    },
    async profile(accessToken) {
      return profileOf(await me(e, accessToken));
    },
  };
}
