import type { NetworkId } from '../../shared/networks.ts';
import { ProviderError } from './provider.ts';

const TIMEOUT_MS = 15_000;

/**
 * fetch with a timeout that turns network failures and non-JSON answers into ProviderErrors, so a
 * network that is down or answers garbage never surfaces as a 500.
 */
export async function requestJson(network: NetworkId, url: string, init: RequestInit): Promise<{ status: number; body: unknown; headers: Headers }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new ProviderError('transient', network, timedOut ? `${network} did not answer in time` : `${network} cannot be reached`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ProviderError(response.status >= 500 ? 'transient' : 'invalid', network, `${network} sent an answer Herald cannot read (HTTP ${response.status})`);
  }
  if (response.status >= 500 || response.status === 429) {
    throw new ProviderError('transient', network, `${network} is having trouble (HTTP ${response.status}); try again shortly`);
  }
  return { status: response.status, body, headers: response.headers };
}

export const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
export const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
