// Pinterest API v5 calls (shared/providers.md §10): the addresses, one authenticated JSON call,
// Pinterest's error envelope `{ code, message }` turned into ProviderErrors, and its rate-limit
// headers (`x-ratelimit-limit/-remaining/-reset`) honoured before the next call.
import crypto from 'node:crypto';
import type { Config } from '../../../server/config/config.ts';
import { requestJson, waitAskedFor } from '../../../server/providers/http.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { MessageRef, MessageValues } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, wordedError } from '../../error-words.ts';
import { PINTEREST_API_URL, PINTEREST_SANDBOX_URL } from '../descriptor.ts';

export const network = 'pinterest' as const;

export type PinterestEndpoints = {
  /** Where pins, boards and media go (the sandbox host for Trial apps). */
  apiUrl: string;
  /** Where tokens are issued (always the production API, or the fake). */
  tokenApiUrl: string;
  authUrl: string;
};

const trimmed = (origin: string) => origin.replace(/\/+$/, '');

export function endpointsOf(config: Config): PinterestEndpoints {
  const configured = trimmed(config.pinterestApiUrl);
  // An operator pointing Herald at another API (a local fake) means that API, sandbox or not.
  const apiUrl = config.pinterestSandbox && configured === PINTEREST_API_URL ? PINTEREST_SANDBOX_URL : configured;
  return { apiUrl, tokenApiUrl: configured, authUrl: trimmed(config.pinterestAuthUrl) };
}

export function apiUrlOf(base: string, path: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(`${trimmed(base)}/v5${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** Pinterest's error body. */
type ErrorBody = { code?: unknown; message?: unknown; message_detail?: unknown };

/** What an endpoint needs, so a refusal names the permissions to grant: `scope` above all, with the others in `with`. */
export type Need = { scope: string; with?: string[]; what: MessageRef };

/** Words of Pinterest's error sentences (`network-pinterest:errors.…`). */
export const pinterestWords = (key: string, values?: MessageValues) => errorWords(`network-pinterest:errors.${key}`, values);

/**
 * Accounts that spent a rate-limit window (`x-ratelimit-remaining: 0`), per category: until the
 * reset, Herald does not call for them in that category, and says how long to wait instead. Kept
 * per process: a worker that has not seen the headers learns them from the next answer (or its 429).
 */
const exhausted = new Map<string, number>();

/** Pinterest's rate-limit category of a call (each endpoint declares one in the OpenAPI description). */
function categoryOf(method: string, url: string): 'org_read' | 'org_write' | 'org_analytics' {
  if (new URL(url).pathname.endsWith('/analytics')) return 'org_analytics';
  return method === 'GET' ? 'org_read' : 'org_write';
}
const accountKey = (accessToken: string, account: string | undefined, category: string) =>
  `${account ?? `t:${crypto.createHash('sha256').update(accessToken).digest('hex').slice(0, 16)}`}:${category}`;

function noteRateLimit(key: string, headers: Headers) {
  // The first number of each header: a header listing several windows starts with the tightest.
  const first = (name: string) => Number.parseInt(headers.get(name) ?? '', 10);
  const remaining = first('x-ratelimit-remaining');
  if (!Number.isFinite(remaining)) return;
  if (remaining > 0) {
    exhausted.delete(key);
    return;
  }
  // Pinterest does not say whether the reset is seconds or an instant; waitAskedFor reads both.
  const reset = first('x-ratelimit-reset');
  const wait = waitAskedFor(new Headers({ 'x-ratelimit-reset': String(Number.isFinite(reset) ? reset : 60) })) ?? 60_000;
  exhausted.set(key, Date.now() + wait);
}

function assertRoom(key: string) {
  const until = exhausted.get(key);
  if (until === undefined) return;
  const wait = until - Date.now();
  if (wait <= 0) {
    exhausted.delete(key);
    return;
  }
  throw wordedError('transient', network, pinterestWords('rateLimitUsed', { seconds: Math.ceil(wait / 1000) }), 'rate_limited', { retryAfterMs: wait });
}

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Pinterest's refusal as a ProviderError of the kind the engine acts on. */
export function refusal(status: number, body: unknown, need: Need | null): ProviderError {
  const error = (body && typeof body === 'object' ? body : {}) as ErrorBody;
  const message = text(error.message);
  const code = typeof error.code === 'number' ? `pinterest_${error.code}` : `http_${status}`;
  if (status === 401) return wordedError('auth', network, message ? pinterestWords('tokenRejectedBecause', { reason: message }) : pinterestWords('tokenRejected'), code);
  if (status === 403) {
    // Pinterest answers 403 when the token lacks a permission (scope) the call needs; which one
    // of the endpoint's permissions it does not say, so all of them are named.
    const scopes = need ? [...(need.with ?? []), need.scope] : [];
    const quoted = scopes.map((s) => `"${s}"`);
    const named = quoted.length === 2 ? pinterestWords('and', { first: quoted[0]!, second: quoted[1]! }) : quoted.join(', ');
    const reason = message ?? pinterestWords('notPermitted');
    const words = need ? pinterestWords(scopes.length > 1 ? 'scopeMissingSeveral' : 'scopeMissingOne', { reason, named, what: need.what }) : pinterestWords('refused', { reason });
    return wordedError('scope', network, words, code, { scope: need?.scope });
  }
  return wordedError('invalid', network, pinterestWords('refused', { reason: message ?? `HTTP ${status}` }), code);
}

export type CallInput = {
  method?: 'GET' | 'POST' | 'DELETE';
  json?: unknown;
  need: Need | null;
  /** The account whose rate limit this spends (its Pinterest user id); the token's hash otherwise. */
  account?: string;
  timeoutMs?: number;
};

/** One authenticated call to the Pinterest API; answers the parsed body of a 2xx. */
export async function pinterestCall<T = Record<string, unknown>>(url: string, accessToken: string, input: CallInput): Promise<T> {
  // At the API's address too: two Heralds in one process (tests) may reach two Pinterests.
  const key = `${new URL(url).origin} ${accountKey(accessToken, input.account, categoryOf(input.method ?? 'GET', url))}`;
  assertRoom(key);
  let answer: Awaited<ReturnType<typeof requestJson>>;
  try {
    answer = await requestJson(network, url, {
      method: input.method ?? 'GET',
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...(input.json === undefined ? {} : { 'content-type': 'application/json' }) },
      body: input.json === undefined ? undefined : JSON.stringify(input.json),
      timeoutMs: input.timeoutMs,
      // The API origin is the operator's configuration, never a user's choice.
      allowPrivate: true,
    });
  } catch (error) {
    // A 429 without Retry-After or reset: Pinterest's windows are one minute long.
    if (error instanceof ProviderError && error.code === 'rate_limited') {
      error.retryAfterMs ??= 60_000;
      exhausted.set(key, Date.now() + error.retryAfterMs);
    }
    throw error;
  }
  noteRateLimit(key, answer.headers);
  if (answer.status >= 200 && answer.status < 300) return (answer.body ?? {}) as T;
  throw refusal(answer.status, answer.body, input.need);
}

/** Ids are digit strings; a bare number past 2^53 arrives as an exact string from the lossless parser. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

export const badAnswer = (what: string | MessageRef) => wordedError('invalid', network, pinterestWords('badAnswer', { what }), 'bad_answer');

export const needs = {
  profile: { scope: 'user_accounts:read', what: pinterestWords('need.profile') },
  account: { scope: 'user_accounts:read', what: pinterestWords('need.account') },
  boards: { scope: 'boards:read', what: pinterestWords('need.boards') },
  createBoard: { scope: 'boards:write', what: pinterestWords('need.createBoard') },
  pins: { scope: 'pins:write', with: ['boards:read', 'boards:write', 'pins:read'], what: pinterestWords('need.pins') },
  media: { scope: 'pins:write', with: ['pins:read'], what: pinterestWords('need.media') },
  mediaStatus: { scope: 'pins:read', what: pinterestWords('need.mediaStatus') },
  readPins: { scope: 'pins:read', with: ['boards:read'], what: pinterestWords('need.readPins') },
  analytics: { scope: 'pins:read', with: ['boards:read'], what: pinterestWords('need.analytics') },
} satisfies Record<string, Need>;
