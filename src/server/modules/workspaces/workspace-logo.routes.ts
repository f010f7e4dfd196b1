import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalid } from '../shared/errors.ts';
import { acceptedLogoTypes, getWorkspaceLogo, LOGO_MAX_BYTES, LOGO_SIZE, logoTooLarge, removeWorkspaceLogo, setWorkspaceLogo } from './workspace-logo.service.ts';

const workspaceParams = z.object({ workspaceId: z.string().min(1).max(100) });
const logo = z.object({ logoUrl: z.string().nullable().describe('Where the logo is served, or null without one') });

/** The workspace's logo, shown on its client report. Registered under /api/v1. */
export const workspaceLogoRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['workspaces'];
  await app.register(multipart, { limits: { fileSize: LOGO_MAX_BYTES, fieldSize: 1024, fields: 5, parts: 5, headerPairs: 100 } });

  app.put('/workspaces/:workspaceId/logo', {
    config: { access: 'settings.manage' },
    schema: {
      tags,
      summary: `Set the workspace's logo (multipart/form-data: \`file\`). ${acceptedLogoTypes} up to ${LOGO_MAX_BYTES / 1024 / 1024} MB, detected from the content; Herald keeps a PNG of at most ${LOGO_SIZE}×${LOGO_SIZE}`,
      consumes: ['multipart/form-data'],
      params: workspaceParams,
      response: { 200: logo },
    },
    handler: async (req) => {
      if (!req.isMultipart()) throw invalid('workspace.logo_multipart_required', 'Send the logo as multipart/form-data in the field "file"', { field: 'file', reason: 'multipart_required' });
      let file: Buffer | null = null;
      try {
        for await (const part of req.parts()) {
          if (part.type !== 'file' || part.fieldname !== 'file' || file) throw invalid('workspace.logo_one_file_only', 'Send one picture, in the field "file", and nothing else', { field: 'file', reason: 'one_file_only' });
          file = await part.toBuffer();
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw logoTooLarge();
        throw invalid('workspace.logo_one_file_only', 'Send one picture, in the field "file", and nothing else', { field: 'file', reason: 'one_file_only' });
      }
      if (!file?.length) throw invalid('workspace.logo_file_required', 'No picture: send it in the multipart field "file"', { field: 'file', reason: 'file_required' });
      return setWorkspaceLogo(req.serviceContext(), req.params.workspaceId, file);
    },
  });

  app.delete('/workspaces/:workspaceId/logo', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: 'Remove the workspace’s logo (404 logo.not_found when there is none)', params: workspaceParams, response: { 200: logo } },
    handler: async (req) => {
      await removeWorkspaceLogo(req.serviceContext(), req.params.workspaceId);
      return { logoUrl: null };
    },
  });

  app.get('/workspaces/:workspaceId/logo', {
    config: { access: 'workspace.read' },
    schema: { tags, summary: 'The workspace’s logo (image/png), for its members; 404 logo.not_found without one', params: workspaceParams },
    handler: async (req, reply) => {
      const found = await getWorkspaceLogo(req.serviceContext(), req.params.workspaceId);
      return reply.type(found.type).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=86400').send(found.data);
    },
  });
};
