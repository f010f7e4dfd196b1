import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { createMediaFromFile, discardIncoming, getMedia, openMedia, type MediaDeps, type MediaRow } from './media.service.ts';

// The image editor's one server step (ADR 0033): rotate, then crop, then resize, with sharp, into a
// NEW media item. The original stays as it was: posts that use it keep what they were given.

export type ImageEdit = {
  /** Clockwise, in quarter turns. */
  rotate?: 0 | 90 | 180 | 270;
  /** In the rotated image's pixels, or as fractions (0–1) of its width and height. */
  crop?: { left: number; top: number; width: number; height: number; unit: 'px' | 'fraction' };
  /** Scales down (never up) so the result is at most this wide. */
  maxWidth?: number;
};

/** Formats written back as themselves; anything else (GIF) becomes PNG, keeping the first frame. */
const keptFormats = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;

/** The crop in whole pixels inside a `width`×`height` image, or a 400 naming what is wrong. */
export function cropRectangle(crop: NonNullable<ImageEdit['crop']>, width: number, height: number) {
  const [scaleW, scaleH] = crop.unit === 'fraction' ? [width, height] : [1, 1];
  if (crop.unit === 'fraction' && [crop.left, crop.top, crop.width, crop.height].some((v) => v > 1)) {
    throw invalid('media.crop_out_of_bounds', 'crop: fractions are between 0 and 1', { field: 'crop' });
  }
  const left = Math.round(crop.left * scaleW);
  const top = Math.round(crop.top * scaleH);
  const w = Math.round(crop.width * scaleW);
  const h = Math.round(crop.height * scaleH);
  if (w < 1 || h < 1) throw invalid('media.crop_empty', 'crop: the area must be at least one pixel wide and high', { field: 'crop' });
  // Fractions may round a pixel over the edge, which is forgiven; pixels must fit exactly.
  const slack = crop.unit === 'fraction' ? 1 : 0;
  if (left + w > width + slack || top + h > height + slack) {
    throw invalid('media.crop_out_of_bounds', `crop: the area must lie inside the ${width}×${height} image (after rotating)`, { field: 'crop', width, height });
  }
  return { left, top, width: Math.min(w, width - left), height: Math.min(h, height - top) };
}

export async function editImage(ctx: ServiceContext, deps: MediaDeps, workspaceId: string, mediaId: string, edit: ImageEdit): Promise<MediaRow> {
  const source = await getMedia(ctx, workspaceId, mediaId);
  if (source.status !== 'ready') throw new AppError('media.deleted', 410, 'This file has been deleted', { mediaId });
  if (source.kind !== 'image') throw invalid('media.not_an_image', 'Only images can be edited', { field: 'mediaId', kind: source.kind });
  if (!edit.rotate && !edit.crop && !edit.maxWidth) throw invalid('media.edit_empty', 'Say what to change: rotate, crop or maxWidth', { field: 'body' });

  await fsp.mkdir(deps.incomingDir, { recursive: true });
  const original = path.join(deps.incomingDir, `edit-${crypto.randomUUID()}`);
  const edited = `${original}-out`;
  try {
    await pipeline(openMedia(deps.storage, source), fs.createWriteStream(original, { flags: 'wx' }));
    const { default: sharp } = await import('sharp');
    // Rotation first, so the crop is in the picture as the person saw it in the editor; the
    // orientation tag is applied first of all (autoOrient), which is also what the browser shows.
    const rotated = await sharp(original, { pages: 1, autoOrient: true }).rotate(edit.rotate ?? 0).toBuffer({ resolveWithObject: true });
    let image = sharp(rotated.data);
    if (edit.crop) image = image.extract(cropRectangle(edit.crop, rotated.info.width, rotated.info.height));
    if (edit.maxWidth) image = image.resize({ width: edit.maxWidth, withoutEnlargement: true });
    const format = keptFormats[source.mimeType as keyof typeof keptFormats] ?? 'png';
    await image.toFormat(format, format === 'jpeg' ? { quality: 90, mozjpeg: true } : {}).toFile(edited);
    const stem = (source.fileName ?? 'image').replace(/\.[A-Za-z0-9]{1,5}$/, '');
    return await createMediaFromFile(ctx, deps, {
      workspaceId,
      filePath: edited,
      fileName: `${stem}-edited.${format === 'jpeg' ? 'jpg' : format}`,
      altText: source.altText,
      library: { name: source.name ? `${source.name} (edited)` : null, tags: source.tags, sourceMediaId: source.id },
    });
  } finally {
    await discardIncoming(original);
    await discardIncoming(edited);
  }
}
