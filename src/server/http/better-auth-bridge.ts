import type { FastifyInstance } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { fromNodeHeaders } from 'better-auth/node';
import type { Auth } from '../modules/auth/auth.ts';
import { CLIENT_IP_HEADER } from '../modules/auth/auth.ts';
import { checkAuthInput } from '../modules/auth/auth-input.ts';
import type { SecretCheckLimit } from '../modules/auth/secret-check-limit.ts';
import { AppError } from '../modules/shared/errors.ts';
import type { Language } from '../../shared/languages.ts';
import { errorMessage } from './error-language.ts';
import { requestLanguage } from './request-language.ts';

// better-auth endpoints the web app and API users may call directly. Workspace and member changes
// are deliberately absent: they go through /api/v1, where Herald checks its permission table and
// writes the audit log in the same transaction.
const exposed: RegExp[] = [
  /^\/sign-up\/email$/,
  /^\/sign-in\/email$/,
  /^\/sign-out$/,
  /^\/get-session$/,
  /^\/list-sessions$/,
  // One session is revoked by id through DELETE /api/v1/me/sessions/:id: better-auth's own route
  // takes the session token, which Herald never hands out.
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

// Endpoints that check a password or a code for someone who may already be signed in: limited per
// IP and per user (see secret-check-limit.ts), on top of the per-IP limit of the sign-in paths.
const secretChecks = /^\/(change-password|verify-email|two-factor\/(enable|disable|get-totp-uri|generate-backup-codes|verify-totp|verify-backup-code))$/;

type Limits = { rateLimit: RateLimitOptions; secretCheckLimit: SecretCheckLimit };

export function installBetterAuthBridge(app: FastifyInstance, auth: Auth, publicOrigin: string, { rateLimit, secretCheckLimit }: Limits) {
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
      if (secretChecks.test(subPath)) {
        const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) }).catch(() => null);
        await secretCheckLimit(request, reply, session?.user.id ?? null);
      }
      let body = request.body;
      if (request.method === 'POST') {
        const checked = checkAuthInput(subPath, body);
        if (!checked.ok) {
          const first = checked.issues[0]!;
          throw new AppError('validation_failed', 400, `${first.field}: ${first.message}`, { issues: checked.issues });
        }
        body = checked.body;
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value === undefined || key === CLIENT_IP_HEADER) continue;
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      headers.set(CLIENT_IP_HEADER, request.ip);
      const hasBody = request.method !== 'GET' && body !== undefined;
      if (hasBody) headers.set('content-type', 'application/json');
      headers.delete('content-length');
      const response = await auth.handler(new Request(url, { method: request.method, headers, body: hasBody ? JSON.stringify(body) : undefined }));
      reply.status(response.status);
      for (const [key, value] of response.headers) {
        if (key !== 'set-cookie' && key !== 'content-length') reply.header(key, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      const text = await response.text();
      if (response.status >= 400 && text) return reply.send(normaliseAuthError(text, response.status, requestLanguage(request)));
      return reply.send(withoutSessionToken(text, response.headers.get('content-type')));
    },
  });
}

// better-auth answers `{ code, message }`; Herald's clients expect `{ error: { code, message } }`,
// in the request's language for the codes Herald names itself (its hooks' APIErrors).
function normaliseAuthError(text: string, status: number, language: Language) {
  try {
    const body = JSON.parse(text) as { code?: string; message?: string };
    const message = body.message ?? `Request failed (${status})`;
    // better-auth words its own validation failures "[body.email] Invalid email address": the field
    // goes into details.issues like Herald's own, so clients read fields, never message text.
    const inline = /^\[([\w.]+)\]\s*(.+)$/.exec(message);
    const details = inline ? { details: { issues: [{ field: inline[1]!, message: inline[2]! }] } } : {};
    const code = `auth.${(body.code ?? 'error').toLowerCase()}`;
    return { error: { code, message: errorMessage(language, code, message), ...details } };
  } catch {
    return { error: { code: 'auth.error', message: text } };
  }
}

// The session lives in an httpOnly cookie; echoing its token in the JSON body would hand it to any
// script on the page, which is what httpOnly is there to prevent. better-auth puts it at the top of
// sign-in, sign-up, 2FA and change-password answers, under `session` in get-session and in every
// element of list-sessions, so every `token` key is removed at any depth (sessions are revoked by
// id through DELETE /api/v1/me/sessions/:id). No exposed endpoint answers another kind of token.
function withoutSessionToken(text: string, contentType: string | null): string | null {
  if (!text) return null;
  if (!contentType?.includes('application/json')) return text;
  try {
    return JSON.stringify(withoutTokenKeys(JSON.parse(text) as unknown));
  } catch {
    // Not JSON after all: pass it through untouched.
    return text;
  }
}

function withoutTokenKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTokenKeys);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'token').map(([key, inner]) => [key, withoutTokenKeys(inner)]));
}
