// Connecting a Reddit account (shared/providers.md §11): the consent page asks for a permanent
// grant (`duration=permanent`, the only kind with a refresh token); the code is exchanged at
// /api/v1/access_token with HTTP Basic client authentication (a "web app"); access tokens last an
// hour and are refreshed with the same refresh token; disconnecting revokes the refresh token,
// which ends the whole grant. Every call carries the operator's descriptive User-Agent.
import { reddit } from '../descriptor.ts';
import { form, formHeaders, requestJson } from '../../../server/providers/http.ts';
import type { OAuthProvider, Profile, TokenSet } from '../../../server/providers/provider.ts';
import { apiUrlOf, badAnswer, basicAuth, needs, network, redditCall, redditWords, unescapeUrl, type RedditEndpoints } from './reddit-api.ts';
import { wordedError } from '../../error-words.ts';

type TokenAnswer = { access_token?: unknown; token_type?: unknown; expires_in?: unknown; refresh_token?: unknown; scope?: unknown; error?: unknown; message?: unknown };
type Me = { id?: unknown; name?: unknown; icon_img?: unknown; snoovatar_img?: unknown; subreddit?: { title?: unknown; icon_img?: unknown; display_name_prefixed?: unknown } | null };

const secondsFromNow = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? new Date(Date.now() + value * 1000) : null);
/** Reddit lists granted scopes separated by spaces. */
export const scopesOf = (value: unknown) => (typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : []);

export function createRedditProvider(e: RedditEndpoints): OAuthProvider {
  /** The token endpoint: form body, the app proving itself with HTTP Basic. */
  async function tokenCall(fields: Record<string, string>, what: 'the sign-in' | 'the token refresh'): Promise<TokenSet> {
    const { status, body } = await requestJson(network, `${e.authUrl}/api/v1/access_token`, {
      method: 'POST',
      headers: { ...formHeaders, authorization: basicAuth(e), 'user-agent': e.userAgent, accept: 'application/json' },
      body: form(fields),
      allowPrivate: true,
    });
    const answer = (body ?? {}) as TokenAnswer;
    // Reddit may answer 200 with `{ error: "invalid_grant" }`: the error field decides, not the status.
    if (status >= 400 || typeof answer.error === 'string' || typeof answer.error === 'number') {
      const reason = typeof answer.error === 'string' ? answer.error : typeof answer.message === 'string' ? answer.message : `HTTP ${status}`;
      // A refused refresh means the grant is gone (revoked by the person): reconnect.
      throw wordedError(what === 'the token refresh' ? 'auth' : 'invalid', network, redditWords('tokenCallRefused', { what: redditWords(what === 'the token refresh' ? 'what.tokenRefresh' : 'what.signIn'), reason }), typeof answer.error === 'string' ? answer.error : `http_${status}`);
    }
    if (typeof answer.access_token !== 'string' || !answer.access_token) throw badAnswer(redditWords('answer.accessToken'));
    return {
      accessToken: answer.access_token,
      // A refresh may answer the same refresh token or none: none keeps the stored one.
      refreshToken: typeof answer.refresh_token === 'string' && answer.refresh_token ? answer.refresh_token : undefined,
      accessTokenExpiresAt: secondsFromNow(answer.expires_in),
      // Permanent grants last until revoked.
      refreshTokenExpiresAt: null,
      scopes: scopesOf(answer.scope),
    };
  }

  async function me(accessToken: string): Promise<Profile> {
    const answer = await redditCall<Me>(e, apiUrlOf(e, '/api/v1/me'), accessToken, { need: needs.identity });
    const id = typeof answer.id === 'string' && /^[a-z0-9]+$/i.test(answer.id) ? answer.id : null;
    const name = typeof answer.name === 'string' && answer.name ? answer.name : null;
    if (!id || !name) throw badAnswer(redditWords('answer.accountIdAndName'));
    const title = typeof answer.subreddit?.title === 'string' && answer.subreddit.title.trim() ? answer.subreddit.title.trim() : null;
    return {
      externalId: `t2_${id}`,
      username: name,
      displayName: title ?? `u/${name}`,
      avatarUrl: unescapeUrl(answer.snoovatar_img) ?? unescapeUrl(answer.icon_img) ?? unescapeUrl(answer.subreddit?.icon_img),
      // No ownerExternalId: every connection is its own grant (its own refresh token), so
      // disconnecting one channel revokes its grant without touching another of the same person.
    };
  }

  return {
    network,
    connect: 'oauth',
    // Revoking the refresh token ends the permanent grant (and its access tokens).
    revokes: 'refresh',
    async authorizationUrl({ state, redirectUri }) {
      const url = new URL(`${e.authUrl}/api/v1/authorize`);
      url.search = new URLSearchParams({ client_id: e.clientId, response_type: 'code', state, redirect_uri: redirectUri, duration: 'permanent', scope: reddit.scopes.join(' ') }).toString();
      return url.toString();
    },
    async exchangeCode({ code, redirectUri }) {
      const tokens = await tokenCall({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }, 'the sign-in');
      if (!tokens.refreshToken) throw wordedError('invalid', network, redditWords('notPermanent'), 'not_permanent');
      const profile = await me(tokens.accessToken);
      return { ...tokens, externalId: profile.externalId };
    },
    async refresh(refreshToken) {
      return tokenCall({ grant_type: 'refresh_token', refresh_token: refreshToken }, 'the token refresh');
    },
    async revoke(refreshToken) {
      const { status, body } = await requestJson(network, `${e.authUrl}/api/v1/revoke_token`, {
        method: 'POST',
        headers: { ...formHeaders, authorization: basicAuth(e), 'user-agent': e.userAgent },
        body: form({ token: refreshToken, token_type_hint: 'refresh_token' }),
        allowPrivate: true,
      });
      // 204 whenever the token is no longer valid afterwards, unknown or already revoked tokens included.
      if (status < 300) return;
      const error = (body as { error?: unknown } | null)?.error;
      throw wordedError('invalid', network, redditWords('revokeRefused', { reason: typeof error === 'string' ? error : `HTTP ${status}` }), typeof error === 'string' ? error : `http_${status}`);
    },
    profile: (accessToken) => me(accessToken),
  };
}
