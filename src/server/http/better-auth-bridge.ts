import type { FastifyInstance } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { Auth } from '../modules/auth/auth.ts';
import { CLIENT_IP_HEADER } from '../modules/auth/auth.ts';

// better-auth endpoints the web app and API users may call directly. Workspace and member changes
// are deliberately absent: they go through /api/v1, where Herald checks its permission table and
// writes the audit log in the same transaction.
const exposed: RegExp[] = [
  /^\/sign-up\/email$/,
  /^\/sign-in\/email$/,
  /^\/sign-out$/,
  /^\/get-session$/,
  /^\/list-sessions$/,
  /^\/revoke-session$/,
  /^\/revoke-sessions$/,
  /^\/revoke-other-sessions$/,
  /^\/request-password-reset$/,
  /^\/reset-password(\/[^/]+)?$/,
  /^\/change-password$/,
  /^\/update-user$/,
  // Changing the e-mail address: the request, and the link sent to the new address.
  /^\/change-email$/,
  /^\/verify-email$/,
  /^\/two-factor\/(enable|disable|get-totp-uri|verify-totp|verify-backup-code|generate-backup-codes)$/,
  /^\/organization\/(set-active|list)$/,
  /^\/ok$/,
  /^\/error$/,
];

export function installBetterAuthBridge(app: FastifyInstance, auth: Auth, publicOrigin: string, rateLimit: RateLimitOptions) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    config: { rateLimit },
    async handler(request, reply) {
      const url = new URL(request.url, publicOrigin);
      const subPath = url.pathname.replace(/^\/api\/auth/, '');
      if (!exposed.some((re) => re.test(subPath))) {
        return reply.status(404).send({ error: { code: 'auth.endpoint_not_available', message: `No auth endpoint ${subPath}` } });
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value === undefined || key === CLIENT_IP_HEADER) continue;
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      headers.set(CLIENT_IP_HEADER, request.ip);
      const hasBody = request.method !== 'GET' && request.body !== undefined;
      if (hasBody) headers.set('content-type', 'application/json');
      headers.delete('content-length');
      const response = await auth.handler(
        new Request(url, { method: request.method, headers, body: hasBody ? JSON.stringify(request.body) : undefined }),
      );
      reply.status(response.status);
      for (const [key, value] of response.headers) {
        if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      const text = await response.text();
      if (response.status >= 400 && text) return reply.send(normaliseAuthError(text, response.status));
      return reply.send(withoutSessionToken(text, response.headers.get('content-type')));
    },
  });
}

// better-auth answers `{ code, message }`; Herald's clients expect `{ error: { code, message } }`.
function normaliseAuthError(text: string, status: number) {
  try {
    const body = JSON.parse(text) as { code?: string; message?: string };
    return { error: { code: `auth.${(body.code ?? 'error').toLowerCase()}`, message: body.message ?? `Request failed (${status})` } };
  } catch {
    return { error: { code: 'auth.error', message: text } };
  }
}

// The session lives in an httpOnly cookie; echoing its token in the JSON body would hand it to any
// script on the page, which is what httpOnly is there to prevent.
function withoutSessionToken(text: string, contentType: string | null): string | null {
  if (!text) return null;
  if (!contentType?.includes('application/json')) return text;
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body) && 'token' in body) {
      delete (body as { token?: unknown }).token;
      return JSON.stringify(body);
    }
  } catch {
    // Not JSON after all: pass it through untouched.
  }
  return text;
}
