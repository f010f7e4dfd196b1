import type { NetworkId } from '../../shared/networks.ts';
import { ProviderError } from './provider.ts';

const TIMEOUT_MS = 15_000;

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
 * (Bluesky's RateLimit-Reset in epoch seconds, Mastodon's X-RateLimit-Reset as an ISO date).
 */
export function waitAskedFor(headers: Headers, now = Date.now()): number | null {
  const retryAfter = retryAfterMs(headers.get('retry-after'), now);
  if (retryAfter !== null) return retryAfter;
  const reset = headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset');
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

/**
 * fetch with a timeout; a network that is down, slow or failing on its side (5xx, 429) becomes a
 * transient ProviderError, so it never surfaces as a 500.
 */
export async function fetchFromNetwork(network: NetworkId, url: string | URL | Request, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
  let response: Response;
  const { timeoutMs, ...rest } = init;
  try {
    response = await fetch(url, { ...rest, signal: AbortSignal.timeout(timeoutMs ?? requestTimeoutMs()), redirect: 'manual' });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const notSent = !timedOut && notSentCodes.has(causeCode(error) ?? '');
    throw new ProviderError('transient', network, timedOut ? `${network} did not answer in time` : `${network} cannot be reached`, timedOut ? 'timeout' : 'unreachable', {
      ambiguous: !notSent,
    });
  }
  if (response.status >= 500 || response.status === 429) {
    const wait = waitAskedFor(response.headers);
    await response.body?.cancel().catch(() => undefined);
    throw new ProviderError(
      'transient',
      network,
      response.status === 429 ? `${network} asked Herald to slow down (HTTP 429)` : `${network} is having trouble (HTTP ${response.status}); try again shortly`,
      response.status === 429 ? 'rate_limited' : `http_${response.status}`,
      { retryAfterMs: wait ?? undefined },
    );
  }
  return response;
}

let timeoutMs = TIMEOUT_MS;
/** Set once at start from HERALD_NETWORK_TIMEOUT_SECONDS (tests shorten it to exercise lost answers quickly). */
export function configureNetworkTimeout(ms: number) {
  timeoutMs = ms;
}
const requestTimeoutMs = () => timeoutMs;

/** fetchFromNetwork for JSON APIs: an answer that is not JSON is refused with a clear message. */
export async function requestJson(network: NetworkId, url: string, init: RequestInit & { timeoutMs?: number }): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetchFromNetwork(network, url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ProviderError('invalid', network, `${network} sent an answer Herald cannot read (HTTP ${response.status})`);
  }
  return { status: response.status, body, headers: response.headers };
}

export const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
export const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
