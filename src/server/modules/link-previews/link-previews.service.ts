import { AppError } from '../shared/errors.ts';
import { checkLinkUrl, fetchFollowing, mediaTypeOf, readBounded, type LinkFetchSettings } from './link-fetch.ts';
import { createCardReader } from './open-graph.ts';

/** Only the head matters and it comes first: reading stops here even when the head is not over. */
export const PAGE_READ_BYTES = 1024 * 1024;
export const PAGE_TIMEOUT_MS = 8_000;

/** The card the composer shows and the user may edit before it is sent with the post. */
export type LinkPreview = {
  /** The link as asked for (the post links there, whatever the page calls itself). */
  url: string;
  /** Where the redirects ended. */
  finalUrl: string;
  title: string;
  description: string;
  imageUrl: string | null;
  canonicalUrl: string | null;
  siteName: string;
};

const htmlTypes = new Set(['text/html', 'application/xhtml+xml']);

let allowLoopback = false;
/** Boot sets whether loopback pages are readable (HERALD_LINK_PREVIEWS_ALLOW_LOOPBACK), for the API and the publishers alike. */
export function configureLinkPreviews(settings: { allowLoopback: boolean }) {
  allowLoopback = settings.allowLoopback;
}
/** The settings boot chose, for the API route and the publishers. */
export const linkFetchSettings = (): LinkFetchSettings => ({ allowLoopback, timeoutMs: PAGE_TIMEOUT_MS });

/**
 * Reads the page `rawUrl` points to (html only, its first MiB at most, in 8 s at most, through the
 * guarded fetch) and makes a card of its Open Graph, Twitter Card or plain HTML data.
 */
export async function previewLink(rawUrl: string, settings: LinkFetchSettings = linkFetchSettings()): Promise<LinkPreview> {
  const url = checkLinkUrl(rawUrl, settings.allowLoopback);
  const answer = await fetchFollowing(url, 'text/html, application/xhtml+xml;q=0.9', PAGE_READ_BYTES * 2, settings);
  const mediaType = mediaTypeOf(answer.response);
  if (!htmlTypes.has(mediaType)) {
    await answer.response.body?.cancel().catch(() => undefined);
    throw new AppError('link_preview.not_html', 422, `The link leads to ${mediaType || 'a file of unknown type'}, not a web page`, undefined, { type: mediaType || 'a file of unknown type' });
  }
  const reader = createCardReader(answer.url);
  const decoder = new TextDecoder(charsetOf(answer.response.headers.get('content-type')));
  await readBounded(
    answer,
    PAGE_READ_BYTES,
    (chunk) => {
      reader.write(decoder.decode(chunk, { stream: true }));
      return reader.done;
    },
    settings.timeoutMs,
  );
  const card = reader.finish();
  if (!card.title && !card.description && !card.imageUrl) {
    throw new AppError('link_preview.no_card', 422, 'The page has no title, description or image to make a card of');
  }
  return {
    url: url.toString(),
    finalUrl: answer.url.toString(),
    title: card.title ?? '',
    description: card.description ?? '',
    imageUrl: card.imageUrl,
    canonicalUrl: card.canonicalUrl,
    siteName: card.siteName ?? answer.url.hostname,
  };
}

function charsetOf(contentType: string | null): string {
  const declared = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    new TextDecoder(declared);
    return declared;
  } catch {
    return 'utf-8';
  }
}
