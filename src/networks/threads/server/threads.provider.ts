// Connecting a Threads account (shared/providers.md §8): Threads' authorization window, the code
// exchanged for a one-hour token, that token exchanged at once for a 60-day one, refreshed with
// th_refresh_token before it runs out. Threads has no revoke endpoint.
import { threads } from '../descriptor.ts';
import { graphJson } from '../../meta-graph/graph-request.ts';
import { ProviderError, type OAuthProvider, type Profile, type TokenSet } from '../../../server/providers/provider.ts';
import { wordedError } from '../../error-words.ts';
import { badAnswer, graphUrl, idOf, label, network, threadsCall, threadsWords, tokenUrl, type ThreadsEndpoints } from './threads-api.ts';

export type ThreadsProviderConfig = ThreadsEndpoints & {
  appId: string;
  appSecret: string;
  /** Threads refuses to renew a token younger than this (24 h). */
  refreshMinAgeMs: number;
};

const HOUR = 3_600_000;

/*
 * Threads renews the long-lived token itself (there is no separate refresh token), and only once
 * it is 24 hours old. Herald's lifecycle hands `refresh` the stored refresh token alone, so the
 * token is stored there with the time it was issued: Herald can tell a too-young token without
 * asking Threads (whose only way to tell, debug_token, needs a tester's token).
 */
const REFRESH_PREFIX = 'threads-long-lived:';
export const refreshTokenFor = (accessToken: string, issuedAt: number) => `${REFRESH_PREFIX}${issuedAt}:${accessToken}`;
export function readRefreshToken(stored: string): { token: string; issuedAt: number | null } {
  const match = /^threads-long-lived:(\d+):(.+)$/s.exec(stored);
  return match ? { token: match[2]!, issuedAt: Number(match[1]) } : { token: stored, issuedAt: null };
}

type LongLived = { access_token?: unknown; expires_in?: unknown };

function longLivedSet(answer: LongLived, scopes: string[]): TokenSet {
  if (typeof answer.access_token !== 'string' || !answer.access_token) throw badAnswer('longLivedToken');
  const issuedAt = Date.now();
  const expiresAt = typeof answer.expires_in === 'number' ? new Date(issuedAt + answer.expires_in * 1000) : null;
  return { accessToken: answer.access_token, refreshToken: refreshTokenFor(answer.access_token, issuedAt), accessTokenExpiresAt: expiresAt, refreshTokenExpiresAt: expiresAt, scopes };
}

const wholeHours = (ms: number) => Math.max(0, Math.floor(ms / HOUR));

export function createThreadsProvider(config: ThreadsProviderConfig): OAuthProvider {
  /** POSTs a form to a token endpoint (no access token: the app proves itself with its secret). */
  const tokenCall = <T>(url: string, init: { method: 'GET' | 'POST'; form?: Record<string, string> }) =>
    graphJson<T>(network, url, {
      label,
      method: init.method,
      ...(init.form ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(init.form).toString() } : {}),
      allowPrivate: true,
    }).then((r) => r.body);

  /**
   * Which permissions the person left ticked. Threads does not say (only debug_token does, and
   * only for an app's testers), so Herald reads once with each permission it can test: a
   * permission error means it was not granted, and the features needing it show as off.
   * threads_manage_replies has no read to test it by; it is taken as granted and named if a reply
   * is refused. Any other failure of a test read proves nothing and keeps the permission.
   */
  async function grantedScopes(accessToken: string, userId: string): Promise<string[]> {
    const probes: Record<string, string> = {
      threads_content_publish: graphUrl(config.apiUrl, `/${userId}/threads_publishing_limit`, { fields: 'quota_usage' }),
      threads_read_replies: graphUrl(config.apiUrl, `/${userId}/replies`, { fields: 'id', limit: '1' }),
      threads_manage_insights: graphUrl(config.apiUrl, `/${userId}/threads_insights`, { metric: 'followers_count' }),
    };
    const refused = await Promise.all(
      Object.entries(probes).map(([scope, url]) =>
        threadsCall(url, accessToken).then(
          () => null,
          (error: unknown) => (error instanceof ProviderError && error.kind === 'scope' ? scope : null),
        ),
      ),
    );
    return threads.scopes.filter((scope) => !refused.includes(scope));
  }

  return {
    network,
    connect: 'oauth',
    revokes: 'access',
    async authorizationUrl({ state, redirectUri }) {
      const url = new URL('/oauth/authorize', config.authUrl);
      url.search = new URLSearchParams({ client_id: config.appId, redirect_uri: redirectUri, scope: threads.scopes.join(','), response_type: 'code', state }).toString();
      return url.toString();
    },

    async exchangeCode({ code, redirectUri }) {
      const short = await tokenCall<{ access_token?: unknown; user_id?: unknown }>(tokenUrl(config.apiUrl, '/oauth/access_token'), {
        method: 'POST',
        form: { client_id: config.appId, client_secret: config.appSecret, grant_type: 'authorization_code', redirect_uri: redirectUri, code },
      });
      const userId = idOf(short.user_id);
      if (typeof short.access_token !== 'string' || !userId) throw badAnswer('tokenAndUserId');
      // The one-hour token is never stored: it is exchanged at once for a 60-day one.
      const exchange = new URL(tokenUrl(config.apiUrl, '/access_token'));
      exchange.search = new URLSearchParams({ grant_type: 'th_exchange_token', client_secret: config.appSecret, access_token: short.access_token }).toString();
      const long = await tokenCall<LongLived>(exchange.toString(), { method: 'GET' });
      const tokens = longLivedSet(long, []);
      return { ...tokens, scopes: await grantedScopes(tokens.accessToken, userId), externalId: userId };
    },

    async refresh(stored) {
      const { token, issuedAt } = readRefreshToken(stored);
      const age = issuedAt === null ? Number.POSITIVE_INFINITY : Date.now() - issuedAt;
      // A token this young is refreshed only after Threads rejected it, and Threads renews only a
      // valid token at least 24 h old: asking would fail, so Herald says why and asks for a reconnect.
      if (age < config.refreshMinAgeMs) {
        const words = threadsWords('refreshTooEarly', { minHours: wholeHours(config.refreshMinAgeMs), ageHours: wholeHours(age) });
        throw wordedError('auth', network, words, 'refresh_too_early');
      }
      const url = new URL(tokenUrl(config.apiUrl, '/refresh_access_token'));
      url.search = new URLSearchParams({ grant_type: 'th_refresh_token', access_token: token }).toString();
      // Granted permissions do not change with a refresh: an empty list keeps the stored ones.
      return longLivedSet(await tokenCall<LongLived>(url.toString(), { method: 'GET' }), []);
    },

    // Threads has no endpoint to end an app's access (the descriptor's noRevoke says so on the
    // disconnect dialog); Herald deletes the token, which is all there is to do.
    async revoke() {},

    async profile(accessToken): Promise<Profile> {
      const me = await threadsCall<{ id?: unknown; username?: unknown; name?: unknown; threads_profile_picture_url?: unknown }>(
        graphUrl(config.apiUrl, '/me', { fields: 'id,username,name,threads_profile_picture_url' }),
        accessToken,
      );
      const id = idOf(me.id);
      if (!id) throw badAnswer('accountId');
      const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
      // One consent is one Threads account: it is both the channel and the person behind it.
      return { externalId: id, username: text(me.username), displayName: text(me.name) ?? text(me.username), avatarUrl: text(me.threads_profile_picture_url), ownerExternalId: id };
    },
  };
}
