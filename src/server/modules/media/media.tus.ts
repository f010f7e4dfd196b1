import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { Server, Upload } from '@tus/server';
import { FileStore } from '@tus/file-store';
import type { FastifyBaseLogger } from 'fastify';
import type { ServiceContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { createMediaRepository, type MediaRow } from './media.repository.ts';
import { createMediaFromFile, type MediaDeps } from './media.service.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Unfinished uploads (and the errors of refused ones) are kept this long, then swept.
const KEEP_MS = 24 * 60 * 60 * 1000;

export type TusCaller = { ctx: ServiceContext; workspaceId: string };

/**
 * A finished upload's bytes have moved into media storage, but tus still reads the upload once
 * more after a creation-with-upload POST finished it (for `Upload-Expires`). Its record is kept,
 * marked with the media id, and read as complete; without this that POST answered 404 although
 * the media had been created.
 */
class UploadStore extends FileStore {
  override async getUpload(id: string): Promise<Upload> {
    const info = await this.configstore.get(id);
    if (info?.metadata?.heraldMediaId) return new Upload({ ...info, offset: info.size ?? 0 });
    return super.getUpload(id);
  }
}
// FileStore's constructor creates its folder in the background and throws from the callback when
// that fails (a folder removed meanwhile): an uncaught exception that would end web, API and worker
// together. Herald creates the folder itself, synchronously and owner-only, before the store exists.
(UploadStore.prototype as unknown as { checkOrCreateDirectory: () => void }).checkOrCreateDirectory = () => undefined;

/**
 * Resumable uploads (tus 1.0) into `directory`. Fastify routes check access and hand the raw
 * request over with `handle`; when the last byte arrives the file is probed and becomes a media
 * row whose id is the upload id (answered in `Herald-Media-Id`, and by `result`).
 */
export function createTusUploads(options: { deps: MediaDeps; directory: string; maxBytes: number; origin: string; logger: FastifyBaseLogger }) {
  const { deps, directory, logger } = options;
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const store = new UploadStore({ directory, expirationPeriodInMilliseconds: KEEP_MS });
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
    datastore: store,
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
          filePath: path.join(directory, upload.id),
          fileName: upload.metadata?.filename ?? null,
          id: upload.id,
        });
        // Kept (swept with the refusals) so tus can finish answering a creation-with-upload POST.
        upload.metadata = { ...upload.metadata, heraldMediaId: row.id };
        await store.configstore.set(upload.id, upload);
        return { headers: { 'Herald-Media-Id': row.id } };
      } catch (error) {
        const refusal =
          error instanceof AppError ? error : new AppError('internal', 500, 'Something went wrong on the server; it has been logged');
        if (!(error instanceof AppError)) logger.error({ err: error, uploadId: upload.id }, 'finishing a resumable upload failed');
        // The bytes are gone; the refusal stays for `result` until the sweep.
        upload.metadata = { ...upload.metadata, heraldError: JSON.stringify({ status: refusal.status, ...errorBody(refusal).error }) };
        await store.configstore.set(upload.id, upload);
        throw { status_code: refusal.status, body: JSON.stringify(errorBody(refusal)) };
      }
    },
  });

  async function findOwn(workspaceId: string, uploadId: string): Promise<Upload | undefined> {
    if (!uuid.test(uploadId)) return undefined;
    const info = await store.configstore.get(uploadId);
    return info?.metadata?.workspaceId === workspaceId ? info : undefined;
  }

  /** An upload of this workspace that can still be resumed or abandoned (not yet media). */
  async function findOpen(workspaceId: string, uploadId: string): Promise<Upload | undefined> {
    const info = await findOwn(workspaceId, uploadId);
    return info?.metadata?.heraldMediaId ? undefined : info;
  }

  const sweep = setInterval(() => void sweepExpired(store, directory).catch((err: unknown) => logger.error({ err }, 'sweeping resumable uploads failed')), 60 * 60 * 1000);
  sweep.unref();

  return {
    /** Hands a request on to tus. Requests naming an upload must name one of this workspace. */
    async handle(caller: TusCaller, raw: IncomingMessage, res: ServerResponse, uploadId?: string): Promise<'handled' | 'not_found'> {
      if (uploadId !== undefined && !(await findOpen(caller.workspaceId, uploadId))) return 'not_found';
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
        const { status, code, message, details } = JSON.parse(refusal) as { status: number; code: string; message: string; details?: Record<string, unknown> };
        throw new AppError(code, status, message, details);
      }
      const offset = await fsp.stat(path.join(directory, uploadId)).then((s) => s.size, () => 0);
      throw new AppError('media.upload_incomplete', 409, `The upload is not complete (${offset} of ${info.size ?? '?'} bytes)`, { offset, size: info.size ?? null });
    },

    close: () => clearInterval(sweep),
  };
}

const errorBody = (error: AppError) => ({ error: { code: error.code, message: error.message, details: error.details } });

/** Removes unfinished uploads past their time, and the kept refusals of finished ones. */
async function sweepExpired(store: FileStore, directory: string) {
  await store.deleteExpired();
  const cutoff = Date.now() - KEEP_MS;
  for (const name of await fsp.readdir(directory).catch(() => [] as string[])) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(directory, name);
    const dataGone = await fsp.stat(file.slice(0, -'.json'.length)).then(() => false, () => true);
    const old = (await fsp.stat(file)).mtimeMs < cutoff;
    if (dataGone && old) await fsp.rm(file, { force: true });
  }
}
