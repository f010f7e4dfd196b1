import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateQuery } from '../../http/schemas.ts';
import { nameAuditEntities } from './audit.names.ts';
import { auditKinds, listWorkspaceAudit, type AuditKind } from './audit.service.ts';

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
  entity: z
    .object({
      type: z.string(),
      id: z.string(),
      name: z.string().describe("How people name it: a post's first words, a channel's @username, a member's name"),
      link: z.string().nullable().describe('Its page in the web app; null once it is gone'),
      network: z.string().nullable(),
      gone: z.boolean(),
    })
    .nullable()
    .describe('What the entry is about, named; null for entries about nothing with a name (sign-ins…)'),
  names: z.record(z.string(), z.string()).describe('Names for the ids inside `changes` (people, posts, channels)'),
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
        actorUserId: z.string().min(1).max(100).optional().describe('Only what this person did'),
        kind: z.enum(Object.keys(auditKinds) as [AuditKind, ...AuditKind[]]).optional().describe('posts (and their comments, deliveries, media), channels, members (and invitations), settings'),
        from: dateQuery().optional().describe('From this instant (inclusive)'),
        to: dateQuery().optional().describe('Until this instant (exclusive)'),
      }),
      response: { 200: z.object({ items: z.array(entry), nextCursor: z.string().nullable() }) },
    },
    handler: async (req) => {
      const { db } = req.serviceContext();
      const { workspaceId } = req.params;
      const { cursor, ...filters } = req.query;
      const page = await listWorkspaceAudit(db, { workspaceId, before: cursor, ...filters });
      const named = await nameAuditEntities(db, workspaceId, page.items);
      return { ...page, items: page.items.map((item, i) => ({ ...item, ...named[i]! })) };
    },
  });
};
