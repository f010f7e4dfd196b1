import { isInteger, isSafeNumber, parse as parseLossless } from 'lossless-json';
import { networkLabel, type NetworkId } from '../../shared/networks.ts';
import { AnswerTooLargeError, guardedFetch, HostNotPublicError } from './guarded-fetch.ts';
import { ProviderError, type ProviderErrorKind } from './provider.ts';
import { httpCode, observeNetworkCall } from '../modules/metrics/metrics.instruments.ts';
import type { MessageValues } from '../modules/notifications/notification-message.ts';
import { englishOf } from '../i18n/stored-words.ts';

/**
 * A transport failure's error, its message made from its words (`networks:errors.transport.…`), so
 * a delivery that failed or is unconfirmed because of it is told to each reader in their language.
 */
export function transportError(kind: ProviderErrorKind, network: NetworkId, key: string, values: MessageValues, code: string | undefined, extra: { retryAfterMs?: number; ambiguous?: boolean } = {}) {
  // The network by its name ("Mastodon cannot be reached"), in every language.
  const words = { key: `networks:errors.transport.${key}`, values: { network: networkLabel(network), ...values } };
  return new ProviderError(kind, network, englishOf('networks', words), code, { ...extra, words });
}

const TIMEOUT_MS = 15_000;
/** JSON APIs answer in kilobytes; a few megabytes leaves room for long timelines without letting one answer fill memory. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * How long a network asks Herald to wait: Retry-After, else the rate-limit window's reset
 * (Bluesky's RateLimit-Reset in epoch seconds, Mastodon's X-RateLimit-Reset as an ISO date, X's
 * x-rate-limit-reset in epoch seconds).
 */
export function waitAskedFor(headers: Headers, now = Date.now()): number | null {
  const retryAfter = retryAfterMs(headers.get('retry-after'), now);
  if (retryAfter !== null) return retryAfter;
  const reset = headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset') ?? headers.get('x-rate-limit-reset');
  if (!reset) return null;
  const asNumber = Number(reset);
  // Small numbers are seconds from now (the IETF draft), large ones an epoch time.
  if (Number.isFinite(asNumber)) return Math.max(0, asNumber > 1e9 ? asNumber * 1000 - now : asNumber * 1000);
  const date = Date.parse(reset);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Errors that prove the request never left this machine: sending it again cannot duplicate anything. */
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export type NetworkCallOptions = {
  timeoutMs?: number;
  /** The answer's byte cap (MAX_ANSWER_BYTES unless given). */
  maxBytes?: number;
  /**
   * False for every host a user can influence (Mastodon instances, Bluesky servers): private,
   * loopback and special addresses are refused, checked on the address connected to. True only
   * for operator-configured hosts (TikTok's API URL) and the allow-http settings of tests and the demo.
   */
  allowPrivate: boolean;
};

/**
 * fetch through guardedFetch with a timeout and a bounded answer; a network that is down, slow
 * or failing on its side (5xx, 429) becomes a transient ProviderError, so it never surfaces as a 500.
 */
export async function fetchFromNetwork(network: NetworkId, url: string | URL, init: RequestInit & NetworkCallOptions): Promise<Response> {
  let response: Response;
  const { timeoutMs, maxBytes, allowPrivate, ...rest } = init;
  const started = performance.now();
  const observe = (code: string, failed: boolean) => observeNetworkCall(network, code, (performance.now() - started) / 1000, failed);
  try {
    response = await guardedFetch(url, rest, { allowPrivate, maxBytes: maxBytes ?? MAX_ANSWER_BYTES, timeoutMs: timeoutMs ?? requestTimeoutMs() });
  } catch (error) {
    if (error instanceof HostNotPublicError) {
      observe('instance_not_public', true);
      throw transportError('invalid', network, 'notPublic', { host: error.host }, 'instance_not_public');
    }
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const notSent = !timedOut && notSentCodes.has(causeCode(error) ?? '');
    observe(timedOut ? 'timeout' : 'unreachable', true);
    throw transportError('transient', network, timedOut ? 'timeout' : 'unreachable', {}, timedOut ? 'timeout' : 'unreachable', { ambiguous: !notSent });
  }
  // 4xx answers count as errors too (a rejected token, a refused post): the caller decides what they mean.
  observe(httpCode(response.status), response.status >= 400);
  if (response.status >= 500 || response.status === 429) {
    const wait = waitAskedFor(response.headers);
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 429) throw transportError('transient', network, 'slowDown', {}, 'rate_limited', { retryAfterMs: wait ?? undefined });
    throw transportError('transient', network, 'trouble', { status: response.status }, `http_${response.status}`, { retryAfterMs: wait ?? undefined });
  }
  return response;
}

let timeoutMs = TIMEOUT_MS;
/** Set once at start from HERALD_NETWORK_TIMEOUT_SECONDS (tests shorten it to exercise lost answers quickly). */
export function configureNetworkTimeout(ms: number) {
  timeoutMs = ms;
}
const requestTimeoutMs = () => timeoutMs;

/**
 * Integers past 2^53 (TikTok's int64 post ids) become exact decimal strings instead of rounded
 * numbers; every other number stays a number.
 */
function parseNumber(text: string): number | string {
  return isInteger(text) && !isSafeNumber(text) ? text : Number(text);
}

/**
 * A bare JSON number of 16 digits or more: every integer with fewer is below 2^53, so answers
 * without one (nearly all) keep JSON.parse's speed; lossless parsing is about 5-10 times slower.
 */
const longNumber = /[:[,]\s*-?\d{16}/;

/** JSON.parse without losing 64-bit ids. */
export function parseNetworkJson(text: string): unknown {
  return longNumber.test(text) ? parseLossless(text, null, parseNumber) : JSON.parse(text);
}

/**
 * fetchFromNetwork for JSON APIs: the answer is read up to its byte cap and parsed losslessly;
 * one that is not JSON, or too large, is refused with a clear message.
 */
export async function requestJson(network: NetworkId, url: string, init: RequestInit & NetworkCallOptions): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetchFromNetwork(network, url, init);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The request reached the network either way: for a creating call the outcome is unknown.
    if (error instanceof AnswerTooLargeError) {
      throw transportError('invalid', network, 'tooLarge', { kb: Math.round(error.maxBytes / 1024), status: response.status }, 'answer_too_large', { ambiguous: true });
    }
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw transportError('transient', network, timedOut ? 'timeout' : 'cutWhileAnswering', {}, timedOut ? 'timeout' : 'unreachable', { ambiguous: true });
  }
  let body: unknown;
  try {
    body = text ? parseNetworkJson(text) : null;
  } catch {
    throw transportError('invalid', network, 'unreadable', { status: response.status }, undefined);
  }
  return { status: response.status, body, headers: response.headers };
}

export const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
export const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
