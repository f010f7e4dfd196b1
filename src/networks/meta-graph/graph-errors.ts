// Meta's Graph API error envelope (Instagram both flavours, Facebook Pages, Threads), turned into
// the ProviderError kinds the engine acts on. Codes and subcodes: shared/providers.md §6–8.
import type { NetworkId } from '../index.ts';
import { type ProviderError } from '../../server/providers/provider.ts';
import type { MessageValue, MessageValues } from '../../server/modules/notifications/notification-message.ts';
import { errorWords, wordedError } from '../error-words.ts';

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

/** Words of the sentences Facebook, Instagram and Threads share (`networks:errors.meta.…`, the network's name a value). */
export const metaWords = (key: string, values?: MessageValues) => errorWords(`networks:errors.meta.${key}`, values);

/** Why a token stopped working (code 190): the subcodes with a sentence of their own (`meta.tokenEnded.<subcode>`). */
const tokenEndedBecause = new Set([458, 459, 460, 463, 464, 467]);

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
/** The same as a value of a sentence: Meta's own text as it wrote it, or Herald's words when it sent none. */
const graphReason = (error: GraphErrorBody): MessageValue => error.error_user_msg?.trim() || error.message?.trim() || metaWords('noReason');

/**
 * One Graph error → ProviderError. `regainMs` is the usage headers' estimated time to regain
 * access, when they carried one (see usage.ts).
 */
export function graphError(network: NetworkId, label: string, httpStatus: number, error: GraphErrorBody, regainMs: number | null = null): ProviderError {
  const code = typeof error.code === 'number' ? error.code : Number(error.code);
  const subcode = error.error_subcode;
  const tag = `graph_${Number.isFinite(code) ? code : String(error.code ?? httpStatus)}${subcode ? `_${subcode}` : ''}`;
  if (code === 190 || code === 102) {
    const why = metaWords(subcode && tokenEndedBecause.has(subcode) ? `tokenEnded.${subcode}` : 'tokenEnded.invalid');
    return wordedError('auth', network, metaWords('accessRefused', { network: label, why }), tag);
  }
  if (code === 10 || (code >= 200 && code <= 299)) {
    const scope = permissionNamed(error.message ?? '');
    const reason = graphReason(error);
    const words = scope ? metaWords('permissionMissingNamed', { network: label, scope, reason }) : metaWords('permissionMissing', { network: label, reason });
    return wordedError('scope', network, words, tag, { scope });
  }
  if (isThrottle(code)) {
    return wordedError('transient', network, metaWords('slowDown', { network: label, code }), 'rate_limited', { retryAfterMs: regainMs ?? DEFAULT_THROTTLE_WAIT_MS });
  }
  if (code === 1 || code === 2 || error.is_transient) {
    return wordedError('transient', network, metaWords('temporary', { network: label, reason: graphReason(error) }), tag);
  }
  if (code === 506) return wordedError('invalid', network, metaWords('duplicate', { network: label }), 'duplicate_post');
  return wordedError('invalid', network, metaWords('refused', { network: label, reason: graphReason(error) }), tag);
}

/** The error object of a Graph answer, if it is one. */
export function graphErrorOf(body: unknown): GraphErrorBody | null {
  if (!body || typeof body !== 'object' || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  return error && typeof error === 'object' ? (error as GraphErrorBody) : { message: String(error) };
}
