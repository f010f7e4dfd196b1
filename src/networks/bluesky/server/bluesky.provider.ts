import { parseBlueskyIdentifier } from '../identifier.ts';
import { requestJson, type NetworkCallOptions } from '../../../server/providers/http.ts';
import type { AppPasswordProvider, Instance, OAuthProvider, Profile, Provider, TokenSet } from '../../../server/providers/provider.ts';
import { resolveAccount, type IdentitySettings } from './identity.ts';
import { blueskyWords } from './bluesky.video.ts';
import { wordedError } from '../../error-words.ts';
import { createAtprotoOAuth, type PendingAuthorization } from './oauth/atproto-oauth.ts';
import { clientIdentity } from './oauth/client-identity.ts';
import { withSessionAuth } from './oauth/pds-request.ts';
import { unpackRefresh } from './oauth/session-tokens.ts';

const network = 'bluesky' as const;

type Session = { accessJwt?: string; refreshJwt?: string; did?: string; handle?: string; active?: boolean; status?: string };
type XrpcError = { error?: string; message?: string };
type BlobRef = { ref?: { $link?: string }; mimeType?: string };
type ProfileRecord = { value?: { displayName?: string; avatar?: BlobRef } };

/** The claims Herald reads from a session JWT: when it expires and what it may do. */
function jwtClaims(jwt: string): { exp?: number; scope?: string } {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number; scope?: string };
  } catch {
    return {};
  }
}

const expiry = (jwt: string) => {
  const { exp } = jwtClaims(jwt);
  return typeof exp === 'number' ? new Date(exp * 1000) : null;
};

function tokenSet(session: Session): TokenSet {
  if (!session.accessJwt || !session.refreshJwt) throw wordedError('invalid', network, blueskyWords('session.noTokens'), 'bad_answer');
  const scope = jwtClaims(session.accessJwt).scope;
  return {
    accessToken: session.accessJwt,
    refreshToken: session.refreshJwt,
    accessTokenExpiresAt: expiry(session.accessJwt),
    refreshTokenExpiresAt: expiry(session.refreshJwt),
    scopes: scope ? [scope] : [],
  };
}

const xrpc = (pds: Instance, nsid: string) => {
  if (!pds) throw wordedError('invalid', network, blueskyWords('pdsUnknown'));
  return `${pds}/xrpc/${nsid}`;
};

// Bluesky accounts connect through atproto OAuth (the account's own sign-in page; PAR, PKCE,
// DPoP-bound tokens) wherever this Herald has an address OAuth accepts, else, and whenever the
// person prefers, with an app password: Herald signs in once, keeps the session (access JWT ~2 h,
// refresh JWT ~90 days) and refreshes it, because the entryway allows only a handful of sign-ins
// a day. Both kinds of session live side by side (oauth/session-tokens.ts tells them apart).
// Disconnecting revokes the OAuth session at its authorization server, or deletes the
// app-password session at the account's PDS.
export function createBlueskyProvider(settings: IdentitySettings & { publicOrigin: string }): Provider {
  // The PDS comes from the account's identity document, which its owner writes. OAuth sessions
  // get DPoP on every call (withSessionAuth); app-password sessions keep Bearer.
  const request = withSessionAuth((url: string, init: RequestInit & Omit<NetworkCallOptions, 'allowPrivate'>) => requestJson(network, url, { ...init, allowPrivate: settings.allowLocal }));
  const identity = clientIdentity(settings.publicOrigin);
  // Sessions name their issuer and client id: they refresh and revoke even where new OAuth sign-ins are impossible.
  const oauth = createAtprotoOAuth(settings, identity.kind === 'none' ? null : identity);

  const appPassword: AppPasswordProvider = {
    network,
    connect: 'app-password',
    revokes: 'refresh',

    async signIn({ identifier, appPassword }) {
      const parsed = parseBlueskyIdentifier(identifier);
      if (!parsed) throw wordedError('invalid', network, blueskyWords('connect.notIdentifier', { identifier }), 'bad_identifier');
      const { did, pds } = await resolveAccount(settings, parsed);
      const { status, body } = await request(xrpc(pds, 'com.atproto.server.createSession'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ identifier: did, password: appPassword.trim().toLowerCase() }),
      });
      const session = (body ?? {}) as Session & XrpcError;
      if (status !== 200) {
        if (session.error === 'AuthFactorTokenRequired') {
          throw wordedError('denied', network, blueskyWords('connect.codeAsked'), session.error);
        }
        if (session.error === 'AccountTakedown') throw wordedError('denied', network, blueskyWords('connect.suspended'), session.error);
        throw wordedError('denied', network, blueskyWords('connect.refused'), session.error ?? 'sign_in_failed');
      }
      if (session.did !== did) throw wordedError('invalid', network, blueskyWords('connect.otherAccount'), 'did_mismatch');
      const tokens = tokenSet(session);
      // The account's own password would give Herald everything, including deleting the account.
      if (tokens.scopes.includes('com.atproto.access')) {
        await this.revoke(tokens.refreshToken!, pds).catch(() => undefined);
        throw wordedError('denied', network, blueskyWords('connect.mainPassword'), 'main_password');
      }
      return { ...tokens, externalId: did, instance: pds };
    },

    async refresh(refreshToken, pds) {
      const oauthSession = unpackRefresh(refreshToken);
      if (oauthSession) return oauth.refresh(oauthSession);
      const { status, body } = await request(xrpc(pds, 'com.atproto.server.refreshSession'), {
        method: 'POST',
        headers: { authorization: `Bearer ${refreshToken}`, accept: 'application/json' },
      });
      const session = (body ?? {}) as Session & XrpcError;
      if (status === 400 || status === 401) {
        throw wordedError('auth', network, blueskyWords('session.ended', { reason: session.error ?? status }), session.error);
      }
      if (status !== 200) throw wordedError('invalid', network, blueskyWords('session.notRefreshed', { status }));
      return tokenSet(session);
    },

    async revoke(refreshToken, pds) {
      const oauthSession = unpackRefresh(refreshToken);
      if (oauthSession) return oauth.revoke(oauthSession);
      const { status, body } = await request(xrpc(pds, 'com.atproto.server.deleteSession'), {
        method: 'POST',
        headers: { authorization: `Bearer ${refreshToken}`, accept: 'application/json' },
      });
      // An expired or already deleted session is as ended as it gets.
      const error = (body as XrpcError | null)?.error;
      if (status !== 200 && !(status === 400 || status === 401) && error !== 'ExpiredToken' && error !== 'InvalidToken') {
        throw wordedError('invalid', network, blueskyWords('session.notEnded', { status }), error);
      }
    },

    async profile(accessToken, pds): Promise<Profile> {
      const { status, body } = await request(xrpc(pds, 'com.atproto.server.getSession'), {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      });
      const session = (body ?? {}) as Session & XrpcError;
      if (status === 400 || status === 401) throw wordedError('auth', network, blueskyWords('sessionRejected', { reason: session.error ?? status }), session.error);
      if (status !== 200 || !session.did) throw wordedError('invalid', network, blueskyWords('session.noAccount', { status }));
      // The profile record lives in the account's own repository: no AppView needed.
      const recordUrl = new URL(xrpc(pds, 'com.atproto.repo.getRecord'));
      recordUrl.search = new URLSearchParams({ repo: session.did, collection: 'app.bsky.actor.profile', rkey: 'self' }).toString();
      const record = await request(recordUrl.toString(), { headers: { accept: 'application/json' } });
      const value = record.status === 200 ? (record.body as ProfileRecord | null)?.value : undefined;
      const avatarCid = value?.avatar?.ref?.$link;
      const avatarUrl = avatarCid ? `${xrpc(pds, 'com.atproto.sync.getBlob')}?${new URLSearchParams({ did: session.did, cid: avatarCid }).toString()}` : null;
      const server = await request(xrpc(pds, 'com.atproto.server.describeServer'), { headers: { accept: 'application/json' } }).catch(() => null);
      const blobUploadLimit = (server?.body as { blobUploadLimit?: unknown } | null)?.blobUploadLimit;
      return {
        externalId: session.did,
        username: session.handle ?? null,
        displayName: value?.displayName || session.handle || null,
        avatarUrl,
        limits: { maxGraphemes: 300, maxImages: 4, pds, ...(typeof blobUploadLimit === 'number' ? { blobUploadLimit } : {}) },
      };
    },
  };
  if (identity.kind === 'none') return appPassword;

  const withOAuth: OAuthProvider = {
    network,
    connect: 'oauth',
    revokes: 'refresh',
    signIn: appPassword.signIn.bind(appPassword),
    refresh: appPassword.refresh!.bind(appPassword),
    revoke: appPassword.revoke.bind(appPassword),
    profile: appPassword.profile.bind(appPassword),
    async authorizationUrl() {
      throw wordedError('invalid', network, blueskyWords('connect.handleFirst'), 'bad_identifier');
    },
    async startAuthorization({ state, codeChallenge, identifier }) {
      const { url, pending } = await oauth.authorize({ identifier: identifier ?? '', state, codeChallenge });
      return { url, carry: JSON.stringify(pending) };
    },
    async exchangeCode({ code, codeVerifier, carry, issuer }) {
      if (!carry) throw wordedError('invalid', network, blueskyWords('connect.notStarted'), 'state_incomplete');
      return oauth.exchange({ code, codeVerifier, pending: JSON.parse(carry) as PendingAuthorization, ...(issuer !== undefined ? { issuer } : {}) });
    },
  };
  return withOAuth;
}
