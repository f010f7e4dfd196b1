import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuery } from '../shared/cursor.ts';
import type { Queue } from '../../jobs/queue.ts';
import { requestLanguage } from '../../http/request-language.ts';
import * as service from './export.service.ts';
import { openExportFile } from './export.files.ts';
import type { MediaStorage } from '../media/media.storage.ts';

const dataExport = z.object({
  id: z.string(),
  status: z.string().describe('queued | building | ready | failed | expired'),
  progress: z.number().describe('0–100'),
  size: z.number().nullable().describe('Bytes of the ZIP, once ready'),
  error: z.string().nullable().describe('Why the archive could not be built (in the request’s language, Accept-Language; rows from before Herald kept words stay in English)'),
  createdAt: z.date(),
  readyAt: z.date().nullable(),
  expiresAt: z.date().nullable().describe('After this the link answers 410 and the file is deleted'),
  downloadedAt: z.date().nullable(),
  downloadUrl: z.string().nullable().describe('Set while the archive can be downloaded'),
});

/** "Download all my data": the signed-in user's exports (a ZIP built by the privacy.export job). */
export const exportRoutes: FastifyPluginAsyncZod<{ boss: Queue; storage: MediaStorage }> = async (app, { boss, storage }) => {
  const tags = ['privacy'];

  app.post('/me/exports', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Request an archive of all your data; 409 privacy.export_running while one is being prepared',
      response: { 201: dataExport },
    },
    handler: async (req, reply) => reply.status(201).send(service.presentExport(await service.requestExport(req.serviceContext(), { boss }))),
  });

  app.get('/me/exports', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'Your data exports, newest first, with their progress, in cursor pages',
      querystring: z.object(pageQuery({ default: 20, max: 100 })),
      response: { 200: pageOf(dataExport) },
    },
    handler: async (req) => {
      const now = new Date();
      const page = await service.listExports(req.serviceContext(), req.query);
      const language = requestLanguage(req);
      return { items: page.items.map((row) => service.presentExport(row, now, language)), nextCursor: page.nextCursor };
    },
  });

  app.get('/me/exports/:exportId/download', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'The ZIP of a ready export (yours only); 410 privacy.export_expired once the link has expired',
      params: z.object({ exportId: z.string().min(1).max(100) }),
    },
    handler: async (req, reply) => {
      const file = await service.startDownload(req.serviceContext(), storage, req.params.exportId);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('content-length', file.size)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(openExportFile(storage, file.stored));
    },
  });
};
