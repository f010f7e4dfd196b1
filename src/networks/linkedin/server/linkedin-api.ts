// LinkedIn's addresses and one call to its API (shared/providers.md §5). Every /rest call carries
// the LinkedIn-Version and Rest.li protocol headers; errors come in LinkedIn's envelope
// `{ status, serviceErrorCode, code?, message }` and become ProviderErrors of the right kind.
import type { Config } from '../../../server/config/config.ts';
import { fetchFromNetwork, requestJson } from '../../../server/providers/http.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { MessageRef, MessageValues } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, wordedError } from '../../error-words.ts';

export const network = 'linkedin' as const;

export type LinkedInEndpoints = {
  clientId: string;
  clientSecret: string;
  authUrl: string;
  apiUrl: string;
  version: string;
  /** Ask for the Company Page scopes (the app has the Community Management API). */
  pages: boolean;
  memberAnalytics: boolean;
  /** LinkedIn sends no Retry-After: what Herald waits after a 429. */
  rateLimitWaitMs: number;
  /** How long a member's video or document is left to process when its status cannot be read. */
  mediaGraceMs: number;
};

const trimmed = (origin: string) => origin.replace(/\/+$/, '');

export function endpointsFrom(config: Config): LinkedInEndpoints {
  return {
    clientId: config.linkedinClientId ?? '',
    clientSecret: config.linkedinClientSecret ?? '',
    authUrl: trimmed(config.linkedinAuthUrl),
    apiUrl: trimmed(config.linkedinApiUrl),
    version: config.linkedinApiVersion,
    pages: config.linkedinPages,
    memberAnalytics: config.linkedinMemberAnalytics,
    rateLimitWaitMs: config.linkedinRateLimitWaitSeconds * 1000,
    mediaGraceMs: config.linkedinMediaGraceSeconds * 1000,
  };
}

/** A versioned `/rest/…` address, or a legacy `/v2/…` one, with query values (Rest.li values are passed pre-encoded). */
export function apiUrl(e: LinkedInEndpoints, path: string, query: Record<string, string | undefined> = {}, raw = ''): string {
  const url = new URL(`${e.apiUrl}${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return raw ? `${url.toString()}${url.search ? '&' : '?'}${raw}` : url.toString();
}

/** A URN as one path segment (`/rest/posts/urn%3Ali%3Ashare%3A123`). */
export const urnSegment = (urn: string) => encodeURIComponent(urn);

/** The permission a call needs and what for, so a refusal names it (LinkedIn's 403 does not always). */
export type Need = { scope: string; what: string | MessageRef };

/** Words of LinkedIn's error sentences (`network-linkedin:errors.…`). */
export const linkedinWords = (key: string, values?: MessageValues) => errorWords(`network-linkedin:errors.${key}`, values);

export type CallInput = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  json?: unknown;
  need: Need;
  /** Extra headers (a Rest.li method override). */
  headers?: Record<string, string>;
};

export type ErrorEnvelope = { status?: number; serviceErrorCode?: number; code?: string; message?: string };

/** LinkedIn refuses a post whose text repeats a recent one: a sign the first one went out. */
export const isDuplicateRefusal = (status: number, body: ErrorEnvelope | null) => status === 422 && /duplicate/i.test(body?.message ?? '');

/** LinkedIn's error envelope as a ProviderError of the kind Herald acts on. */
export function errorFrom(e: LinkedInEndpoints, status: number, body: ErrorEnvelope | null, need: Need): ProviderError {
  const message = (body?.message ?? '').trim();
  const code = body?.code ?? (body?.serviceErrorCode !== undefined ? `service_${body.serviceErrorCode}` : `http_${status}`);
  const what = need.what;
  if (status === 401) return wordedError('auth', network, message ? linkedinWords('tokenRejectedBecause', { reason: message }) : linkedinWords('tokenRejected'), code);
  if (status === 403 && (body?.code === 'ACCESS_DENIED' || /permission/i.test(message))) {
    return wordedError('scope', network, linkedinWords('scopeMissing', { scope: need.scope, what }), code, { scope: need.scope });
  }
  if (status === 403) return wordedError('denied', network, message ? linkedinWords('refusedBecause', { what, reason: message }) : linkedinWords('refused', { what }), code);
  if (status === 426) return wordedError('invalid', network, linkedinWords('versionSunset', { version: e.version }), 'version_sunset');
  // A write conflict: LinkedIn asks for a retry, but a create has no idempotency key. Whether it
  // happened is settled by looking, like a lost answer.
  if (status === 409) return wordedError('transient', network, message ? linkedinWords('conflictBecause', { reason: message }) : linkedinWords('conflict'), 'conflict', { ambiguous: true });
  return wordedError('invalid', network, linkedinWords('refusedBecause', { what, reason: message || `HTTP ${status}` }), code);
}

/** A 429 carries no Retry-After at LinkedIn: Herald waits the configured time. */
function withRateLimitWait(e: LinkedInEndpoints, error: unknown): unknown {
  if (error instanceof ProviderError && error.code === 'rate_limited' && error.retryAfterMs === undefined) {
    return wordedError('transient', network, linkedinWords('slowDown', { seconds: Math.round(e.rateLimitWaitMs / 1000) }), 'rate_limited', { retryAfterMs: e.rateLimitWaitMs, ambiguous: error.ambiguous });
  }
  return error;
}

export type Answer<T> = { status: number; body: T; headers: Headers };

/**
 * One authenticated call. Answers 2xx; throws ProviderErrors for the rest unless `accept` lists
 * the status (the caller reads LinkedIn's envelope itself, e.g. a duplicate refusal).
 */
export async function linkedinCall<T = Record<string, unknown>>(e: LinkedInEndpoints, url: string, token: string, input: CallInput, accept: number[] = []): Promise<Answer<T>> {
  const method = input.method ?? 'GET';
  let answer: Awaited<ReturnType<typeof requestJson>>;
  try {
    answer = await requestJson(network, url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'linkedin-version': e.version,
        'x-restli-protocol-version': '2.0.0',
        ...(input.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...input.headers,
      },
      body: input.json !== undefined ? JSON.stringify(input.json) : undefined,
      // The API origin is the operator's configuration, never a user's choice.
      allowPrivate: true,
    });
  } catch (error) {
    throw withRateLimitWait(e, error);
  }
  if (answer.status >= 400 && !accept.includes(answer.status)) throw errorFrom(e, answer.status, answer.body as ErrorEnvelope | null, input.need);
  return answer as Answer<T>;
}

/** Uploads bytes to a LinkedIn upload URL (single image or document, or one video part); answers the ETag. */
export async function uploadBytes(e: LinkedInEndpoints, uploadUrl: string, token: string, bytes: Buffer, need: Need): Promise<string | null> {
  let response: Response;
  try {
    response = await fetchFromNetwork(network, uploadUrl, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
      body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>,
      timeoutMs: 120_000,
      allowPrivate: true,
    });
  } catch (error) {
    throw withRateLimitWait(e, error);
  }
  const text = await response.text().catch(() => '');
  if (response.status >= 400) {
    let body: ErrorEnvelope | null;
    try {
      body = text ? (JSON.parse(text) as ErrorEnvelope) : null;
    } catch {
      body = { message: text.slice(0, 200) };
    }
    throw errorFrom(e, response.status, body, need);
  }
  return response.headers.get('etag');
}

export const badAnswer = (what: string | MessageRef) => wordedError('invalid', network, linkedinWords('badAnswer', { what }), 'bad_answer');
