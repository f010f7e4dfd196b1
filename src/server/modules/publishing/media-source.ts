import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { media } from '../../db/schema/index.ts';
import type { PublishMedia } from '../../providers/publishing.ts';
import type { MediaStorage } from '../media/media.storage.ts';
import type { MediaSource } from './engine.ts';

/**
 * The signature in a public media link: networks that pull files (TikTok PULL_FROM_URL) get a
 * link that works for that one file only, and only under HERALD_MEDIA_PUBLIC_URL.
 */
export const publicMediaSignature = (secret: string, mediaId: string) => crypto.createHmac('sha256', secret).update(`media:${mediaId}`).digest('base64url').slice(0, 32);

export function createMediaSource(storage: MediaStorage, options: { publicUrl?: string; secret: string }): MediaSource {
  return async (db: Db, workspaceId, refs) => {
    if (!refs.length) return [];
    const rows = await db.select().from(media).where(and(eq(media.workspaceId, workspaceId), inArray(media.id, refs.map((r) => r.mediaId))));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return refs.map((ref): PublishMedia => {
      const row = byId.get(ref.mediaId);
      if (!row || row.status !== 'ready') throw new Error(`media ${ref.mediaId} is no longer available`);
      return {
        id: row.id,
        kind: row.kind as 'image' | 'video',
        mimeType: row.mimeType,
        size: row.size,
        width: row.width,
        height: row.height,
        durationSeconds: row.durationSeconds,
        frameRate: row.frameRate,
        altText: ref.altText ?? '',
        open: (range) => storage.open(row.storageKey, range),
        publicUrl: options.publicUrl ? `${options.publicUrl.replace(/\/$/, '')}/media/public/${row.id}/${publicMediaSignature(options.secret, row.id)}` : null,
      };
    });
  };
}
