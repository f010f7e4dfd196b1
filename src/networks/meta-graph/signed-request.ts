// Meta's signed_request (deauthorize and data deletion callbacks): `<signature>.<payload>`, both
// base64url, the signature an HMAC-SHA256 of the encoded payload with the app secret.
import crypto from 'node:crypto';
import { parseNetworkJson } from '../../server/providers/http.ts';

export type SignedRequest = { userId: string; issuedAt: number | null };

/** The request's payload when its signature is the app's; null for anything forged or malformed. */
export function verifySignedRequest(signedRequest: string | undefined, appSecret: string): SignedRequest | null {
  if (!signedRequest || signedRequest.length > 8192) return null;
  const [signature, payload, extra] = signedRequest.split('.');
  if (!signature || !payload || extra !== undefined) return null;
  const expected = crypto.createHmac('sha256', appSecret).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  let data: unknown;
  try {
    // Lossless: an id past 2^53 sent as a bare number stays exact.
    data = parseNetworkJson(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const { algorithm, user_id: userId, issued_at: issuedAt } = data as Record<string, unknown>;
  if (typeof algorithm !== 'string' || algorithm.toUpperCase() !== 'HMAC-SHA256') return null;
  if ((typeof userId !== 'string' && typeof userId !== 'number') || String(userId) === '') return null;
  return { userId: String(userId), issuedAt: typeof issuedAt === 'number' ? issuedAt : null };
}
