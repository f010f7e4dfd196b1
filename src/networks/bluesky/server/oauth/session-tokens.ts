// How an OAuth session fits Herald's channel model, which stores two opaque strings per channel
// (access and refresh token, each sealed with the secret box): each string carries its token
// together with the session's DPoP private key, and the refresh string also what a refresh and a
// revocation need (issuer, client id, account, when the session began). App-password sessions
// stay plain JWTs, so both kinds live side by side and are told apart by the prefix.
import type { PrivateJwk } from './dpop.ts';

const ACCESS_PREFIX = 'atproto-oauth-access.';
const REFRESH_PREFIX = 'atproto-oauth-refresh.';

export type OAuthAccess = { token: string; key: PrivateJwk };
export type OAuthRefresh = {
  token: string;
  key: PrivateJwk;
  /** The authorization server that issued the session. */
  issuer: string;
  clientId: string;
  /** The account (DID) the session acts as. */
  sub: string;
  /** When the session began (ms): public clients' sessions end a fixed time after it, refreshes or not. */
  since: number;
};

const pack = (prefix: string, value: object) => `${prefix}${Buffer.from(JSON.stringify(value)).toString('base64url')}`;

function unpack<T>(prefix: string, raw: string): T | null {
  if (!raw.startsWith(prefix)) return null;
  try {
    return JSON.parse(Buffer.from(raw.slice(prefix.length), 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

export const packAccess = (value: OAuthAccess) => pack(ACCESS_PREFIX, value);
export const packRefresh = (value: OAuthRefresh) => pack(REFRESH_PREFIX, value);

/** The OAuth access token and its key, or null for an app-password session's JWT. */
export function unpackAccess(raw: string): OAuthAccess | null {
  const value = unpack<OAuthAccess>(ACCESS_PREFIX, raw);
  return value && typeof value.token === 'string' && value.key?.d ? value : null;
}

export function unpackRefresh(raw: string): OAuthRefresh | null {
  const value = unpack<OAuthRefresh>(REFRESH_PREFIX, raw);
  return value && typeof value.token === 'string' && value.key?.d && typeof value.issuer === 'string' && typeof value.clientId === 'string' ? value : null;
}
