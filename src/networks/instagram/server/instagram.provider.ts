// Connecting Instagram professional accounts (shared/providers.md §6 "Auth details"), both ways
// Meta offers:
// - Instagram Login: instagram.com consent → code exchanged at api.instagram.com for a one-hour
//   token → ig_exchange_token for the 60-day token, which ig_refresh_token renews (the token is
//   its own refresh token). No revoke endpoint is documented: disconnecting deletes the token.
// - Facebook Login: facebook.com consent → short-lived user token → fb_exchange_token (~60 days)
//   → one account per Page with a linked Instagram account, acting with that Page's token (which
//   does not expire). Disconnect removes the app's permissions (DELETE /{user-id}/permissions).
import { requestJson } from '../../../server/providers/http.ts';
import { englishOf } from '../../../server/i18n/stored-words.ts';
import { ref } from '../../../server/modules/notifications/notification-message.ts';
import { graphError, graphErrorOf, graphMessage } from '../../meta-graph/graph-errors.ts';
import { ProviderError, type ConnectableAccount, type OAuthProvider, type Profile } from '../../../server/providers/provider.ts';
import { facebookLoginScopes, instagramLoginScopes } from '../descriptor.ts';
import { graph, idOf, instagramWords as igWords, network, type InstagramEndpoints } from './instagram.graph.ts';
import { wordedError } from '../../error-words.ts';

/**
 * Facebook Login grants Facebook's permission names; Herald records them under the Instagram
 * Login names its descriptor uses, so one set of feature checks serves both logins.
 */
const asInstagramLoginScope: Record<string, string> = {
  instagram_basic: 'instagram_business_basic',
  instagram_content_publish: 'instagram_business_content_publish',
  instagram_manage_insights: 'instagram_business_manage_insights',
};
export function normaliseFacebookScopes(granted: readonly string[]): string[] {
  const have = new Set(granted);
  // Finding the Instagram account behind a Page needs the two Page permissions as well.
  const basic = have.has('instagram_basic') && have.has('pages_show_list') && have.has('pages_read_engagement');
  return Object.entries(asInstagramLoginScope)
    .filter(([facebook, own]) => have.has(facebook) && (own !== 'instagram_business_basic' || basic))
    .map(([, own]) => own);
}

/** The Facebook Login name of a permission Herald knows by its Instagram Login name (for messages). */
export const facebookNameOf = (scope: string) => Object.entries(asInstagramLoginScope).find(([, own]) => own === scope)?.[0] ?? scope;

const expiresIn = (seconds: unknown) => (typeof seconds === 'number' && seconds > 0 ? new Date(Date.now() + seconds * 1000) : null);

/**
 * Instagram cannot renew a token that has expired, and Herald renews tokens shortly before they
 * expire: a long-lived token is recorded as ending a week early, so a Herald that was down on
 * the day still renews it in time (ig_refresh_token needs it only a day old).
 */
const RENEW_MARGIN_S = 7 * 86_400;
const renewableUntil = (seconds: unknown) => expiresIn(typeof seconds === 'number' && seconds > 2 * RENEW_MARGIN_S ? seconds - RENEW_MARGIN_S : seconds);

type IgMe = { id?: unknown; user_id?: unknown; username?: string; name?: string; profile_picture_url?: string };
type PageAccount = { id?: unknown; name?: string; access_token?: string; category?: string; instagram_business_account?: IgMe };

/**
 * Instagram Login's token endpoints answer errors in their own shape ({error_type, code,
 * error_message}); graph.instagram.com's in Meta's envelope, whose 190 subcodes say why a token ended.
 */
function tokenRefusal(status: number, body: unknown, what: 'code' | 'longLived' | 'renew'): ProviderError {
  const refused = (reason: string) => igWords('refused', { what: igWords(`tokenWhat.${what}`), reason });
  const envelope = graphErrorOf(body);
  if (envelope && typeof envelope.code === 'number') {
    const error = graphError(network, 'Instagram', status, envelope);
    return error.kind === 'auth' ? error : wordedError(error.kind, network, refused(graphMessage(envelope)), error.code);
  }
  const b = (body ?? {}) as { error_message?: string; error_description?: string };
  const message = b.error_message ?? b.error_description ?? `HTTP ${status}`;
  // A dead code (used, expired) means the person must consent again.
  const kind = /expired|invalid|used|validat/i.test(message) ? 'auth' : 'invalid';
  return wordedError(kind, network, refused(message), 'token_refused');
}

const profileOf = (me: IgMe, ownerExternalId: string | null): Profile => ({
  externalId: idOf(me.user_id ?? me.id, 'accountId'),
  username: me.username ?? null,
  displayName: me.name || me.username || null,
  avatarUrl: me.profile_picture_url ?? null,
  ownerExternalId,
});

export function createInstagramProvider(endpoints: InstagramEndpoints): OAuthProvider {
  const { appId, appSecret, graph: base } = endpoints;
  const igFields = 'id,user_id,username,name,profile_picture_url';
  const appToken = `${appId}|${appSecret}`;

  async function igMe(accessToken: string): Promise<IgMe> {
    return graph<IgMe>(`${base}/me`, accessToken, { query: { fields: igFields } });
  }

  /** The Instagram account linked to the Page a Page token acts as. */
  async function pageInstagram(pageToken: string): Promise<{ ig: IgMe; pageName: string | null }> {
    const page = await graph<PageAccount>(`${base}/me`, pageToken, { query: { fields: 'id,name,instagram_business_account{id,username,name,profile_picture_url}' } });
    if (!page.instagram_business_account) {
      throw wordedError('invalid', network, page.name ? igWords('noLinkedAccount', { page: page.name }) : igWords('noLinkedAccountUnnamed'), 'no_linked_account');
    }
    return { ig: page.instagram_business_account, pageName: page.name ?? null };
  }

  const instagramLogin: Pick<OAuthProvider, 'authorizationUrl' | 'exchangeCode' | 'refresh' | 'revoke' | 'profile'> = {
    async authorizationUrl({ state, redirectUri }) {
      const url = new URL(`${endpoints.authorizeOrigin}/oauth/authorize`);
      url.search = new URLSearchParams({ client_id: appId, redirect_uri: redirectUri, response_type: 'code', scope: instagramLoginScopes.join(','), state }).toString();
      return url.toString();
    },
    async exchangeCode({ code, redirectUri }) {
      const short = await requestJson(network, `${endpoints.tokenOrigin}/oauth/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: appId, client_secret: appSecret, grant_type: 'authorization_code', redirect_uri: redirectUri, code }).toString(),
        allowPrivate: true,
      });
      // Meta has answered both `{ access_token, user_id, permissions }` and `{ data: [that] }`.
      const first = ((short.body as { data?: unknown[] })?.data?.[0] ?? short.body ?? {}) as { access_token?: string; user_id?: unknown; permissions?: string | string[] };
      if (short.status >= 400 || !first.access_token) throw tokenRefusal(short.status, short.body, 'code');
      const permissions = Array.isArray(first.permissions) ? first.permissions : String(first.permissions ?? '').split(',');
      // The one-hour token is exchanged at once: an expired one cannot be.
      const long = await requestJson(network, `${endpoints.graphOrigin}/access_token?${new URLSearchParams({ grant_type: 'ig_exchange_token', client_secret: appSecret, access_token: first.access_token })}`, { allowPrivate: true });
      const answer = (long.body ?? {}) as { access_token?: string; expires_in?: number };
      if (long.status >= 400 || !answer.access_token) throw tokenRefusal(long.status, long.body, 'longLived');
      const me = await igMe(answer.access_token);
      const expiresAt = renewableUntil(answer.expires_in);
      return {
        externalId: idOf(me.user_id ?? me.id, 'accountId'),
        accessToken: answer.access_token,
        // Instagram renews the long-lived token itself (ig_refresh_token): it is its own refresh token.
        refreshToken: answer.access_token,
        accessTokenExpiresAt: expiresAt,
        refreshTokenExpiresAt: expiresAt,
        scopes: permissions.map((p) => p.trim()).filter(Boolean),
      };
    },
    async refresh(refreshToken) {
      const { status, body } = await requestJson(network, `${endpoints.graphOrigin}/refresh_access_token?${new URLSearchParams({ grant_type: 'ig_refresh_token', access_token: refreshToken })}`, { allowPrivate: true });
      const answer = (body ?? {}) as { access_token?: string; expires_in?: number };
      if (status >= 400 || !answer.access_token) throw tokenRefusal(status, body, 'renew');
      const expiresAt = renewableUntil(answer.expires_in);
      return { accessToken: answer.access_token, refreshToken: answer.access_token, accessTokenExpiresAt: expiresAt, refreshTokenExpiresAt: expiresAt, scopes: [] };
    },
    // Instagram Login documents no way to end a token (shared/providers.md §6): Herald deletes it,
    // and the person removes Herald under Settings → Apps and websites on Instagram.
    async revoke() {},
    async profile(accessToken) {
      const me = await igMe(accessToken);
      return profileOf(me, me.id !== undefined ? String(me.id) : null);
    },
  };

  const facebookLogin: Pick<OAuthProvider, 'authorizationUrl' | 'exchangeCode' | 'revoke' | 'profile' | 'accounts'> = {
    async authorizationUrl({ state, redirectUri }) {
      const url = new URL(`${endpoints.authorizeOrigin}/${endpoints.version}/dialog/oauth`);
      url.search = new URLSearchParams({ client_id: appId, redirect_uri: redirectUri, response_type: 'code', scope: facebookLoginScopes.join(','), state }).toString();
      return url.toString();
    },
    async exchangeCode({ code, redirectUri }) {
      const short = await graph<{ access_token?: string }>(`${base}/oauth/access_token`, '', { query: { client_id: appId, client_secret: appSecret, redirect_uri: redirectUri, code } }).catch((error: unknown) => {
        throw error instanceof ProviderError && error.kind === 'invalid' ? new ProviderError('auth', network, error.message, error.code, { words: error.words }) : error;
      });
      if (!short.access_token) throw wordedError('invalid', network, igWords('noShortToken'), 'bad_answer');
      const long = await graph<{ access_token?: string; expires_in?: number }>(`${base}/oauth/access_token`, '', {
        query: { grant_type: 'fb_exchange_token', client_id: appId, client_secret: appSecret, fb_exchange_token: short.access_token },
      });
      if (!long.access_token) throw wordedError('invalid', network, igWords('noLongToken'), 'bad_answer');
      const me = await graph<{ id?: unknown }>(`${base}/me`, long.access_token, { query: { fields: 'id,name' } });
      const permissions = await graph<{ data?: { permission?: string; status?: string }[] }>(`${base}/me/permissions`, long.access_token);
      const granted = (permissions.data ?? []).filter((p) => p.status === 'granted' && p.permission).map((p) => p.permission!);
      return { externalId: idOf(me.id, 'facebookUserId'), accessToken: long.access_token, refreshToken: null, accessTokenExpiresAt: expiresIn(long.expires_in), scopes: normaliseFacebookScopes(granted) };
    },
    /** One account per Page with a linked Instagram professional account, with that Page's token. */
    async accounts(tokens) {
      const found: ConnectableAccount[] = [];
      let next: string | undefined = `${base}/me/accounts`;
      for (let page = 0; next && page < 10; page += 1) {
        const answer: { data?: PageAccount[]; paging?: { next?: string } } = await graph(next, tokens.accessToken, {
          query: page === 0 ? { fields: 'id,name,category,access_token,instagram_business_account{id,username,name,profile_picture_url}', limit: '100' } : {},
        });
        for (const item of answer.data ?? []) {
          if (!item.instagram_business_account || !item.access_token) continue;
          const profile = profileOf(item.instagram_business_account, tokens.externalId);
          const noteWords = item.name ? ref('network-instagram:connect.linkedPage', { page: item.name }) : null;
          found.push({
            externalId: profile.externalId,
            // Page tokens derived from a long-lived user token do not expire.
            tokens: { accessToken: item.access_token, refreshToken: null, accessTokenExpiresAt: null, scopes: tokens.scopes },
            profile,
            note: noteWords && englishOf('network-instagram', noteWords),
            noteWords,
          });
        }
        next = answer.paging?.next;
      }
      return found;
    },
    async revoke(accessToken) {
      // Whose grant it is: the Page token belongs to the Facebook user who consented.
      let userId: string;
      try {
        const debug = await graph<{ data?: { user_id?: unknown; is_valid?: boolean } }>(`${base}/debug_token`, appToken, { query: { input_token: accessToken } });
        if (!debug.data?.is_valid || debug.data.user_id === undefined) return;
        userId = idOf(debug.data.user_id, 'facebookUserId');
      } catch (error) {
        // A token Meta no longer knows is as revoked as it gets.
        if (error instanceof ProviderError && error.kind === 'auth') return;
        throw error;
      }
      await graph(`${base}/${userId}/permissions`, appToken, { method: 'DELETE' });
    },
    async profile(accessToken) {
      // Right after the consent Herald holds the person's own token; a channel holds a Page token.
      const debug = await graph<{ data?: { type?: string; user_id?: unknown } }>(`${base}/debug_token`, appToken, { query: { input_token: accessToken } });
      if (debug.data?.type === 'USER') {
        const me = await graph<{ id?: unknown; name?: string }>(`${base}/me`, accessToken, { query: { fields: 'id,name' } });
        const id = idOf(me.id, 'facebookUserId');
        return { externalId: id, username: null, displayName: me.name ?? null, avatarUrl: null, ownerExternalId: id };
      }
      const { ig } = await pageInstagram(accessToken);
      return profileOf(ig, debug.data?.user_id !== undefined ? idOf(debug.data.user_id, 'facebookUserId') : null);
    },
  };

  const flavour = endpoints.login === 'facebook' ? facebookLogin : instagramLogin;
  return {
    network,
    connect: 'oauth',
    revokes: 'access',
    ...flavour,
    // Page tokens do not expire and Facebook has no refresh grant: only Instagram Login refreshes.
    ...(endpoints.login === 'instagram'
      ? {
          refresh: instagramLogin.refresh,
          noRevoke: 'Herald deletes the token at once; to remove Herald from the account too, open Instagram → Settings → Apps and websites and remove it there.',
        }
      : {}),
  } as OAuthProvider;
}
