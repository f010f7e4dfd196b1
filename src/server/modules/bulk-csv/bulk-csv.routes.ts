import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestLanguage } from '../../http/request-language.ts';
import { dateQuery } from '../../http/schemas.ts';
import { columnDocs, columns, templateCsv } from './bulk-csv.columns.ts';
import { MAX_ROWS } from './bulk-csv.parse.ts';
import * as service from './bulk-csv.service.ts';
import { MAX_MEDIA_URLS } from './bulk-csv.validate.ts';

/** A CSV of 10,000 long rows fits; anything larger is refused before it is read. */
export const MAX_CSV_CHARS = 5_000_000;

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const csvBody = z.object({
  csv: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_CSV_CHARS, `must be at most ${MAX_CSV_CHARS / 1_000_000} million characters; split the file`)
    .describe(`The file's text (UTF-8; a byte order mark is fine). Columns: ${columns.map((c) => `${c} (${columnDocs[c]})`).join('; ')}`),
});
const rowError = z.object({ field: z.enum([...columns, 'row']).describe('The column (or "row" for the row as a whole)'), reason: z.string() });
const rowView = z.object({
  row: z.number().describe('The row as a spreadsheet numbers it: the header is row 1'),
  status: z.enum(['valid', 'invalid']),
  text: z.string(),
  channels: z.array(z.string()).describe('The channels the row names, as found'),
  publishAt: z.string().nullable(),
  errors: z.array(rowError),
});
const preview = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  rows: z.array(rowView),
  errorsCsv: z.string().nullable().describe('The invalid rows as written plus an "errors" column, as CSV (UTF-8 with BOM); null when every row is valid'),
});
const imported = preview.extend({ imported: z.array(z.object({ row: z.number(), postId: z.string() })) });
const exportQuery = z
  .object({ from: dateQuery().optional().describe('Default: now'), to: dateQuery().optional().describe('Default: a year after from') })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'must be after from', path: ['to'] });

const sendCsv = (reply: FastifyReply, fileName: string, body: string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(body);

// Bulk scheduling with CSV (docs/bulk-csv.md, ADR 0032): template, preview, import, export.
export const bulkCsvRoutes: FastifyPluginAsyncZod<{ deps: service.BulkCsvDeps }> = async (app, { deps }) => {
  const tags = ['bulk-csv'];
  const bodyLimit = MAX_CSV_CHARS * 4 + 1024;

  app.get('/workspaces/:workspaceId/bulk-csv/template.csv', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'The bulk scheduling template: every column with two example rows (UTF-8 with BOM)', params: workspaceParams },
    handler: async (_req, reply) => sendCsv(reply, 'herald-bulk-template.csv', templateCsv()),
  });

  app.post('/workspaces/:workspaceId/bulk-csv/preview', {
    config: { access: 'posts.edit', idempotent: false },
    bodyLimit,
    schema: {
      tags,
      summary: `Check a CSV of posts (at most ${MAX_ROWS} rows) against every chosen channel's rules: each row valid or with its errors (column and reason). Nothing is saved; media URLs are checked for form and downloaded at import`,
      params: workspaceParams,
      body: csvBody,
      response: { 200: preview },
    },
    handler: async (req) => service.previewCsv(req.serviceContext(), deps, { workspaceId: req.params.workspaceId, csv: req.body.csv, language: requestLanguage(req) }),
  });

  app.post('/workspaces/:workspaceId/bulk-csv/import', {
    config: { access: 'posts.schedule' },
    bodyLimit,
    schema: {
      tags,
      summary: `Schedule the valid rows of a CSV of posts in one transaction (as the composer does: deliveries, wake-ups, approvals); invalid rows are answered with their errors. Media URLs (at most ${MAX_MEDIA_URLS} different ones) are downloaded into the media library first`,
      params: workspaceParams,
      body: csvBody,
      response: { 200: imported },
    },
    handler: async (req) => service.importCsv(req.serviceContext(), deps, { workspaceId: req.params.workspaceId, role: req.workspace!.role, csv: req.body.csv, language: requestLanguage(req) }),
  });

  app.get('/workspaces/:workspaceId/bulk-csv/export.csv', {
    config: { access: 'posts.read' },
    schema: { tags, summary: 'Posts not yet gone out with a time in the range, in the import columns (UTF-8 with BOM): edit and import again', params: workspaceParams, querystring: exportQuery },
    handler: async (req, reply) => {
      const from = req.query.from ?? new Date();
      const to = req.query.to ?? new Date(from.getTime() + 366 * 86_400_000);
      const file = await service.exportCsv(req.serviceContext(), { workspaceId: req.params.workspaceId, from, to });
      return sendCsv(reply, file.fileName, file.body);
    },
  });
};
