// DPoP (RFC 9449) as atproto OAuth uses it: every token request and every PDS call carries a
// proof signed with the session's own ES256 key, and servers hand out nonces that the next proof
// must repeat. Node's crypto signs the proofs; the key lives, sealed, inside the channel's tokens.
import crypto from 'node:crypto';

export type PrivateJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string; d: string };

export function generateDpopKey(): PrivateJwk {
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y, d } = privateKey.export({ format: 'jwk' });
  if (kty !== 'EC' || crv !== 'P-256' || !x || !y || !d) throw new Error('Node did not export a P-256 key');
  return { kty, crv, x, y, d };
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** The public half, as it goes into a proof's header. */
export const publicJwk = (key: PrivateJwk) => ({ kty: key.kty, crv: key.crv, x: key.x, y: key.y });

/** RFC 7638 thumbprint: what the server binds tokens to (`cnf.jkt`). */
export function jwkThumbprint(key: PrivateJwk): string {
  const canonical = JSON.stringify({ crv: key.crv, kty: key.kty, x: key.x, y: key.y });
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}

/**
 * A proof for one request: method and URL without query or fragment, a fresh jti, and, when the
 * proof goes with an access token (PDS calls), that token's hash.
 */
export function dpopProof(key: PrivateJwk, input: { method: string; url: string; nonce?: string | null; accessToken?: string }): string {
  const htu = new URL(input.url);
  htu.search = '';
  htu.hash = '';
  const header = { typ: 'dpop+jwt', alg: 'ES256', jwk: publicJwk(key) };
  const payload = {
    jti: crypto.randomBytes(16).toString('base64url'),
    htm: input.method.toUpperCase(),
    htu: htu.toString(),
    iat: Math.floor(Date.now() / 1000),
    ...(input.nonce ? { nonce: input.nonce } : {}),
    ...(input.accessToken ? { ath: crypto.createHash('sha256').update(input.accessToken).digest('base64url') } : {}),
  };
  const signingInput = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  const privateKey = crypto.createPrivateKey({ key: key, format: 'jwk' });
  // JWS wants the raw r||s pair, not DER.
  const signature = crypto.sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${b64(signature)}`;
}

// The latest nonce each server gave, by origin. A stale or missing one costs one extra round trip
// (use_dpop_nonce), so a process-local memory is enough.
const nonces = new Map<string, string>();
const MAX_ORIGINS = 1000;

export function nonceFor(url: string): string | null {
  return nonces.get(new URL(url).origin) ?? null;
}

export function rememberNonce(url: string, headers: Headers) {
  const nonce = headers.get('dpop-nonce');
  if (!nonce) return;
  const origin = new URL(url).origin;
  if (!nonces.has(origin) && nonces.size >= MAX_ORIGINS) nonces.delete(nonces.keys().next().value!);
  nonces.set(origin, nonce);
}

/**
 * Whether an answer asks for the proof again with the nonce it sent: the authorization server says
 * so in its JSON body, a resource server (PDS) in WWW-Authenticate.
 */
export function wantsNonce(status: number, headers: Headers, body: unknown): boolean {
  if (status !== 400 && status !== 401) return false;
  if ((body as { error?: unknown } | null)?.error === 'use_dpop_nonce') return true;
  return /error="use_dpop_nonce"/.test(headers.get('www-authenticate') ?? '');
}
