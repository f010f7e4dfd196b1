// Meta's Graph API error envelope (Instagram both flavours, Facebook Pages, Threads), turned into
// the ProviderError kinds the engine acts on. Codes and subcodes: shared/providers.md §6–8.
import type { NetworkId } from '../index.ts';
import { ProviderError } from '../../server/providers/provider.ts';

export type GraphErrorBody = {
  message?: string;
  type?: string;
  code?: number | string;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id?: string;
  is_transient?: boolean;
};

/** Why a token stopped working (code 190), in words for the channel's status. */
const tokenEndedBecause: Record<number, string> = {
  458: 'Herald was removed from the apps of the account',
  459: 'the account must log in to Meta to pass a security check',
  460: 'the account password was changed',
  463: 'the access expired',
  464: 'the account is not confirmed at Meta',
  467: 'the access was ended (logged out or invalidated)',
};

/** Throttles: 4 app, 17 user, 32 Pages, 613 calls within a window, 80001–80014 business use case (Pages, Instagram…). */
const throttleCodes = new Set([4, 17, 32, 613]);
const isThrottle = (code: number) => throttleCodes.has(code) || (code >= 80001 && code <= 80014);
/** Meta does not say how long a throttle lasts without its usage headers; its windows are an hour. */
export const DEFAULT_THROTTLE_WAIT_MS = 60 * 60 * 1000;

/** The permission a Graph permission error names ("(#200) Requires pages_manage_posts permission"). */
export function permissionNamed(message: string): string | undefined {
  return /\b((?:pages|instagram|threads|business|publish|read|user)_[a-z_]+)\b/.exec(message)?.[1];
}

/** Meta's words for the person (error_user_msg) when it sent some, else its developer message. */
export const graphMessage = (error: GraphErrorBody) => error.error_user_msg?.trim() || error.message?.trim() || 'no reason given';

/**
 * One Graph error → ProviderError. `regainMs` is the usage headers' estimated time to regain
 * access, when they carried one (see usage.ts).
 */
export function graphError(network: NetworkId, label: string, httpStatus: number, error: GraphErrorBody, regainMs: number | null = null): ProviderError {
  const code = typeof error.code === 'number' ? error.code : Number(error.code);
  const subcode = error.error_subcode;
  const tag = `graph_${Number.isFinite(code) ? code : String(error.code ?? httpStatus)}${subcode ? `_${subcode}` : ''}`;
  if (code === 190 || code === 102) {
    const why = (subcode && tokenEndedBecause[subcode]) || 'the access token is no longer valid';
    return new ProviderError('auth', network, `${label} refused Herald's access: ${why}`, tag);
  }
  if (code === 10 || (code >= 200 && code <= 299)) {
    const scope = permissionNamed(error.message ?? '');
    return new ProviderError('scope', network, `${label} needs a permission that was not granted${scope ? ` (${scope})` : ''}: ${graphMessage(error)}`, tag, { scope });
  }
  if (isThrottle(code)) {
    return new ProviderError('transient', network, `${label} asked Herald to slow down (code ${code}); Herald waits before calling again`, 'rate_limited', {
      retryAfterMs: regainMs ?? DEFAULT_THROTTLE_WAIT_MS,
    });
  }
  if (code === 1 || code === 2 || error.is_transient) {
    return new ProviderError('transient', network, `${label} had a temporary problem: ${graphMessage(error)}`, tag);
  }
  if (code === 506) return new ProviderError('invalid', network, `${label} says this is a duplicate of a recent post`, 'duplicate_post');
  return new ProviderError('invalid', network, `${label}: ${graphMessage(error)}`, tag);
}

/** The error object of a Graph answer, if it is one. */
export function graphErrorOf(body: unknown): GraphErrorBody | null {
  if (!body || typeof body !== 'object' || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  return error && typeof error === 'object' ? (error as GraphErrorBody) : { message: String(error) };
}
