import crypto from 'node:crypto';

// `hk_` says "Herald key" to people and to secret scanners; 32 random bytes are the secret.
const keyPattern = /^hk_[A-Za-z0-9_-]{43}$/;

export const newApiKey = () => `hk_${crypto.randomBytes(32).toString('base64url')}`;
export const isApiKeyShaped = (value: string) => keyPattern.test(value);
/** What is stored: a key has 256 bits of entropy, so a plain SHA-256 is enough (no slow hash needed). */
export const apiKeyHash = (key: string) => crypto.createHash('sha256').update(key).digest('hex');
/** What lists show to tell keys apart: enough to recognise, far too little to guess the rest. */
export const apiKeyPrefix = (key: string) => key.slice(0, 10);

/**
 * The key a request carries: `Authorization: Bearer hk_…`. `raw` also accepts the bare key, as the
 * Postiz API and its CLI send it.
 */
export function apiKeyFromHeader(header: string | undefined, options: { raw?: boolean } = {}): string | null {
  if (!header) return null;
  const value = header.trim();
  const bearer = /^bearer\s+(\S+)$/i.exec(value);
  if (bearer) return bearer[1]!;
  return options.raw && !/\s/.test(value) ? value : null;
}
