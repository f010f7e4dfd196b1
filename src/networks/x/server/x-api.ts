// X's addresses and one call to its API v2 (shared/providers.md §4). Errors come as RFC 7807
// problems `{ title, detail, type: "https://api.x.com/2/problems/<kind>", status }` (some 429s
// still in the v1.1 form `{ errors: [{ code, message }] }`) and become ProviderErrors of the kind
// Herald acts on. Every answer's `x-rate-limit-*` headers are remembered per account and
// endpoint, so a call X would refuse is not sent before the window resets.
import type { Config } from '../../../server/config/config.ts';
import { fetchFromNetwork, parseNetworkJson, requestJson } from '../../../server/providers/http.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { MessageRef, MessageValues } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, wordedError } from '../../error-words.ts';

export const network = 'x' as const;

export type XEndpoints = {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  apiUrl: string;
  chunkBytes: number;
  caps: { appPerDay: number; accountPer15Min: number };
};

const trimmed = (origin: string) => origin.replace(/\/+$/, '');

export function endpointsFrom(config: Config): XEndpoints {
  return {
    clientId: config.xClientId ?? '',
    clientSecret: config.xClientSecret ?? '',
    authorizeUrl: config.xAuthorizeUrl,
    apiUrl: trimmed(config.xApiUrl),
    chunkBytes: config.xUploadChunkKib * 1024,
    caps: { appPerDay: config.xAppPostsPerDay, accountPer15Min: config.xAccountPostsPerQuarterHour },
  };
}

/** Confidential clients authenticate at the token and revoke endpoints with Basic auth. */
export const basicAuth = (e: XEndpoints) => `Basic ${Buffer.from(`${encodeURIComponent(e.clientId)}:${encodeURIComponent(e.clientSecret)}`).toString('base64')}`;

/** An X problem (or the v1.1 error list some 429s still use). */
export type Problem = { title?: string; detail?: string; type?: string; status?: number; errors?: { code?: number; message?: string; title?: string; detail?: string }[] };

const kindOf = (p: Problem | null) => (p?.type ?? '').replace(/^https:\/\/api\.(x|twitter)\.com\/2\/problems\//, '');
export const problemText = (p: Problem | null) => (p?.detail ?? p?.title ?? p?.errors?.[0]?.message ?? p?.errors?.[0]?.detail ?? '').trim();

/** X's refusal of a text it already has from this account: the first attempt went out. */
export const isDuplicateRefusal = (status: number, p: Problem | null) => status === 403 && /duplicate content/i.test(`${problemText(p)} ${p?.errors?.map((e) => e.message ?? e.detail).join(' ') ?? ''}`);

/** What a call needs, for a message that names it: `what` as words (`network-x:errors.need.…`), or English. */
export type Need = { scope: string; what: string | MessageRef };

/** Words of X's error sentences (`network-x:errors.…`). */
export const xWords = (key: string, values?: MessageValues) => errorWords(`network-x:errors.${key}`, values);

/** A problem as a ProviderError. */
export function errorFrom(status: number, p: Problem | null, need: Need): ProviderError {
  const kind = kindOf(p);
  const text = problemText(p);
  const code = kind || `http_${status}`;
  const what = need.what;
  if (status === 401 || /unsupported authentication/i.test(text)) return wordedError('auth', network, text ? xWords('tokenRejectedBecause', { reason: text }) : xWords('tokenRejected'), code);
  if (status === 403 && /scope/i.test(text)) return wordedError('scope', network, xWords('scopeMissing', { scope: need.scope, what }), code, { scope: need.scope });
  if (kind === 'usage-capped') return wordedError('transient', network, text ? xWords('allowanceUsedBecause', { reason: text }) : xWords('allowanceUsed'), code, { retryAfterMs: 3_600_000 });
  if (status === 403) return wordedError('denied', network, text ? xWords('refusedBecause', { what, reason: text }) : xWords('refused', { what }), code);
  return wordedError('invalid', network, text ? xWords('refusedBecause', { what, reason: text }) : xWords('refusedStatus', { what, status }), code);
}

// ---- Rate limits ---------------------------------------------------------------------------

/**
 * Per X API (its base address), account and endpoint: when X's window resets, if it said nothing
 * is left. The address is in the key so that two Heralds in one process talking to two different
 * X servers (tests with their own fakes, which share an account id) never hold each other back.
 */
const exhausted = new Map<string, number>();
const keyOf = (api: string, account: string, endpoint: string) => `${api} ${account} ${endpoint}`;

/** Remembers `x-rate-limit-remaining: 0` until `x-rate-limit-reset` (epoch seconds). */
function noteRateLimit(headers: Headers, api: string, account: string, endpoint: string) {
  const remaining = Number(headers.get('x-rate-limit-remaining'));
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (headers.get('x-rate-limit-remaining') !== null && remaining <= 0 && Number.isFinite(reset)) exhausted.set(keyOf(api, account, endpoint), reset * 1000);
  else exhausted.delete(keyOf(api, account, endpoint));
}

/** Refuses, before sending, a call X said it would refuse until its window resets. */
function holdBack(api: string, account: string, endpoint: string) {
  const resetAt = exhausted.get(keyOf(api, account, endpoint));
  if (resetAt === undefined) return;
  if (resetAt <= Date.now()) {
    exhausted.delete(keyOf(api, account, endpoint));
    return;
  }
  throw wordedError('transient', network, xWords('limitUsed', { endpoint, time: new Date(resetAt).toISOString().slice(11, 16) }), 'rate_limited', { retryAfterMs: resetAt - Date.now() });
}

export type Answer<T> = { status: number; body: T; headers: Headers };

export type CallInput = {
  method?: 'GET' | 'POST' | 'DELETE';
  json?: unknown;
  need: Need;
  /** The account the call acts for, and the endpoint family (for X's per-endpoint limits). */
  account: string;
  endpoint: string;
};

/**
 * One authenticated call with a JSON answer. Answers 2xx; throws ProviderErrors for the rest
 * unless `accept` lists the status. A 429 waits until `x-rate-limit-reset`.
 */
export async function xCall<T = Record<string, unknown>>(e: XEndpoints, path: string, token: string, input: CallInput, accept: number[] = []): Promise<Answer<T>> {
  holdBack(e.apiUrl, input.account, input.endpoint);
  let answer: Awaited<ReturnType<typeof requestJson>>;
  try {
    answer = await requestJson(network, `${e.apiUrl}${path}`, {
      method: input.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(input.json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: input.json !== undefined ? JSON.stringify(input.json) : undefined,
      // The API origin is the operator's configuration, never a user's choice.
      allowPrivate: true,
    });
  } catch (error) {
    throw withResetWait(error);
  }
  noteRateLimit(answer.headers, e.apiUrl, input.account, input.endpoint);
  if (answer.status >= 400 && !accept.includes(answer.status)) throw errorFrom(answer.status, answer.body as Problem | null, input.need);
  return answer as Answer<T>;
}

/**
 * fetchFromNetwork turns a 429 into a transient error and keeps Retry-After; X sends its wait as
 * `x-rate-limit-reset`, which the shared reader takes as well. Without either: 15 minutes, X's window.
 */
function withResetWait(error: unknown): unknown {
  if (error instanceof ProviderError && error.code === 'rate_limited' && error.retryAfterMs === undefined) {
    return wordedError('transient', network, xWords('slowDown'), 'rate_limited', { retryAfterMs: 15 * 60_000, ambiguous: error.ambiguous });
  }
  return error;
}

/** A multipart call (an appended chunk, an image); answers like xCall. */
export async function xUpload<T = Record<string, unknown>>(e: XEndpoints, path: string, token: string, form: FormData, input: Omit<CallInput, 'json' | 'method'>): Promise<Answer<T>> {
  holdBack(e.apiUrl, input.account, input.endpoint);
  let response: Response;
  try {
    response = await fetchFromNetwork(network, `${e.apiUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form, timeoutMs: 120_000, allowPrivate: true });
  } catch (error) {
    throw withResetWait(error);
  }
  noteRateLimit(response.headers, e.apiUrl, input.account, input.endpoint);
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? parseNetworkJson(text) : null;
  } catch {
    body = { detail: text.slice(0, 200) };
  }
  if (response.status >= 400) throw errorFrom(response.status, body as Problem | null, input.need);
  return { status: response.status, body: body as T, headers: response.headers };
}

export const badAnswer = (what: string | MessageRef) => wordedError('invalid', network, xWords('badAnswer', { what }), 'bad_answer');
