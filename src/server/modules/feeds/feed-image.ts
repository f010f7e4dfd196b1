import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { AnswerTooLargeError, guardedFetch, HostNotPublicError } from '../../providers/guarded-fetch.ts';
import { probeMedia } from '../media/media.probe.ts';
import { createMediaFromFile, discardIncoming, receiveUpload, type MediaDeps, type MediaRow } from '../media/media.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import type { StoredWords } from '../../i18n/stored-words.ts';
import type { FetchSettings } from './feed-fetch.ts';
import { feedReason, feedWords, type FeedReason } from './feed-words.ts';

// A feed item's picture, brought into the media library the way an upload is: read through the
// guarded fetch (public addresses, each redirect checked again, size and time bounded), probed
// from its bytes, stored, and recorded with its audit entry.

/** A picture for a post; a feed naming something larger is more likely wrong than a photo. */
export const FEED_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 3;

export type FeedImageSettings = { media: MediaDeps; maxBytes: number };

/** Why a picture was left out; its reason is shown with the feed's item, in its reader's language. */
export class FeedImageError extends Error {
  readonly reason: FeedReason;
  constructor(words: StoredWords) {
    const reason = feedReason(words);
    super(reason.message);
    this.reason = reason;
    this.name = 'FeedImageError';
  }
}

function isLoopbackLiteral(url: URL): boolean {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return net.isIP(host) !== 0 && ipaddr.process(host).range() === 'loopback';
}

function describe(error: unknown, settings: FetchSettings, maxBytes: number): StoredWords {
  if (error instanceof HostNotPublicError) return feedWords('image.privateAddress', { host: error.host });
  if (error instanceof AnswerTooLargeError || (error as { cause?: unknown })?.cause instanceof AnswerTooLargeError) return feedWords('image.tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) });
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return feedWords('image.timeout', { seconds: Math.round(settings.timeoutMs / 1000) });
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code ? feedWords('image.unreachable', { code }) : feedWords('image.unreadable');
}

async function download(url: string, fetchSettings: FetchSettings, image: FeedImageSettings): Promise<string> {
  const deadline = AbortSignal.timeout(fetchSettings.timeoutMs);
  let target = new URL(url);
  for (let hop = 0; ; hop++) {
    const response = await guardedFetch(
      target,
      { headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9', 'user-agent': 'Herald feed reader' }, signal: deadline },
      { allowPrivate: fetchSettings.allowLoopback && isLoopbackLiteral(target), maxBytes: image.maxBytes, timeoutMs: fetchSettings.timeoutMs },
    );
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (!location || hop >= MAX_REDIRECTS) throw new FeedImageError(location ? feedWords('image.tooManyRedirects', { max: MAX_REDIRECTS }) : feedWords('image.redirectWithoutLocation', { status: response.status }));
      target = new URL(location, target);
      continue;
    }
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedImageError(feedWords('image.httpStatus', { status: response.status }));
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    // No type at all is let through to the probe, which reads the bytes; a declared non-image is not.
    if (type && !type.startsWith('image/') && type !== 'application/octet-stream') {
      await response.body.cancel().catch(() => undefined);
      throw new FeedImageError(feedWords('image.notAnImage', { type }));
    }
    return receiveUpload(image.media, Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), () => false, image.maxBytes);
  }
}

function fileNameOf(url: string): string | null {
  const base = path.posix.basename(new URL(url).pathname);
  try {
    return decodeURIComponent(base) || null;
  } catch {
    return base || null;
  }
}

/**
 * Downloads the picture and stores it in the workspace's media library; answers the media row.
 * Throws FeedImageError with the reason it was left out (unreachable, too large, not an image).
 */
export async function storeFeedImage(ctx: ServiceContext, fetchSettings: FetchSettings, image: FeedImageSettings, workspaceId: string, url: string): Promise<MediaRow> {
  let file: string | null = null;
  try {
    file = await download(url, fetchSettings, image);
    // The bytes decide, not the name or the declared type: only an image becomes the post's picture.
    const facts = await probeMedia(file).catch(() => null);
    if (!facts || facts.kind !== 'image') throw new FeedImageError(feedWords('image.notPostable'));
    const fileName = fileNameOf(url);
    const received = file;
    file = null;
    return await createMediaFromFile(ctx, image.media, { workspaceId, filePath: received, fileName });
  } catch (error) {
    throw error instanceof FeedImageError ? error : new FeedImageError(describe(error, fetchSettings, image.maxBytes));
  } finally {
    if (file) await discardIncoming(file);
  }
}
