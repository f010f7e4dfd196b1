import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaFacts, MediaKind } from '../../../shared/publishing-rules.ts';
import type { Db, Tx } from '../../db/database.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { probeMedia } from './media.probe.ts';
import { createMediaRepository, type MediaRow } from './media.repository.ts';
import type { ByteRange, MediaStorage } from './media.storage.ts';

export type { MediaRow } from './media.repository.ts';

export type MediaDeps = {
  storage: MediaStorage;
  /** Local folder for uploads being received (on the same disk as the storage, so moving is a rename). */
  incomingDir: string;
};

const storageKey = (workspaceId: string, id: string) => `${workspaceId}/${id}`;

export const tooLarge = (maxBytes: number) =>
  new AppError('media.too_large', 413, `The file is larger than this Herald accepts (${Math.round(maxBytes / 1024 / 1024)} MB)`, { field: 'file', maxBytes }, { mb: Math.round(maxBytes / 1024 / 1024) });

/**
 * Streams an upload into a temp file under `incomingDir`; the caller passes it to
 * `createMediaFromFile` (which consumes it) or removes it with `discardIncoming`.
 */
export async function receiveUpload(deps: MediaDeps, stream: Readable, isTruncated: () => boolean, maxBytes: number): Promise<string> {
  await fsp.mkdir(deps.incomingDir, { recursive: true });
  const file = path.join(deps.incomingDir, `upload-${crypto.randomUUID()}`);
  try {
    await pipeline(stream, fs.createWriteStream(file, { flags: 'wx' }));
    if (isTruncated()) throw tooLarge(maxBytes);
    return file;
  } catch (error) {
    await discardIncoming(file);
    throw error;
  }
}

/** A stored kind as the rules know it (rows hold text). */
export const mediaKindOf = (stored: string): MediaKind => (stored === 'video' || stored === 'document' ? stored : 'image');

export const discardIncoming = (file: string) => fsp.rm(file, { force: true });

/**
 * Probes a received file, moves it into storage and saves the row with its audit entry in one
 * transaction. The local file is consumed either way. `id` lets a resumable upload keep its id.
 */
export async function createMediaFromFile(
  ctx: ServiceContext,
  deps: MediaDeps,
  input: {
    workspaceId: string;
    filePath: string;
    fileName: string | null;
    id?: string;
    altText?: string | null;
    /** Library details an edited copy inherits from its source. */
    library?: { name: string | null; tags: string[]; sourceMediaId: string };
  },
): Promise<MediaRow> {
  const id = input.id ?? crypto.randomUUID();
  const key = storageKey(input.workspaceId, id);
  const thumbKey = thumbnailKey(input.workspaceId, id);
  let stored = false;
  let thumbnailStored = false;
  try {
    const facts = await probeMedia(input.filePath);
    // Before the move: the file is still local. A preview that cannot be made is no reason to refuse the upload.
    const thumbnail = facts.kind === 'image' ? await makeThumbnail(input.filePath).catch(() => null) : null;
    const { size } = await deps.storage.putFile(key, input.filePath);
    stored = true;
    if (thumbnail) {
      await deps.storage.put(thumbKey, thumbnail);
      thumbnailStored = true;
    }
    return await ctx.db.transaction(async (tx) => {
      const row = await createMediaRepository(tx).insert({
        id,
        workspaceId: input.workspaceId,
        ...facts,
        fileName: cleanFileName(input.fileName),
        size,
        storageKey: key,
        status: 'ready',
        altText: input.altText ?? null,
        thumbnailKey: thumbnailStored ? thumbKey : null,
        ...(input.library ? { name: input.library.name, tags: input.library.tags, sourceMediaId: input.library.sourceMediaId } : {}),
        uploadedBy: ctx.actor.userId,
        // Set here, to the millisecond, so list cursors (which carry milliseconds) are exact.
        createdAt: new Date(),
      });
      await recordAudit(tx, {
        actorUserId: ctx.actor.userId,
        workspaceId: input.workspaceId,
        action: 'media.uploaded',
        entityType: 'media',
        entityId: id,
        changes: {
          kind: row.kind,
          mimeType: row.mimeType,
          fileName: row.fileName,
          size,
          ...(input.altText ? { altText: input.altText } : {}),
          ...(input.library ? { editedFrom: input.library.sourceMediaId } : {}),
        },
        ip: ctx.actor.ip,
        userAgent: ctx.actor.userAgent,
      });
      return row;
    });
  } catch (error) {
    if (stored) await deps.storage.delete(key);
    if (thumbnailStored) await deps.storage.delete(thumbKey);
    throw error;
  } finally {
    await discardIncoming(input.filePath);
  }
}

/** Where a file's preview lives, beside it. */
export const thumbnailKey = (workspaceId: string, id: string) => `${workspaceId}/${id}.thumb.webp`;

/** The longest side of a library preview, in pixels (twice the grid's tile, for sharp screens). */
export const THUMBNAIL_SIZE = 320;

/** A small WebP of an image (any orientation tag applied), for the library grid and the composer. */
export async function makeThumbnail(input: string | Buffer): Promise<Buffer> {
  // Loaded on first use, like the probe's (ADR 0024).
  const { default: sharp } = await import('sharp');
  return sharp(input, { limitInputPixels: 268_402_689, pages: 1 })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 78 })
    .toBuffer();
}

/** Removes a file's bytes and its preview. */
export async function deleteStoredFiles(storage: Pick<MediaStorage, 'delete'>, row: Pick<MediaRow, 'storageKey' | 'thumbnailKey'>): Promise<void> {
  await storage.delete(row.storageKey);
  if (row.thumbnailKey) await storage.delete(row.thumbnailKey);
}

/** Keeps a display name only: no folders, no control characters, bounded length. */
function cleanFileName(name: string | null): string | null {
  if (!name) return null;
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base ? base.slice(0, 255) : null;
}

export async function getMedia(ctx: Pick<ServiceContext, 'db'>, workspaceId: string, id: string): Promise<MediaRow> {
  const row = await createMediaRepository(ctx.db).find(workspaceId, id);
  if (!row) throw notFound('media');
  return row;
}

/**
 * Deletes the file now; the row stays (status `deleted`) so posts that mention it can say so.
 * Refused while a delivery that is queued or being published still needs it.
 */
export async function deleteMedia(ctx: ServiceContext, deps: Pick<MediaDeps, 'storage'>, workspaceId: string, id: string): Promise<MediaRow> {
  const row = await ctx.db.transaction(async (tx) => {
    const repo = createMediaRepository(tx);
    const existing = await repo.find(workspaceId, id);
    if (!existing) throw notFound('media');
    if (existing.status === 'deleted') return { row: existing, changed: false };
    const users = await repo.activeDeliveriesUsing(workspaceId, id);
    if (users.length) {
      throw new AppError('media.in_use', 409, 'A scheduled post still uses this file; remove it from the post (or cancel the post) first', {
        deliveryIds: users.map((u) => u.id),
      });
    }
    const deleted = await repo.markDeleted(id, new Date());
    if (!deleted) throw notFound('media');
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      workspaceId,
      action: 'media.deleted',
      entityType: 'media',
      entityId: id,
      changes: { status: { from: 'ready', to: 'deleted' }, fileName: existing.fileName, size: existing.size },
      ip: ctx.actor.ip,
      userAgent: ctx.actor.userAgent,
    });
    return { row: deleted, changed: true };
  });
  // After the commit: a failed commit must not have removed the bytes.
  if (row.changed) await deleteStoredFiles(deps.storage, row.row);
  return row.row;
}

/** Probed facts of the ready media among `ids`, for the publishing rules; unknown or deleted ids are absent. */
export async function loadMediaFacts(db: Db | Tx, workspaceId: string, ids: string[]): Promise<Map<string, MediaFacts>> {
  const rows = await createMediaRepository(db).findReady(workspaceId, [...new Set(ids)]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        kind: mediaKindOf(r.kind),
        mimeType: r.mimeType,
        size: r.size,
        width: r.width,
        height: r.height,
        durationSeconds: r.durationSeconds,
        frameRate: r.frameRate,
        pageCount: r.pageCount,
      } satisfies MediaFacts,
    ]),
  );
}

/** The bytes of a media file (or a range of them), for publishers and the file route. */
export function openMedia(storage: MediaStorage, row: MediaRow, range?: ByteRange): Readable {
  if (row.status !== 'ready') throw new AppError('media.deleted', 410, 'This file has been deleted', { mediaId: row.id });
  return storage.open(row.storageKey, range);
}

/**
 * Retention: when `deleteAfterPublish` is on, removes the bytes of media whose every delivery is
 * published (and that no open post mentions). Media that no delivery ever used stays, and so does
 * everything of a workspace that keeps a media library (its setting is read in the same query).
 * Returns how many files were removed.
 */
export async function purgePublishedMedia(
  db: Db,
  storage: MediaStorage,
  options: { deleteAfterPublish: boolean; now?: Date; batchSize?: number },
): Promise<number> {
  if (!options.deleteAfterPublish) return 0;
  const now = options.now ?? new Date();
  let purged = 0;
  for (const candidate of await createMediaRepository(db).findPublishedOnly(options.batchSize ?? 500)) {
    const row = await db.transaction(async (tx) => {
      const marked = await createMediaRepository(tx).markPurged(candidate.id, now);
      if (!marked) return undefined;
      await recordAudit(tx, {
        actorUserId: null,
        workspaceId: marked.workspaceId,
        action: 'media.purged',
        entityType: 'media',
        entityId: marked.id,
        changes: { status: { from: 'ready', to: 'deleted' }, reason: 'published', size: marked.size },
      });
      return marked;
    });
    if (!row) continue;
    await deleteStoredFiles(storage, row);
    purged += 1;
  }
  return purged;
}
