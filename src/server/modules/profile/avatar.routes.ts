import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, invalid } from '../shared/errors.ts';
import * as service from './avatar.service.ts';

/** Each upload decodes a picture (up to 4096×4096): a budget per user keeps one account from taking the CPU. */
const AVATAR_UPLOADS_PER_MINUTE = 10;

const picture = z.object({ image: z.string().nullable().describe('Where the picture is served (the same as `user.image` of /me), or null without one') });

/** The signed-in user's own picture, and everyone's pictures for signed-in users. Registered under /api/v1. */
export const avatarRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['me'];

  // Small enough to read into memory; the JSON body limit does not apply to multipart.
  await app.register(multipart, { limits: { fileSize: service.AVATAR_MAX_BYTES, fieldSize: 1024, fields: 5, parts: 5, headerPairs: 100 } });

  app.put('/me/avatar', {
    config: {
      access: 'user',
      // After the access check (preValidation), so the budget is the signed-in user's; before the body is read.
      rateLimit: { max: AVATAR_UPLOADS_PER_MINUTE, timeWindow: 60_000, hook: 'preHandler', keyGenerator: (req) => `avatar-upload:${req.auth?.userId ?? req.ip}` },
    },
    schema: {
      tags,
      summary: `Set your picture (multipart/form-data: \`file\`). ${service.acceptedAvatarTypes} up to ${service.AVATAR_MAX_BYTES / 1024 / 1024} MB and 4096×4096 pixels, detected from the content; Herald keeps a ${service.AVATAR_SIZE}×${service.AVATAR_SIZE} WebP copy. At most ${AVATAR_UPLOADS_PER_MINUTE} uploads a minute (429 rate_limited)`,
      consumes: ['multipart/form-data'],
      response: { 200: picture },
    },
    handler: async (req) => {
      if (!req.isMultipart()) throw invalid('avatar.multipart_required', 'Send the picture as multipart/form-data in the field "file"', { field: 'file', reason: 'multipart_required' });
      let file: Buffer | null = null;
      try {
        for await (const part of req.parts()) {
          if (part.type !== 'file' || part.fieldname !== 'file') {
            throw invalid('avatar.unexpected_field', `Unexpected field "${part.fieldname}": send only the picture, as "file"`, { field: part.fieldname, reason: 'unexpected_field' }, { field: part.fieldname });
          }
          if (file) throw invalid('avatar.one_file_only', 'Send one picture', { field: 'file', reason: 'one_file_only' });
          file = await part.toBuffer();
        }
      } catch (error) {
        throw multipartError(error);
      }
      if (!file) throw invalid('avatar.file_required', 'No picture: send it in the multipart field "file"', { field: 'file', reason: 'file_required' });
      return service.setAvatar(req.serviceContext(), file);
    },
  });

  app.delete('/me/avatar', {
    config: { access: 'user' },
    schema: { tags, summary: 'Remove your picture (404 avatar.not_found when there is none)', response: { 200: picture } },
    handler: async (req) => {
      await service.removeAvatar(req.serviceContext());
      return { image: null };
    },
  });

  app.get('/users/:id/avatar', {
    config: { access: 'user' },
    schema: {
      tags,
      summary: 'A user’s picture (image/webp), for themselves and the people they share a workspace with; 404 avatar.not_found for anyone else or when they have none',
      params: z.object({ id: z.string().min(1).max(100) }),
    },
    handler: async (req, reply) => {
      const avatar = await service.getAvatar(req.serviceContext(), req.params.id);
      return reply
        .type(avatar.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=86400')
        .header('last-modified', avatar.updatedAt.toUTCString())
        .send(avatar.data);
    },
  });
};

/** A malformed or oversized multipart body is the client's mistake: 4xx with the reason, never 500. */
function multipartError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_REQ_FILE_TOO_LARGE') return service.avatarTooLarge();
  if (e.code === 'FST_PARTS_LIMIT' || e.code === 'FST_FILES_LIMIT' || e.code === 'FST_FIELDS_LIMIT') {
    return invalid('avatar.one_file_only', 'Send one picture, in the field "file", and nothing else', { field: 'file', reason: 'one_file_only' });
  }
  return invalid('avatar.bad_multipart', `The multipart body could not be read: ${e.message ?? 'malformed'}`, { field: 'file', reason: 'bad_multipart' }, { reason: e.message ?? 'malformed' });
}
