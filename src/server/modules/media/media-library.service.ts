import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.ts';
import { workspaceSettings } from '../../db/schema/index.ts';
import { auditByActor, diffFields } from '../audit/audit.service.ts';
import { readCursor, toPage, type Page } from '../shared/cursor.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { createMediaRepository, type LibraryFilter, type MediaRow, type MediaUsage } from './media.repository.ts';
import { deleteMedia, getMedia, makeThumbnail, thumbnailKey, type MediaDeps } from './media.service.ts';

// The media library (ADR 0033): a workspace may keep its uploads after publishing, find them again
// by name, alt text, type, size and tag, see which posts use each, and delete many at once.

/** Whether the workspace keeps its media after publishing (off unless an admin turned it on). */
export async function isLibraryEnabled(db: Db | Tx, workspaceId: string): Promise<boolean> {
  const [row] = await db.select({ on: workspaceSettings.mediaLibraryEnabled }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
  return row?.on ?? false;
}

/**
 * Turns the library on or off. Off again means the usual rule for every file, those kept so far
 * included: the next purge deletes the ones whose posts are all published.
 */
export async function setLibraryEnabled(ctx: ServiceContext, workspaceId: string, enabled: boolean): Promise<{ enabled: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ on: workspaceSettings.mediaLibraryEnabled }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId)).for('update');
    const now = new Date();
    await tx
      .insert(workspaceSettings)
      .values({ workspaceId, mediaLibraryEnabled: enabled, updatedAt: now })
      .onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: { mediaLibraryEnabled: enabled, updatedAt: now } });
    const from = before?.on ?? false;
    if (from !== enabled) {
      await auditByActor(tx, ctx, { workspaceId, action: 'workspace.media_library_changed', entityType: 'workspace', entityId: workspaceId, changes: { mediaLibraryEnabled: { from, to: enabled } } });
    }
    return { enabled };
  });
}

export type LibraryItem = MediaRow & { usedBy: number };

/** Ready files matching the filters, newest first, each with how many posts use it. */
export async function listLibrary(ctx: Pick<ServiceContext, 'db'>, workspaceId: string, page: { cursor?: string; limit: number }, filter: LibraryFilter): Promise<Page<LibraryItem>> {
  if (filter.minSize !== undefined && filter.maxSize !== undefined && filter.minSize > filter.maxSize) {
    throw invalid('validation_failed', 'querystring.minSize: must not be larger than maxSize', { issues: [{ field: 'querystring.minSize', message: 'must not be larger than maxSize' }] });
  }
  const repo = createMediaRepository(ctx.db);
  const rows = await repo.listReady(workspaceId, { limit: page.limit + 1, after: readCursor(page.cursor) }, { ...filter, tag: filter.tag ? normalizeTag(filter.tag) : undefined });
  const result = toPage(rows, page.limit, (row) => ({ at: row.createdAt, id: row.id }));
  const counts = await repo.usageCounts(workspaceId, result.items.map((r) => r.id));
  return { items: result.items.map((row) => ({ ...row, usedBy: counts.get(row.id) ?? 0 })), nextCursor: result.nextCursor };
}

export async function listTags(ctx: Pick<ServiceContext, 'db'>, workspaceId: string) {
  return createMediaRepository(ctx.db).tagCounts(workspaceId);
}

/** The posts that use a file (in their shared draft or a channel's version). */
export async function mediaUsage(ctx: Pick<ServiceContext, 'db'>, workspaceId: string, mediaId: string): Promise<MediaUsage[]> {
  await getMedia(ctx, workspaceId, mediaId);
  return createMediaRepository(ctx.db).usage(workspaceId, mediaId);
}

export const TAG_MAX = 40;
export const TAGS_PER_FILE = 20;

/** Tags compare without case or surrounding spaces. */
export const normalizeTag = (tag: string) => tag.trim().toLowerCase().replace(/\s+/g, ' ');

/** Renames, describes or tags a file; audited with the fields that changed. */
export async function updateMediaDetails(
  ctx: ServiceContext,
  workspaceId: string,
  mediaId: string,
  input: { name?: string | null; altText?: string | null; tags?: string[] },
): Promise<MediaRow> {
  return ctx.db.transaction(async (tx) => {
    const repo = createMediaRepository(tx);
    const before = await repo.find(workspaceId, mediaId);
    if (!before) throw notFound('media');
    if (before.status !== 'ready') throw new AppError('media.deleted', 410, 'This file has been deleted', { mediaId });
    const set: { name?: string | null; altText?: string | null; tags?: string[] } = {};
    if (input.name !== undefined) set.name = input.name?.trim() || null;
    if (input.altText !== undefined) set.altText = input.altText?.trim() || null;
    if (input.tags !== undefined) set.tags = [...new Set(input.tags.map(normalizeTag).filter(Boolean))].sort();
    const after = (await repo.update(workspaceId, mediaId, set))!;
    const changes = diffFields({ name: before.name, altText: before.altText }, { name: set.name, altText: set.altText });
    if (set.tags && set.tags.join('\n') !== before.tags.join('\n')) changes.tags = { from: before.tags, to: set.tags };
    if (Object.keys(changes).length) {
      await auditByActor(tx, ctx, { workspaceId, action: 'media.updated', entityType: 'media', entityId: mediaId, changes });
    }
    return after;
  });
}

export type BulkDeleteOutcome = {
  deleted: string[];
  /** Still needed by a post that is queued or being published: left alone (delete each after the post). */
  inUse: { id: string; deliveryIds: string[] }[];
  notFound: string[];
};

/**
 * Deletes several files, each on its own (one refusal does not undo the others). A file a queued
 * post still needs is skipped and reported, as the single delete refuses it: deleting it would make
 * the post fail at its time.
 */
export async function bulkDeleteMedia(ctx: ServiceContext, deps: Pick<MediaDeps, 'storage'>, workspaceId: string, ids: string[]): Promise<BulkDeleteOutcome> {
  const outcome: BulkDeleteOutcome = { deleted: [], inUse: [], notFound: [] };
  for (const id of new Set(ids)) {
    try {
      await deleteMedia(ctx, deps, workspaceId, id);
      outcome.deleted.push(id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'media.in_use') outcome.inUse.push({ id, deliveryIds: (error.details?.deliveryIds as string[]) ?? [] });
      else if (error instanceof AppError && error.code === 'media.not_found') outcome.notFound.push(id);
      else throw error;
    }
  }
  return outcome;
}

/**
 * Stores a video's poster frame, taken by the browser at upload (Herald has no video decoder): any
 * image sharp reads, re-encoded to the library's preview size, so what is kept is Herald's own WebP.
 */
export async function setPosterFrame(
  ctx: ServiceContext,
  deps: Pick<MediaDeps, 'storage'>,
  workspaceId: string,
  mediaId: string,
  image: Buffer | null,
  acceptedTypes: string[],
): Promise<MediaRow> {
  // The file first: another workspace's id is a 404 whatever the body.
  const row = await getMedia(ctx, workspaceId, mediaId);
  if (row.status !== 'ready') throw new AppError('media.deleted', 410, 'This file has been deleted', { mediaId });
  if (!image) throw invalid('media.poster_required', `Send the image as the body with its type (${acceptedTypes.join(', ')})`, { field: 'body' }, { types: acceptedTypes.join(', ') });
  if (row.kind !== 'video') throw invalid('media.poster_for_video_only', 'Only a video takes a poster frame; images get their preview at upload', { field: 'mediaId' });
  const preview = await makeThumbnail(image).catch(() => {
    throw invalid('media.poster_unreadable', 'The poster frame is not an image Herald can read (send a JPEG, PNG or WebP)', { field: 'body' });
  });
  const key = thumbnailKey(workspaceId, mediaId);
  await deps.storage.put(key, preview);
  return ctx.db.transaction(async (tx) => {
    const updated = await createMediaRepository(tx).update(workspaceId, mediaId, { thumbnailKey: key });
    if (!updated) throw notFound('media');
    await auditByActor(tx, ctx, { workspaceId, action: 'media.poster_set', entityType: 'media', entityId: mediaId, changes: { thumbnail: { from: row.thumbnailKey ? 'set' : null, to: 'set' } } });
    return updated;
  });
}
