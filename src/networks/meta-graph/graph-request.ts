// One Graph API call: the shared HTTP guard (timeouts, byte caps, lossless ids), Meta's error
// envelope turned into ProviderErrors, and the account's budget usage remembered.
import type { NetworkId } from '../index.ts';
import { requestJson, type NetworkCallOptions } from '../../server/providers/http.ts';
import { wordedError } from '../error-words.ts';
import { graphError, graphErrorOf, metaWords } from './graph-errors.ts';
import { noteUsage, readUsage } from './usage.ts';

export type GraphCall = RequestInit &
  NetworkCallOptions & {
    /** The network's name for people ("Instagram"), used in error messages. */
    label: string;
    /** The account whose budget this call spends (its id at the network), to remember usage headers. */
    usageKey?: string;
  };

/** Calls the Graph API and answers its JSON; any Graph error (or a non-2xx) becomes a ProviderError. */
export async function graphJson<T = Record<string, unknown>>(network: NetworkId, url: string, call: GraphCall): Promise<{ body: T; headers: Headers; status: number }> {
  const { label, usageKey, ...init } = call;
  const { status, body, headers } = await requestJson(network, url, init);
  if (usageKey) noteUsage(network, usageKey, headers);
  const error = graphErrorOf(body);
  if (error) throw graphError(network, label, status, error, readUsage(headers)?.regainMs ?? null);
  if (status >= 400) throw wordedError('invalid', network, metaWords('refusedHttp', { network: label, status }), `http_${status}`);
  return { body: (body ?? {}) as T, headers, status };
}

/** Graph endpoints take the token as `access_token`; this adds it to a URL's query. */
export function withAccessToken(url: string, accessToken: string): string {
  const target = new URL(url);
  target.searchParams.set('access_token', accessToken);
  return target.toString();
}
