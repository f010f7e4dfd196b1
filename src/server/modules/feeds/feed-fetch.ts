import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { AnswerTooLargeError, guardedFetch, HostNotPublicError } from '../../providers/guarded-fetch.ts';
import type { StoredWords } from '../../i18n/stored-words.ts';
import { feedReason, feedReasonWith, feedWords, reasonOfError, type FeedReason } from './feed-words.ts';

// Reading a feed: only through the guarded fetch (public addresses, bounded size and time),
// conditionally (ETag / Last-Modified), following a few redirects, each one checked again.

/** Feeds are text; a few megabytes is far more than any real one (and what the parser can take in a blink). */
export const FEED_MAX_BYTES = 2 * 1024 * 1024;
const MAX_REDIRECTS = 3;

export type FetchSettings = {
  /** HERALD_FEEDS_ALLOW_LOOPBACK: tests and the offline demo read feeds served on 127.0.0.1 or ::1. */
  allowLoopback: boolean;
  timeoutMs: number;
  maxBytes?: number;
};

export type FeedAnswer =
  | { kind: 'unchanged' }
  | { kind: 'body'; body: string; etag: string | null; lastModified: string | null };

/** A check that failed for a reason the Feeds page shows in its reader's language. */
export class FeedFetchError extends Error {
  readonly reason: FeedReason;
  constructor(words: StoredWords) {
    const reason = feedReason(words);
    super(reason.message);
    this.reason = reason;
    this.name = 'FeedFetchError';
  }
}

function isLoopbackLiteral(url: URL): boolean {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return net.isIP(host) !== 0 && ipaddr.process(host).range() === 'loopback';
}

/** Media types a feed is served with; an HTML page (a blog's home instead of its feed) is not one. */
const feedType = /^(application\/(rss\+xml|atom\+xml|rdf\+xml|xml|feed\+json|json)|text\/(xml|plain))$/;

function charsetOf(contentType: string, head: string): string {
  const declared = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1];
  return declared?.toLowerCase() ?? 'utf-8';
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = charsetOf(contentType, new TextDecoder('latin1').decode(bytes.subarray(0, 200)));
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const tooLarge = (maxBytes: number) => feedReason(feedWords('fetch.tooLarge', { kb: Math.round(maxBytes / 1024) }));

/** Words for the Feeds page from whatever the fetch threw; never the stack or internal addresses beyond the host. */
export function describeFetchError(error: unknown, timeoutMs: number): FeedReason {
  if (error instanceof FeedFetchError) return error.reason;
  if (error instanceof HostNotPublicError) return feedReason(feedWords('fetch.privateAddress', { host: error.host }));
  if (error instanceof AnswerTooLargeError) return tooLarge(error.maxBytes);
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return feedReason(feedWords('fetch.timeout', { seconds: Math.round(timeoutMs / 1000) }));
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code === 'ENOTFOUND') return feedReason(feedWords('fetch.hostNotFound'));
  if (cause?.code === 'ECONNREFUSED') return feedReason(feedWords('fetch.connectionRefused'));
  if (cause instanceof AnswerTooLargeError) return tooLarge(cause.maxBytes);
  if (cause?.code) return feedReason(feedWords('fetch.unreachable', { code: cause.code }));
  // Another module's error keeps its words (a ProviderError, an AppError); any other text is said as it is.
  const detail = error instanceof Error ? reasonOfError(error) : { message: String(error), words: null };
  return feedReasonWith('fetch.unreadable', { detail });
}

/**
 * GETs a feed with its stored validators. 304 is `unchanged`; 2xx is the decoded body. Redirects
 * are followed (at most 3), each target checked by the guarded fetch like the first URL, so a
 * public feed cannot send Herald to a private address.
 */
export async function fetchFeed(url: string, validators: { etag: string | null; lastModified: string | null }, settings: FetchSettings): Promise<FeedAnswer> {
  const maxBytes = settings.maxBytes ?? FEED_MAX_BYTES;
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8',
    'user-agent': 'Herald feed reader (+https://github.com/herald)',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;

  let target = new URL(url);
  for (let hop = 0; ; hop++) {
    const response = await guardedFetch(target, { headers, signal: deadline }, { allowPrivate: settings.allowLoopback && isLoopbackLiteral(target), maxBytes, timeoutMs: settings.timeoutMs });
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location) throw new FeedFetchError(feedWords('fetch.redirectWithoutLocation', { status: response.status }));
      if (hop >= MAX_REDIRECTS) throw new FeedFetchError(feedWords('fetch.tooManyRedirects', { max: MAX_REDIRECTS }));
      target = new URL(location, target);
      continue;
    }
    if (response.status === 304) return { kind: 'unchanged' };
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel().catch(() => undefined);
      // The status text is the server's own words, said as they are.
      throw new FeedFetchError(response.statusText ? feedWords('fetch.httpStatusText', { status: response.status, statusText: response.statusText }) : feedWords('fetch.httpStatus', { status: response.status }));
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
    if (mediaType && !feedType.test(mediaType)) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedFetchError(feedWords('fetch.notAFeedType', { type: mediaType }));
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { kind: 'body', body: decode(bytes, contentType), etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  }
}
