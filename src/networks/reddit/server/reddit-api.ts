// Reddit Data API calls (shared/providers.md §11): the addresses, the descriptive User-Agent Reddit
// requires, one authenticated call, Reddit's refusals (HTTP status, or HTTP 200 with `json.errors`)
// turned into ProviderErrors, and its rate-limit headers (`X-Ratelimit-Used/-Remaining/-Reset`),
// which count per OAuth client id: once spent, no call is made for that client until the reset.
import { readFileSync } from 'node:fs';
import type { Config } from '../../../server/config/config.ts';
import { requestJson } from '../../../server/providers/http.ts';
import { ProviderError } from '../../../server/providers/provider.ts';
import type { MessageRef, MessageValues } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords as networkErrorWords, wordedError } from '../../error-words.ts';

/** Words of Reddit's error sentences (`network-reddit:errors.…`). */
export const redditWords = (key: string, values?: MessageValues) => networkErrorWords(`network-reddit:errors.${key}`, values);

export const network = 'reddit' as const;

export type RedditEndpoints = {
  /** Every bearer call (oauth.reddit.com). */
  apiUrl: string;
  /** Consent page, token and revoke (www.reddit.com). */
  authUrl: string;
  clientId: string;
  clientSecret: string;
  userAgent: string;
};

const trimmed = (origin: string) => origin.replace(/\/+$/, '');

const version = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' && /^[A-Za-z0-9._+-]+$/.test(pkg.version) ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

/** The operator's User-Agent, or Reddit's recommended form built from Herald's version and the operator's username. */
export function userAgentOf(config: Pick<Config, 'redditUserAgent' | 'redditDeveloper'>): string {
  if (config.redditUserAgent) return config.redditUserAgent;
  return `web:herald:${version} (by /u/${config.redditDeveloper ?? 'unknown'})`;
}

export function endpointsOf(config: Config): RedditEndpoints {
  return {
    apiUrl: trimmed(config.redditApiUrl),
    authUrl: trimmed(config.redditAuthUrl),
    clientId: config.redditClientId ?? '',
    clientSecret: config.redditClientSecret ?? '',
    userAgent: userAgentOf(config),
  };
}

export function apiUrlOf(e: Pick<RedditEndpoints, 'apiUrl'>, path: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(`${e.apiUrl}${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

export const basicAuth = (e: Pick<RedditEndpoints, 'clientId' | 'clientSecret'>) => `Basic ${Buffer.from(`${e.clientId}:${e.clientSecret}`).toString('base64')}`;

/** What an endpoint needs, so a refusal names the permission to grant. */
export type Need = { scope: string; what: MessageRef };

export const needs = {
  identity: { scope: 'identity', what: redditWords('need.identity') },
  mySubreddits: { scope: 'mysubreddits', what: redditWords('need.mySubreddits') },
  read: { scope: 'read', what: redditWords('need.read') },
  flair: { scope: 'flair', what: redditWords('need.flair') },
  submit: { scope: 'submit', what: redditWords('need.submit') },
  history: { scope: 'history', what: redditWords('need.history') },
  metrics: { scope: 'read', what: redditWords('need.metrics') },
} satisfies Record<string, Need>;

/**
 * Clients (app client ids) that spent Reddit's window: until its reset no call is made for them,
 * and the wait is said instead. Reddit counts per client id, so every account of this Herald
 * shares one window.
 */
const exhausted = new Map<string, number>();
/** A window's key: the client id at its API's address (two Heralds in one process, as in tests, may reach two Reddits). */
const windowOf = (e: Pick<RedditEndpoints, 'apiUrl' | 'clientId'>) => `${e.apiUrl} ${e.clientId}`;
/** The last headers seen per window (client id at its API address; for logs and tests). */
export const lastRateLimit = new Map<string, { used: number; remaining: number; resetSeconds: number }>();

function noteRateLimit(window: string, headers: Headers) {
  const used = Number(headers.get('x-ratelimit-used'));
  const remaining = Number(headers.get('x-ratelimit-remaining'));
  const reset = Number(headers.get('x-ratelimit-reset'));
  // CDN-cached answers carry no headers: nothing learnt.
  if (!headers.has('x-ratelimit-remaining') || !Number.isFinite(remaining)) return;
  lastRateLimit.set(window, { used, remaining, resetSeconds: reset });
  if (remaining >= 1) {
    exhausted.delete(window);
    return;
  }
  exhausted.set(window, Date.now() + (Number.isFinite(reset) ? reset : 60) * 1000);
}

function assertRoom(window: string) {
  const until = exhausted.get(window);
  if (until === undefined) return;
  const wait = until - Date.now();
  if (wait <= 0) {
    exhausted.delete(window);
    return;
  }
  throw wordedError('transient', network, redditWords('rateLimitUsed', { seconds: Math.ceil(wait / 1000) }), 'rate_limited', { retryAfterMs: wait });
}

/** Forgets what the rate-limit headers said (tests). */
export const resetRateLimits = () => exhausted.clear();

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/** Reddit's refusal by HTTP status as a ProviderError of the kind the engine acts on. */
export function refusal(status: number, body: unknown, headers: Headers, need: Need | null): ProviderError {
  const b = (body && typeof body === 'object' ? body : {}) as { message?: unknown; error?: unknown; reason?: unknown; explanation?: unknown };
  const message = text(b.explanation) ?? text(b.message) ?? text(b.reason) ?? (typeof b.error === 'string' ? b.error : null);
  if (status === 401) return wordedError('auth', network, message ? redditWords('tokenRejectedBecause', { reason: message }) : redditWords('tokenRejected'), 'http_401');
  // A token without the scope the endpoint needs: 403 with `insufficient_scope` in WWW-Authenticate.
  if (status === 403 && /insufficient_scope/.test(headers.get('www-authenticate') ?? '')) {
    const words = need ? redditWords('scopeMissing', { scope: need.scope, what: need.what }) : redditWords('permissionMissing');
    return wordedError('scope', network, words, 'insufficient_scope', { scope: need?.scope });
  }
  return wordedError('invalid', network, redditWords('refused', { reason: message ?? `HTTP ${status}` }), `http_${status}`);
}

/** One `[CODE, message, field]` of `json.errors`. */
export type RedditError = { code: string; message: string; field: string | null };

export function jsonErrorsOf(body: unknown): RedditError[] {
  const json = (body as { json?: { errors?: unknown } } | null)?.json;
  const errors = Array.isArray(json?.errors) ? json.errors : [];
  return errors.map((e) => {
    const [code, message, field] = Array.isArray(e) ? e : [];
    return { code: typeof code === 'string' ? code : 'UNKNOWN', message: typeof message === 'string' ? message : '', field: typeof field === 'string' && field ? field : null };
  });
}

/** "you are doing that too much. try again in 3 minutes." → 180,000 ms; null when no delay is written. */
export function delayOf(message: string): number | null {
  const m = /try again in (\d+(?:\.\d+)?)\s*(milliseconds?|seconds?|minutes?|hours?)/i.exec(message);
  if (!m) return null;
  const unit = m[2]!.toLowerCase();
  const factor = unit.startsWith('millisecond') ? 1 : unit.startsWith('second') ? 1000 : unit.startsWith('minute') ? 60_000 : 3_600_000;
  return Math.round(Number(m[1]) * factor);
}

/** A subreddit that says "try again later" without a time: an hour later (the subreddit's own throttle). */
const SUBREDDIT_RATELIMIT_WAIT_MS = 60 * 60_000;

/** The submission errors Herald explains in plain words (`network-reddit:errors.submission.<code>`). */
const explained = new Set(['SUBREDDIT_NOEXIST', 'SUBREDDIT_NOTALLOWED', 'NO_SELFS', 'NO_LINKS', 'ALREADY_SUB', 'SUBMIT_VALIDATION_FLAIR_REQUIRED']);

/**
 * `json.errors` of a submission (HTTP 200) as the error the engine acts on: Reddit's throttles
 * (RATELIMIT, SUBREDDIT_RATELIMIT) wait exactly as long as Reddit wrote; every other refusal
 * is final, in Reddit's words with its code and field.
 */
export function submissionError(errors: RedditError[]): ProviderError {
  const throttle = errors.find((e) => e.code === 'RATELIMIT' || e.code === 'SUBREDDIT_RATELIMIT');
  if (throttle) {
    const wait = delayOf(throttle.message) ?? (throttle.code === 'SUBREDDIT_RATELIMIT' ? SUBREDDIT_RATELIMIT_WAIT_MS : 10 * 60_000);
    return wordedError('transient', network, redditWords('wait', { message: throttle.message, code: throttle.code, seconds: Math.round(wait / 1000) }), throttle.code.toLowerCase(), { retryAfterMs: wait });
  }
  const described = errors.map((e): MessageRef => {
    const values = { message: e.message || e.code, code: e.code, ...(e.field ? { field: e.field } : {}) };
    const key = e.field ? 'itemOn' : 'item';
    return explained.has(e.code) ? redditWords(`${key}Explained`, { ...values, plain: redditWords(`submission.${e.code}`) }) : redditWords(key, values);
  });
  // "a; b; c" as words: each pair nested, so every language joins them its own way.
  const joined = described.reduceRight<MessageRef | null>((rest, item) => (rest ? redditWords('join', { first: item, rest }) : item), null);
  return wordedError('invalid', network, redditWords('submissionRefused', { errors: joined ?? '' }), errors[0]?.code.toLowerCase() ?? 'refused');
}

export type CallInput = {
  method?: 'GET' | 'POST';
  form?: Record<string, string>;
  json?: unknown;
  need: Need | null;
  timeoutMs?: number;
};

/** One authenticated call to Reddit's OAuth API; answers the parsed body of a 2xx (its `json.errors` are the caller's). */
export async function redditCall<T = Record<string, unknown>>(e: RedditEndpoints, url: string, accessToken: string, input: CallInput): Promise<T> {
  assertRoom(windowOf(e));
  let answer: Awaited<ReturnType<typeof requestJson>>;
  try {
    answer = await requestJson(network, url, {
      method: input.method ?? 'GET',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'user-agent': e.userAgent,
        accept: 'application/json',
        ...(input.form ? { 'content-type': 'application/x-www-form-urlencoded' } : input.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: input.form ? new URLSearchParams(input.form).toString() : input.json !== undefined ? JSON.stringify(input.json) : undefined,
      timeoutMs: input.timeoutMs,
      // The API origin is the operator's configuration, never a user's choice.
      allowPrivate: true,
    });
  } catch (error) {
    // A 429 without a reset: Reddit's window is averaged over ten minutes; a minute is a fair wait.
    if (error instanceof ProviderError && error.code === 'rate_limited') {
      error.retryAfterMs ??= 60_000;
      exhausted.set(windowOf(e), Date.now() + error.retryAfterMs);
    }
    throw error;
  }
  noteRateLimit(windowOf(e), answer.headers);
  if (answer.status >= 200 && answer.status < 300) return (answer.body ?? {}) as T;
  throw refusal(answer.status, answer.body, answer.headers, input.need);
}

export const badAnswer = (what: string | MessageRef) => wordedError('invalid', network, redditWords('badAnswer', { what }), 'bad_answer');

/** Reddit escapes `&` in the image addresses it returns (`&amp;`). */
export const unescapeUrl = (value: unknown) => (typeof value === 'string' && value ? value.replace(/&amp;/g, '&') : null);

/** A post's fullname (`t3_` + base-36 id), kept as the string Reddit sent. */
export const fullnameOf = (value: unknown) => (typeof value === 'string' && /^t3_[a-z0-9]+$/i.test(value) ? value : null);
