import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listWorkspaceAudit } from './audit.service.ts';

const entry = z.object({
  id: z.number(),
  createdAt: z.date(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  workspaceId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspaces/:workspaceId/audit', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: "The workspace's activity: every change, newest first, and its members' sign-in events",
      params: z.object({ workspaceId: z.string().min(1) }),
      querystring: z.object({
        cursor: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        action: z.string().max(64).regex(/^[a-z_.]*$/, 'letters, dots and underscores only').optional(),
      }),
      response: { 200: z.object({ items: z.array(entry), nextCursor: z.string().nullable() }) },
    },
    handler: async (req) => {
      const ctx = req.serviceContext();
      return listWorkspaceAudit(ctx.db, {
        workspaceId: req.params.workspaceId,
        before: req.query.cursor,
        limit: req.query.limit,
        action: req.query.action,
      });
    },
  });
};
