// atproto OAuth for one Bluesky account: discovery (PDS → its authorization server), PAR with
// PKCE and DPoP, the code exchange with the checks the profile demands (issuer, `sub` whose own
// PDS names that issuer), refresh and revocation. Herald's generic OAuth flow owns the state and
// the PKCE verifier; this module owns what is particular to atproto.
import { form, formHeaders, requestJson } from '../../../../server/providers/http.ts';
import type { TokenSet } from '../../../../server/providers/provider.ts';
import { parseBlueskyIdentifier, parseBlueskyServer } from '../../identifier.ts';
import { resolveAccount, type IdentitySettings } from '../identity.ts';
import { blueskyWords } from '../bluesky.video.ts';
import { wordedError } from '../../../error-words.ts';
import { BLUESKY_OAUTH_SCOPE, type ClientIdentity } from './client-identity.ts';
import { dpopProof, generateDpopKey, nonceFor, rememberNonce, wantsNonce, type PrivateJwk } from './dpop.ts';
import { packAccess, packRefresh, unpackRefresh, type OAuthRefresh } from './session-tokens.ts';

const network = 'bluesky' as const;
/** The reference server's session length for public clients: refreshing does not extend it. */
export const PUBLIC_CLIENT_SESSION_MS = 14 * 24 * 60 * 60 * 1000;

type ServerMetadata = {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  pushed_authorization_request_endpoint: string;
  revocation_endpoint?: string;
};
type TokenAnswer = { access_token?: string; token_type?: string; expires_in?: number; refresh_token?: string; scope?: string; sub?: string; error?: string; error_description?: string };

/** What Herald keeps between the redirect to the authorization server and the callback (sealed with the PKCE verifier). */
export type PendingAuthorization = { issuer: string; did: string | null; key: PrivateJwk; clientId: string };

/** `identity` null: this Herald cannot start OAuth sign-ins, but still refreshes and revokes the sessions it has (each names its client id). */
export function createAtprotoOAuth(settings: IdentitySettings, identity: ClientIdentity | null) {
  const client = () => {
    if (!identity) throw wordedError('invalid', network, blueskyWords('oauth.unavailable'), 'oauth_unavailable');
    return identity;
  };
  const get = (url: string) => requestJson(network, url, { headers: { accept: 'application/json' }, allowPrivate: settings.allowLocal });
  const secureEnough = (url: string) => settings.allowLocal || new URL(url).protocol === 'https:';

  /** The authorization server a PDS names, or null when the server answers no such document. */
  async function issuerOfPds(pds: string): Promise<string | null> {
    const { status, body } = await get(`${pds}/.well-known/oauth-protected-resource`);
    if (status === 404) return null;
    const issuer = (body as { authorization_servers?: unknown } | null)?.authorization_servers;
    if (status !== 200 || !Array.isArray(issuer) || typeof issuer[0] !== 'string') {
      throw wordedError('invalid', network, blueskyWords('oauth.noAuthorizationServer', { host: new URL(pds).host }), 'no_authorization_server');
    }
    return issuer[0];
  }

  async function serverMetadata(issuer: string): Promise<ServerMetadata> {
    if (!secureEnough(issuer)) throw wordedError('invalid', network, blueskyWords('oauth.issuerInsecure', { host: new URL(issuer).host }), 'issuer_insecure');
    const { status, body } = await get(`${new URL(issuer).origin}/.well-known/oauth-authorization-server`);
    const meta = (body ?? {}) as Partial<ServerMetadata>;
    // The metadata must name the issuer it was fetched from, or anyone could vouch for another server.
    if (status !== 200 || meta.issuer !== issuer || !meta.authorization_endpoint || !meta.token_endpoint || !meta.pushed_authorization_request_endpoint) {
      throw wordedError('invalid', network, blueskyWords('oauth.badAuthorizationServer', { host: new URL(issuer).host }), 'bad_authorization_server');
    }
    return meta as ServerMetadata;
  }

  /** A form POST to the authorization server with a DPoP proof, sent again once with the nonce it asks for. */
  async function postWithDpop(url: string, key: PrivateJwk, values: Record<string, string>) {
    if (!secureEnough(url)) throw wordedError('invalid', network, blueskyWords('oauth.hostInsecure', { host: new URL(url).host }), 'issuer_insecure');
    for (let attempt = 0; ; attempt += 1) {
      const answer = await requestJson(network, url, {
        method: 'POST',
        headers: { ...formHeaders, accept: 'application/json', dpop: dpopProof(key, { method: 'POST', url, nonce: nonceFor(url) }) },
        body: form(values),
        allowPrivate: settings.allowLocal,
      });
      rememberNonce(url, answer.headers);
      if (attempt === 0 && wantsNonce(answer.status, answer.headers, answer.body)) continue;
      return answer;
    }
  }

  /** The account's DID and the issuer its PDS names: what a token's `sub` must lead back to. */
  async function issuerOfAccount(did: string): Promise<{ pds: string; issuer: string | null }> {
    const { pds } = await resolveAccount(settings, { kind: 'did', did });
    return { pds, issuer: await issuerOfPds(pds) };
  }

  function tokenSet(answer: TokenAnswer, key: PrivateJwk, issuer: string, clientId: string, since: number): TokenSet & { externalId: string } {
    if (!answer.access_token || !answer.refresh_token || !answer.sub?.startsWith('did:')) {
      throw wordedError('invalid', network, blueskyWords('oauth.noSession'), 'bad_answer');
    }
    if (answer.token_type?.toLowerCase() !== 'dpop') throw wordedError('invalid', network, blueskyWords('oauth.notDpop'), 'not_dpop');
    const scopes = (answer.scope ?? '').split(' ').filter(Boolean);
    if (!scopes.includes('atproto')) throw wordedError('denied', network, blueskyWords('oauth.noAtprotoScope'), 'scope_missing');
    const refresh: OAuthRefresh = { token: answer.refresh_token, key, issuer, clientId, sub: answer.sub, since };
    return {
      accessToken: packAccess({ token: answer.access_token, key }),
      refreshToken: packRefresh(refresh),
      accessTokenExpiresAt: typeof answer.expires_in === 'number' ? new Date(Date.now() + answer.expires_in * 1000) : null,
      refreshTokenExpiresAt: new Date(since + PUBLIC_CLIENT_SESSION_MS),
      scopes,
      externalId: answer.sub,
    };
  }

  const refused = (status: number, body: unknown, what: 'request' | 'code' | 'refresh' | 'end') => {
    const { error, error_description: description } = (body ?? {}) as TokenAnswer;
    const kind = error === 'access_denied' ? 'denied' : error === 'invalid_grant' ? 'auth' : 'invalid';
    return wordedError(kind, network, blueskyWords('oauth.refused', { what: blueskyWords(`oauth.what.${what}`), reason: description ?? error ?? `HTTP ${status}` }), error ?? `http_${status}`);
  };

  return {
    /**
     * Resolves what the person typed (handle, DID or server address) to the authorization server,
     * pushes the request (PAR) and answers the page to send the browser to.
     */
    async authorize(input: { identifier: string; state: string; codeChallenge: string }): Promise<{ url: string; pending: PendingAuthorization }> {
      const identity = client();
      const server = parseBlueskyServer(input.identifier);
      const account = server ? null : parseBlueskyIdentifier(input.identifier);
      if (!server && !account) throw wordedError('invalid', network, blueskyWords('oauth.notIdentifier', { identifier: input.identifier }), 'bad_identifier');
      let issuer: string;
      let did: string | null = null;
      if (account) {
        const resolved = await resolveAccount(settings, account);
        did = resolved.did;
        const named = await issuerOfPds(resolved.pds);
        if (!named) throw wordedError('invalid', network, blueskyWords('oauth.unsupported', { host: new URL(resolved.pds).host }), 'oauth_unsupported');
        issuer = named;
      } else {
        if (!secureEnough(server!)) throw wordedError('invalid', network, blueskyWords('oauth.hostInsecure', { host: new URL(server!).host }), 'issuer_insecure');
        // A PDS names its authorization server; an entryway (bsky.social) is one.
        issuer = (await issuerOfPds(server!)) ?? server!;
      }
      const meta = await serverMetadata(issuer);
      const key = generateDpopKey();
      const { status, body } = await postWithDpop(meta.pushed_authorization_request_endpoint, key, {
        client_id: identity.clientId,
        response_type: 'code',
        redirect_uri: identity.redirectUri,
        scope: BLUESKY_OAUTH_SCOPE,
        state: input.state,
        code_challenge: input.codeChallenge,
        code_challenge_method: 'S256',
        ...(account ? { login_hint: account.kind === 'handle' ? account.handle : account.did } : {}),
      });
      const requestUri = (body as { request_uri?: unknown } | null)?.request_uri;
      if ((status !== 201 && status !== 200) || typeof requestUri !== 'string') throw refused(status, body, 'request');
      const url = new URL(meta.authorization_endpoint);
      url.search = new URLSearchParams({ client_id: identity.clientId, request_uri: requestUri }).toString();
      return { url: url.toString(), pending: { issuer, did, key, clientId: identity.clientId } };
    },

    /**
     * The callback's code → a DPoP-bound session. The `iss` the browser brought back, and the
     * token's `sub`, must both lead to the issuer the request went to; a `sub` other than the
     * account the person named is refused (and its session revoked).
     */
    async exchange(input: { code: string; codeVerifier: string; pending: PendingAuthorization; issuer?: string }): Promise<TokenSet & { externalId: string; instance: string }> {
      const { pending } = input;
      if (input.issuer !== undefined && input.issuer !== pending.issuer) {
        throw wordedError('invalid', network, blueskyWords('oauth.otherServer'), 'issuer_mismatch');
      }
      const meta = await serverMetadata(pending.issuer);
      const since = Date.now();
      const { status, body } = await postWithDpop(meta.token_endpoint, pending.key, {
        grant_type: 'authorization_code',
        code: input.code,
        redirect_uri: client().redirectUri,
        code_verifier: input.codeVerifier,
        client_id: pending.clientId,
      });
      if (status !== 200) throw refused(status, body, 'code');
      const tokens = tokenSet(body as TokenAnswer, pending.key, pending.issuer, pending.clientId, since);
      const endSession = () => revoke(unpackRefresh(tokens.refreshToken!)!).catch(() => undefined);
      if (pending.did && tokens.externalId !== pending.did) {
        await endSession();
        throw wordedError('invalid', network, blueskyWords('oauth.otherAccount'), 'did_mismatch');
      }
      const account = await issuerOfAccount(tokens.externalId);
      if (account.issuer !== pending.issuer) {
        await endSession();
        throw wordedError('invalid', network, blueskyWords('oauth.notForAccount'), 'issuer_mismatch');
      }
      return { ...tokens, instance: account.pds };
    },

    /** A refresh with the session's own key; the rotated refresh token comes back packed like the first. */
    async refresh(session: OAuthRefresh): Promise<TokenSet> {
      const meta = await serverMetadata(session.issuer);
      const { status, body } = await postWithDpop(meta.token_endpoint, session.key, { grant_type: 'refresh_token', refresh_token: session.token, client_id: session.clientId });
      if (status !== 200) {
        const error = refused(status, body, 'refresh');
        // Any 4xx from the token endpoint means this refresh token will not work again.
        throw status >= 400 && status < 500 ? wordedError('auth', network, blueskyWords('session.ended', { reason: String(error.code) }), error.code) : error;
      }
      const tokens = tokenSet(body as TokenAnswer, session.key, session.issuer, session.clientId, session.since);
      if (tokens.externalId !== session.sub) throw wordedError('invalid', network, blueskyWords('oauth.refreshedOther'), 'did_mismatch');
      const { externalId: _, ...rest } = tokens;
      return rest;
    },

    revoke,
  };

  /** Revokes the refresh token, which ends the whole session (its access tokens included) on the reference server. */
  async function revoke(session: OAuthRefresh): Promise<void> {
    const meta = await serverMetadata(session.issuer);
    if (!meta.revocation_endpoint) throw wordedError('invalid', network, blueskyWords('oauth.noRevocation'), 'no_revocation');
    const { status, body } = await postWithDpop(meta.revocation_endpoint, session.key, { token: session.token, client_id: session.clientId });
    if (status !== 200 && status !== 204) throw refused(status, body, 'end');
  }
}

export type AtprotoOAuth = ReturnType<typeof createAtprotoOAuth>;
