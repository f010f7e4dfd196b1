import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { AnswerTooLargeError, guardedFetch, HostNotPublicError, isPublicAddress, type Resolver } from '../../providers/guarded-fetch.ts';
import { AppError, invalid, type MessageValues } from '../shared/errors.ts';

// Fetching what a user linked to: only through the guarded fetch (public addresses, bounded size
// and time), following a few redirects, each one checked again like the first address.

export type LinkFetchSettings = {
  /** HERALD_LINK_PREVIEWS_ALLOW_LOOPBACK: tests and the offline demo serve pages on 127.0.0.1 or ::1. */
  allowLoopback: boolean;
  /** For the whole exchange, redirects and body included. */
  timeoutMs: number;
  /** Tests play a DNS server that answers a private address. */
  resolve?: Resolver;
};

const MAX_REDIRECTS = 4;

/** A page Herald could not make a card of, for a reason the composer shows as is. */
const unusable = (code: string, message: string, values?: MessageValues) => new AppError(`link_preview.${code}`, 422, message, undefined, values);

function hostLiteral(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return net.isIP(host) ? host : null;
}

const isLoopback = (url: URL) => {
  const literal = hostLiteral(url);
  return literal !== null && ipaddr.process(literal).range() === 'loopback';
};

/** The address as the user gave it, checked before anything is sent: http(s), no credentials, no private IP literal. */
export function checkLinkUrl(raw: string, allowLoopback: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('link_preview.invalid_url', 'url: is not a web address', { field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('link_preview.invalid_url', 'url: must start with https:// or http://', { field: 'url' });
  if (url.username || url.password) throw invalid('link_preview.invalid_url', 'url: must not carry a user name or password', { field: 'url' });
  const literal = hostLiteral(url);
  if (literal && !isPublicAddress(literal) && !(allowLoopback && isLoopback(url))) throw privateAddress(url.host);
  return url;
}

const privateAddress = (host: string) => unusable('private_address', `${host} is a private address; Herald only reads pages on public servers`, { host });

/** The composer's words for whatever the fetch threw; never a stack, nor an address beyond the host. */
function explain(error: unknown, timeoutMs: number): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HostNotPublicError) return privateAddress(error.host);
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return unusable('timeout', `The page did not answer within ${Math.round(timeoutMs / 1000)} s`, { seconds: Math.round(timeoutMs / 1000) });
  const cause = (error as { cause?: { code?: string } })?.cause;
  if (cause instanceof HostNotPublicError) return privateAddress(cause.host);
  if (error instanceof AnswerTooLargeError || cause instanceof AnswerTooLargeError) return unusable('too_large', 'The answer is too large');
  if (cause?.code === 'ENOTFOUND') return unusable('unreachable', 'The host name of the link does not exist');
  if (cause?.code === 'ECONNREFUSED') return unusable('unreachable', 'The server of the link refused the connection');
  return unusable('unreachable', `Could not read the page${cause?.code ? ` (${cause.code})` : ''}`);
}

export type FetchedAnswer = { url: URL; response: Response };

/**
 * GETs `url`, following at most 4 redirects, each target checked by the guarded fetch as the
 * first was. Answers the final 2xx response with its body unread (capped at `maxBytes` by the
 * guarded fetch); any other outcome is an AppError with a `link_preview.*` code.
 */
export async function fetchFollowing(url: URL, accept: string, maxBytes: number, settings: LinkFetchSettings): Promise<FetchedAnswer> {
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  const headers = { accept, 'user-agent': 'Herald link preview (+https://github.com/herald)' };
  let target = url;
  try {
    for (let hop = 0; ; hop++) {
      const response = await guardedFetch(
        target,
        { headers, signal: deadline },
        { allowPrivate: settings.allowLoopback && isLoopback(target), maxBytes, timeoutMs: settings.timeoutMs, resolve: settings.resolve },
      );
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (!location) throw unusable('unreachable', `The page answered HTTP ${response.status} without saying where to go`);
        if (hop >= MAX_REDIRECTS) throw unusable('too_many_redirects', `The link redirected more than ${MAX_REDIRECTS} times`, { max: MAX_REDIRECTS });
        target = checkLinkUrl(new URL(location, target).toString(), settings.allowLoopback);
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => undefined);
        throw unusable('unreachable', `The page answered HTTP ${response.status}`);
      }
      return { url: target, response };
    }
  } catch (error) {
    throw explain(error, settings.timeoutMs);
  }
}

/** Reads a body chunk by chunk until `enough` says so or `maxBytes` have come, then closes it. */
export async function readBounded(answer: FetchedAnswer, maxBytes: number, onChunk: (chunk: Uint8Array) => boolean, timeoutMs: number): Promise<number> {
  const reader = answer.response.body?.getReader();
  if (!reader) return 0;
  let received = 0;
  try {
    while (received < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - received;
      const chunk = value.byteLength > room ? value.subarray(0, room) : value;
      received += chunk.byteLength;
      if (onChunk(chunk)) break;
    }
  } catch (error) {
    throw explain(error, timeoutMs);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return received;
}

export const mediaTypeOf = (response: Response) => (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
