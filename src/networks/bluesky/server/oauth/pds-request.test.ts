import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDpopKey, jwkThumbprint } from './dpop.ts';
import { withSessionAuth } from './pds-request.ts';
import { packAccess } from './session-tokens.ts';

type Sent = { url: string; headers: Headers; body: unknown };
const decode = (jwt: string) => jwt.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>);

/** A PDS in miniature: wants the nonce `n-2` (after handing it out on a 401 use_dpop_nonce), answers 200 after. */
function fakePds() {
  const sent: Sent[] = [];
  const send = async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    sent.push({ url, headers, body: init.body });
    const proof = headers.get('dpop');
    const nonce = proof ? decode(proof)[1]!.nonce : undefined;
    if (proof && nonce !== 'n-2') {
      return { status: 401, body: { error: 'use_dpop_nonce' }, headers: new Headers({ 'www-authenticate': 'DPoP error="use_dpop_nonce"', 'dpop-nonce': 'n-2' }) };
    }
    return { status: 200, body: { ok: true }, headers: new Headers({ 'dpop-nonce': 'n-2' }) };
  };
  return { sent, send };
}

describe('PDS calls with an OAuth session', () => {
  it('become DPoP-bound: token as DPoP, a signed proof with ath and htu, sent again with the nonce the PDS asks for', async () => {
    const key = generateDpopKey();
    const pds = fakePds();
    const request = withSessionAuth(pds.send);
    const token = 'access-token-value';
    const answer = await request('http://pds-a.test/xrpc/com.atproto.repo.createRecord?x=1', {
      method: 'POST',
      headers: { authorization: `Bearer ${packAccess({ token, key })}`, 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(answer.status).toBe(200);
    expect(pds.sent).toHaveLength(2);
    for (const call of pds.sent) {
      expect(call.headers.get('authorization')).toBe(`DPoP ${token}`);
      expect(call.body).toBe('{"a":1}');
      const [header, payload] = decode(call.headers.get('dpop')!);
      expect(header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: key.x, y: key.y } });
      expect(header!.jwk).not.toHaveProperty('d');
      expect(payload).toMatchObject({ htm: 'POST', htu: 'http://pds-a.test/xrpc/com.atproto.repo.createRecord', ath: crypto.createHash('sha256').update(token).digest('base64url') });
      // The signature verifies with the public key (raw r||s, as JWS wants).
      const [h, p, signature] = call.headers.get('dpop')!.split('.');
      const publicKey = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: key.x, y: key.y }, format: 'jwk' });
      expect(crypto.verify('sha256', Buffer.from(`${h}.${p}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url'))).toBe(true);
    }
    expect(decode(pds.sent[1]!.headers.get('dpop')!)[1]).toMatchObject({ nonce: 'n-2' });
    // Each proof is single use.
    expect(decode(pds.sent[0]!.headers.get('dpop')!)[1]!.jti).not.toBe(decode(pds.sent[1]!.headers.get('dpop')!)[1]!.jti);

    // The next call to that PDS carries the remembered nonce at once.
    await request('http://pds-a.test/xrpc/com.atproto.server.getSession', { headers: { authorization: `Bearer ${packAccess({ token, key })}` } });
    expect(pds.sent).toHaveLength(3);
    expect(jwkThumbprint(key)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('leave app-password sessions and other credentials as they are (Bearer, no proof)', async () => {
    const pds = fakePds();
    const request = withSessionAuth(pds.send);
    await request('http://pds-b.test/xrpc/com.atproto.server.getSession', { headers: { authorization: 'Bearer eyJhbGciOi.jwt.sig' } });
    await request('http://pds-b.test/xrpc/com.atproto.repo.getRecord', {});
    expect(pds.sent.map((s) => [s.headers.get('authorization'), s.headers.get('dpop')])).toEqual([
      ['Bearer eyJhbGciOi.jwt.sig', null],
      [null, null],
    ]);
  });

  it('gives up after one nonce retry instead of looping', async () => {
    const sent: number[] = [];
    const request = withSessionAuth(async () => {
      sent.push(1);
      return { status: 401, body: { error: 'use_dpop_nonce' }, headers: new Headers({ 'dpop-nonce': `n-${sent.length}` }) };
    });
    const answer = await request('http://pds-c.test/xrpc/x', { headers: { authorization: `Bearer ${packAccess({ token: 't', key: generateDpopKey() })}` } });
    expect(answer.status).toBe(401);
    expect(sent).toHaveLength(2);
  });
});
