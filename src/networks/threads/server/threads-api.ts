// The Threads API's addresses and one call to it. Every call goes through meta-graph's graphJson
// (guarded fetch, Meta's error envelope, lossless 64-bit ids); the origin comes from configuration
// so a local fake can stand in.
import { graphJson, withAccessToken } from '../../meta-graph/graph-request.ts';
import type { ProviderError } from '../../../server/providers/provider.ts';
import type { MessageRef, MessageValues } from '../../../server/modules/notifications/notification-message.ts';
import { errorWords, wordedError } from '../../error-words.ts';

export const network = 'threads' as const;
export const label = 'Threads';
/** The Graph version Herald was written against (shared/providers.md §8). */
export const API_VERSION = 'v1.0';

export type ThreadsEndpoints = { authUrl: string; apiUrl: string };

const trimmed = (origin: string) => origin.replace(/\/+$/, '');
/** A versioned Graph path (`/me`, `/{user-id}/threads`…) with query values. */
export function graphUrl(apiUrl: string, path: string, query: Record<string, string | undefined> = {}): string {
  const url = new URL(`${trimmed(apiUrl)}/${API_VERSION}${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}
/** Token endpoints sit outside the version prefix (`/oauth/access_token`, `/access_token`, `/refresh_access_token`). */
export const tokenUrl = (apiUrl: string, path: string) => `${trimmed(apiUrl)}${path}`;

export type CallInput = {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Form fields of a POST. */
  form?: Record<string, string | undefined>;
  /** The account whose usage this spends (Threads sends no usage headers today; read if it ever does). */
  usageKey?: string;
};

/** One authenticated Threads call; Graph errors become ProviderErrors (meta-graph/graph-errors.ts). */
export async function threadsCall<T = Record<string, unknown>>(url: string, accessToken: string, input: CallInput = {}): Promise<T> {
  const method = input.method ?? 'GET';
  const fields = Object.entries(input.form ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const { body } = await graphJson<T>(network, withAccessToken(url, accessToken), {
    label,
    method,
    usageKey: input.usageKey,
    ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() } : {}),
    // The API origin is the operator's configuration, never a user's choice.
    allowPrivate: true,
  });
  return body;
}

/** Ids are numeric strings; a bare number past 2^53 arrives as an exact string from the lossless parser. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

/** Words of Threads' error sentences (`network-threads:errors.…`). */
export const threadsWords = (key: string, values?: MessageValues): MessageRef => errorWords(`network-threads:errors.${key}`, values);

/** What an answer of Threads lacked (`network-threads:errors.publisher.answer.…`). */
export type MissingAnswer = 'longLivedToken' | 'tokenAndUserId' | 'accountId' | 'containerId' | 'postId';
export const badAnswer = (what: MissingAnswer): ProviderError =>
  wordedError('invalid', network, threadsWords('publisher.badAnswer', { what: threadsWords(`publisher.answer.${what}`) }), 'bad_answer');
