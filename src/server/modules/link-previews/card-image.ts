import sharp from 'sharp';
import { AppError } from '../shared/errors.ts';
import { checkLinkUrl, fetchFollowing, mediaTypeOf, readBounded, type LinkFetchSettings } from './link-fetch.ts';
import { linkFetchSettings } from './link-previews.service.ts';

/** A card's picture as a network takes it: at most 5 MiB read, then made to fit under `maxBytes`. */
export type CardImage = { data: Uint8Array<ArrayBuffer>; mimeType: string };

const IMAGE_READ_BYTES = 5 * 1024 * 1024;
const sentAsIs = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

/**
 * Fetches the card's image (a URL the user could edit) through the guarded fetch. Images over
 * `maxBytes` (Bluesky takes thumbnails up to 1 MB) or of another type are re-encoded as JPEG,
 * at most 1200 px wide, by sharp.
 */
export async function loadCardImage(imageUrl: string, maxBytes: number, settings: LinkFetchSettings = linkFetchSettings()): Promise<CardImage> {
  const answer = await fetchFollowing(checkLinkUrl(imageUrl, settings.allowLoopback), 'image/*', IMAGE_READ_BYTES + 1, settings);
  const mediaType = mediaTypeOf(answer.response);
  if (!mediaType.startsWith('image/')) {
    await answer.response.body?.cancel().catch(() => undefined);
    throw new AppError('link_preview.not_image', 422, `The card's image address leads to ${mediaType || 'a file of unknown type'}, not an image`, undefined, { type: mediaType || 'a file of unknown type' });
  }
  const chunks: Uint8Array[] = [];
  const received = await readBounded(answer, IMAGE_READ_BYTES + 1, (chunk) => (chunks.push(chunk), false), settings.timeoutMs);
  if (received > IMAGE_READ_BYTES) throw new AppError('link_preview.too_large', 422, `The card's image is larger than ${IMAGE_READ_BYTES / 1024 / 1024} MB`, undefined, { mb: IMAGE_READ_BYTES / 1024 / 1024 });
  const bytes = new Uint8Array(Buffer.concat(chunks));
  if (sentAsIs.has(mediaType) && bytes.byteLength <= maxBytes) return { data: bytes, mimeType: mediaType };
  try {
    for (const [width, quality] of [[1200, 80], [800, 70], [500, 60]] as const) {
      const jpeg = await sharp(bytes, { limitInputPixels: 50_000_000 }).rotate().resize({ width, withoutEnlargement: true }).jpeg({ quality }).toBuffer();
      if (jpeg.byteLength <= maxBytes) return { data: new Uint8Array(jpeg), mimeType: 'image/jpeg' };
    }
  } catch {
    throw new AppError('link_preview.not_image', 422, "The card's image could not be read as an image");
  }
  throw new AppError('link_preview.too_large', 422, `The card's image does not fit in ${Math.round(maxBytes / 1000)} KB`, undefined, { kb: Math.round(maxBytes / 1000) });
}
