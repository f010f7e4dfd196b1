// Facebook Login for Pages (shared/providers.md §6–7): the dialog, code → short-lived user token →
// long-lived user token, then one connectable account per Page the person manages, each acting
// with its own Page token (derived from the long-lived user token, so it does not expire).
import { facebook } from '../descriptor.ts';
import { ProviderError, type ConnectableAccount, type OAuthProvider, type Profile, type TokenSet } from '../../../server/providers/provider.ts';
import { secondsFromNow } from '../../../server/providers/oauth-client.ts';
import { englishOf } from '../../../server/i18n/stored-words.ts';
import { errorWords, wordedError } from '../../error-words.ts';
import { ref, type MessageRef } from '../../../server/modules/notifications/notification-message.ts';
import { graph, graphUrl, network, type FacebookEndpoints } from './facebook.graph.ts';

type TokenAnswer = { access_token?: string; token_type?: string; expires_in?: number };
type PageAnswer = { id?: string; name?: string; username?: string; access_token?: string; category?: string; tasks?: string[]; picture?: { data?: { url?: string } } };

const badAnswer = (key: 'tokenWithoutToken' | 'profileWithoutId') => wordedError('invalid', network, errorWords(`network-facebook:errors.server.connect.${key}`), 'bad_answer');
/** The picker's line beside a Page: its category (Facebook's own words) and whether the person's role may publish there. */
function pageNote(category: string | undefined, canPost: boolean): MessageRef {
  const key = `network-facebook:connect.${category ? 'pageInCategory' : 'page'}${canPost ? '' : 'ReadOnly'}`;
  return category ? ref(key, { category }) : ref(key);
}

/** Pages a person manages, read page by page; Herald stops after this many (a person with more picks from these). */
const MAX_PAGES = 200;

export function createFacebookProvider(e: FacebookEndpoints): OAuthProvider {
  async function token(query: Record<string, string>): Promise<{ accessToken: string; expiresAt: Date | null }> {
    // Meta documents these exchanges as GETs with the app secret in the query; no token is sent.
    const answer = await graph<TokenAnswer>(graphUrl(e, '/oauth/access_token', { client_id: e.appId, client_secret: e.appSecret, ...query }), {});
    if (!answer.access_token) throw badAnswer('tokenWithoutToken');
    return { accessToken: answer.access_token, expiresAt: secondsFromNow(answer.expires_in) ?? null };
  }

  /** The permissions the person actually granted: the dialog lets them untick any. */
  async function grantedScopes(userToken: string): Promise<string[]> {
    const answer = await graph<{ data?: { permission?: string; status?: string }[] }>(graphUrl(e, '/me/permissions'), { token: userToken });
    return (answer.data ?? []).filter((p) => p.status === 'granted' && p.permission).map((p) => p.permission!);
  }

  /**
   * User tokens just exchanged, whose profile Herald reads next: a user has no `username` field
   * (Graph refuses it, error 12), a Page does.
   */
  const freshUserTokens = new Set<string>();

  async function me(accessToken: string): Promise<Profile> {
    const isUser = freshUserTokens.delete(accessToken);
    const answer = await graph<PageAnswer>(graphUrl(e, '/me', { fields: isUser ? 'id,name,picture{url}' : 'id,name,username,picture{url}' }), { token: accessToken });
    if (!answer.id) throw badAnswer('profileWithoutId');
    return { externalId: String(answer.id), username: answer.username ?? null, displayName: answer.name ?? null, avatarUrl: answer.picture?.data?.url ?? null };
  }

  return {
    network,
    connect: 'oauth',
    // The grant is the person's (DELETE /{user-id}/permissions takes their user token), kept as
    // the channel's second token: a Page token cannot end it.
    revokes: 'refresh',
    async authorizationUrl({ state, redirectUri }) {
      // Facebook Login has no PKCE; the state is Herald's single-use guard.
      const url = new URL(`${e.dialogUrl}/${e.version}/dialog/oauth`);
      url.search = new URLSearchParams({ client_id: e.appId, redirect_uri: redirectUri, state, response_type: 'code', scope: facebook.scopes.join(',') }).toString();
      return url.toString();
    },
    async exchangeCode({ code, redirectUri }): Promise<TokenSet & { externalId: string }> {
      const short = await token({ redirect_uri: redirectUri, code });
      // A short-lived token (an hour or two) cannot be exchanged once expired: exchange it now.
      const long = await token({ grant_type: 'fb_exchange_token', fb_exchange_token: short.accessToken });
      freshUserTokens.add(long.accessToken);
      const [user, scopes] = await Promise.all([me(long.accessToken), grantedScopes(long.accessToken)]);
      // Herald reads the person's profile once more before it offers their Pages.
      freshUserTokens.add(long.accessToken);
      return { externalId: user.externalId, accessToken: long.accessToken, accessTokenExpiresAt: long.expiresAt, refreshToken: long.accessToken, refreshTokenExpiresAt: long.expiresAt, scopes };
    },
    async accounts(tokens): Promise<ConnectableAccount[]> {
      const pages: PageAnswer[] = [];
      let after: string | undefined;
      do {
        const answer = await graph<{ data?: PageAnswer[]; paging?: { cursors?: { after?: string }; next?: string } }>(
          graphUrl(e, '/me/accounts', { fields: 'id,name,username,access_token,category,tasks,picture{url}', limit: '100', after }),
          { token: tokens.accessToken },
        );
        pages.push(...(answer.data ?? []));
        after = answer.paging?.next ? answer.paging.cursors?.after : undefined;
      } while (after && pages.length < MAX_PAGES);
      return pages
        .filter((page): page is PageAnswer & { id: string; access_token: string } => Boolean(page.id && page.access_token))
        .map((page) => {
          const noteWords = pageNote(page.category, !page.tasks || page.tasks.includes('CREATE_CONTENT'));
          return {
            externalId: String(page.id),
            tokens: {
              // A Page token from a long-lived user token has no expiry.
              accessToken: page.access_token,
              accessTokenExpiresAt: null,
              refreshToken: tokens.refreshToken ?? tokens.accessToken,
              refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? null,
              scopes: tokens.scopes,
            },
            profile: {
              externalId: String(page.id),
              username: page.username ?? null,
              displayName: page.name ?? null,
              avatarUrl: page.picture?.data?.url ?? null,
              ownerExternalId: tokens.externalId,
            },
            note: englishOf('network-facebook', noteWords),
            noteWords,
          };
        });
    },
    // No refresh: Page tokens do not expire. When the person's grant ends (password changed, app
    // removed: Graph error 190 with its subcode) every Page token ends with it, and the channel
    // needs the person to connect again; the error's words say why.
    async revoke(userToken) {
      try {
        await graph(graphUrl(e, '/me/permissions'), { method: 'DELETE', token: userToken });
      } catch (error) {
        // A token Meta no longer honours has no grant left to end.
        if (error instanceof ProviderError && error.kind === 'auth') return;
        throw error;
      }
    },
    profile: (accessToken) => me(accessToken),
  };
}
