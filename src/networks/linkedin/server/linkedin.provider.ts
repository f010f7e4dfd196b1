// Connecting LinkedIn (shared/providers.md §5): the authorization-code flow with the client secret,
// the member read from the OpenID userinfo endpoint, and, when the Page scopes were granted, the
// Company Pages the member administers, each offered as a channel of its own beside the member.
// Access tokens last 60 days; only apps approved for programmatic refresh get a refresh token.
import { memberAnalyticsScope, memberScopes, organizationScopes } from '../descriptor.ts';
import { form, formHeaders, requestJson } from '../../../server/providers/http.ts';
import { secondsFromNow } from '../../../server/providers/oauth-client.ts';
import { englishOf } from '../../../server/i18n/stored-words.ts';
import { ref } from '../../../server/modules/notifications/notification-message.ts';
import type { ConnectableAccount, OAuthProvider, Profile, TokenSet } from '../../../server/providers/provider.ts';
import { apiUrl, badAnswer, linkedinCall, linkedinWords, network, type LinkedInEndpoints } from './linkedin-api.ts';
import { wordedError } from '../../error-words.ts';

type TokenAnswer = { access_token?: string; expires_in?: number; refresh_token?: string; refresh_token_expires_in?: number; scope?: string; error?: string; error_description?: string };
type UserInfo = { sub?: string; name?: string; given_name?: string; family_name?: string; picture?: string };
type Organization = { id?: number | string; localizedName?: string; vanityName?: string; logoV2?: { original?: string; 'original~'?: { elements?: { identifiers?: { identifier?: string }[] }[] } } };
type Acl = { organizationalTarget?: string; role?: string; state?: string; 'organizationalTarget~'?: Organization };

const personUrn = (id: string) => `urn:li:person:${id}`;
const organizationId = (urn: string) => /^urn:li:organization:(\d+)$/.exec(urn)?.[1] ?? null;
/** Roles that may post as a Page. */
const postingRoles = new Set(['ADMINISTRATOR', 'CONTENT_ADMINISTRATOR', 'DIRECT_SPONSORED_CONTENT_POSTER']);
/** How the picker names each posting role, under `connect.roles` in the translations. */
const roleKeys: Record<string, string> = { ADMINISTRATOR: 'admin', CONTENT_ADMINISTRATOR: 'contentAdmin', DIRECT_SPONSORED_CONTENT_POSTER: 'poster' };
const ownProfileNote = ref('network-linkedin:connect.ownProfile');
const companyPageNote = (role: string) => ref('network-linkedin:connect.companyPage', { role: ref(`network-linkedin:connect.roles.${roleKeys[role]}`) });

const profileNeed = { scope: 'profile', what: 'reading your name and picture' };
const pagesNeed = { scope: 'rw_organization_admin', what: 'listing the Company Pages you administer' };

/** The scopes Herald asks for with this app's products. */
export function scopesFor(e: Pick<LinkedInEndpoints, 'pages' | 'memberAnalytics'>): string[] {
  return [...memberScopes, ...(e.pages ? organizationScopes : []), ...(e.memberAnalytics ? [memberAnalyticsScope] : [])];
}

export function createLinkedInProvider(e: LinkedInEndpoints): OAuthProvider {
  const tokenEndpoint = `${e.authUrl}/oauth/v2/accessToken`;

  /** The token endpoint (code or refresh grant); its errors are `{ error, error_description }`. */
  async function token(fields: Record<string, string>): Promise<TokenSet> {
    const { status, body } = await requestJson(network, tokenEndpoint, {
      method: 'POST',
      headers: formHeaders,
      body: form({ ...fields, client_id: e.clientId, client_secret: e.clientSecret }),
      allowPrivate: true,
    });
    const answer = (body ?? {}) as TokenAnswer;
    if (status >= 400 || answer.error) {
      const why = answer.error_description ?? answer.error ?? `HTTP ${status}`;
      // A dead code or refresh token ("invalid, expired or revoked", "not found"): connect again.
      const dead = answer.error === 'invalid_grant' || /invalid, expired or revoked|not found|expired/i.test(why);
      throw wordedError(dead ? 'auth' : 'invalid', network, linkedinWords('tokenCallRefused', { what: linkedinWords(fields.grant_type === 'refresh_token' ? 'what.tokenRefresh' : 'what.signIn'), reason: why }), answer.error ?? `http_${status}`);
    }
    if (!answer.access_token) throw badAnswer(linkedinWords('answer.accessToken'));
    return {
      accessToken: answer.access_token,
      accessTokenExpiresAt: secondsFromNow(answer.expires_in),
      refreshToken: answer.refresh_token ?? null,
      refreshTokenExpiresAt: answer.refresh_token ? secondsFromNow(answer.refresh_token_expires_in) : null,
      // LinkedIn lists granted scopes with commas (sometimes spaces).
      scopes: (answer.scope ?? '').split(/[\s,]+/).filter(Boolean),
    };
  }

  async function member(accessToken: string): Promise<Profile> {
    const { body } = await linkedinCall<UserInfo>(e, apiUrl(e, '/v2/userinfo'), accessToken, { need: profileNeed });
    if (!body?.sub) throw badAnswer(linkedinWords('answer.memberId'));
    const name = body.name ?? ([body.given_name, body.family_name].filter(Boolean).join(' ') || null);
    return { externalId: personUrn(body.sub), username: null, displayName: name, avatarUrl: body.picture ?? null };
  }

  const logoOf = (org: Organization | undefined) => org?.logoV2?.['original~']?.elements?.[0]?.identifiers?.[0]?.identifier ?? null;

  async function organization(accessToken: string, urn: string): Promise<Profile> {
    const id = organizationId(urn);
    if (!id) throw badAnswer(linkedinWords('answer.pageId'));
    const { body } = await linkedinCall<Organization>(e, apiUrl(e, `/rest/organizations/${id}`), accessToken, { need: pagesNeed });
    return { externalId: urn, username: body?.vanityName ?? null, displayName: body?.localizedName ?? null, avatarUrl: logoOf(body) };
  }

  return {
    network,
    connect: 'oauth',
    revokes: 'access',
    async authorizationUrl({ state, redirectUri }) {
      // LinkedIn's web flow authenticates Herald with the client secret: no PKCE.
      const url = new URL(`${e.authUrl}/oauth/v2/authorization`);
      url.search = new URLSearchParams({ response_type: 'code', client_id: e.clientId, redirect_uri: redirectUri, state, scope: scopesFor(e).join(' ') }).toString();
      return url.toString();
    },
    async exchangeCode({ code, redirectUri }) {
      const tokens = await token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
      const me = await member(tokens.accessToken);
      return { ...tokens, externalId: me.externalId };
    },
    async refresh(refreshToken) {
      return token({ grant_type: 'refresh_token', refresh_token: refreshToken });
    },
    /**
     * The member, and the Company Pages they may post as when the Page scopes were granted. One
     * grant covers them all: every channel keeps the member's token, and the member as its owner,
     * so the grant is revoked only with the last of them.
     */
    async accounts(tokens): Promise<ConnectableAccount[]> {
      const me = await member(tokens.accessToken);
      const owned = { ...me, ownerExternalId: me.externalId };
      const accounts: ConnectableAccount[] = [{ externalId: me.externalId, tokens, profile: owned, note: englishOf('network-linkedin', ownProfileNote), noteWords: ownProfileNote }];
      if (!tokens.scopes.includes('rw_organization_admin')) return accounts;
      const { body } = await linkedinCall<{ elements?: Acl[] }>(
        e,
        apiUrl(e, '/v2/organizationalEntityAcls', { q: 'roleAssignee', state: 'APPROVED' }, 'projection=(elements*(organizationalTarget,role,state,organizationalTarget~(id,localizedName,vanityName,logoV2(original~:playableStreams))))'),
        tokens.accessToken,
        { need: pagesNeed },
      );
      const seen = new Set<string>();
      for (const acl of body?.elements ?? []) {
        const urn = acl.organizationalTarget;
        if (!urn || !organizationId(urn) || !postingRoles.has(acl.role ?? '') || seen.has(urn)) continue;
        seen.add(urn);
        const org = acl['organizationalTarget~'];
        const noteWords = companyPageNote(acl.role!);
        accounts.push({
          externalId: urn,
          tokens,
          profile: { externalId: urn, username: org?.vanityName ?? null, displayName: org?.localizedName ?? null, avatarUrl: logoOf(org), ownerExternalId: me.externalId },
          note: englishOf('network-linkedin', noteWords),
          noteWords,
        });
      }
      return accounts;
    },
    async revoke(accessToken) {
      const { status, body } = await requestJson(network, `${e.authUrl}/oauth/v2/revoke`, {
        method: 'POST',
        headers: formHeaders,
        body: form({ token: accessToken, client_id: e.clientId, client_secret: e.clientSecret }),
        allowPrivate: true,
      });
      if (status < 400) return;
      const answer = (body ?? {}) as TokenAnswer;
      // A token LinkedIn no longer honours has no access left to end.
      if (status === 400 && /invalid|expired|revoked/i.test(`${answer.error ?? ''} ${answer.error_description ?? ''}`)) return;
      throw wordedError('invalid', network, linkedinWords('revokeRefused', { reason: answer.error_description ?? answer.error ?? `HTTP ${status}` }), answer.error ?? `http_${status}`);
    },
    /** The member, or (for a Page's channel, named by its URN) the Company Page. */
    async profile(accessToken, _instance, externalId?: string) {
      if (externalId && organizationId(externalId)) return organization(accessToken, externalId);
      return member(accessToken);
    },
  };
}

