import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';
import { pageOf, pageQuery } from '../shared/cursor.ts';
import { editImage } from './media-editor.service.ts';
import * as library from './media-library.service.ts';
import { ALT_TEXT_MAX, mediaObject, presentMedia } from './media.present.ts';
import { getMedia, type MediaDeps } from './media.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const mediaParams = workspaceParams.extend({ mediaId: z.string().min(1).max(100) });
const POSTER_MAX_BYTES = 5 * 1024 * 1024;
const posterTypes = ['image/jpeg', 'image/png', 'image/webp'];

const libraryItem = mediaObject.extend({ usedBy: z.number().int().describe('How many posts use the file (drafts and published ones included)') });
const tag = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(library.TAG_MAX, `must be at most ${library.TAG_MAX} characters`)
  .regex(/^[^,#]+$/, 'must not contain , or #');
const settings = z.object({ enabled: z.boolean().describe('true: files are kept after publishing until a member deletes them; false (default): deleted once every post using them is published') });
const fraction = z.number().min(0, 'must be 0 or more');

/** The media library: list with filters, tags, usage, details, bulk delete, previews, the image editor and its setting. */
export const mediaLibraryRoutes: FastifyPluginAsyncZod<{ deps: MediaDeps; maxBytes: number }> = async (app, { deps }) => {
  const tags = ['media'];
  const present = (row: Parameters<typeof presentMedia>[1]) => presentMedia(app.prefix, row);
  // Poster frames arrive as the image itself; small, so read whole (and only in this plugin).
  app.addContentTypeParser(posterTypes, { parseAs: 'buffer', bodyLimit: POSTER_MAX_BYTES }, (_req, body, done) => done(null, body));

  app.get('/workspaces/:workspaceId/media', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: 'The media library (files not deleted), newest first; q searches the name, file name and alt text; filters by type, size and tag',
      params: workspaceParams,
      querystring: z.object({
        ...pageQuery({ default: 50, max: 100 }),
        q: z.string().trim().max(200).optional().describe('Words that must all appear in the name, file name or alt text'),
        kind: z.enum(['image', 'video', 'document']).optional(),
        minSize: z.coerce.number().int().min(0).optional().describe('Bytes'),
        maxSize: z.coerce.number().int().min(0).optional().describe('Bytes'),
        tag: tag.optional(),
      }),
      response: { 200: pageOf(libraryItem) },
    },
    handler: async (req) => {
      const { cursor, limit, ...filter } = req.query;
      const page = await library.listLibrary(req.serviceContext(), req.params.workspaceId, { cursor, limit }, filter);
      return { items: page.items.map((row) => ({ ...present(row), usedBy: row.usedBy })), nextCursor: page.nextCursor };
    },
  });

  app.get('/workspaces/:workspaceId/media/tags', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'The tags of the library, most used first', params: workspaceParams, response: { 200: z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) }) } },
    handler: async (req) => ({ items: await library.listTags(req.serviceContext(), req.params.workspaceId) }),
  });

  app.get('/workspaces/:workspaceId/media/:mediaId/usage', {
    config: { access: 'posts.read' },
    schema: {
      tags,
      summary: 'The posts that use a file (its shared draft or one channel’s version), newest first',
      params: mediaParams,
      response: {
        200: z.object({
          items: z.array(
            z.object({
              postId: z.string(),
              state: z.string(),
              publishAt: z.date().nullable(),
              text: z.string().describe('The start of the post’s text'),
              deliveryStates: z.array(z.string()).describe('States of the channel versions that use the file'),
            }),
          ),
        }),
      },
    },
    handler: async (req) => ({ items: await library.mediaUsage(req.serviceContext(), req.params.workspaceId, req.params.mediaId) }),
  });

  app.patch('/workspaces/:workspaceId/media/:mediaId', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Rename, describe or tag a file (null clears the name or alt text)',
      params: mediaParams,
      body: z
        .object({
          name: z.string().max(200, 'must be at most 200 characters').nullable().optional(),
          altText: z.string().max(ALT_TEXT_MAX, `must be at most ${ALT_TEXT_MAX} characters`).nullable().optional(),
          tags: z.array(tag).max(library.TAGS_PER_FILE, `at most ${library.TAGS_PER_FILE} tags`).optional(),
        })
        .strict(),
      response: { 200: mediaObject },
    },
    handler: async (req) => present(await library.updateMediaDetails(req.serviceContext(), req.params.workspaceId, req.params.mediaId, req.body)),
  });

  app.post('/workspaces/:workspaceId/media/bulk-delete', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Delete several files; those a queued or publishing post still needs are left alone and listed in inUse',
      params: workspaceParams,
      body: z.object({ ids: z.array(z.string().min(1).max(100)).min(1, 'name at least one file').max(100, 'at most 100 files at once') }),
      response: {
        200: z.object({
          deleted: z.array(z.string()),
          inUse: z.array(z.object({ id: z.string(), deliveryIds: z.array(z.string()) })),
          notFound: z.array(z.string()),
        }),
      },
    },
    handler: async (req) => library.bulkDeleteMedia(req.serviceContext(), deps, req.params.workspaceId, req.body.ids),
  });

  app.get('/workspaces/:workspaceId/media/:mediaId/thumbnail', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'The file’s WebP preview (404 media.no_thumbnail without one)', params: mediaParams },
    handler: async (req, reply) => {
      const row = await getMedia(req.serviceContext(), req.params.workspaceId, req.params.mediaId);
      if (row.status !== 'ready') throw new AppError('media.deleted', 410, 'This file has been deleted', { mediaId: row.id });
      if (!row.thumbnailKey) throw new AppError('media.no_thumbnail', 404, 'This file has no preview');
      const size = await deps.storage.size(row.thumbnailKey).catch(() => {
        throw new AppError('media.no_thumbnail', 404, 'This file has no preview');
      });
      return reply
        .type('image/webp')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=86400')
        .header('content-length', size)
        .send(deps.storage.open(row.thumbnailKey));
    },
  });

  app.put('/workspaces/:workspaceId/media/:mediaId/thumbnail', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: `Set a video’s poster frame (the body is the image: ${posterTypes.join(', ')}, at most ${POSTER_MAX_BYTES / 1024 / 1024} MB); the browser takes it at upload, Herald keeps a WebP preview of it`,
      consumes: posterTypes,
      params: mediaParams,
      response: { 200: mediaObject },
    },
    handler: async (req) => {
      const image = Buffer.isBuffer(req.body) && req.body.length ? req.body : null;
      return present(await library.setPosterFrame(req.serviceContext(), deps, req.params.workspaceId, req.params.mediaId, image, posterTypes));
    },
  });

  app.post('/workspaces/:workspaceId/media/:mediaId/edits', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Make a new image from this one: rotate (clockwise quarter turns), then crop (in the rotated image), then scale down to maxWidth; the original stays as it is',
      params: mediaParams,
      body: z
        .object({
          rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
          crop: z
            .object({
              left: fraction,
              top: fraction,
              width: z.number().positive('must be more than 0'),
              height: z.number().positive('must be more than 0'),
              unit: z.enum(['px', 'fraction']).default('px').describe('px: pixels of the rotated image; fraction: 0–1 of its width and height'),
            })
            .optional(),
          maxWidth: z.number().int('must be a whole number of pixels').min(16, 'must be at least 16 pixels').max(8192, 'must be at most 8192 pixels').optional(),
        })
        .strict(),
      response: { 201: mediaObject },
    },
    handler: async (req, reply) => reply.status(201).send(present(await editImage(req.serviceContext(), deps, req.params.workspaceId, req.params.mediaId, req.body))),
  });

  app.get('/workspaces/:workspaceId/media-library', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'Whether the workspace keeps its media after publishing', params: workspaceParams, response: { 200: settings } },
    handler: async (req) => ({ enabled: await library.isLibraryEnabled(req.serviceContext().db, req.params.workspaceId) }),
  });

  app.put('/workspaces/:workspaceId/media-library', {
    config: { access: 'settings.manage' },
    schema: {
      tags,
      summary: 'Keep media after publishing (on) or delete it once published (off, the default); turning it off lets the next purge delete kept files whose posts are all published',
      params: workspaceParams,
      body: settings,
      response: { 200: settings },
    },
    handler: async (req) => library.setLibraryEnabled(req.serviceContext(), req.params.workspaceId, req.body.enabled),
  });
};
