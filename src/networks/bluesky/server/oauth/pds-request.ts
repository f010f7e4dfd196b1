// One place where a PDS call gets its credentials: an app-password session's JWT goes as Bearer,
// an OAuth session's token as `Authorization: DPoP …` with a fresh proof (its hash of the token,
// the PDS's latest nonce), sent once more when the PDS asks for a newer nonce.
import { dpopProof, nonceFor, rememberNonce, wantsNonce } from './dpop.ts';
import { unpackAccess } from './session-tokens.ts';

type Answer = { status: number; body: unknown; headers: Headers };
type Send<I extends RequestInit> = (url: string, init: I) => Promise<Answer>;

/**
 * Wraps a request function: calls whose `authorization` header is `Bearer <OAuth session>` are
 * turned into DPoP-bound calls; every other call passes through untouched (app-password sessions,
 * the video service's service-auth token, calls without credentials). Bodies must be strings or
 * bytes, which can be sent twice.
 */
export function withSessionAuth<I extends RequestInit>(send: Send<I>): Send<I> {
  return async (url, init) => {
    const headers = new Headers(init.headers);
    const bearer = /^Bearer (.+)$/.exec(headers.get('authorization') ?? '')?.[1];
    const session = bearer ? unpackAccess(bearer) : null;
    if (!session) return send(url, init);
    const method = init.method ?? 'GET';
    for (let attempt = 0; ; attempt += 1) {
      headers.set('authorization', `DPoP ${session.token}`);
      headers.set('dpop', dpopProof(session.key, { method, url, nonce: nonceFor(url), accessToken: session.token }));
      const answer = await send(url, { ...init, headers });
      rememberNonce(url, answer.headers);
      if (attempt === 0 && wantsNonce(answer.status, answer.headers, answer.body)) continue;
      return answer;
    }
  };
}
