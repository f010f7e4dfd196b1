import type { NetworkId } from '../../shared/networks.ts';
import { ProviderError } from './provider.ts';

const TIMEOUT_MS = 15_000;

/**
 * fetch with a timeout; a network that is down, slow or failing on its side (5xx, 429) becomes a
 * transient ProviderError, so it never surfaces as a 500.
 */
export async function fetchFromNetwork(network: NetworkId, url: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new ProviderError('transient', network, timedOut ? `${network} did not answer in time` : `${network} cannot be reached`);
  }
  if (response.status >= 500 || response.status === 429) {
    throw new ProviderError('transient', network, `${network} is having trouble (HTTP ${response.status}); try again shortly`);
  }
  return response;
}

/** fetchFromNetwork for JSON APIs: an answer that is not JSON is refused with a clear message. */
export async function requestJson(network: NetworkId, url: string, init: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
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
