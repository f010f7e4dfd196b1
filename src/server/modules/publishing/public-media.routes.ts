import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import { parseRange } from '../media/media.routes.ts';
import type { MediaStorage } from '../media/media.storage.ts';
import { AppError } from '../shared/errors.ts';
import { findMediaBeingPulled } from './media-source.ts';
import { createPublicMediaLinks } from './public-media-link.ts';
import { networksPullingMedia } from '../../../networks/server.ts';

// One answer for every refusal (no such file, bad or expired signature, links turned off, post not
// being published), so a link tells a stranger nothing about what exists.
const notFound = () => new AppError('media.not_found', 404, 'No such file');

/**
 * Files that networks pull themselves (TikTok PULL_FROM_URL), reachable without a session through
 * a signed, expiring link, and only while a delivery to such a network is in progress.
 */
export const publicMediaRoutes: FastifyPluginAsyncZod<{ db: Db; storage: MediaStorage; secret: string; config: Config }> = async (app, { db, storage, secret, config }) => {
  const links = config.mediaPublicUrl ? createPublicMediaLinks({ secret, baseUrl: config.mediaPublicUrl, hours: config.mediaLinkHours }) : null;
  const pullingNetworks = networksPullingMedia(config);

  app.get('/media/public/:mediaId/:expires/:signature', {
    config: { access: 'public' },
    schema: {
      tags: ['media'],
      summary: 'A media file for a network to fetch (signed link that expires; only while its post is being published); supports Range (one range)',
      params: z.object({ mediaId: z.string().min(1).max(100), expires: z.string().min(1).max(20), signature: z.string().min(1).max(100) }),
    },
    handler: async (req, reply) => {
      const { mediaId, expires, signature } = req.params;
      if (!links?.verify(mediaId, expires, signature)) throw notFound();
      const row = await findMediaBeingPulled(db, mediaId, pullingNetworks);
      if (!row) throw notFound();
      const size = await storage.size(row.storageKey).catch(() => {
        throw notFound();
      });
      reply.header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').header('accept-ranges', 'bytes');
      const range = parseRange(req.headers.range, size);
      if (range === 'unsatisfiable') {
        return reply.status(416).header('content-range', `bytes */${size}`).type('application/json').send({ error: { code: 'media.range_not_satisfiable', message: `The file has ${size} bytes` } });
      }
      reply.type(row.mimeType);
      if (!range) return reply.status(200).header('content-length', String(size)).send(storage.open(row.storageKey));
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', String(range.end - range.start + 1))
        .send(storage.open(row.storageKey, range));
    },
  });
};
