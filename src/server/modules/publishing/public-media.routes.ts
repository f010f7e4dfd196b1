import crypto from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { media } from '../../db/schema/index.ts';
import type { MediaStorage } from '../media/media.storage.ts';
import { AppError } from '../shared/errors.ts';
import { publicMediaSignature } from './media-source.ts';

/**
 * Files that networks pull themselves (TikTok PULL_FROM_URL), reachable without a session but
 * only through a link signed for that one file; the file goes away with the media retention job.
 */
export const publicMediaRoutes: FastifyPluginAsyncZod<{ db: Db; storage: MediaStorage; secret: string }> = async (app, { db, storage, secret }) => {
  app.get('/media/public/:mediaId/:signature', {
    config: { access: 'public' },
    schema: { tags: ['media'], summary: 'A media file for a network to fetch (signed link)', params: z.object({ mediaId: z.string().min(1).max(100), signature: z.string().min(1).max(100) }) },
    handler: async (req, reply) => {
      const expected = Buffer.from(publicMediaSignature(secret, req.params.mediaId));
      const given = Buffer.from(req.params.signature);
      const [row] = expected.length === given.length && crypto.timingSafeEqual(expected, given) ? await db.select().from(media).where(eq(media.id, req.params.mediaId)) : [];
      if (!row || row.status !== 'ready') throw new AppError('media.not_found', 404, 'No such file');
      return reply
        .type(row.mimeType)
        .header('content-length', String(row.size))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(storage.open(row.storageKey));
    },
  });
};
