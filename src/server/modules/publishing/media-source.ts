import { and, eq, exists, gt, inArray, or, sql } from 'drizzle-orm';
import type { NetworkId } from '../../../shared/networks.ts';
import type { Db } from '../../db/database.ts';
import { deliveries, media } from '../../db/schema/index.ts';
import type { PublishMedia } from '../../providers/publishing.ts';
import { mediaKindOf } from '../media/media.service.ts';
import type { MediaStorage } from '../media/media.storage.ts';
import type { MediaSource } from './engine.ts';
import { createPublicMediaLinks } from './public-media-link.ts';

export function createMediaSource(storage: MediaStorage, options: { publicUrl?: string; secret: string; linkHours: number }): MediaSource {
  // Networks that pull files (TikTok PULL_FROM_URL) get a signed, expiring link, and only under
  // HERALD_MEDIA_PUBLIC_URL; the others read the bytes through `open`.
  const links = options.publicUrl ? createPublicMediaLinks({ secret: options.secret, baseUrl: options.publicUrl, hours: options.linkHours }) : null;
  return async (db: Db, workspaceId, refs) => {
    if (!refs.length) return [];
    const rows = await db.select().from(media).where(and(eq(media.workspaceId, workspaceId), inArray(media.id, refs.map((r) => r.mediaId))));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return refs.map((ref): PublishMedia => {
      const row = byId.get(ref.mediaId);
      if (!row || row.status !== 'ready') throw new Error(`media ${ref.mediaId} is no longer available`);
      return {
        id: row.id,
        kind: mediaKindOf(row.kind),
        mimeType: row.mimeType,
        size: row.size,
        width: row.width,
        height: row.height,
        durationSeconds: row.durationSeconds,
        frameRate: row.frameRate,
        pageCount: row.pageCount,
        altText: ref.altText ?? '',
        open: (range) => storage.open(row.storageKey, range),
        publicUrl: links ? links.linkTo(row.id) : null,
      };
    });
  };
}

/**
 * The media row behind a public link, only while a network that pulls may be downloading it: one
 * of its deliveries to such a network is being published, is waiting for the network
 * (`processing`), is being checked after a lost answer (`unconfirmed`), or is queued again after an
 * attempt (a retry or an interrupted run: the network may still be fetching what that attempt
 * asked for). Drafts, future posts, published, failed and cancelled deliveries never expose a file.
 */
export async function findMediaBeingPulled(db: Db, mediaId: string, pullingNetworks: readonly NetworkId[]) {
  if (!pullingNetworks.length) return null;
  const usesThisMedia = sql`${deliveries.content} @> ${JSON.stringify({ parts: [{ media: [{ mediaId }] }] })}::jsonb`;
  const inProgress = or(inArray(deliveries.state, ['publishing', 'processing', 'unconfirmed']), and(eq(deliveries.state, 'queued'), gt(deliveries.attemptCount, 0)));
  const [row] = await db
    .select()
    .from(media)
    .where(
      and(
        eq(media.id, mediaId),
        eq(media.status, 'ready'),
        exists(
          db
            .select({ one: sql`1` })
            .from(deliveries)
            .where(and(eq(deliveries.workspaceId, media.workspaceId), inArray(deliveries.network, [...pullingNetworks]), inProgress, usesThisMedia)),
        ),
      ),
    );
  return row ?? null;
}
