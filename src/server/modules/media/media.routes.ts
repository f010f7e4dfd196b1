import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MemoryLocker } from '@tus/server';
import type { Config } from '../../config/config.ts';
import type { Database } from '../../db/database.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { supportedTypes } from './media.probe.ts';
import * as service from './media.service.ts';
import type { MediaStorage } from './media.storage.ts';
import { createTusUploads, UPLOAD_KEEP_MS } from './media.tus.ts';
import { createPostgresUploadLocker } from './media.tus-locker.ts';
import { createDiskUploadStore, createS3UploadStore } from './media.tus-stores.ts';
import { mediaLibraryRoutes } from './media-library.routes.ts';
import { ALT_TEXT_MAX, mediaObject, presentMedia } from './media.present.ts';

const MB = 1024 * 1024;

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const mediaParams = workspaceParams.extend({ mediaId: z.string().min(1).max(100) });
const uploadParams = workspaceParams.extend({ uploadId: z.string().min(1).max(100) });

/**
 * The media library: uploads (multipart for images and small videos, tus for large ones), the
 * library list, file serving with ranges, and deletion. Registered under /api/v1.
 */
export const mediaRoutes: FastifyPluginAsyncZod<{ storage: MediaStorage; config: Config; database: Pick<Database, 'connectionString'> }> = async (
  app,
  { storage, config, database },
) => {
  const tags = ['media'];
  const maxBytes = config.mediaMaxUploadMb * MB;
  const root = path.join(config.dataPath, 'media');
  const deps: service.MediaDeps = { storage, incomingDir: path.join(root, '.incoming') };
  // Unfinished uploads live where media does (the bucket, or a folder every process shares); on
  // PostgreSQL any number of processes may serve one upload's requests, so its lock is there too.
  const store =
    config.mediaStorage === 's3'
      ? await createS3UploadStore({ ...config, s3Bucket: config.s3Bucket! }, deps.incomingDir, UPLOAD_KEEP_MS)
      : createDiskUploadStore(path.join(root, '.tus'), UPLOAD_KEEP_MS);
  const locker = database.connectionString ? createPostgresUploadLocker(database.connectionString, app.log) : new MemoryLocker();
  const uploads = createTusUploads({ deps, store, locker, maxBytes, origin: config.publicOrigin, logger: app.log });
  app.addHook('onClose', async () => {
    uploads.close();
    if ('close' in locker) await locker.close();
  });

  const present = (row: service.MediaRow) => presentMedia(app.prefix, row);

  // Multipart bodies are streamed to disk, never buffered: the 1 MB body limit does not apply,
  // the file size limit does.
  await app.register(multipart, { limits: { fileSize: maxBytes, fieldSize: 8 * 1024, fields: 10, parts: 20, headerPairs: 100 } });
  // tus PATCH bodies stay unread until tus streams them into its file.
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));

  app.post('/workspaces/:workspaceId/media', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: `Upload a file (multipart/form-data: \`file\`, optional \`altText\`). ${supportedTypes}; the type is detected from the content. Large videos: use the resumable upload`,
      consumes: ['multipart/form-data'],
      params: workspaceParams,
      response: { 201: mediaObject },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw invalid('media.multipart_required', 'Send the file as multipart/form-data in the field "file"', { field: 'file' });
      let filePath: string | null = null;
      let fileName: string | null = null;
      let altText: string | null = null;
      try {
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              if (part.fieldname !== 'file') throw invalid('media.unexpected_field', `Unexpected file field "${part.fieldname}": send the file as "file"`, { field: part.fieldname });
              if (filePath) throw invalid('media.one_file_only', 'Send one file per request', { field: 'file' });
              filePath = await service.receiveUpload(deps, part.file, () => part.file.truncated, maxBytes);
              fileName = part.filename || null;
            } else if (part.fieldname === 'altText') {
              const value = String(part.value ?? '');
              if (part.valueTruncated || value.length > ALT_TEXT_MAX) throw invalid('media.alt_text_too_long', `altText: at most ${ALT_TEXT_MAX} characters`, { field: 'altText' }, { max: ALT_TEXT_MAX });
              altText = value.trim() || null;
            } else {
              throw invalid('media.unexpected_field', `Unexpected field "${part.fieldname}": send "file" and optionally "altText"`, { field: part.fieldname });
            }
          }
        } catch (error) {
          throw multipartError(error, maxBytes);
        }
        if (!filePath) throw invalid('media.file_required', 'No file: send it in the multipart field "file"', { field: 'file' });
        const received = filePath;
        filePath = null;
        const row = await service.createMediaFromFile(req.serviceContext(), deps, { workspaceId: req.params.workspaceId, filePath: received, fileName, altText });
        return reply.status(201).send(present(row));
      } finally {
        if (filePath) await service.discardIncoming(filePath);
      }
    },
  });

  // --- Resumable uploads (tus 1.0) -------------------------------------------------------------
  const uploadsUrl = '/workspaces/:workspaceId/media/uploads';
  const tusSummary = (what: string) => `Resumable upload (tus 1.0; creation, creation-with-upload, creation-defer-length, termination and expiration extensions): ${what}`;
  const forward = async (req: FastifyRequest<{ Params: { workspaceId: string; uploadId?: string } }>, reply: FastifyReply) => {
    const caller = { ctx: req.serviceContext(), workspaceId: req.params.workspaceId };
    const raw = req.raw;
    // tus answers on the raw response itself.
    reply.hijack();
    const answer = (status: number, error: { code: string; message: string }) => {
      if (reply.raw.headersSent) return void reply.raw.end();
      const body = JSON.stringify({ error });
      reply.raw.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'tus-resumable': '1.0.0' });
      reply.raw.end(body);
    };
    try {
      const outcome = await uploads.handle(caller, raw, reply.raw, req.params.uploadId);
      if (outcome === 'not_found') answer(404, { code: 'media.upload_not_found', message: 'Upload not found' });
    } catch (err) {
      // Hijacked: Fastify's error handler no longer answers for us.
      req.log.error({ err }, 'resumable upload request failed');
      answer(500, { code: 'internal', message: 'Something went wrong on the server; it has been logged' });
    }
  };
  app.route({
    method: 'POST',
    url: uploadsUrl,
    // tus resumes an upload by its own protocol (Upload-Offset), and the reply is hijacked.
    config: { access: 'posts.edit', idempotent: false },
    schema: { tags, summary: tusSummary(`create an upload (Upload-Length ≤ ${config.mediaMaxUploadMb} MB, Upload-Metadata filename), optionally with its first bytes (application/offset+octet-stream); answers its Location and Upload-Offset, and Herald-Media-Id when those bytes completed it`), params: workspaceParams },
    handler: forward,
  });
  app.route({
    method: 'OPTIONS',
    url: uploadsUrl,
    config: { access: 'posts.edit' },
    schema: { tags, summary: tusSummary('the server’s tus version, extensions and maximum size'), params: workspaceParams },
    handler: forward,
  });
  for (const method of ['HEAD', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
    const what = {
      HEAD: 'progress (Upload-Offset)',
      PATCH: 'send the next bytes (application/offset+octet-stream at Upload-Offset); the last one answers Herald-Media-Id',
      DELETE: 'abandon an unfinished upload',
      OPTIONS: 'the server’s tus version and extensions',
    }[method];
    app.route({
      method,
      url: `${uploadsUrl}/:uploadId`,
      config: { access: 'posts.edit' },
      schema: { tags, summary: tusSummary(what), params: uploadParams },
      handler: forward,
    });
  }

  app.get(`${uploadsUrl}/:uploadId/result`, {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'What a finished resumable upload became: the media, or why the file was refused (409 media.upload_incomplete while bytes are missing)',
      params: uploadParams,
      response: { 200: mediaObject },
    },
    handler: async (req) => present(await uploads.result(req.serviceContext(), req.params.workspaceId, req.params.uploadId)),
  });

  // --- Library (list, details, thumbnails, editor, settings) ---------------------------------------
  await app.register(mediaLibraryRoutes, { deps, maxBytes });

  app.get('/workspaces/:workspaceId/media/:mediaId', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'One media file’s facts', params: mediaParams, response: { 200: mediaObject } },
    handler: async (req) => present(await service.getMedia(req.serviceContext(), req.params.workspaceId, req.params.mediaId)),
  });

  app.get('/workspaces/:workspaceId/media/:mediaId/file', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'The bytes, with the detected content type; supports Range (one range)', params: mediaParams },
    handler: async (req, reply) => {
      const row = await service.getMedia(req.serviceContext(), req.params.workspaceId, req.params.mediaId);
      if (row.status !== 'ready') throw new AppError('media.deleted', 410, 'This file has been deleted', { mediaId: row.id });
      const size = await storage.size(row.storageKey).catch(() => {
        throw new AppError('media.file_missing', 404, 'The file is missing from storage');
      });
      reply
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(row.fileName))
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'private, max-age=86400');
      const range = parseRange(req.headers.range, size);
      if (range === 'unsatisfiable') {
        return reply.status(416).header('content-range', `bytes */${size}`).type('application/json').send({ error: { code: 'media.range_not_satisfiable', message: `The file has ${size} bytes` } });
      }
      reply.type(row.mimeType);
      if (!range) return reply.status(200).header('content-length', size).send(service.openMedia(storage, row));
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
        .header('content-length', range.end - range.start + 1)
        .send(service.openMedia(storage, row, range));
    },
  });

  app.delete('/workspaces/:workspaceId/media/:mediaId', {
    config: { access: 'posts.edit' },
    schema: {
      tags,
      summary: 'Delete the file now (refused with 409 media.in_use while a queued post uses it); the entry stays with status deleted',
      params: mediaParams,
      response: { 200: mediaObject },
    },
    handler: async (req) => present(await service.deleteMedia(req.serviceContext(), deps, req.params.workspaceId, req.params.mediaId)),
  });
};

/** Malformed multipart bodies are the client's mistake (400); disk errors stay server errors. */
function multipartError(error: unknown, maxBytes: number): unknown {
  if (error instanceof AppError) return error;
  const e = error as { statusCode?: number; code?: string; syscall?: string; message?: string };
  if (e.code === 'FST_REQ_FILE_TOO_LARGE') return service.tooLarge(maxBytes);
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return error;
  if (e.syscall) return error;
  return invalid('media.bad_multipart', `The multipart body could not be read: ${e.message ?? 'malformed'}`, { field: 'file' }, { reason: e.message ?? 'malformed' });
}

/** One `bytes=` range; several ranges or a malformed header mean the whole file (RFC 9110 allows ignoring). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function contentDisposition(fileName: string | null): string {
  if (!fileName) return 'inline';
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
