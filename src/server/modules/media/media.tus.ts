import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server, type Locker, type Upload } from '@tus/server';
import type { FastifyBaseLogger } from 'fastify';
import type { Language } from '../../../shared/languages.ts';
import { errorMessage } from '../../http/error-language.ts';
import { languageOfHeader } from '../../http/request-language.ts';
import type { ServiceContext } from '../shared/context.ts';
import { AppError, messageValuesOf, type MessageValues } from '../shared/errors.ts';
import { createMediaRepository, type MediaRow } from './media.repository.ts';
import { createMediaFromFile, tooLarge, type MediaDeps } from './media.service.ts';
import type { UploadStore } from './media.tus-stores.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Unfinished uploads (and the errors of refused ones) are kept this long, then swept. */
export const UPLOAD_KEEP_MS = 24 * 60 * 60 * 1000;

export type TusCaller = { ctx: ServiceContext; workspaceId: string };

/**
 * Resumable uploads (tus 1.0) into `store`. Fastify routes check access and hand the raw request
 * over with `handle`; when the last byte arrives the file is probed and becomes a media row whose
 * id is the upload id (answered in `Herald-Media-Id`, and by `result`). With several processes,
 * `locker` must be one they share (media.tus-locker.ts), and `store` one they all see.
 */
export function createTusUploads(options: { deps: MediaDeps; store: UploadStore; locker: Locker; maxBytes: number; origin: string; logger: FastifyBaseLogger }) {
  const { deps, store, logger } = options;
  // The Fastify request's caller, for tus hooks that only see the raw request.
  const callers = new WeakMap<object, TusCaller>();
  const callerOf = (req: { runtime?: { node?: { req: object } } }) => {
    const caller = req.runtime?.node ? callers.get(req.runtime.node.req) : undefined;
    if (!caller) throw new Error('tus request without a Herald caller');
    return caller;
  };

  const server = new Server({
    // Required by tus, but only its default URL handling reads it; ours (below) is per workspace.
    path: '/uploads',
    datastore: store.datastore,
    locker: options.locker,
    maxSize: options.maxBytes,
    // Same-origin only (tus would answer `*` otherwise).
    allowedOrigins: [options.origin],
    namingFunction: () => crypto.randomUUID(),
    // Locations stay under the workspace URL the upload was created on.
    generateUrl: (req, { id }) => `${new URL(req.url).pathname.replace(/\/+$/, '')}/${id}`,
    getFileIdFromRequest: (_req, lastPath) => (lastPath && uuid.test(lastPath) ? lastPath : undefined),
    onUploadCreate: async (req, upload) => {
      const { workspaceId, ctx } = callerOf(req);
      const given = upload.metadata ?? {};
      return { metadata: { filename: given.filename ?? given.name ?? null, workspaceId, createdBy: ctx.actor.userId } };
    },
    onUploadFinish: async (req, upload) => {
      const { workspaceId, ctx } = callerOf(req);
      try {
        const row = await createMediaFromFile(ctx, deps, {
          workspaceId,
          filePath: await store.takeFinished(upload.id),
          fileName: upload.metadata?.filename ?? null,
          id: upload.id,
        });
        // Kept (swept with the refusals) so tus can finish answering a creation-with-upload POST.
        upload.metadata = { ...upload.metadata, heraldMediaId: row.id };
        await store.save(upload);
        return { headers: { 'Herald-Media-Id': row.id } };
      } catch (error) {
        const refusal =
          error instanceof AppError ? error : new AppError('internal', 500, 'Something went wrong on the server; it has been logged');
        if (!(error instanceof AppError)) logger.error({ err: error, uploadId: upload.id }, 'finishing a resumable upload failed');
        // The bytes are gone; the refusal stays for `result` until the sweep, in English with its
        // values, so `result` says it in the language of whoever asks.
        upload.metadata = { ...upload.metadata, heraldError: JSON.stringify({ status: refusal.status, ...errorBody(refusal, 'en').error, values: messageValuesOf(refusal) }) };
        await store.save(upload);
        throw { status_code: refusal.status, body: JSON.stringify(errorBody(refusal, languageOf(req))) };
      }
    },
    // tus's own refusal of a file over the limit, answered as Herald answers it (code, message in
    // the request's language); tus clients read the status, people the message.
    onResponseError: (req, error) => {
      if (!('status_code' in error) || error.status_code !== 413 || !error.body.startsWith('Maximum size exceeded')) return undefined;
      return { status_code: 413, body: JSON.stringify(errorBody(tooLarge(options.maxBytes), languageOf(req))) };
    },
  });

  async function findOwn(workspaceId: string, uploadId: string): Promise<Upload | undefined> {
    if (!uuid.test(uploadId)) return undefined;
    const info = await store.read(uploadId);
    return info?.metadata?.workspaceId === workspaceId ? info : undefined;
  }

  const sweep = setInterval(() => void store.sweep().catch((err: unknown) => logger.error({ err }, 'sweeping resumable uploads failed')), 60 * 60 * 1000);
  sweep.unref();

  return {
    /** Hands a request on to tus. Requests naming an upload must name one of this workspace. */
    async handle(caller: TusCaller, raw: IncomingMessage, res: ServerResponse, uploadId?: string): Promise<'handled' | 'not_found'> {
      if (uploadId !== undefined) {
        const info = await findOwn(caller.workspaceId, uploadId);
        if (!info) return 'not_found';
        const mediaId = info.metadata?.heraldMediaId;
        if (mediaId) {
          // Finished, its bytes already media. A client whose last PATCH lost its answer (a server
          // killed, a proxy timeout) asks HEAD where to resume: "everything is here" lets it go on
          // to the result instead of starting over. Anything else on a finished upload is gone.
          if (raw.method !== 'HEAD' || info.size === undefined) return 'not_found';
          res.writeHead(200, {
            'tus-resumable': '1.0.0',
            'upload-offset': String(info.size),
            'upload-length': String(info.size),
            'herald-media-id': mediaId,
            'cache-control': 'no-store',
            ...(raw.headers.origin === options.origin
              ? { 'access-control-allow-origin': options.origin, 'access-control-expose-headers': 'Upload-Offset, Upload-Length, Tus-Resumable, Herald-Media-Id' }
              : {}),
          });
          res.end();
          return 'handled';
        }
      }
      callers.set(raw, caller);
      await server.handle(raw, res);
      return 'handled';
    },

    /** The media an upload became, or why it was refused, or how far it got. */
    async result(ctx: Pick<ServiceContext, 'db'>, workspaceId: string, uploadId: string): Promise<MediaRow> {
      const row = uuid.test(uploadId) ? await createMediaRepository(ctx.db).find(workspaceId, uploadId) : undefined;
      if (row) return row;
      const info = await findOwn(workspaceId, uploadId);
      if (!info) throw new AppError('media.upload_not_found', 404, 'Upload not found');
      const refusal = info.metadata?.heraldError;
      if (refusal) {
        const { status, code, message, details, values } = JSON.parse(refusal) as { status: number; code: string; message: string; details?: Record<string, unknown>; values?: MessageValues };
        throw new AppError(code, status, message, details, values);
      }
      const offset = await store.offset(uploadId);
      throw new AppError('media.upload_incomplete', 409, `The upload is not complete (${offset} of ${info.size ?? '?'} bytes)`, { offset, size: info.size ?? null }, { offset, size: info.size ?? '?' });
    },

    close: () => clearInterval(sweep),
  };
}

const languageOf = (req: Request): Language => languageOfHeader(req.headers.get('accept-language') ?? undefined);

/** A refusal as the error handler answers it, its message in `language`. */
const errorBody = (error: AppError, language: Language) => ({ error: { code: error.code, message: errorMessage(language, error.code, error.message, messageValuesOf(error)), details: error.details } });
